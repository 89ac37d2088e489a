import { keepPreviousData } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { countryLabel } from '../../lib/countries';

interface Props {
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  testId?: string;
  id?: string;
}

/**
 * A country picker that searches every language the API knows: typing
 * "阿联酋", "UAE", "United Arab Emirates", "الإمارات" or "ОАЭ" offers the UAE.
 * The search runs in buyers.countries; names show in the UI language.
 */
export function CountrySelect({ value, onChange, placeholder, allowClear, style, testId, id }: Props) {
  const { i18n } = useTranslation();
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const [query, setQuery] = useState('');
  const list = useApiQuery('buyers.countries', { query, lang }, { staleTime: Infinity, placeholderData: keepPreviousData });
  const options = (list.data ?? []).map((c) => ({
    value: c.code,
    label: `${c.name}${lang === 'zh' ? ` · ${c.nameEn}` : ''} (${c.code})`,
  }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: `${countryLabel(value, i18n.language)} (${value})` });
  return (
    <Select
      id={id}
      data-testid={testId}
      value={value}
      onChange={(v?: string) => {
        setQuery('');
        onChange?.(v);
      }}
      placeholder={placeholder}
      allowClear={allowClear}
      style={style}
      options={options}
      loading={list.isFetching}
      showSearch={{ filterOption: false, onSearch: setQuery, searchValue: query }}
      onBlur={() => setQuery('')}
      popupMatchSelectWidth={false}
    />
  );
}
