import { App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApiCallError, ApiInput } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { showFieldError } from '../../lib/formErrors';
import { download } from './format';

type TagInput = ApiInput<'products.sampleTags'>;

interface Values {
  layout: NonNullable<TagInput['layout']>;
  priceMode: NonNullable<TagInput['priceMode']>;
  priceCodeKey: string;
  code: NonNullable<TagInput['code']>;
  nameLangs: NonNullable<TagInput['nameLangs']>;
  copies: number;
  skip: number;
}

const SAVED = 'stallkeeper.sampleTags';

function savedValues(): Values {
  const defaults: Values = { layout: '3x8', priceMode: 'price', priceCodeKey: 'BLACKHORSE', code: 'auto', nameLangs: ['zh', 'en'], copies: 1, skip: 0 };
  try {
    return { ...defaults, ...(JSON.parse(localStorage.getItem(SAVED) ?? '{}') as Partial<Values>), skip: 0 };
  } catch {
    return defaults;
  }
}

/** Sample tags (A4 label sheets) for the selected products, or for what the search shows. */
export function SampleTagsDialog({ selection, count, onClose }: { selection: Pick<TagInput, 'productIds' | 'query' | 'category'>; count: number; onClose: () => void }) {
  const { t } = useTranslation('products');
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const tags = useApiMutation('products.sampleTags');
  const priceMode = Form.useWatch('priceMode', form);

  const submit = async (v: Values) => {
    localStorage.setItem(SAVED, JSON.stringify(v));
    try {
      const pdf = await tags.mutateAsync({ ...selection, ...v, priceCodeKey: v.priceCodeKey.trim().toUpperCase() });
      download(pdf);
      void message.success(t('tags.ready', { tags: pdf.tags, pages: pdf.pages }));
      onClose();
    } catch (error) {
      if (!showFieldError(form, error, { only: ['priceCodeKey', 'copies'] })) void message.error((error as ApiCallError).message);
    }
  };

  return (
    <Modal open title={t('tags.title', { count })} onCancel={onClose} onOk={() => form.submit()} okText={t('tags.print')} confirmLoading={tags.isPending} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={savedValues()} onFinish={submit} requiredMark={false}>
        <Form.Item name="layout" label={t('tags.layout')}>
          <Radio.Group options={[{ value: '3x8', label: t('tags.layout3x8') }, { value: '2x5', label: t('tags.layout2x5') }]} />
        </Form.Item>
        <Form.Item name="priceMode" label={t('tags.priceMode')}>
          <Radio.Group options={(['price', 'code', 'none'] as const).map((m) => ({ value: m, label: t(`tags.price_${m}`) }))} />
        </Form.Item>
        {priceMode === 'code' && (
          <Form.Item name="priceCodeKey" label={t('tags.key')} extra={t('tags.keyHint')}>
            <Input maxLength={10} style={{ width: 200, textTransform: 'uppercase' }} />
          </Form.Item>
        )}
        <Form.Item name="code" label={t('tags.code')}>
          <Radio.Group options={(['auto', 'barcode', 'qr', 'none'] as const).map((m) => ({ value: m, label: t(`tags.code_${m}`) }))} />
        </Form.Item>
        <Form.Item name="nameLangs" label={t('tags.languages')}>
          <Select mode="multiple" maxCount={2} options={(['zh', 'en', 'ar', 'es', 'ru', 'fr', 'pt'] as const).map((l) => ({ value: l, label: t(`tags.lang_${l}`) }))} />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="copies" label={t('tags.copies')}>
            <InputNumber min={1} max={50} precision={0} />
          </Form.Item>
          <Form.Item name="skip" label={t('tags.skip')} tooltip={t('tags.skipHint')}>
            <InputNumber min={0} max={23} precision={0} />
          </Form.Item>
        </div>
      </Form>
    </Modal>
  );
}
