import { ArrowLeftOutlined } from '@ant-design/icons';
import { Space, Tag } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { Link } from 'react-router';

interface Props {
  /** The list this record belongs to, and the back link's accessible name. */
  back: { to: string; label: string };
  number: string;
  numberTestId: string;
  status: { label: string; color: string | undefined; testId: string };
  style?: CSSProperties;
  /** What follows the status: the party, dates, terms. */
  children?: ReactNode;
}

/** A record screen's title line (a quotation, a PI, a purchase order): back to its list, its number, its status. */
export function RecordTitle({ back, number, numberTestId, status, style, children }: Props) {
  return (
    <Space size={8} wrap {...(style ? { style } : {})}>
      <Link to={back.to} aria-label={back.label}>
        <ArrowLeftOutlined />
      </Link>
      <h1 className="sk-page-title" style={{ margin: 0 }} data-testid={numberTestId}>
        {number}
      </h1>
      <Tag color={status.color} data-testid={status.testId}>
        {status.label}
      </Tag>
      {children}
    </Space>
  );
}
