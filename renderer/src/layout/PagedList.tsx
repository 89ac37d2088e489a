import './list.css';
import { Alert, Input, Space, type TableColumnType } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ResponsiveTable, type CardSpec } from './ResponsiveTable';

type Changes = Record<string, string | undefined>;

/** A list's search, filters and paging, as text by name ("q", "status", "page", "size"…). */
export interface ListState {
  get(name: string): string | undefined;
  /** Sets (or, undefined, clears) filters; back to the first page unless the page is one of them. */
  set(changes: Changes): void;
  page: number;
  pageSize: number;
}

function applied<T extends { set(k: string, v: string): void; delete(k: string): void }>(next: T, changes: Changes): T {
  for (const [k, v] of Object.entries(changes)) {
    if (v) next.set(k, v);
    else next.delete(k);
  }
  if (!('page' in changes)) next.delete('page');
  return next;
}

/** The list's state kept in the address (`url`: Back returns to the same filters) or in the page (`page`). */
export function useListState(where: 'url' | 'page'): ListState {
  const [params, setParams] = useSearchParams();
  const [local, setLocal] = useState<Map<string, string>>(() => new Map());
  const get = (name: string) => (where === 'url' ? params.get(name) : local.get(name)) ?? undefined;
  const set = (changes: Changes) => {
    if (where === 'url') setParams((prev) => applied(new URLSearchParams(prev), changes), { replace: true });
    else setLocal((prev) => applied(new Map(prev), changes));
  };
  return { get, set, page: Number(get('page') ?? '1'), pageSize: Number(get('size') ?? '50') };
}

export interface ListSearch {
  placeholder: string;
  width: number;
  testId?: string;
  /** Search as one types (a quarter second after the last key), not only on Enter. */
  asYouType?: boolean;
}

/** The search box: its text is the state's "q". */
function SearchBox({ state, search }: { state: ListState; search: ListSearch }) {
  const [text, setText] = useState(state.get('q') ?? '');
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(typing.current), []);
  const type = (value: string) => {
    setText(value);
    clearTimeout(typing.current);
    typing.current = setTimeout(() => state.set({ q: value.trim() || undefined }), 250);
  };
  const common = { allowClear: true, placeholder: search.placeholder, 'aria-label': search.placeholder, style: { width: search.width }, 'data-testid': search.testId };
  if (search.asYouType) return <Input.Search {...common} value={text} onChange={(e) => type(e.target.value)} onSearch={(v) => state.set({ q: v || undefined })} />;
  return <Input.Search {...common} onSearch={(v) => state.set({ q: v.trim() || undefined })} />;
}

interface Result<R> {
  data?: { items: R[]; total: number } | undefined;
  error?: { message: string } | null;
  isLoading: boolean;
  isFetching?: boolean;
}

export interface PagedListProps<R> {
  testId: string;
  title: ReactNode;
  /** The buttons beside the title (new, import, settings…). */
  actions?: ReactNode;
  state: ListState;
  search: ListSearch;
  /** The filters after the search box. */
  filters?: ReactNode;
  /** The list's query (react-query's result of its list method). */
  result: Result<R>;
  /** The spinner on every read (a list kept on screen while the next page loads), not only the first. */
  spinWhileFetching?: boolean;
  columns: Array<TableColumnType<R>>;
  /** Tablet: groups of column keys drawn as one column each. */
  fold: string[][];
  card: CardSpec<R>;
  /** A row opens its record: on a click, or (where a row holds links of its own) on a double click. */
  open: { row: (r: R) => void; on: 'click' | 'doubleClick' };
  emptyText?: ReactNode;
  scrollY?: string;
  /** Dialogs the page opens. */
  children?: ReactNode;
}

/** A table's rows, its spinner on the first read, and its paging, from the list's query (for lists with a table of their own). */
export function pagedRows<R>(result: Result<R>, paging: { page: number; pageSize: number; onChange: (page: number) => void }, total: (count: number) => string) {
  return {
    loading: result.isLoading,
    dataSource: result.data?.items ?? [],
    pagination: { current: paging.page, pageSize: paging.pageSize, total: result.data?.total ?? 0, onChange: paging.onChange, showTotal: total },
  };
}

/** A row that opens its record on a click. */
export function openOnClick<R>(open: (row: R) => void) {
  return (row: R) => ({ onClick: () => open(row), style: { cursor: 'pointer' } });
}

/** A list page's first line: its title, and on the right its actions (or its search and filters). */
export function ListHead({ title, children }: { title: ReactNode; children?: ReactNode }) {
  return (
    <div className="sk-list-head">
      <h1 className="sk-page-title" style={{ margin: 0 }}>
        {title}
      </h1>
      {children && <Space wrap>{children}</Space>}
    </div>
  );
}

/**
 * A page listing records a page at a time: title and actions, the search box and filters, the
 * responsive table (cards on a phone) with paging and the total; a row opens its record.
 */
export function PagedList<R extends { id: number }>(props: PagedListProps<R>) {
  const { t } = useTranslation('common');
  const { state, result, open } = props;
  return (
    <div data-testid={props.testId}>
      <ListHead title={props.title}>{props.actions}</ListHead>
      <div className="sk-list-filters">
        <SearchBox state={state} search={props.search} />
        {props.filters}
      </div>
      {result.error && <Alert type="error" showIcon title={result.error.message} />}
      <ResponsiveTable<R>
        fold={props.fold}
        card={props.card}
        rowKey="id"
        size="small"
        loading={props.spinWhileFetching ? result.isFetching : result.isLoading}
        dataSource={result.data?.items ?? []}
        scroll={{ y: props.scrollY ?? 'calc(100vh - 300px)' }}
        {...(props.emptyText !== undefined ? { locale: { emptyText: props.emptyText } } : {})}
        onRow={(r) => (open.on === 'click' ? { onClick: () => open.row(r), style: { cursor: 'pointer' } } : { onDoubleClick: () => open.row(r) })}
        pagination={{
          current: state.page,
          pageSize: state.pageSize,
          total: result.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (total) => t('total', { count: total }),
          onChange: (p, size) => state.set({ page: String(p), size: String(size) }),
        }}
        columns={props.columns}
      />
      {props.children}
    </div>
  );
}
