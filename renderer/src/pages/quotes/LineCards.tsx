import { DeleteOutlined, EditOutlined, MinusOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Image, type TableColumnType } from 'antd';
import type { ReactNode } from 'react';
import { cellOf } from '../../layout/ResponsiveTable';
import { useTranslation } from 'react-i18next';
import type { DocumentLine } from '../../../../main/quotes/types';
import { useUnitLabel } from '../../lib/units';
import { groupDigits } from './format';
import { CartonsInput, NoteInput, PriceInput, QtyInput, WarningIcons, type LinePatch } from './LineInputs';

interface Props {
  lines: DocumentLine[];
  currency: string;
  editable: boolean;
  onChange?: ((lineId: number, patch: LinePatch) => void) | undefined;
  onRemove?: ((lineId: number) => void) | undefined;
  onDone?: (() => void) | undefined;
  /** The PC table's extra columns (a PI's reserved stock), as label and value. */
  extraColumns?: Array<TableColumnType<DocumentLine>> | undefined;
}

/**
 * A phone's quotation lines (under 768 px): one card per line — photo, item no and name, the
 * quantity in pieces and in cartons with a stepper (a carton at a time, or one piece without
 * packing), the price, the amount and the MOQ/stock warnings in words. The same inputs as the PC's
 * table, so a scanner and the keyboard behave the same.
 */
export function LineCards({ lines, currency, editable, onChange, onRemove, onDone, extraColumns = [] }: Props) {
  const { t, i18n } = useTranslation('quotes');
  const unit = useUnitLabel();
  const zh = i18n.language.startsWith('zh');
  if (lines.length === 0) return <div className="sk-line-empty" data-testid="quote-lines">{t('lines.empty')}</div>;
  return (
    <ul className="sk-line-cards" data-testid="quote-lines" data-region="lines">
      {lines.map((l, index) => {
        const name = zh ? l.product.names.zh || l.product.names.en : l.product.names.en || l.product.names.zh;
        const perCarton = l.product.packing.pcsPerCarton ?? 0;
        const edit = editable && onChange;
        const step = (direction: 1 | -1) => {
          if (!onChange) return;
          if (perCarton > 0) onChange(l.id, { cartons: Math.max(1, l.cartons + direction) });
          else onChange(l.id, { qty: Math.max(1, l.qty + direction) });
        };
        const serious = l.warnings.some((w) => w.code === 'short_stock' || w.code === 'below_moq');
        return (
          <li key={l.id} className={serious ? 'sk-line-card sk-line-warn' : 'sk-line-card'} data-testid={`line-card-${l.id}`}>
            <div className="sk-line-card-head">
              {l.product.cover ? (
                <Image src={l.product.cover.thumbUrl} preview={{ src: l.product.cover.url }} width={48} height={48} style={{ objectFit: 'cover', borderRadius: 6 }} alt="" />
              ) : (
                <span className="sk-line-card-nophoto" aria-hidden />
              )}
              <div className="sk-line-card-name" data-testid={`line-name-${l.id}`}>
                <span className="sk-muted">{l.no}.</span> <b>{l.product.itemNo}</b> {name}
              </div>
              {editable && onRemove && <Button type="text" icon={<DeleteOutlined />} aria-label={`${t('lines.remove')} ${l.product.itemNo}`} onClick={() => onRemove(l.id)} data-testid={`remove-${l.id}`} />}
            </div>
            <div className="sk-line-card-grid">
              <label className="sk-line-card-field">
                <span>{t('lines.qty')}</span>
                {edit ? <QtyInput line={l} onCommit={(qty) => onChange(l.id, { qty })} onDone={onDone} /> : <b>{`${groupDigits(String(l.qty))} ${unit(l.product.unit)}`}</b>}
              </label>
              <div className="sk-line-card-field">
                <span>{t('lines.cartons')}</span>
                {edit ? (
                  <div className="sk-stepper">
                    <Button icon={<MinusOutlined />} aria-label={perCarton > 0 ? t('lines.cartonLess', { itemNo: l.product.itemNo }) : t('lines.pieceLess', { itemNo: l.product.itemNo })} disabled={perCarton > 0 ? l.cartons <= 1 : l.qty <= 1} onClick={() => step(-1)} data-testid={`step-down-${l.id}`} />
                    <CartonsInput line={l} onCommit={(cartons) => onChange(l.id, { cartons })} />
                    <Button icon={<PlusOutlined />} aria-label={perCarton > 0 ? t('lines.cartonMore', { itemNo: l.product.itemNo }) : t('lines.pieceMore', { itemNo: l.product.itemNo })} onClick={() => step(1)} data-testid={`step-up-${l.id}`} />
                  </div>
                ) : (
                  <b>{l.cartons || '—'}</b>
                )}
              </div>
              <label className="sk-line-card-field">
                <span>{t('lines.unitPrice', { currency })}</span>
                {edit ? (
                  <PriceInput line={l} onCommit={(unitPrice) => onChange(l.id, { unitPrice })} onDone={onDone} />
                ) : (
                  <b>
                    {l.unitPrice}
                    {l.priceSource === 'typed' && <EditOutlined style={{ color: '#1677ff', fontSize: 11, marginInlineStart: 4 }} aria-label={t('lines.typedMark')} />}
                  </b>
                )}
              </label>
              <div className="sk-line-card-field">
                <span>{t('lines.amount')}</span>
                <b data-testid={`amount-${l.id}`}>{groupDigits(l.amount)}</b>
              </div>
              <div className="sk-line-card-field">
                <span>CBM</span>
                <span>{l.cbm}</span>
              </div>
              {extraColumns.map((c) => (
                <div className="sk-line-card-field" key={String(c.key)}>
                  <span>{c.title as ReactNode}</span>
                  <span>{cellOf(c, l, index)}</span>
                </div>
              ))}
            </div>
            <WarningIcons warnings={l.warnings} unit={l.product.unit} inline />
            {edit ? <NoteInput line={l} onCommit={(note) => onChange(l.id, { note })} /> : l.note && <div className="sk-muted" style={{ fontSize: 12 }}>{l.note}</div>}
          </li>
        );
      })}
    </ul>
  );
}
