import { DeleteOutlined } from '@ant-design/icons';
import { Button, Modal, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiOutput } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { money } from './format';

type Row = ApiOutput<'quotes.deletedDrafts'>['items'][number];

/** A button on the quotation list, shown once a draft was deleted: which numbers went, for whom, when. */
export function DeletedDrafts() {
  const { t } = useTranslation('quotes');
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState(1);
  const list = useApiQuery('quotes.deletedDrafts', { limit: 20, offset: (page - 1) * 20 });
  if (!list.data?.total) return null;
  return (
    <>
      <Button icon={<DeleteOutlined />} onClick={() => setOpen(true)} data-testid="deleted-drafts">
        {t('deleted.button', { count: list.data.total })}
      </Button>
      <Modal open={open} title={t('deleted.title')} footer={null} width={760} onCancel={() => setOpen(false)}>
        <p style={{ color: '#595959' }}>{t('deleted.hint')}</p>
        <Table<Row>
          rowKey={(r) => r.displayNumber}
          size="small"
          dataSource={list.data.items}
          pagination={{ current: page, pageSize: 20, total: list.data.total, onChange: setPage }}
          columns={[
            { title: t('list.number'), dataIndex: 'displayNumber', width: 170, render: (n: string) => <s>{n}</s> },
            { title: t('list.buyer'), dataIndex: 'company', render: (c: string) => <bdi>{c}</bdi> },
            { title: t('list.total'), key: 'total', width: 140, align: 'right', render: (_, r) => money(r.currency, r.grandTotal) },
            { title: t('list.lines'), dataIndex: 'lineCount', width: 60, align: 'right' },
            { title: t('deleted.when'), dataIndex: 'deletedAt', width: 150, render: (d: string) => new Date(d).toLocaleString() },
          ]}
        />
      </Modal>
    </>
  );
}
