import { Empty, Pagination, Spin, Table, type TableColumnType, type TablePaginationConfig, type TableProps } from 'antd';
import type { CSSProperties, HTMLAttributes, Key, ReactNode } from 'react';
import { useScreen } from './screen';

type Column<R> = TableColumnType<R>;

function keyOf<R>(c: Column<R>): string {
  return String(c.key ?? (Array.isArray(c.dataIndex) ? c.dataIndex.join('.') : (c.dataIndex ?? '')));
}

/** What a column shows for a row, as antd's Table would draw it. */
export function cellOf<R>(c: Column<R>, row: R, index: number): ReactNode {
  // Read through a plain shape: antd's DataIndex<R> is a deep path type that sends tsc out of memory with a generic R.
  const col = c as unknown as LooseColumn<R>;
  const path = col.dataIndex === undefined ? [] : Array.isArray(col.dataIndex) ? col.dataIndex : [col.dataIndex];
  let value: unknown = path.length ? row : undefined;
  for (const p of path) value = (value as Record<string | number, unknown> | undefined)?.[p];
  if (col.render) {
    const drawn = col.render(value, row, index);
    // antd lets render return { children, props }: only the children are shown here.
    if (drawn && typeof drawn === 'object' && 'children' in drawn && !('$$typeof' in drawn)) return (drawn as { children: ReactNode }).children;
    return drawn as ReactNode;
  }
  return value as ReactNode;
}

interface LooseColumn<R> {
  dataIndex?: string | number | Array<string | number>;
  render?: (value: unknown, row: R, index: number) => unknown;
}

/**
 * The desktop's columns folded for a tablet (768–1200 px): each group of columns becomes one,
 * its cells stacked, so the table fits the width and no column of information disappears.
 */
export function foldColumns<R>(columns: Array<Column<R>>, groups: string[][]): Array<Column<R>> {
  const byKey = new Map(columns.map((c) => [keyOf(c), c]));
  const grouped = new Set(groups.flat());
  const out: Array<Column<R>> = [];
  for (const c of columns) {
    const key = keyOf(c);
    if (!grouped.has(key)) {
      out.push(c);
      continue;
    }
    const group = groups.find((g) => g[0] === key);
    if (!group) continue; // drawn in its group's first column
    const parts = group.map((k) => byKey.get(k)).filter((p): p is Column<R> => p !== undefined);
    const widths = parts.map((p) => (typeof p.width === 'number' ? p.width : 0));
    out.push({
      key: group.join('+'),
      title: (
        <div className="sk-fold-title">
          {parts.map((p) => (
            <div key={keyOf(p)}>{p.title as ReactNode}</div>
          ))}
        </div>
      ),
      ...(widths.every((w) => w > 0) ? { width: Math.max(...widths) } : {}),
      align: c.align,
      render: (_: unknown, row: R, index: number) => (
        <div className="sk-fold-cell">
          {parts.map((p) => (
            <div key={keyOf(p)}>{cellOf(p, row, index)}</div>
          ))}
        </div>
      ),
    });
  }
  return out;
}

export interface CardSpec<R> {
  /** Column keys drawn in the card's head (the rest are label: value pairs below). */
  head: string[];
  /** A tap on the card opens the row. */
  onOpen?: (row: R) => void;
  /** The accessible name of the card's open button (its head's first column). */
  label?: (row: R) => string;
  testId?: (row: R) => string;
}

/**
 * The Table props a responsive list uses (kept explicit: intersecting antd's whole TableProps<R>
 * with a generic R sends tsc out of memory).
 */
interface TableOf<R> {
  columns: Array<Column<R>>;
  dataSource?: readonly R[] | undefined;
  rowKey?: string | ((row: R, index?: number) => Key);
  loading?: boolean | { spinning?: boolean };
  pagination?: false | TablePaginationConfig;
  locale?: { emptyText?: ReactNode };
  size?: 'small' | 'middle' | 'large';
  scroll?: { x?: number | string | true; y?: number | string };
  onRow?: (row: R, index?: number) => HTMLAttributes<HTMLElement>;
  rowClassName?: string | ((row: R, index: number) => string);
  tableLayout?: 'auto' | 'fixed';
  className?: string;
  style?: CSSProperties;
  'data-testid'?: string;
}

interface Props<R> extends TableOf<R> {
  /** Tablet: groups of column keys drawn as one column each. */
  fold?: string[][];
  card: CardSpec<R>;
}

/**
 * antd's Table on the PC (exactly as before), folded on a tablet, and a list of cards on a phone:
 * every column in each. Takes the Table's props, plus how to fold and what heads a card.
 */
export function ResponsiveTable<R extends object>(props: Props<R>) {
  const { phone, folded } = useScreen();
  const table = tableProps(props);
  if (!phone) return <Table<R> {...(table as unknown as TableProps<R>)} columns={folded ? foldColumns(table.columns, props.fold ?? []) : table.columns} />;
  return <CardList table={table} card={props.card} />;
}

/** The props that are antd's Table's (without fold and card). */
function tableProps<R>(props: Props<R>): TableOf<R> {
  const copy: Record<string, unknown> = { ...props };
  delete copy.fold;
  delete copy.card;
  return copy as unknown as TableOf<R>;
}

function rowKeyOf<R>(table: TableOf<R>, row: R, index: number): string {
  const rk = table.rowKey;
  if (typeof rk === 'function') return String(rk(row, index));
  return String((row as Record<string, unknown>)[rk ?? 'key'] ?? index);
}

/** The phone's list: one card per row, the head columns on top, every other column as label and value. */
export function CardList<R extends object>({ table, card }: { table: TableOf<R>; card: CardSpec<R> }) {
  const rows = (table.dataSource ?? []) as R[];
  const head = table.columns.filter((c) => card.head.includes(keyOf(c)));
  const rest = table.columns.filter((c) => !card.head.includes(keyOf(c)));
  const pagination = table.pagination || undefined;
  const loading = typeof table.loading === 'object' ? table.loading.spinning : table.loading;
  const emptyText = table.locale?.emptyText ?? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <div data-testid={table['data-testid']} className="sk-card-list">
      <Spin spinning={Boolean(loading)}>
        {rows.length === 0 ? (
          <div style={{ padding: 24, textAlign: 'center' }}>{emptyText}</div>
        ) : (
          <ul className="sk-cards">
            {rows.map((row, index) => {
              return (
                <li
                  key={rowKeyOf(table, row, index)}
                  className={card.onOpen ? 'sk-card sk-card-openable' : 'sk-card'}
                  data-testid={card.testId?.(row)}
                  onClick={(e) => {
                    // The whole card opens the row (its head is the button a keyboard and a screen reader use); its own links keep theirs.
                    if (!card.onOpen || (e.target as HTMLElement).closest('a, button, input, .ant-select')) return;
                    card.onOpen(row);
                  }}
                >
                  <div className="sk-card-head">
                    {head.map((c, i) =>
                      i === 0 && card.onOpen ? (
                        <button key={keyOf(c)} type="button" className="sk-card-title sk-card-open" aria-label={card.label?.(row)} onClick={() => card.onOpen?.(row)}>
                          {cellOf(c, row, index)}
                        </button>
                      ) : (
                        <span key={keyOf(c)} className={i === 0 ? 'sk-card-title' : undefined}>
                          {cellOf(c, row, index)}
                        </span>
                      ),
                    )}
                  </div>
                  <dl className="sk-card-fields">
                    {rest.map((c) => {
                      const value = cellOf(c, row, index);
                      if (value === null || value === undefined || value === '' || value === false) return null;
                      return (
                        <div key={keyOf(c)} data-field={keyOf(c)}>
                          {c.title ? <dt>{c.title as ReactNode}</dt> : null}
                          <dd>{value}</dd>
                        </div>
                      );
                    })}
                  </dl>
                </li>
              );
            })}
          </ul>
        )}
      </Spin>
      {pagination && (pagination.total ?? 0) > (pagination.pageSize ?? 50) && (
        <div className="sk-cards-more">
          <Pagination simple current={pagination.current} pageSize={pagination.pageSize} total={pagination.total} onChange={pagination.onChange} />
        </div>
      )}
    </div>
  );
}
