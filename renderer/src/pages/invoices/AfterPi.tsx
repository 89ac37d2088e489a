import { CarOutlined, FileExcelOutlined, ShoppingCartOutlined } from '@ant-design/icons';
import { App, Button, Card, List, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call, type ApiOutput } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import type { Invoice } from '../../../../main/invoices/types';
import { DocumentButton } from '../documents/DocumentButton';
import { download } from '../products/format';
import { errorText } from '../quotes/format';
import { DeliveryDialog } from './DeliveryDialog';
import { ResponsiveTable } from '../../layout/ResponsiveTable';

type Made = ApiOutput<'purchases.fromInvoice'>;
type Delivery = ApiOutput<'shipments.forInvoice'>['deliveries'][number];
type ProgressLine = Invoice['progress']['lines'][number];

const STAGE_COLORS: Record<string, string> = {
  issued: 'processing',
  deposit_received: 'cyan',
  in_production: 'gold',
  ready: 'lime',
  partly_delivered: 'orange',
  delivered: 'purple',
  paid: 'success',
  cancelled: 'default',
};

/**
 * The PI after it was issued: its stage (goods and money), per line what is on order, came in and
 * went to the forwarder; the purchase orders made from it (the owner makes them here); its
 * deliveries with their documents, and a new delivery.
 */
export function AfterPi({ pi }: { pi: Invoice }) {
  const { t } = useTranslation('invoices');
  const { message } = App.useApp();
  const owner = useApiQuery('auth.status', {}).data?.role === 'owner';
  const deliveries = useApiQuery('shipments.forInvoice', { invoiceId: pi.id });
  const make = useApiMutation('purchases.fromInvoice');
  const [made, setMade] = useState<Made | null>(null);
  const [delivering, setDelivering] = useState(false);
  const p = pi.progress;
  const open = pi.status !== 'cancelled';
  const toDeliver = (deliveries.data?.lines ?? []).some((l) => l.toDeliver > 0);
  const toOrder = p.lines.some((l) => l.onOrder < l.qty);

  const makeOrders = async () => {
    try {
      setMade(await make.mutateAsync({ invoiceId: pi.id }));
    } catch (error) {
      void message.error(errorText(error));
    }
  };
  const declaration = async (d: Delivery) => {
    try {
      const file = await call('shipments.declarationXlsx', { id: d.id, lang: 'bi' });
      download({ ...file, dataBase64: file.base64 });
    } catch (error) {
      void message.error(errorText(error));
    }
  };

  return (
    <Card
      size="small"
      style={{ marginTop: 8 }}
      data-testid="after-pi"
      title={
        <Space wrap>
          {t('after.title')}
          <Tag color={STAGE_COLORS[p.stage]} data-testid="pi-stage" data-stage={p.stage}>
            {t(`after.stages.${p.stage}`)}
          </Tag>
          <span className="sk-muted" style={{ fontWeight: 'normal' }}>
            {t('after.goods')}: <b data-testid="pi-goods" data-goods={p.goods}>{t(`after.goodsStates.${p.goods}`)}</b> · {t('after.payment')}:{' '}
            <b data-testid="pi-payment" data-payment={p.payment}>{t(`after.paymentStates.${p.payment}`)}</b>
          </span>
        </Space>
      }
      extra={
        open && (
          <Space size={6}>
            {owner && toOrder && (
              <Button icon={<ShoppingCartOutlined />} size="small" onClick={() => void makeOrders()} loading={make.isPending} data-testid="make-orders">
                {t('after.makeOrders')}
              </Button>
            )}
            {toDeliver && (
              <Button icon={<CarOutlined />} size="small" type="primary" onClick={() => setDelivering(true)} data-testid="delivery-new">
                {t('after.newDelivery')}
              </Button>
            )}
          </Space>
        )
      }
    >
      <ResponsiveTable<ProgressLine>
        card={{ head: ['no', 'itemNo'] }}
        fold={[['qty', 'onOrder'], ['received', 'delivered', 'toDeliver']]}
        rowKey="lineId"
        size="small"
        pagination={false}
        dataSource={p.lines}
        data-testid="pi-progress"
        columns={[
          { title: '#', dataIndex: 'no', width: 40 },
          { title: t('after.itemNo'), dataIndex: 'itemNo' },
          { title: t('after.qty'), dataIndex: 'qty', width: 90, align: 'right' },
          { title: t('after.onOrder'), dataIndex: 'onOrder', width: 90, align: 'right' },
          {
            title: t('after.received'),
            key: 'received',
            width: 110,
            align: 'right',
            render: (_, l) => (
              <span data-testid={`pi-received-${l.itemNo}`}>
                {l.received}
                {l.damaged > 0 && <Tag color="red" style={{ marginInlineStart: 4, marginInlineEnd: 0 }}>{t('after.damaged', { n: l.damaged })}</Tag>}
              </span>
            ),
          },
          { title: t('after.delivered'), dataIndex: 'delivered', width: 90, align: 'right', render: (d: number, l) => <span data-testid={`pi-delivered-${l.itemNo}`}>{d}</span> },
          { title: t('after.toDeliver'), dataIndex: 'toDeliver', width: 90, align: 'right' },
        ]}
      />
      {p.orders.length > 0 && (
        <div style={{ marginTop: 8 }} data-testid="pi-orders">
          <b>{t('after.orders')}</b>{' '}
          {p.orders.map((o) => (
            <Tag key={o.id} style={{ marginBottom: 4 }}>
              {owner ? <Link to={`/purchases/${o.id}`}>{o.number}</Link> : o.number} · {o.supplier} · {t(`purchases:statuses.${o.status}`)}
              {o.deliveryDate && ` · ${o.deliveryDate}`}
            </Tag>
          ))}
        </div>
      )}
      {(deliveries.data?.deliveries.length ?? 0) > 0 && <b style={{ display: 'block', marginTop: 8 }}>{t('after.deliveries')}</b>}
      {(deliveries.data?.deliveries.length ?? 0) > 0 && (
        <ResponsiveTable<Delivery>
          card={{ head: ['number', 'entryNo'] }}
          fold={[['fw', 'entryNo'], ['cartons', 'cbm']]}
          rowKey="id"
          size="small"
          style={{ marginTop: 8 }}
          pagination={false}
          dataSource={deliveries.data?.deliveries ?? []}
          data-testid="pi-deliveries"
          columns={[
            { title: t('after.deliveryNo'), dataIndex: 'number', width: 150, render: (n: string, d) => <>{n}<div className="sk-muted">{d.deliveredOn}</div></> },
            { title: t('after.forwarder'), key: 'fw', render: (_, d) => d.forwarder.name },
            { title: t('after.entryNo'), dataIndex: 'entryNo', width: 130 },
            { title: t('delivery.cartons'), key: 'cartons', width: 80, align: 'right', render: (_, d) => d.totals.cartons },
            { title: 'CBM', key: 'cbm', width: 70, align: 'right', render: (_, d) => d.totals.cbm },
            {
              title: '',
              key: 'docs',
              width: 300,
              render: (_, d) => (
                <Space size={4} wrap>
                  <DocumentButton kinds={['deliveryNote']} id={d.id} defaultLang="zh" testId={`delivery-note-${d.seq}`} label={t('after.noteButton')} />
                  <DocumentButton kinds={['deliveryPacking']} id={d.id} defaultLang={pi.buyer.docLanguage} testId={`delivery-packing-${d.seq}`} label={t('after.packingButton')} />
                  <Button size="small" icon={<FileExcelOutlined />} onClick={() => void declaration(d)} title={t('after.declarationHint')} data-testid={`delivery-1039-${d.seq}`}>
                    1039
                  </Button>
                </Space>
              ),
            },
          ]}
        />
      )}
      {made && (
        <Modal open title={t('after.madeTitle', { count: made.orders.length })} onCancel={() => setMade(null)} onOk={() => setMade(null)} cancelButtonProps={{ style: { display: 'none' } }}>
          <div data-testid="made-orders">
            <List
              size="small"
              dataSource={made.orders}
              locale={{ emptyText: t('after.noneMade') }}
              renderItem={(o) => (
                <List.Item>
                  <Link to={`/purchases/${o.id}`}>{o.number}</Link> · {o.supplier.names.zh} · {t('after.lineCount', { count: o.lines.length })}
                  {o.deliveryDate && ` · ${t('after.deliverBy', { date: o.deliveryDate })}`}
                </List.Item>
              )}
            />
            {made.unassigned.length > 0 && (
              <>
                <p style={{ marginTop: 8 }}>
                  <b>{t('after.unassigned')}</b>
                </p>
                <List
                  size="small"
                  data-testid="unassigned-lines"
                  dataSource={made.unassigned}
                  renderItem={(l) => (
                    <List.Item>
                      {l.no}. {l.itemNo} {l.names.zh || l.names.en} ×{l.qty} — {t(`after.reasons.${l.reason}`)}
                    </List.Item>
                  )}
                />
              </>
            )}
          </div>
        </Modal>
      )}
      {delivering && deliveries.data && <DeliveryDialog invoiceId={pi.id} deliveries={deliveries.data} onClose={() => setDelivering(false)} />}
    </Card>
  );
}
