import { Select, Tag, type TableColumnType } from 'antd';
import type { TFunction } from 'i18next';
import { useNavigate } from 'react-router';
import { useApiQuery } from '../../api/hooks';
import { useListState, type ListState } from '../../layout/PagedList';
import { BuyerName } from '../buyers/BuyerName';
import { BuyerPicker } from '../buyers/BuyerPicker';
import { CountrySelect } from '../buyers/CountrySelect';
import { STATUS_COLORS, money } from './format';

/** A list of quotations or PIs: its state (in the page), its query, opening a row on its screen; `list` goes to PagedList as it is. */
export function useTradeList<M extends 'quotes.list' | 'invoices.list'>(method: M, route: string) {
  const navigate = useNavigate();
  const state = useListState('page');
  const result = useApiQuery(method, tradeListInput(state) as Parameters<typeof useApiQuery<M>>[1]);
  const open = (r: { id: number }) => navigate(`${route}/${r.id}`);
  return { state, open, list: { state, result, open: { row: open, on: 'click' as const } } };
}

/** What a list of quotations or PIs asks for: its page, and the status, buyer, country and search chosen. */
export function tradeListInput<S extends string>(state: ListState) {
  const status = (state.get('status')?.split(',') ?? []) as S[];
  const buyerId = Number(state.get('buyer') ?? '');
  const country = state.get('country');
  const search = state.get('q');
  return {
    limit: state.pageSize,
    offset: (state.page - 1) * state.pageSize,
    ...(status.length ? { status } : {}),
    ...(buyerId ? { buyerId } : {}),
    ...(country ? { country } : {}),
    ...(search ? { search } : {}),
  };
}

interface FiltersProps {
  state: ListState;
  statuses: readonly string[];
  /** The page's translations (list.status, list.buyer, list.country, status.*). */
  // i18n namespaces: quotes invoices
  t: TFunction;
  widths: { buyer: number; country: number };
  statusTestId?: string;
}

/** The filters of a list of quotations or PIs: status (several), buyer, buyer's country. */
export function TradeFilters({ state, statuses, t, widths, statusTestId }: FiltersProps) {
  const status = state.get('status')?.split(',') ?? [];
  const buyer = state.get('buyer');
  return (
    <>
      <Select
        mode="multiple"
        allowClear
        placeholder={t('list.status')}
        aria-label={t('list.status')}
        style={{ minWidth: 170 }}
        value={status}
        onChange={(v: string[]) => state.set({ status: v.join(',') || undefined })}
        options={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        data-testid={statusTestId}
      />
      <BuyerPicker allowClear placeholder={t('list.buyer')} aria-label={t('list.buyer')} style={{ width: widths.buyer }} value={buyer ? Number(buyer) : undefined} onChange={(v) => state.set({ buyer: v ? String(v) : undefined })} />
      <CountrySelect allowClear placeholder={t('list.country')} aria-label={t('list.country')} style={{ width: widths.country }} value={state.get('country')} onChange={(v) => state.set({ country: v })} />
    </>
  );
}

interface TradeRow {
  status: string;
  currency: string;
  grandTotal: string;
  buyer: { company: string; country: string };
}

/** The columns quotations and PIs share: the buyer with its country, the status, the total. */
export function tradeColumns<R extends TradeRow>(t: TFunction, statusWidth: number): Record<'buyer' | 'status' | 'total', TableColumnType<R>> {
  return {
    buyer: {
      title: t('list.buyer'),
      key: 'buyer',
      render: (_, r) => <BuyerName buyer={r.buyer} />,
    },
    status: { title: t('list.status'), dataIndex: 'status', width: statusWidth, render: (s: string) => <Tag color={STATUS_COLORS[s]}>{t(`status.${s}`)}</Tag> },
    total: { title: t('list.total'), key: 'total', width: 150, align: 'right', render: (_, r) => money(r.currency, r.grandTotal) },
  };
}
