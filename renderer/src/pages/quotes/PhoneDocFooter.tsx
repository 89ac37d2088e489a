import { ContainerOutlined } from '@ant-design/icons';
import { Button, Drawer } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentTotals } from '../../../../main/quotes/types';
import { groupDigits, money } from './format';

interface Props {
  currency: string;
  totals: DocumentTotals;
  depositPercent: number;
  /** The whole totals panel and container fill, opened by one tap. */
  panel: ReactNode;
  /** The main actions (Accept, Make PI, the PDF), where the thumb is. */
  actions: ReactNode;
  /** Extra figures after the deposit (a PI's balance due). */
  extra?: ReactNode;
}

/**
 * A phone's quotation or PI footer, stuck above the bottom navigation: the total, the deposit and the
 * cartons/CBM always in view, the container fill one tap away, and the main actions under the thumb.
 */
export function PhoneDocFooter({ currency, totals, depositPercent, panel, actions, extra }: Props) {
  const { t } = useTranslation('quotes');
  const { t: tm } = useTranslation('mobile');
  const [open, setOpen] = useState(false);
  return (
    <>
      <div className="sk-phone-footer" data-region="sticky-footer" data-testid="phone-footer">
        <div className="sk-phone-footer-figures">
          <div>
            <span>{t('totals.grandTotal')}</span>
            <b data-testid="total-grand">{money(currency, totals.grandTotal)}</b>
          </div>
          <div>
            <span>{t('totals.deposit', { percent: depositPercent })}</span>
            <b data-testid="total-deposit">{groupDigits(totals.deposit)}</b>
          </div>
          {extra}
          <Button icon={<ContainerOutlined />} onClick={() => setOpen(true)} aria-haspopup="dialog" title={tm('footer.totals')} data-testid="phone-containers">
            <span data-testid="total-cartons">{t('totals.cartons', { count: totals.cartons })}</span>
          </Button>
        </div>
        <div className="sk-phone-footer-actions" role="group" aria-label={tm('footer.actions')}>
          {actions}
        </div>
      </div>
      <Drawer open={open} placement="bottom" size="auto" title={tm('footer.totals')} onClose={() => setOpen(false)} data-testid="phone-totals">
        {panel}
      </Drawer>
    </>
  );
}
