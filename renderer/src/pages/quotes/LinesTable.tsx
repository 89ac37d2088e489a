import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Image, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DocumentLine } from '../../../../main/quotes/types';
import { groupDigits } from './format';
import { useUnitLabel } from '../../lib/units';
import { foldColumns } from '../../layout/ResponsiveTable';
import { useScreen } from '../../layout/screen';
import { LineCards } from './LineCards';
import { CartonsInput, NoteInput, PriceInput, QtyInput, WarningIcons, type LinePatch } from './LineInputs';

export type { LinePatch } from './LineInputs';

interface Props {
  lines: DocumentLine[];
  currency: string;
  editable: boolean;
  onChange?: (lineId: number, patch: LinePatch) => void;
  onRemove?: (lineId: number) => void;
  /** Enter in a quantity or a price: back to the search box. */
  onDone?: () => void;
  /** Extra columns (a PI's reserved stock). */
  extraColumns?: Parameters<typeof Table<DocumentLine>>[0]['columns'];
  scrollY?: string;
}

/**
 * A quotation's or PI's lines: antd's table on the PC; on a tablet (768–1200 px) the same table with
 * quantity and cartons, price and amount folded into one column each, so the product's name keeps its
 * room; on a phone one card per line (LineCards).
 */
export function LinesTable({ lines, currency, editable, onChange, onRemove, onDone, extraColumns = [], scrollY }: Props) {
  const { t, i18n } = useTranslation('quotes');
  const unit = useUnitLabel();
  const screen = useScreen();
  const zh = i18n.language.startsWith('zh');
  if (screen.phone) return <LineCards lines={lines} currency={currency} editable={editable} onChange={onChange} onRemove={onRemove} onDone={onDone} extraColumns={extraColumns} />;
  const fold = (columns: NonNullable<Props['extraColumns']>) => (screen.folded ? foldColumns(columns, [['qty', 'cartons'], ['price', 'amount']]) : columns);
  return (
    <Table<DocumentLine>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={lines}
      scroll={scrollY && screen.desktop ? { y: scrollY } : undefined}
      locale={{ emptyText: t('lines.empty') }}
      data-testid="quote-lines"
      rowClassName={(l) => (l.warnings.some((w) => w.code === 'short_stock' || w.code === 'below_moq') ? 'sk-line-warn' : '')}
      data-region="lines"
      columns={fold([
        { title: '#', dataIndex: 'no', width: 34, align: 'right' },
        {
          title: '',
          key: 'photo',
          width: 46,
          render: (_, l) =>
            l.product.cover ? <Image src={l.product.cover.thumbUrl} preview={{ src: l.product.cover.url }} width={36} height={36} style={{ objectFit: 'cover', borderRadius: 4 }} alt="" /> : null,
        },
        {
          title: t('lines.product'),
          key: 'product',
          render: (_, l) => (
            <div style={{ minWidth: 0 }}>
              {/* On a PI (read only) the whole name shows, on two lines if need be; the editable quote keeps one line. */}
              <div className={editable ? 'sk-line-name' : 'sk-line-name-wrap'} data-testid={`line-name-${l.id}`} title={`${l.product.itemNo} ${zh ? l.product.names.zh || l.product.names.en : l.product.names.en || l.product.names.zh}`}>
                <b className="sk-nowrap">{l.product.itemNo}</b> {zh ? l.product.names.zh || l.product.names.en : l.product.names.en || l.product.names.zh}
              </div>
              {editable && onChange ? (
                <NoteInput line={l} onCommit={(note) => onChange(l.id, { note })} />
              ) : (
                l.note && <div className="sk-muted" style={{ fontSize: 12 }}>{l.note}</div>
              )}
            </div>
          ),
        },
        {
          title: t('lines.qty'),
          key: 'qty',
          width: 112,
          align: 'right',
          render: (_, l) =>
            editable && onChange ? <QtyInput line={l} onCommit={(qty) => onChange(l.id, { qty })} onDone={onDone} /> : <span className="sk-nowrap">{`${groupDigits(String(l.qty))} ${unit(l.product.unit)}`}</span>,
        },
        {
          title: t('lines.cartons'),
          key: 'cartons',
          width: 64,
          align: 'right',
          render: (_, l) => (editable && onChange ? <CartonsInput line={l} onCommit={(cartons) => onChange(l.id, { cartons })} /> : l.cartons || '—'),
        },
        {
          title: t('lines.unitPrice', { currency }),
          key: 'price',
          width: 100,
          align: 'right',
          render: (_, l) =>
            editable && onChange ? (
              <PriceInput line={l} onCommit={(unitPrice) => onChange(l.id, { unitPrice })} onDone={onDone} />
            ) : (
              <span>
                {l.unitPrice}
                {l.priceSource === 'typed' && <EditOutlined style={{ color: '#1677ff', fontSize: 11, marginInlineStart: 4 }} />}
              </span>
            ),
        },
        { title: t('lines.amount'), key: 'amount', width: 96, align: 'right', render: (_, l) => <span data-testid={`amount-${l.id}`}>{groupDigits(l.amount)}</span> },
        { title: 'CBM', dataIndex: 'cbm', width: 62, align: 'right' },
        ...extraColumns,
        {
          title: '',
          key: 'warn',
          width: 30,
          render: (_, l) => <WarningIcons warnings={l.warnings} unit={l.product.unit} />,
        },
        ...(editable && onRemove
          ? [
              {
                title: '',
                key: 'remove',
                // A finger's 44-px button needs the wider column on a touch screen.
                width: screen.touch ? 60 : 34,
                render: (_: unknown, l: DocumentLine) => (
                  <Button type="text" size="small" tabIndex={-1} icon={<DeleteOutlined />} aria-label={t('lines.remove')} onClick={() => onRemove(l.id)} data-testid={`remove-${l.id}`} />
                ),
              },
            ]
          : []),
      ])}
      tableLayout="fixed"
      className="sk-lines"
    />
  );
}
