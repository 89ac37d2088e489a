import { keepPreviousData } from '@tanstack/react-query';
import { Select } from 'antd';
import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../api/hooks';
import { countryLabel } from '../../lib/countries';
import { focusNext, holdKeys, type KeyHold } from '../../lib/typeAhead';

interface Props {
  value?: string | undefined;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  allowClear?: boolean;
  style?: CSSProperties;
  testId?: string;
  id?: string;
  /** Enter picks the country and moves on to the next field, as Tab would. */
  advanceOnEnter?: boolean;
  /** Called when the person picks a country (not when the form sets one). */
  onPicked?: (code: string | undefined) => void;
  'aria-label'?: string;
}

/**
 * A country picker that searches every language the API knows: typing
 * "阿联酋", "UAE", "United Arab Emirates", "الإمارات" or "ОАЭ" offers the UAE.
 * The search runs in buyers.countries; names show in the UI language.
 *
 * Enter picks from the answer for what was typed: pressed before that answer is
 * here (a fast typist, a scanner), it waits for it, and the keys typed after it
 * wait too, so they land in the next field instead of the country box.
 */
export function CountrySelect({ value, onChange, placeholder, allowClear, style, testId, id, advanceOnEnter, onPicked, 'aria-label': ariaLabel }: Props) {
  const { i18n } = useTranslation();
  const lang = i18n.language.startsWith('zh') ? 'zh' : 'en';
  const [query, setQuery] = useState('');
  const list = useApiQuery('buyers.countries', { query, lang }, { staleTime: Infinity, placeholderData: keepPreviousData });
  const stale = list.isPlaceholderData || (list.isFetching && !list.data);
  const waiting = useRef<KeyHold | null>(null);
  const picked = useRef(false);
  const options = (list.data ?? []).map((c) => ({
    value: c.code,
    label: `${c.name}${lang === 'zh' ? ` · ${c.nameEn}` : ''} (${c.code})`,
  }));
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: `${countryLabel(value, i18n.language)} (${value})` });

  // The answer came: the Enter that waited for it (and what followed) goes on, a moment after the list shows it.
  useEffect(() => {
    if (stale || !waiting.current) return;
    const hold = waiting.current;
    waiting.current = null;
    setTimeout(() => setTimeout(() => hold.release(), 0), 0);
  });

  const onKeyDownCapture = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Enter' || query === '') return;
    if (stale) {
      // Too early: hold this Enter and everything after it until the list answers what was typed.
      e.preventDefault();
      e.stopPropagation();
      const hold = holdKeys();
      hold.unshift('Enter');
      waiting.current?.release();
      waiting.current = hold;
      return;
    }
    if (!advanceOnEnter) return;
    // Enter picks (the select handles it); the keys after it wait until the focus is on the next field.
    const hold = holdKeys();
    const from = e.target as HTMLElement;
    picked.current = false;
    setTimeout(() => {
      if (picked.current) focusNext(from);
      hold.release();
    }, 0);
  };

  return (
    <div onKeyDownCapture={onKeyDownCapture} style={style?.width ? { width: style.width } : undefined}>
      <Select
        id={id}
        data-testid={testId}
        aria-label={ariaLabel}
        value={value}
        onChange={(v?: string) => {
          picked.current = true;
          setQuery('');
          onChange?.(v);
          onPicked?.(v);
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
    </div>
  );
}
