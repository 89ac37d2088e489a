import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TermsWarning } from '../../../../main/quotes/types';

/**
 * The typed payment terms contradict the deposit % or the balance rule (the API's
 * quote.termsWarnings, from main/quotes/paymentTerms.ts): shown on the quote screen and
 * before printing, so the buyer's bank and the buyer read one deal.
 */
export function TermsWarnings({ warnings, compact = false }: { warnings: TermsWarning[]; compact?: boolean }) {
  const { t } = useTranslation('quotes');
  if (warnings.length === 0) return null;
  const text = (w: TermsWarning) => {
    switch (w.code) {
      case 'deposit_percent_differs':
        return t('termsWarnings.deposit_percent_differs', { typed: w.typed, deposit: w.depositPercent });
      case 'full_advance_with_deposit':
        return t('termsWarnings.full_advance_with_deposit', { deposit: w.depositPercent });
      case 'deposit_without_percent':
        return t('termsWarnings.deposit_without_percent', { typed: w.typed });
      case 'balance_rule_differs':
        return t('termsWarnings.balance_rule_differs', { typed: t(`balanceRules.${w.typed}`), rule: t(`balanceRules.${w.balanceRule}`) });
    }
  };
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: compact ? 8 : 16 }}
      data-testid="terms-warnings"
      title={t('termsWarnings.title')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 18 }}>
          {warnings.map((w) => (
            <li key={w.code}>{text(w)}</li>
          ))}
        </ul>
      }
    />
  );
}
