import { Empty, Spin } from 'antd';
import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from 'react';

export interface VirtualColumn<R> {
  key: string;
  title: ReactNode;
  /** Fixed width in px; columns without one share the rest. */
  width?: number;
  align?: 'left' | 'right' | 'center';
  className?: string;
  /** The row, or undefined while its page is still loading. */
  render: (row: R | undefined, index: number) => ReactNode;
}

interface Props<R> {
  total: number;
  rowHeight: number;
  height: number;
  columns: Array<VirtualColumn<R>>;
  rowAt: (index: number) => R | undefined;
  /** Rows first..last are on screen (load them). */
  onRange: (first: number, last: number) => void;
  rowKey: (row: R) => string | number;
  onRowClick?: (row: R, event: React.MouseEvent | KeyboardEvent) => void;
  rowTestId?: (row: R) => string;
  loading?: boolean;
  empty?: ReactNode;
  testId?: string;
  /** When it changes (another search), the list goes back to the top. */
  resetKey?: string;
}

/**
 * A table that draws only the rows on screen, with a fixed row height so the
 * row under any scroll position is known exactly: the first render and every
 * scroll cost the same for 100 rows or 1,000,000 (antd's Table works on the
 * whole data set on each render, which shows at 100,000 products).
 */
export function VirtualTable<R>({ total, rowHeight, height, columns, rowAt, onRange, rowKey, onRowClick, rowTestId, loading, empty, testId, resetKey }: Props<R>) {
  const body = useRef<HTMLDivElement>(null);
  const [top, setTop] = useState(0);
  const first = Math.max(0, Math.floor(top / rowHeight) - 3);
  const last = Math.min(total - 1, Math.ceil((top + height) / rowHeight) + 3);

  useEffect(() => {
    if (total > 0) onRange(first, last);
  }, [first, last, total, onRange]);

  // A new list (another search) starts at the top; the scroll event updates `top`.
  useEffect(() => {
    if (body.current) body.current.scrollTop = 0;
  }, [resetKey]);

  const cell = (c: VirtualColumn<R>): CSSProperties => ({
    flex: c.width ? `0 0 ${c.width}px` : '1 1 0',
    minWidth: c.width ?? 160,
    padding: '0 8px',
    textAlign: c.align ?? 'left',
    overflow: 'hidden',
  });

  const rows: ReactNode[] = [];
  for (let i = first; i <= last; i += 1) {
    const row = rowAt(i);
    rows.push(
      <div
        key={row ? rowKey(row) : `loading-${i}`}
        role="row"
        aria-rowindex={i + 2}
        tabIndex={row ? 0 : -1}
        className="sk-vrow"
        data-index={i}
        data-testid={row && rowTestId ? rowTestId(row) : undefined}
        onClick={(e) => row && onRowClick?.(row, e)}
        onKeyDown={(e) => {
          if (row && e.key === 'Enter' && e.target === e.currentTarget) onRowClick?.(row, e);
        }}
        style={{ position: 'absolute', top: i * rowHeight, left: 0, right: 0, height: rowHeight, display: 'flex', alignItems: 'center' }}
      >
        {columns.map((c) => (
          <div key={c.key} role="cell" className={c.className} style={cell(c)}>
            {c.render(row, i)}
          </div>
        ))}
      </div>,
    );
  }

  return (
    <div role="table" aria-rowcount={total + 1} className="sk-vtable" data-testid={testId}>
      <div role="row" className="sk-vhead" style={{ display: 'flex', alignItems: 'center', height: 40 }}>
        {columns.map((c) => (
          <div key={c.key} role="columnheader" style={cell(c)}>
            {c.title}
          </div>
        ))}
      </div>
      <div ref={body} className="sk-vbody" data-testid={testId ? `${testId}-body` : undefined} onScroll={(e) => setTop(e.currentTarget.scrollTop)} style={{ height, overflowY: 'auto', overflowX: 'hidden', position: 'relative' }}>
        {total === 0 ? (
          <div style={{ paddingTop: 60 }}>{loading ? <Spin style={{ display: 'block' }} /> : (empty ?? <Empty />)}</div>
        ) : (
          <div style={{ height: total * rowHeight, position: 'relative' }}>{rows}</div>
        )}
      </div>
    </div>
  );
}

/**
 * The product list on a tablet (768–1200 px): the category under the name, MOQ over price and
 * pcs/carton over CBM, so every column's information is there in the width.
 */
export function foldProductColumns<R>(columns: Array<VirtualColumn<R>>): Array<VirtualColumn<R>> {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const stack = (key: string, keys: string[], width?: number): VirtualColumn<R> | null => {
    const parts = keys.map((k) => byKey.get(k)).filter((c): c is VirtualColumn<R> => c !== undefined);
    if (parts.length === 0) return null;
    const first = parts[0] as VirtualColumn<R>;
    return {
      key,
      title: (
        <div className="sk-fold-title">
          {parts.map((p) => (
            <div key={p.key}>{p.title}</div>
          ))}
        </div>
      ),
      ...(width !== undefined ? { width } : first.width !== undefined ? { width: first.width } : {}),
      ...(first.align ? { align: first.align } : {}),
      render: (row, index) => (
        <div className="sk-fold-cell">
          {parts.map((p) => (
            <div key={p.key}>{p.render(row, index)}</div>
          ))}
        </div>
      ),
    };
  };
  const groups: Record<string, string[]> = { name: ['name', 'category'], moq: ['moq', 'price'], ctn: ['ctn', 'cbm'] };
  const inGroup = new Set(Object.values(groups).flat());
  const out: Array<VirtualColumn<R>> = [];
  for (const c of columns) {
    const group = groups[c.key];
    if (group) {
      const folded = stack(c.key, group);
      if (folded) out.push(folded);
    } else if (!inGroup.has(c.key)) out.push(c);
  }
  return out;
}
