import { keepPreviousData } from '@tanstack/react-query';
import { Alert, App, Descriptions, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { countryLabel } from '../../lib/countries';
import type { Buyer } from './types';

/** Merges another buyer record into this one: its contacts, visits, tags, quotations and invoices move here; it is deleted. */
export function MergeModal({ keep, onClose }: { keep: Buyer; onClose: () => void }) {
  const { t, i18n } = useTranslation('buyers');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [query, setQuery] = useState(keep.company.split(/\s+/)[0] ?? '');
  const [otherId, setOtherId] = useState<number | undefined>();
  const found = useApiQuery('buyers.search', { query, limit: 20 }, { placeholderData: keepPreviousData });
  const other = useApiQuery('buyers.get', { id: otherId ?? 0 }, { enabled: otherId !== undefined });
  const merge = useApiMutation('buyers.merge');

  const run = async () => {
    if (otherId === undefined) return;
    try {
      const result = await merge.mutateAsync({ keepId: keep.id, mergeId: otherId });
      const moved = Object.entries(result.moved)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${t(`merge.kinds.${k}`, { defaultValue: k })} ${n}`)
        .join(', ');
      void message.success(t('merge.done', { moved: moved || '—' }));
      onClose();
      navigate(`/buyers/${keep.id}`, { replace: true });
    } catch (error) {
      void message.error((error as ApiCallError).message);
    }
  };

  const summary = (b: Buyer) => [
    { key: 'country', label: t('fields.country'), children: `${countryLabel(b.country, i18n.language)}${b.city ? ` · ${b.city}` : ''}` },
    { key: 'contacts', label: t('sections.contacts'), children: b.contacts.map((c) => c.name || c.whatsappDisplay || c.email).join(', ') || '—' },
    { key: 'visits', label: t('visitsLabel'), children: String(b.visits) },
    { key: 'tags', label: t('fields.tags'), children: b.tags.join(', ') || '—' },
  ];

  return (
    <Modal
      open
      width={640}
      title={t('merge.title', { company: keep.company })}
      okText={t('merge.confirm')}
      okButtonProps={{ danger: true, disabled: otherId === undefined, 'data-testid': 'merge-confirm' } as never}
      onOk={() => void run()}
      confirmLoading={merge.isPending}
      onCancel={onClose}
    >
      <p>{t('merge.intro')}</p>
      <Select
        style={{ width: '100%', marginBottom: 12 }}
        placeholder={t('merge.pick')}
        value={otherId}
        onChange={(v: number) => setOtherId(v)}
        showSearch={{ filterOption: false, onSearch: setQuery, searchValue: query }}
        options={(found.data?.items ?? [])
          .filter((b) => b.id !== keep.id)
          .map((b) => ({ value: b.id, label: `${b.company} · ${countryLabel(b.country, i18n.language)}${b.contacts[0]?.name ? ` · ${b.contacts[0].name}` : ''}` }))}
        data-testid="merge-pick"
      />
      {other.data && (
        <>
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('merge.warning', { other: other.data.company, keep: keep.company })} />
          <Descriptions size="small" column={1} title={other.data.company} items={summary(other.data)} />
        </>
      )}
    </Modal>
  );
}
