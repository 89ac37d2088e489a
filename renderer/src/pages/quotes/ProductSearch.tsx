import { BarcodeOutlined, SearchOutlined } from '@ant-design/icons';
import { Empty, Input, type InputRef, Spin, Tag } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { useRef, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { call, type ApiOutput } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { groupDigits } from './format';
import { holdKeys, keyTime } from '../../lib/typeAhead';
import { useUnitLabel } from '../../lib/units';

type LookupItem = ApiOutput<'quotes.lookup'>[number];

/**
 * (A barcode is handled as a scan however it was typed; anything typed at scanner speed too.)
 * A keyboard wedge types a whole code in a few milliseconds per key; a person
 * does not (35 ms a key is over 300 words a minute). A scan: at least 4 keys,
 * 35 ms a key on average, no gap over 100 ms (a busy PC may stall a key or two).
 */
export function looksScanned(keyTimes: number[]): boolean {
  const n = keyTimes.length;
  if (n < 4) return false;
  let maxGap = 0;
  for (let i = 1; i < n; i += 1) maxGap = Math.max(maxGap, (keyTimes[i] as number) - (keyTimes[i - 1] as number));
  return maxGap <= 100 && ((keyTimes[n - 1] as number) - (keyTimes[0] as number)) / (n - 1) <= 35;
}

/** A GTIN (EAN-13, UPC-A, EAN-8, GTIN-14) with a right check digit: what scanners read off packaging. */
export function isGtin(code: string): boolean {
  if (!/^\d{8}$|^\d{12,14}$/.test(code)) return false;
  const digits = [...code].map(Number);
  const check = digits.pop() as number;
  let sum = 0;
  for (let i = digits.length - 1, weight = 3; i >= 0; i -= 1, weight = weight === 3 ? 1 : 3) sum += (digits[i] as number) * weight;
  return (10 - (sum % 10)) % 10 === check;
}

interface Props {
  quoteId: number;
  currency: string;
  inputRef: RefObject<InputRef | null>;
  /** A scan: add the product or one more carton of it; focus stays here for the next scan. */
  onScan: (code: string) => Promise<void>;
  /** Enter or a click on a result: add the product as a line. */
  onAdd: (productId: number) => Promise<void>;
  onNotFound: (query: string) => void;
}

/**
 * The quick quote search box: type an item no, a barcode or a name; ↑/↓ pick a
 * result, Enter adds it and moves to its quantity. A barcode scanner (keyboard
 * wedge) types into the same box: a GTIN, or anything typed at scanner speed, adds
 * the product or one more carton when it is already quoted, and the focus stays
 * here for the next scan.
 */
export function ProductSearch({ quoteId, currency, inputRef, onScan, onAdd, onNotFound }: Props) {
  const { t, i18n } = useTranslation('quotes');
  const zh = i18n.language.startsWith('zh');
  const unit = useUnitLabel();
  const [text, setText] = useState('');
  const [highlight, setHighlight] = useState(0);
  const [focused, setFocused] = useState(false);
  const [busy, setBusy] = useState(false);
  const keyTimes = useRef<number[]>([]);

  // Searched as typed (no debounce): the answer for the text on screen is what Enter picks.
  const query = text.trim();
  const lookup = useApiQuery('quotes.lookup', { query: query || '-', quoteId, limit: 8 }, { enabled: query.length > 0, staleTime: 2_000, placeholderData: keepPreviousData });
  const items: LookupItem[] = query.length > 0 && !lookup.isPlaceholderData ? (lookup.data ?? []) : [];

  const reset = () => {
    setText('');
    setHighlight(0);
    keyTimes.current = [];
  };

  const pick = async (item: LookupItem) => {
    reset();
    setBusy(true);
    try {
      await onAdd(item.product.id);
    } finally {
      setBusy(false);
    }
  };

  /**
   * Enter by hand: the keys typed after it (the quantity, Tab, the price…) are held
   * until the new line's quantity has the focus, and then go there.
   */
  const enter = async () => {
    const code = text.trim();
    if (!code) return;
    const scanned = isGtin(code) || looksScanned(keyTimes.current);
    if (scanned) return scan(code);
    const hold = holdKeys();
    try {
      await choose(code);
    } finally {
      hold.release();
    }
  };

  const scan = async (code: string) => {
    reset();
    setBusy(true);
    try {
      await onScan(code);
    } finally {
      setBusy(false);
    }
  };

  const choose = async (code: string) => {
    let chosen = items[highlight] ?? items[0];
    if (!chosen) {
      setBusy(true);
      try {
        chosen = (await call('quotes.lookup', { query: code, quoteId, limit: 1 }))[0];
      } finally {
        setBusy(false);
      }
    }
    if (!chosen) {
      onNotFound(code);
      return;
    }
    await pick(chosen);
  };

  const open = focused && text.trim().length > 0;

  return (
    <div style={{ position: 'relative' }}>
      <Input
        ref={inputRef}
        size="large"
        autoFocus
        allowClear
        data-testid="quote-search"
        placeholder={t('search.placeholder')}
        prefix={busy ? <Spin size="small" /> : <SearchOutlined />}
        suffix={<BarcodeOutlined style={{ color: '#595959' }} title={t('search.scanHint')} />}
        value={text}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
        onChange={(e) => {
          setText(e.target.value);
          setHighlight(0);
          if (e.target.value === '') keyTimes.current = [];
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setHighlight((h) => Math.min(h + 1, Math.max(0, items.length - 1)));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setHighlight((h) => Math.max(0, h - 1));
          } else if (e.key === 'Escape') {
            reset();
          } else if (e.key === 'Enter') {
            e.preventDefault();
            void enter();
          } else if (e.key.length === 1) {
            // A replayed key keeps the time it was typed, so a person's keys never look like a scan.
            keyTimes.current.push(keyTime(e));
          }
        }}
      />
      {open && (
        <div className="sk-search-results" data-testid="quote-search-results">
          {lookup.isFetching && items.length === 0 ? (
            <div style={{ padding: 12 }}>
              <Spin size="small" />
            </div>
          ) : items.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.none')} style={{ margin: 8 }} />
          ) : (
            items.map((item, i) => {
              const p = item.product;
              const name = zh ? p.names.zh || p.names.en : p.names.en || p.names.zh;
              return (
                <div
                  key={p.id}
                  className={`sk-search-item${i === highlight ? ' sk-search-item-active' : ''}`}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    void pick(item);
                  }}
                  onMouseEnter={() => setHighlight(i)}
                >
                  {p.cover ? <img src={p.cover.thumbUrl} alt="" width={36} height={36} /> : <div style={{ width: 36 }} />}
                  <div style={{ flex: 1, minWidth: 0 }}>
                    <div>
                      <b>{p.itemNo}</b> {name}
                    </div>
                    <div className="sk-muted" style={{ fontSize: 12 }}>
                      {t('search.moq', { qty: item.defaultQty, unit: unit(p.unit) })}
                      {p.packing.pcsPerCarton ? ` · ${t('search.perCarton', { qty: p.packing.pcsPerCarton, unit: unit(p.unit) })}` : ''}
                      {` · ${t('search.available', { qty: p.stock.available })}`}
                    </div>
                  </div>
                  <div style={{ textAlign: 'right' }}>
                    {item.suggestedUnitPrice !== null && (
                      <div>
                        {currency} {groupDigits(item.suggestedUnitPrice)}
                      </div>
                    )}
                    {item.priceCny !== null && <Tag style={{ marginInlineEnd: 0 }}>¥{item.priceCny}</Tag>}
                  </div>
                </div>
              );
            })
          )}
        </div>
      )}
    </div>
  );
}
