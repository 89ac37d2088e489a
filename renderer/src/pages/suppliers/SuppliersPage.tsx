import { ListHead, openOnClick, pagedRows } from '../../layout/PagedList';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Input, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ApiOutput } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { SupplierEditor } from './SupplierEditor';
import { ResponsiveTable } from '../../layout/ResponsiveTable';

type Row = ApiOutput<'suppliers.list'>['items'][number];

/** /suppliers: the factories and workshops, searched by name, contact, phone or WeChat; ?open=ID|new edits one. */
export function SuppliersPage() {
  const { t, i18n } = useTranslation('suppliers');
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState('');
  const [archived, setArchived] = useState(false);
  const [page, setPage] = useState(1);
  const pageSize = 50;
  const owner = useApiQuery('auth.status', {}).data?.role === 'owner';
  const list = useApiQuery('suppliers.list', {
    limit: pageSize,
    offset: (page - 1) * pageSize,
    ...(search.trim() ? { search: search.trim() } : {}),
    ...(archived ? { includeArchived: true } : {}),
  });
  const zh = i18n.language.startsWith('zh');
  const open = params.get('open');

  return (
    <div data-testid="suppliers-page">
      <ListHead title={t('title')}>
        <Input.Search allowClear placeholder={t('search')} style={{ width: 220 }} onSearch={(v) => { setSearch(v); setPage(1); }} data-testid="supplier-search" />
        <Checkbox checked={archived} onChange={(e) => setArchived(e.target.checked)}>
          {t('showArchived')}
        </Checkbox>
        {owner && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setParams({ open: 'new' })} data-testid="supplier-new">
            {t('new')}
          </Button>
        )}
      </ListHead>
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      <ResponsiveTable<Row>
        card={{ head: ['name'], onOpen: (r) => setParams({ open: String(r.id) }), label: (r) => r.names.zh }}
        fold={[['contact', 'phone'], ['productCount', 'openOrders']]}
        rowKey="id"
        size="small"
        {...pagedRows(list, { page, pageSize, onChange: setPage }, (total) => t('common:total', { count: total }))}
        locale={{ emptyText: t('empty') }}
        onRow={openOnClick((r) => setParams({ open: String(r.id) }))}
        columns={[
          {
            title: t('fields.name'),
            key: 'name',
            render: (_, r) => (
              <span data-testid={`supplier-row-${r.id}`}>
                <b>{zh ? r.names.zh : r.names.en || r.names.zh}</b>
                {(zh ? r.names.en : r.names.en && r.names.zh) && <span className="sk-muted"> · {zh ? r.names.en : r.names.zh}</span>}
                {r.archived && <Tag style={{ marginInlineStart: 6 }}>{t('archived')}</Tag>}
              </span>
            ),
          },
          { title: t('fields.contact'), dataIndex: 'contact', width: 120 },
          { title: t('fields.phone'), dataIndex: 'phone', width: 150 },
          { title: t('fields.wechat'), dataIndex: 'wechat', width: 130 },
          { title: t('fields.paymentTerms'), key: 'terms', render: (_, r) => r.paymentTerms.text },
          { title: t('products'), dataIndex: 'productCount', width: 80, align: 'right' },
          { title: t('openOrders'), dataIndex: 'openOrders', width: 90, align: 'right' },
        ]}
      />
      {open && <SupplierEditor id={open === 'new' ? 'new' : Number(open)} canEdit={owner} onClose={() => setParams({})} />}
    </div>
  );
}
