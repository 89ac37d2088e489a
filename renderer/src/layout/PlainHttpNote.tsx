import { InfoCircleOutlined } from '@ant-design/icons';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * What a phone cannot do over the stall's plain-HTTP Wi-Fi, and what works instead. Browsers give the
 * camera (getUserMedia, for scanning barcodes with it) and the share sheet (Web Share) only to secure
 * contexts (HTTPS, or this very PC); the local-network mode serves plain HTTP.
 * `compact`: one line, for under the quotation's search box.
 */
export function PlainHttpNote({ compact = false }: { compact?: boolean }) {
  const { t } = useTranslation('mobile');
  const secure = typeof window !== 'undefined' && window.isSecureContext;
  if (compact) {
    return (
      <div className="sk-plain-http-line" data-testid="plain-http-hint" data-secure={secure}>
        <InfoCircleOutlined aria-hidden /> {t('plainHttp.short')}
      </div>
    );
  }
  return (
    <Alert
      type="info"
      showIcon
      data-testid="plain-http-note"
      data-secure={secure}
      title={secure ? t('plainHttp.titleSecure') : t('plainHttp.title')}
      description={
        <ul className="sk-plain-http-list">
          <li>{t('plainHttp.camera')}</li>
          <li>{t('plainHttp.share')}</li>
          <li>{t('plainHttp.instead')}</li>
        </ul>
      }
    />
  );
}
