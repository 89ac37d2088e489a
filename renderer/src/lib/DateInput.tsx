import { DatePicker } from 'antd';
import dayjs from 'dayjs';
import type { CSSProperties } from 'react';

interface Props {
  /** A calendar date, YYYY-MM-DD (the API's form), or empty. */
  value?: string | undefined;
  onChange?: (value: string) => void;
  style?: CSSProperties;
  size?: 'small' | 'middle' | 'large';
  'aria-label'?: string;
  'data-testid'?: string;
}

/**
 * The one date field of the app: antd's date picker (calendar in the UI language) showing the date
 * as the lists do, YYYY-MM-DD, in every language, instead of the browser's own 12/06/2026.
 */
export function DateInput({ value, onChange, style, size, 'aria-label': ariaLabel, 'data-testid': testId }: Props) {
  return (
    <DatePicker
      value={value ? dayjs(value, 'YYYY-MM-DD') : null}
      onChange={(d) => onChange?.(d ? d.format('YYYY-MM-DD') : '')}
      format="YYYY-MM-DD"
      allowClear={false}
      size={size}
      style={style}
      aria-label={ariaLabel}
      data-testid={testId}
    />
  );
}
