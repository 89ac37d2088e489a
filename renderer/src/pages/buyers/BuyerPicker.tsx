import { keepPreviousData } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { countryName } from '../../lib/countries';
import type { Buyer } from './types';

interface Props {
  value?: number | undefined;
  onChange?: (value: number | undefined) => void;
  /** Called with the whole buyer when one is picked (e.g. to take over its currency). */
  onPick?: (buyer: Buyer) => void;
  placeholder?: string;
  allowClear?: boolean;
  autoFocus?: boolean;
  style?: CSSProperties;
  testId?: string;
  id?: string;
  'aria-label'?: string;
}

/**
 * A buyer picker that searches every buyer on the server (buyers.search: company,
 * contact, phone, WeChat in any script), so it works the same with 30 buyers or
 * 30,000. With nothing typed it offers the most recently visited ones.
 */
export function BuyerPicker({ value, onChange, onPick, placeholder, allowClear, autoFocus, style, testId, id, 'aria-label': ariaLabel }: Props) {
  const { i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const found = useApiQuery('buyers.search', { query, limit: 30 }, { placeholderData: keepPreviousData });
  // While the answer for what was just typed is on its way, offer nothing: Enter must not pick a stale first row.
  const items = found.isPlaceholderData ? [] : (found.data?.items ?? []);
  const shown = value !== undefined && items.some((b) => b.id === value);
  const chosen = useApiQuery('buyers.get', { id: value ?? 0 }, { enabled: value !== undefined && !shown, staleTime: 60_000 });
  const label = (b: Buyer) => `${b.company} · ${countryName(b.country, i18n.language)}`;
  const options = items.map((b) => ({ value: b.id, label: label(b) }));
  if (value !== undefined && !shown) options.unshift({ value, label: chosen.data ? label(chosen.data) : `#${value}` });
  return (
    <Select
      id={id}
      data-testid={testId}
      aria-label={ariaLabel}
      value={value}
      onChange={(v?: number) => {
        setQuery('');
        onChange?.(v);
        const buyer = items.find((b) => b.id === v);
        if (buyer) onPick?.(buyer);
      }}
      placeholder={placeholder}
      allowClear={allowClear}
      autoFocus={autoFocus}
      style={style}
      options={options}
      loading={found.isFetching}
      notFoundContent={found.isFetching ? <Spin size="small" /> : undefined}
      showSearch={{ filterOption: false, onSearch: setQuery, searchValue: query }}
      onBlur={() => setQuery('')}
      popupMatchSelectWidth={false}
    />
  );
}
