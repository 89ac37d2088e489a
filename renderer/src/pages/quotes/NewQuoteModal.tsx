import { Form, Input, Modal, Segmented, Select } from 'antd';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ApiCallError, ApiInput } from '../../api/client';
import { useApiQuery, useApiWrite } from '../../api/hooks';
import { showFieldError } from '../../lib/formErrors';
import { BuyerPicker } from '../buyers/BuyerPicker';
import { CountrySelect } from '../buyers/CountrySelect';
import { useLanguageOptions } from '../documents/languages';
import { holdingKeys } from '../../lib/typeAhead';

type DocLanguage = NonNullable<NonNullable<ApiInput<'quotes.create'>['newBuyer']>['docLanguage']>;

interface Props {
  open: boolean;
  onClose: () => void;
  /** Duplicate this quotation for the chosen buyer instead of starting an empty one. */
  duplicateOf?: { id: number; displayNumber: string } | undefined;
}

interface Values {
  buyerId?: number;
  company?: string;
  country?: string;
  whatsapp?: string;
  docLanguage?: DocLanguage;
  currency?: string;
}

/**
 * Who the quotation is for: a buyer from the list, or one added on the spot —
 * a WhatsApp number with its country code is enough (country, document language
 * and currency follow from it, each editable; the company can come later).
 * Keyboard: Alt+N new buyer, Alt+L buyer from the list, Enter starts quoting.
 */
export function NewQuoteModal({ open, onClose, duplicateOf }: Props) {
  const { t } = useTranslation('quotes');
  const { t: tb } = useTranslation('buyers');
  const languages = useLanguageOptions('buyers', 'languages');
  const navigate = useNavigate();
  const write = useApiWrite();
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<'existing' | 'new'>('existing');
  const [saving, setSaving] = useState(false);
  // Fields staff set themselves (form.isFieldTouched also counts values the form set from the number).
  const chosen = useRef(new Set<keyof Values>());
  const settings = useApiQuery('settings.get', {}, { enabled: open });
  const currencies = useApiQuery('settings.currencies', {}, { enabled: open, staleTime: Infinity });
  const defaultCurrency = settings.data?.defaults.defaultCurrency;
  const whatsapp = Form.useWatch('whatsapp', form) ?? '';
  const country = Form.useWatch('country', form) ?? '';
  const derived = useApiQuery('buyers.walkInDefaults', { whatsapp: whatsapp.trim(), country, company: '' }, { enabled: open && mode === 'new', placeholderData: keepPreviousData });

  // The stall's default currency until a buyer with a currency of its own is picked.
  useEffect(() => {
    if (open && defaultCurrency && !form.getFieldValue('currency')) form.setFieldValue('currency', defaultCurrency);
  }, [open, defaultCurrency, form]);

  // A new buyer: country, language and currency follow the number until staff change them.
  const d = derived.data;
  useEffect(() => {
    if (mode !== 'new' || !d) return;
    if (d.country && !chosen.current.has('country') && form.getFieldValue('country') !== d.country) form.setFieldValue('country', d.country);
    if (!chosen.current.has('docLanguage')) form.setFieldValue('docLanguage', d.docLanguage);
    if (!chosen.current.has('currency')) form.setFieldValue('currency', d.currency);
  }, [d, mode, form]);

  const switchTo = (next: 'existing' | 'new') => {
    setMode(next);
    // The first field of the mode takes the focus once it is on screen.
    setTimeout(() => document.querySelector<HTMLElement>(next === 'new' ? '[data-testid="new-buyer-whatsapp"]' : '[data-testid="new-quote-buyer"] input')?.focus(), 0);
  };

  const submit = async (v: Values) => {
    setSaving(true);
    try {
      const who =
        mode === 'existing'
          ? { buyerId: v.buyerId as number }
          : {
              newBuyer: {
                ...(v.whatsapp?.trim() ? { whatsapp: v.whatsapp.trim() } : {}),
                ...(v.company?.trim() ? { company: v.company.trim() } : {}),
                // Sent only when staff chose them; otherwise the server derives them from the number.
                ...(v.country && chosen.current.has('country') ? { country: v.country } : {}),
                ...(v.docLanguage && chosen.current.has('docLanguage') ? { docLanguage: v.docLanguage } : {}),
              },
            };
      // The picked buyer's currency, or the one staff chose; else the server's choice for the buyer.
      const currency = v.currency && (chosen.current.has('currency') || mode === 'existing') ? { currency: v.currency } : {};
      const quote = duplicateOf
        ? await write('quotes.duplicate', { id: duplicateOf.id, ...who, ...currency })
        : await write('quotes.create', { ...who, ...currency });
      onClose();
      navigate(`/quotes/${quote.id}`);
    } catch (error) {
      // The field is shown beside the box: the message loses its "field:" prefix.
      showFieldError(form, error, {
        within: 'newBuyer',
        only: ['buyerId', 'company', 'country', 'whatsapp', 'currency'],
        fallback: mode === 'existing' ? 'buyerId' : 'whatsapp',
        message: (error as ApiCallError).message.replace(/^[\w.]+[:：]\s*/, ''),
      });
    } finally {
      setSaving(false);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey && (e.key === 'n' || e.key === 'N' || e.code === 'KeyN')) {
      e.preventDefault();
      switchTo('new');
    } else if (e.altKey && (e.key === 'l' || e.key === 'L' || e.code === 'KeyL')) {
      e.preventDefault();
      switchTo('existing');
    } else if (e.key === 'Enter' && !e.defaultPrevented && !holdingKeys()) {
      // Enter starts quoting, unless it picks from an open list (a buyer, a country).
      const target = e.target as HTMLElement;
      if (target.closest('[aria-expanded="true"]') || target.getAttribute('aria-expanded') === 'true') return;
      e.preventDefault();
      form.submit();
    }
  };

  const shortcut = (label: string, key: string) => (
    <span>
      {label} <kbd className="sk-kbd">Alt+{key}</kbd>
    </span>
  );

  return (
    <Modal
      open={open}
      title={duplicateOf ? t('new.duplicateTitle', { number: duplicateOf.displayNumber }) : t('new.title')}
      okText={
        <span>
          {duplicateOf ? t('new.duplicate') : t('new.create')} <kbd className="sk-kbd sk-kbd-light">Enter</kbd>
        </span>
      }
      onOk={() => form.submit()}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
      afterOpenChange={(visible) => {
        if (!visible) {
          form.resetFields();
          chosen.current.clear();
          setMode('existing');
        }
      }}
      okButtonProps={{ 'data-testid': 'new-quote-ok' } as never}
    >
      <div onKeyDown={onKeyDown} data-testid="new-quote-dialog">
        <Segmented
          block
          value={mode}
          onChange={(v) => switchTo(v as 'existing' | 'new')}
          options={[
            { value: 'existing', label: shortcut(t('new.existingBuyer'), 'L') },
            { value: 'new', label: <span data-testid="new-buyer-tab">{shortcut(t('new.newBuyer'), 'N')}</span> },
          ]}
          style={{ marginBottom: 16 }}
        />
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          {mode === 'existing' ? (
            <Form.Item label={t('new.buyer')} name="buyerId" rules={[{ required: true, message: t('new.chooseBuyer') }]}>
              <BuyerPicker
                autoFocus
                placeholder={t('new.buyerPlaceholder')}
                onPick={(buyer) => form.setFieldValue('currency', buyer.currency)}
                testId="new-quote-buyer"
              />
            </Form.Item>
          ) : (
            <>
              <Form.Item label="WhatsApp" name="whatsapp" extra={d?.whatsapp && !d.recognised ? <span className="sk-warn-text">{tb('phoneUnrecognised', { country: d.country })}</span> : t('new.whatsappHint')}>
                <Input autoFocus maxLength={40} placeholder="+971 50 123 4567" data-testid="new-buyer-whatsapp" />
              </Form.Item>
              <Form.Item label={t('new.country')} name="country">
                <CountrySelect testId="new-buyer-country" advanceOnEnter aria-label={t('new.country')} placeholder={t('new.countryFromNumber')} onPicked={() => chosen.current.add('country')} />
              </Form.Item>
              <Form.Item label={t('new.company')} name="company">
                <Input maxLength={200} placeholder={d?.company || t('new.companyLater')} data-testid="new-buyer-company" />
              </Form.Item>
              <Form.Item label={t('new.docLanguage')} name="docLanguage">
                <Select options={languages} data-testid="new-buyer-language" aria-label={t('new.docLanguage')} onChange={() => chosen.current.add('docLanguage')} />
              </Form.Item>
            </>
          )}
          <Form.Item label={t('new.currency')} name="currency">
            <Select showSearch options={(currencies.data ?? []).map((c) => ({ value: c, label: c }))} data-testid="new-quote-currency" aria-label={t('new.currency')} onChange={() => chosen.current.add('currency')} />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
