import { EditOutlined, WarningOutlined } from '@ant-design/icons';
import { Input, InputNumber, Tooltip } from 'antd';
import { useLayoutEffect, useRef, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentLine, LineWarning } from '../../../../main/quotes/types';
import { useUnitLabel } from '../../lib/units';
import { useTouch } from '../../layout/screen';

/** The inputs of a quotation line, shared by the lines table (PC, tablet) and the line cards (phone). */

export interface LinePatch {
  qty?: number;
  cartons?: number;
  /** A typed price, or null to go back to the tier price. */
  unitPrice?: string | null;
  note?: string;
}

/**
 * A line's warnings: an icon whose tooltip (hover, or a tap on a touch screen) says them, or with
 * `inline` (a phone's line card) the words themselves, nothing behind a hover.
 */
export function WarningIcons({ warnings, unit: stored, inline = false }: { warnings: LineWarning[]; unit: string; inline?: boolean }) {
  const { t } = useTranslation('quotes');
  const unit = useUnitLabel()(stored);
  // A finger has no hover: on a touch screen a tap opens the warning too.
  const touch = useTouch();
  if (warnings.length === 0) return null;
  const text = warnings.map((w) => {
    switch (w.code) {
      case 'below_moq':
        return t('warnings.below_moq', { moq: w.moq, unit });
      case 'short_stock':
        return t('warnings.short_stock', { requested: w.requested, available: w.available, unit });
      case 'partial_carton':
        return t('warnings.partial_carton', { qty: w.lastCartonQty, unit });
      case 'no_packing':
        return t('warnings.no_packing');
      default:
        return t('warnings.no_price');
    }
  });
  const serious = warnings.some((w) => w.code === 'short_stock' || w.code === 'below_moq' || w.code === 'no_price');
  if (inline) {
    return (
      <div className={serious ? 'sk-line-warnings sk-line-warnings-serious' : 'sk-line-warnings'} data-testid="line-warning" role="note">
        {text.map((line) => (
          <div key={line}>
            <WarningOutlined aria-hidden /> {line}
          </div>
        ))}
      </div>
    );
  }
  return (
    <Tooltip title={text.map((line) => <div key={line}>{line}</div>)} trigger={touch ? ['hover', 'click'] : 'hover'}>
      <WarningOutlined style={{ color: serious ? '#d4380d' : '#faad14' }} data-testid="line-warning" aria-label={text.join('; ')} />
    </Tooltip>
  );
}

/**
 * What an input shows: the stored value, until the person changes it. A new
 * stored value (the server's answer, e.g. the tier price of a new quantity)
 * replaces the text whenever the person has not changed it, even while the
 * field has the focus: a value counts as typed only once it was edited.
 * `replaced` counts the replacements made while focused, so the field can
 * select its new text (the next key typed replaces it, as after a focus).
 */
export function useDraft<T>(stored: T) {
  const [value, setValue] = useState(stored);
  const [synced, setSynced] = useState(stored);
  const [focused, setFocused] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [replaced, setReplaced] = useState(0);
  if (!Object.is(synced, stored)) {
    setSynced(stored);
    if (!dirty) {
      setValue(stored);
      if (focused) setReplaced((n) => n + 1);
    }
  }
  return {
    value,
    dirty,
    replaced,
    /** The person typed: the text is theirs now. */
    edit: (v: T) => {
      setValue(v);
      setDirty(true);
    },
    /** Back to the stored value (after a commit or a refused entry). */
    reset: (v: T = stored) => {
      setValue(v);
      setDirty(false);
    },
    /** Committed: the next stored value is shown again. */
    settle: () => setDirty(false),
    setFocused,
  };
}

/** Selects the text of a focused input whose value was replaced by a newer stored value. */
export function useReselect(replaced: number) {
  const ref = useRef<HTMLDivElement | null>(null);
  useLayoutEffect(() => {
    if (replaced === 0) return;
    const input = ref.current?.querySelector('input');
    if (input && document.activeElement === input) input.select();
  }, [replaced]);
  return ref;
}

/** An input that keeps what is typed until Enter or leaving the field commits it. */
/**
 * A whole number of a line (its quantity, its cartons): the draft, and its commit on Enter or on
 * leaving the box, sent once (Enter and then leaving the field must not send the same change twice).
 */
function useWholeNumber(stored: number | null, current: number, onCommit: (n: number) => void) {
  const { value, dirty, replaced, edit, reset, settle, setFocused } = useDraft<number | null>(stored);
  const ref = useReselect(replaced);
  const sent = useRef<number | null>(null);
  const commit = () => {
    if (!dirty) return;
    if (value !== null && value >= 1 && value !== current) {
      if (sent.current !== value) onCommit(value);
      sent.current = value;
      settle();
    } else reset();
  };
  const box = {
    size: 'small',
    min: 1,
    precision: 0,
    controls: false,
    value,
    onChange: (v: number | null) => edit(v),
    onFocus: (e: FocusEvent<HTMLInputElement>) => {
      sent.current = null;
      setFocused(true);
      e.target.select();
    },
    onBlur: () => {
      setFocused(false);
      commit();
    },
    style: { width: '100%' },
  } as const;
  return { ref, commit, box };
}

export function QtyInput({ line, onCommit, onDone }: { line: DocumentLine; onCommit: (qty: number) => void; onDone?: (() => void) | undefined }) {
  const { t } = useTranslation('quotes');
  const unit = useUnitLabel();
  const { ref, commit, box } = useWholeNumber(line.qty, line.qty, onCommit);
  return (
    <div ref={ref}>
      <InputNumber
        {...box}
        max={10_000_000}
        onPressEnter={() => {
          // Enter: the quantity is set and the tier price stays; back to the search box (Tab leads to the price instead).
          commit();
          onDone?.();
        }}
        aria-label={t('lines.qtyOf', { itemNo: line.product.itemNo })}
        suffix={<span className="sk-unit-suffix">{unit(line.product.unit)}</span>}
        data-testid={`qty-${line.id}`}
      />
    </div>
  );
}

export function CartonsInput({ line, onCommit }: { line: DocumentLine; onCommit: (cartons: number) => void }) {
  const { t } = useTranslation('quotes');
  const { ref, commit, box } = useWholeNumber(line.cartons || null, line.cartons, onCommit);
  return (
    <div ref={ref}>
      <InputNumber
        {...box}
        disabled={!line.product.packing.pcsPerCarton}
        tabIndex={-1}
        onPressEnter={commit}
        aria-label={t('lines.cartonsOf', { itemNo: line.product.itemNo })}
        data-testid={`ctns-${line.id}`}
      />
    </div>
  );
}

/**
 * The unit price: the tier price of the line's quantity until the person types
 * another. Only an edited price is sent as typed; Enter on an untouched box
 * keeps the tier price (also the new one that arrived after a quantity change).
 */
export function PriceInput({ line, onCommit, onDone }: { line: DocumentLine; onCommit: (price: string | null) => void; onDone?: (() => void) | undefined }) {
  const { t } = useTranslation('quotes');
  const { value, dirty, replaced, edit, reset, settle, setFocused } = useDraft(line.unitPrice);
  const ref = useReselect(replaced);
  const touch = useTouch();
  const sent = useRef<string | null | undefined>(undefined);
  const send = (price: string | null) => {
    if (sent.current !== price) onCommit(price);
    sent.current = price;
    settle();
  };
  const commit = () => {
    if (!dirty) return;
    const text = value.trim().replace(',', '.');
    if (text === '') {
      // Emptied: back to the price from the tier.
      if (line.priceSource === 'typed') send(null);
      else reset();
    } else if (!/^\d+(\.\d{0,4})?$/.test(text)) {
      reset();
    } else if (Number(text) !== Number(line.unitPrice)) {
      send(text);
    } else reset();
  };
  return (
    <div ref={ref}>
      <Input
        size="small"
        value={value}
        inputMode="decimal"
        onChange={(e) => edit(e.target.value)}
        onFocus={(e) => {
          sent.current = undefined;
          setFocused(true);
          e.target.select();
        }}
        onBlur={() => {
          setFocused(false);
          commit();
        }}
        onPressEnter={() => {
          commit();
          onDone?.();
        }}
        aria-label={t('lines.priceOf', { itemNo: line.product.itemNo })}
        suffix={
          line.priceSource === 'typed' ? (
            <Tooltip title={t('lines.typed', { price: line.suggestedUnitPrice ?? '—' })} trigger={touch ? ['hover', 'click'] : 'hover'}>
              <EditOutlined style={{ color: '#1677ff', fontSize: 11 }} aria-label={t('lines.typedMark')} />
            </Tooltip>
          ) : (
            <span />
          )
        }
        style={{ textAlign: 'right' }}
        data-testid={`price-${line.id}`}
      />
    </div>
  );
}

export function NoteInput({ line, onCommit }: { line: DocumentLine; onCommit: (note: string) => void }) {
  const { t } = useTranslation('quotes');
  const { value, dirty, edit, settle, setFocused } = useDraft(line.note);
  const touch = useTouch();
  const sent = useRef<string | null>(null);
  const commit = () => {
    if (!dirty) return;
    const note = value.trim();
    if (note !== line.note && sent.current !== note) onCommit(note);
    sent.current = note;
    settle();
  };
  return (
    <Input
      // On a touch screen the finger-sized field of the other controls (44 px); on the PC the slim line under the name.
      size={touch ? 'middle' : 'small'}
      variant="borderless"
      tabIndex={-1}
      placeholder={t('lines.notePlaceholder')}
      aria-label={t('lines.noteOf', { itemNo: line.product.itemNo })}
      value={value}
      maxLength={1000}
      onChange={(e) => edit(e.target.value)}
      onFocus={() => {
        sent.current = null;
        setFocused(true);
      }}
      onBlur={() => {
        setFocused(false);
        commit();
      }}
      onPressEnter={commit}
      className={touch ? 'sk-line-note sk-note-touch' : 'sk-line-note'}
      data-testid={`note-${line.id}`}
    />
  );
}
