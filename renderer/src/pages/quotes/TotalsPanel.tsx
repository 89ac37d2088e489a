import { Card, Progress, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContainerFill, DocumentTotals, Discount } from '../../../../main/quotes/types';
import { groupDigits, money, isZeroAmount } from './format';
import { useTouch } from '../../layout/screen';

interface Props {
  currency: string;
  totals: DocumentTotals;
  discount: Discount;
  depositPercent: number;
  containers: ContainerFill[];
  /** Extra rows below the grand total (a PI's paid and balance due). */
  extra?: React.ReactNode;
}

function Row({ label, value, strong, testId }: { label: React.ReactNode; value: React.ReactNode; strong?: boolean; testId?: string }) {
  return (
    <div className={`sk-total-row${strong ? ' sk-total-strong' : ''}`}>
      <span>{label}</span>
      <span data-testid={testId}>{value}</span>
    </div>
  );
}

/** The running totals and the container-fill bars, always beside the lines. */
export function TotalsPanel({ currency, totals, discount, depositPercent, containers, extra }: Props) {
  const { t } = useTranslation('quotes');
  const touch = useTouch();
  return (
    <div className="sk-totals" data-testid="quote-totals">
      <Card size="small" title={t('totals.title')}>
        <Row label={t('totals.amount')} value={money(currency, totals.amount)} testId="total-amount" />
        {discount.kind !== 'none' && (
          <Row label={discount.kind === 'percent' ? t('totals.discountPercent', { percent: discount.percent }) : t('totals.discount')} value={`− ${groupDigits(totals.discount)}`} />
        )}
        {!isZeroAmount(totals.charges) && <Row label={t('totals.charges')} value={`+ ${groupDigits(totals.charges)}`} />}
        <Row label={t('totals.grandTotal')} value={money(currency, totals.grandTotal)} strong testId="total-grand" />
        <Row label={t('totals.deposit', { percent: depositPercent })} value={groupDigits(totals.deposit)} testId="total-deposit" />
        <Row label={t('totals.balance')} value={groupDigits(totals.balance)} />
        {extra}
        <div className="sk-total-measures">
          <span data-testid="total-cartons">{t('totals.cartons', { count: totals.cartons })}</span>
          <span data-testid="total-cbm">{totals.cbm} m³</span>
          <span>{t('totals.gw', { kg: groupDigits(totals.grossWeightKg) })}</span>
          <span>{t('totals.nw', { kg: groupDigits(totals.netWeightKg) })}</span>
        </div>
        {totals.quantities.length > 0 && (
          <div style={{ color: '#595959', fontSize: 12, marginTop: 2 }}>{totals.quantities.map((q) => `${groupDigits(String(q.qty))} ${q.unit}`).join(' · ')}</div>
        )}
      </Card>
      <Card size="small" title={t('containers.title')} style={{ marginTop: 8 }} data-testid="container-fill">
        {containers.map((c) => {
          const percent = c.containers === 0 ? 0 : c.lastContainerPercent;
          const color = c.bindsBy === 'volume' ? '#1677ff' : '#fa8c16';
          return (
            <div key={c.code} className="sk-container" data-testid={`container-${c.code}`}>
              <div className="sk-container-head">
                <b>
                  {c.code}
                  {c.containers > 1 ? ` × ${c.containers}` : ''}
                </b>
                <Tooltip title={t('containers.detail', { volume: c.volumePercent, weight: c.weightPercent, cbm: c.capacityCbm, kg: groupDigits(c.payloadKg) })} trigger={touch ? ['hover', 'click'] : 'hover'}>
                  <span style={{ color: '#595959', fontSize: 12 }}>
                    {c.containers === 0 ? t('containers.empty') : c.bindsBy === 'volume' ? t('containers.byVolume') : t('containers.byWeight')}
                  </span>
                </Tooltip>
              </div>
              <Progress percent={Math.min(100, percent)} strokeColor={color} size="small" format={() => `${percent}%`} aria-label={t('containers.fillOf', { code: c.code, percent })} />
              {c.containers > 0 && <div style={{ color: '#595959', fontSize: 12, marginTop: -4 }}>{t('containers.more', { count: c.moreCartons })}</div>}
            </div>
          );
        })}
      </Card>
    </div>
  );
}
