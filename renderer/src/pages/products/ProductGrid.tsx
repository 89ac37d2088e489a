import { PictureOutlined } from '@ant-design/icons';
import { Skeleton } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { namesFor } from './format';
import type { SearchHit } from './usePagedSearch';

const CARD_W = 176;
const CARD_H = 236;
const GAP = 12;

interface Props {
  total: number;
  height: number;
  rowAt: (index: number) => SearchHit | undefined;
  ensureRange: (first: number, last: number) => void;
  onOpen: (id: number) => void;
  /** A phone: two cards a row across the whole width, and the MOQ on each. */
  phone?: boolean;
}

/**
 * Photo cards in a virtual grid: only the rows on screen are in the page, so
 * 100,000 products scroll as smoothly as 100.
 */
export function ProductGrid({ total, height, rowAt, ensureRange, onOpen, phone = false }: Props) {
  const { t, i18n } = useTranslation('products');
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(1000);
  const [top, setTop] = useState(0);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  const cols = phone ? 2 : Math.max(1, Math.floor((width - GAP) / (CARD_W + GAP)));
  // A phone's card has room for the MOQ line under the name (it may wrap at 360 px).
  const cardH = phone ? CARD_H + 20 : CARD_H;
  const cardW = phone ? Math.floor((width - GAP * (cols + 1)) / cols) : CARD_W;
  const rows = Math.ceil(total / cols);
  const firstRow = Math.max(0, Math.floor(top / (cardH + GAP)) - 1);
  const lastRow = Math.min(rows - 1, Math.ceil((top + height) / (cardH + GAP)) + 1);

  useEffect(() => {
    ensureRange(firstRow * cols, (lastRow + 1) * cols);
  }, [ensureRange, firstRow, lastRow, cols]);

  const cards = [];
  for (let r = firstRow; r <= lastRow; r += 1) {
    for (let c = 0; c < cols; c += 1) {
      const index = r * cols + c;
      if (index >= total) break;
      const p = rowAt(index);
      const style = { position: 'absolute' as const, top: r * (cardH + GAP) + GAP, left: GAP + c * (cardW + GAP), width: cardW, height: cardH };
      if (!p) {
        cards.push(
          <div key={`s${index}`} style={{ ...style, padding: 8 }}>
            <Skeleton.Image active style={{ width: cardW - 16, height: 150 }} />
          </div>,
        );
        continue;
      }
      const { main, other } = namesFor(p.names, i18n.language);
      const low = p.lowStockAt !== null && p.stock.available <= p.lowStockAt;
      cards.push(
        <button
          type="button"
          key={p.id}
          onClick={() => onOpen(p.id)}
          data-testid="product-card"
          style={{ ...style, border: '1px solid #eee', borderRadius: 8, background: '#fff', padding: 0, textAlign: 'start', cursor: 'pointer', overflow: 'hidden' }}
        >
          <div style={{ height: 150, background: '#f5f5f5', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
            {p.cover ? (
              <img src={p.cover.thumbUrl} alt={p.itemNo} loading="lazy" style={{ width: '100%', height: '100%', objectFit: 'cover' }} />
            ) : (
              <PictureOutlined style={{ fontSize: 32, color: '#ccc' }} />
            )}
          </div>
          <div style={{ padding: '6px 8px', lineHeight: 1.35 }}>
            <div style={{ display: 'flex', justifyContent: 'space-between' }}>
              <b>{p.itemNo}</b>
              <span>{p.priceTiers[0] ? `¥${p.priceTiers[0].priceCny}` : '—'}</span>
            </div>
            <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{main}</div>
            <div style={{ whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis', color: '#595959', fontSize: 12 }}>{other || '\u00a0'}</div>
            <div style={{ fontSize: 12, color: low ? '#c0392b' : '#666' }}>
              {phone && <span data-testid="card-moq">{`${t('moq')} ${p.moq} ${p.unit} · `}</span>}
              {t('availableShort', { count: p.stock.available, unit: p.unit })}
            </div>
          </div>
        </button>,
      );
    }
  }

  return (
    <div ref={box} onScroll={(e) => setTop(e.currentTarget.scrollTop)} style={{ height, overflowY: 'auto', position: 'relative' }} data-testid="product-grid">
      <div style={{ height: rows * (cardH + GAP) + GAP, position: 'relative' }}>{cards}</div>
    </div>
  );
}
