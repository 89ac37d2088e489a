import { CalendarOutlined, DeleteOutlined, EditOutlined, FileDoneOutlined, FileTextOutlined, MergeCellsOutlined } from '@ant-design/icons';
import { App, Button, Empty, Image, Popconfirm, Space, Tag, Timeline as AntTimeline } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiCallError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { countryLabel } from '../../lib/countries';
import type { TimelineEvent, Visit } from './types';

function productName(p: Visit['products'][number], lang: string): string {
  return (lang.startsWith('zh') ? p.names.zh || p.names.en : p.names.en || p.names.zh) || p.names.ar;
}

function When({ date }: { date: string }) {
  return <span style={{ color: '#595959', marginInlineEnd: 8, fontVariantNumeric: 'tabular-nums' }}>{date}</span>;
}

function VisitItem({ visit, onEdit }: { visit: Visit; onEdit: () => void }) {
  const { t, i18n } = useTranslation('buyers');
  const { message } = App.useApp();
  const remove = useApiMutation('buyers.deleteVisit');
  return (
    <div data-testid={`visit-${visit.id}`}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <span>
          <When date={visit.visitedOn} />
          <strong>{t('timeline.visit')}</strong>
          {visit.staff && <span style={{ color: '#595959' }}> · {t('timeline.servedBy', { staff: visit.staff })}</span>}
        </span>
        <Space size={4}>
          <Button size="small" type="text" icon={<EditOutlined />} onClick={onEdit} aria-label={t('edit')} />
          <Popconfirm
            title={t('visit.deleteConfirm')}
            okButtonProps={{ danger: true }}
            onConfirm={() => remove.mutateAsync({ id: visit.id }).catch((e: ApiCallError) => void message.error(e.message))}
          >
            <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('delete')} />
          </Popconfirm>
        </Space>
      </Space>
      {visit.notes && <div style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{visit.notes}</div>}
      {visit.products.length > 0 && (
        <Space wrap size={[6, 6]} style={{ marginTop: 4 }}>
          {visit.products.map((p) => (
            <Tag key={p.id} style={{ display: 'inline-flex', alignItems: 'center', gap: 6, padding: 2 }} data-testid={`visit-product-${p.itemNo}`}>
              {p.cover && <img src={p.cover.thumbUrl} alt="" width={28} height={28} style={{ objectFit: 'cover', borderRadius: 3 }} />}
              <span>
                <strong>{p.itemNo}</strong> {productName(p, i18n.language)}
              </span>
            </Tag>
          ))}
        </Space>
      )}
      {visit.photos.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap style={{ marginTop: 6 }}>
            {visit.photos.map((p) => (
              <Image key={p.hash} src={p.thumbUrl} preview={{ src: p.url }} width={72} height={72} style={{ objectFit: 'cover', borderRadius: 4 }} />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
    </div>
  );
}

interface DocumentItem {
  key: string;
  icon: ReactNode;
  color: string;
  date: string;
  to: string;
  title: string;
  amount: string;
  status: ReactNode;
}

/** A quotation or PI on the timeline: when, its number (a link to it), its amount and its status. */
function documentItem({ key, icon, color, date, to, title, amount, status }: DocumentItem) {
  return {
    key,
    icon,
    color,
    content: (
      <span>
        <When date={date} />
        <Link to={to}>
          <strong>{title}</strong>
        </Link> · {amount} ·{' '}
        {status}
      </span>
    ),
  };
}

/** Visits, quotations, pro-forma invoices and merges, newest first. */
export function Timeline({ events, onEditVisit }: { events: TimelineEvent[]; onEditVisit: (visit: Visit) => void }) {
  const { t, i18n } = useTranslation('buyers');
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('timeline.empty')} />;
  return (
    <AntTimeline
      data-testid="buyer-timeline"
      items={events.map((e) => {
        switch (e.kind) {
          case 'visit':
            return { key: `v${e.visit.id}`, icon: <CalendarOutlined />, color: 'blue', content: <VisitItem visit={e.visit} onEdit={() => onEditVisit(e.visit)} /> };
          case 'quote': {
            const q = e.quote;
            const number = q.revision > 1 ? `${q.number} rev ${q.revision}` : q.number;
            const status = <Tag>{t(`timeline.quoteStatus.${q.status}`, { defaultValue: q.status })}</Tag>;
            return documentItem({ key: `q${q.id}`, icon: <FileTextOutlined />, color: 'gray', date: e.date, to: `/quotes/${q.id}`, title: t('timeline.quote', { number }), amount: `${q.currency} ${q.grandTotal}`, status });
          }
          case 'invoice': {
            const pi = e.invoice;
            const status = <Tag color="green">{t(`timeline.invoiceStatus.${pi.status}`, { defaultValue: pi.status })}</Tag>;
            return documentItem({ key: `i${pi.id}`, icon: <FileDoneOutlined />, color: 'green', date: e.date, to: `/invoices/${pi.id}`, title: t('timeline.invoice', { number: pi.number }), amount: `${pi.currency} ${pi.grandTotal} · ${t('timeline.paid', { paid: pi.paid })}`, status });
          }
          case 'merge':
            return {
              key: `m${e.merge.mergedId}-${e.date}`,
              icon: <MergeCellsOutlined />,
              color: 'gray',
              content: (
                <span>
                  <When date={e.date} />
                  {t('timeline.merged', { company: e.merge.company, country: countryLabel(e.merge.country, i18n.language) })}{' '}
                  <span style={{ color: '#595959' }}>
                    ({Object.entries(e.merge.moved)
                      .filter(([, n]) => n > 0)
                      .map(([k, n]) => `${t(`merge.kinds.${k}`, { defaultValue: k })} ${n}`)
                      .join(', ')}
                    )
                  </span>
                </span>
              ),
            };
        }
      })}
    />
  );
}
