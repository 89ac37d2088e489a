import {
  AccountBookOutlined,
  ArrowLeftOutlined,
  CalendarOutlined,
  DeleteOutlined,
  EditOutlined,
  ExclamationCircleOutlined,
  MailOutlined,
  MergeCellsOutlined,
  PhoneOutlined,
  UploadOutlined,
  WechatOutlined,
  WhatsAppOutlined,
} from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Image, Popconfirm, Row, Skeleton, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { fileToBase64, type ApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { countryLabel } from '../../lib/countries';
import { MergeModal } from './MergeModal';
import { Timeline } from './Timeline';
import { VisitModal } from './VisitModal';
import type { Buyer, Visit } from './types';

function Contacts({ buyer }: { buyer: Buyer }) {
  const { t } = useTranslation('buyers');
  if (buyer.contacts.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('noContacts')} />;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {buyer.contacts.map((c, i) => (
        <div key={i} data-testid={`contact-card-${i}`} style={{ borderBottom: i < buyer.contacts.length - 1 ? '1px solid #f0f0f0' : undefined, paddingBottom: 8 }}>
          <div style={{ fontWeight: 500 }}>
            <bdi>{c.name || t('unnamed')}</bdi>
            {c.role && (
              <span style={{ color: '#595959', fontWeight: 400 }}>
                {' · '}
                <bdi>{c.role}</bdi>
              </span>
            )}
          </div>
          <Space wrap size={[12, 4]} style={{ marginTop: 4 }}>
            {c.whatsappLink && (
              <a href={c.whatsappLink} target="_blank" rel="noreferrer" data-testid={`whatsapp-${i}`} title={c.whatsapp}>
                <WhatsAppOutlined style={{ color: '#1a7f43' }} /> {c.whatsappDisplay}
              </a>
            )}
            {c.unrecognised.whatsapp && <UnrecognisedMark country={c.unrecognised.whatsapp} testId={`whatsapp-unrecognised-${i}`} />}
            {c.phone && (
              <span data-testid={`phone-${i}`} title={c.phone}>
                <PhoneOutlined /> <Typography.Text copyable={{ text: c.phone, tooltips: [t('copyPhone'), t('copied')] }}>{c.phoneDisplay}</Typography.Text>
              </span>
            )}
            {c.unrecognised.phone && c.phone !== c.whatsapp && <UnrecognisedMark country={c.unrecognised.phone} testId={`phone-unrecognised-${i}`} />}
            {c.mailto && (
              // target=_blank: the Electron door hands mailto: and https: links to the system (mail client, browser).
              <a href={c.mailto} target="_blank" rel="noreferrer" data-testid={`email-${i}`}>
                <MailOutlined /> {c.email}
              </a>
            )}
            {c.wechat && (
              <span data-testid={`wechat-${i}`}>
                <WechatOutlined style={{ color: '#07c160' }} />{' '}
                <Typography.Text copyable={{ text: c.wechat, tooltips: [t('copyWechat'), t('copied')] }}>{c.wechat}</Typography.Text>
              </span>
            )}
          </Space>
        </div>
      ))}
    </Space>
  );
}

function CardPhoto({ buyer }: { buyer: Buyer }) {
  const { t } = useTranslation('buyers');
  const { message } = App.useApp();
  const setCard = useApiMutation('buyers.setCard');
  const upload = async (file: File) => {
    try {
      await setCard.mutateAsync({ id: buyer.id, image: { dataBase64: await fileToBase64(file), fileName: file.name } });
      void message.success(t('cardSaved'));
    } catch (error) {
      void message.error((error as ApiCallError).message);
    }
  };
  return (
    <Space align="start" data-testid="business-card">
      {buyer.card ? (
        <Image src={buyer.card.thumbUrl} preview={{ src: buyer.card.url }} width={160} alt={t('card')} style={{ borderRadius: 4, border: '1px solid #eee' }} />
      ) : (
        <div style={{ width: 160, height: 96, border: '1px dashed #d9d9d9', borderRadius: 6, display: 'flex', alignItems: 'center', justifyContent: 'center', color: '#595959' }}>{t('noCard')}</div>
      )}
      <Space orientation="vertical">
        <Upload
          accept="image/png,image/jpeg,image/webp"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={setCard.isPending} size="small">
            {buyer.card ? t('replaceCard') : t('addCard')}
          </Button>
        </Upload>
        {buyer.card && (
          <Button size="small" danger icon={<DeleteOutlined />} onClick={() => setCard.mutate({ id: buyer.id, image: null })}>
            {t('removeCard')}
          </Button>
        )}
      </Space>
    </Space>
  );
}

/** One buyer: how to reach them, what they are, and what happened (timeline). */
/** A number kept although libphonenumber does not list its range (a new mobile range, a number of another country). */
export function UnrecognisedMark({ country, testId }: { country: string; testId?: string }) {
  const { t } = useTranslation('buyers');
  return (
    <Tag color="warning" icon={<ExclamationCircleOutlined />} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {t('phoneUnrecognised', { country })}
    </Tag>
  );
}

export function BuyerDetail() {
  const { t, i18n } = useTranslation('buyers');
  const { message } = App.useApp();
  const navigate = useNavigate();
  const id = Number(useParams().id);
  const buyer = useApiQuery('buyers.get', { id });
  const timeline = useApiQuery('buyers.timeline', { id });
  const remove = useApiMutation('buyers.delete');
  const [visit, setVisit] = useState<Visit | 'new' | null>(null);
  const [merging, setMerging] = useState(false);

  if (buyer.error) {
    return (
      <div data-testid="buyer-detail">
        <Alert type="error" showIcon title={buyer.error.message} action={<Button onClick={() => navigate('/buyers')}>{t('back')}</Button>} />
      </div>
    );
  }
  if (!buyer.data) return <Skeleton active />;
  const b = buyer.data;

  return (
    <div data-testid="buyer-detail">
      <Space style={{ marginBottom: 12, justifyContent: 'space-between', width: '100%' }} wrap>
        <Space align="center" wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} aria-label={t('back')} />
          <h1 className="sk-page-title" style={{ margin: 0 }} data-testid="buyer-company">
            <bdi>{b.company}</bdi>
          </h1>
          <Tag>{countryLabel(b.country, i18n.language)}</Tag>
          <Tag color="blue">{t(`regions.${b.region}`)}</Tag>
          {b.tags.map((tag) => (
            <Tag key={tag} color="gold">
              {tag}
            </Tag>
          ))}
        </Space>
        <Space wrap>
          <Button type="primary" icon={<CalendarOutlined />} onClick={() => setVisit('new')} data-testid="visit-add">
            {t('visit.add')}
          </Button>
          <Button icon={<AccountBookOutlined />} onClick={() => navigate(`/statements/${b.id}`)} data-testid="buyer-statement">
            {t('statement')}
          </Button>
          <Button icon={<EditOutlined />} onClick={() => navigate(`/buyers/${b.id}/edit`)} data-testid="buyer-edit">
            {t('edit')}
          </Button>
          <Button icon={<MergeCellsOutlined />} onClick={() => setMerging(true)} data-testid="buyer-merge">
            {t('merge.button')}
          </Button>
          <Popconfirm
            title={t('deleteConfirm', { company: b.company })}
            okButtonProps={{ danger: true }}
            onConfirm={async () => {
              try {
                await remove.mutateAsync({ id: b.id });
                void message.success(t('deleted'));
                navigate('/buyers');
              } catch (error) {
                void message.error((error as ApiCallError).message);
              }
            }}
          >
            <Button danger icon={<DeleteOutlined />}>
              {t('delete')}
            </Button>
          </Popconfirm>
        </Space>
      </Space>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card title={t('sections.contacts')} size="small" style={{ marginBottom: 16 }}>
            <Contacts buyer={b} />
          </Card>
          <Card title={t('sections.details')} size="small" style={{ marginBottom: 16 }}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'city', label: t('fields.city'), children: b.city || '—' },
                { key: 'address', label: t('fields.address'), children: b.address || '—' },
                { key: 'currency', label: t('fields.currency'), children: b.currency },
                { key: 'docLanguage', label: t('fields.docLanguage'), children: t(`languages.${b.docLanguage}`) },
                { key: 'agent', label: t('fields.agent'), children: b.agent || '—' },
                { key: 'passportNo', label: t('fields.passportNo'), children: b.passportNo || '—' },
                { key: 'taxNo', label: t('fields.taxNo'), children: b.taxNo || '—' },
                { key: 'nationality', label: t('fields.nationality'), children: b.nationality ? countryLabel(b.nationality, i18n.language) : '—' },
                { key: 'notes', label: t('fields.notes'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{b.notes || '—'}</span> },
              ]}
            />
          </Card>
          <Card title={t('card')} size="small" style={{ marginBottom: 16 }}>
            <CardPhoto buyer={b} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('timeline.title')} size="small" extra={<span style={{ color: '#595959' }}>{t('visitsCount', { count: b.visits })}</span>}>
            {timeline.error && <Alert type="error" showIcon title={timeline.error.message} />}
            {timeline.data ? <Timeline events={timeline.data} onEditVisit={(v) => setVisit(v)} /> : <Skeleton active />}
          </Card>
        </Col>
      </Row>
      {visit !== null && <VisitModal buyerId={b.id} visit={visit === 'new' ? null : visit} onClose={() => setVisit(null)} />}
      {merging && <MergeModal keep={b} onClose={() => setMerging(false)} />}
    </div>
  );
}
