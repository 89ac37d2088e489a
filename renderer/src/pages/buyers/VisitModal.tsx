import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { App, AutoComplete, DatePicker, Form, Input, Modal, Select, Upload, type UploadFile } from 'antd';
import type { RcFile } from 'antd/es/upload';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileToBase64, type ApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import type { Visit } from './types';
import { showFieldError } from '../../lib/formErrors';
import { CameraButton } from '../../layout/CameraButton';

type Product = Visit['products'][number];

interface FormValues {
  visitedOn: Dayjs;
  staff?: string;
  notes?: string;
  productIds?: number[];
}

function label(p: Product, lang: string): string {
  const name = lang.startsWith('zh') ? p.names.zh || p.names.en : p.names.en || p.names.zh;
  return `${p.itemNo} · ${name || p.names.ar}`;
}

/** Logs a new visit or edits one: date, who served, notes, products of interest (by item no or name), photos. */
export function VisitModal({ buyerId, visit, onClose }: { buyerId: number; visit: Visit | null; onClose: () => void }) {
  const { t, i18n } = useTranslation('buyers');
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [query, setQuery] = useState('');
  const [known, setKnown] = useState<Map<number, Product>>(() => new Map((visit?.products ?? []).map((p) => [p.id, p])));
  const [files, setFiles] = useState<UploadFile[]>(() =>
    (visit?.photos ?? []).map((p) => ({ uid: p.hash, name: p.hash.slice(0, 8), status: 'done', url: p.url, thumbUrl: p.thumbUrl })),
  );
  const options = useApiQuery('buyers.productOptions', { query, limit: 20 }, { enabled: query.trim() !== '', placeholderData: keepPreviousData });
  const staff = useApiQuery('buyers.staff', {});
  const add = useApiMutation('buyers.addVisit');
  const update = useApiMutation('buyers.updateVisit');

  const found = query.trim() ? (options.data ?? []) : [];
  const productOptions = [...new Map([...known.values(), ...found].map((p) => [p.id, p])).values()].map((p) => ({
    value: p.id,
    label: (
      <span style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
        {p.cover && <img src={p.cover.thumbUrl} alt="" width={22} height={22} style={{ objectFit: 'cover', borderRadius: 2 }} />}
        {label(p, i18n.language)}
      </span>
    ),
  }));

  const save = async (values: FormValues) => {
    try {
      const photos = await Promise.all(
        files.map(async (f) => (f.originFileObj ? { dataBase64: await fileToBase64(f.originFileObj), fileName: f.name } : { hash: f.uid })),
      );
      const fields = {
        visitedOn: values.visitedOn.format('YYYY-MM-DD'),
        staff: values.staff ?? '',
        notes: values.notes ?? '',
        productIds: values.productIds ?? [],
        photos,
      };
      if (visit) await update.mutateAsync({ id: visit.id, changes: fields });
      else await add.mutateAsync({ buyerId, ...fields });
      void message.success(t('visit.saved'));
      onClose();
    } catch (error) {
      showFieldError(form, error, { within: 'changes', only: ['visitedOn', 'staff', 'notes', 'productIds'] });
      void message.error((error as ApiCallError).message);
    }
  };

  return (
    <Modal
      open
      width={640}
      title={visit ? t('visit.edit') : t('visit.add')}
      okText={t('save')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={add.isPending || update.isPending}
      okButtonProps={{ 'data-testid': 'visit-save' } as never}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{
          visitedOn: visit ? dayjs(visit.visitedOn) : dayjs(),
          staff: visit?.staff ?? '',
          notes: visit?.notes ?? '',
          productIds: visit?.products.map((p) => p.id) ?? [],
        }}
        data-testid="visit-form"
      >
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item label={t('visit.date')} name="visitedOn" rules={[{ required: true, message: t('visit.dateRequired') }]} style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs().add(1, 'day'))} data-testid="visit-date" allowClear={false} />
          </Form.Item>
          <Form.Item label={t('visit.staff')} name="staff" style={{ flex: 1 }}>
            <AutoComplete options={(staff.data ?? []).map((s) => ({ value: s }))} data-testid="visit-staff" />
          </Form.Item>
        </div>
        <Form.Item label={t('visit.products')} name="productIds" extra={t('visit.productsHint')}>
          <Select
            mode="multiple"
            showSearch={{ filterOption: false, onSearch: setQuery, searchValue: query }}
            options={productOptions}
            onChange={(ids: number[]) => {
              const next = new Map(known);
              for (const p of found) if (ids.includes(p.id)) next.set(p.id, p);
              setKnown(next);
              setQuery('');
            }}
            notFoundContent={query.trim() ? t('visit.noProducts') : t('visit.typeToSearch')}
            loading={options.isFetching}
            data-testid="visit-products"
          />
        </Form.Item>
        <Form.Item label={t('visit.notes')} name="notes">
          <Input.TextArea rows={3} maxLength={4000} data-testid="visit-notes" />
        </Form.Item>
        <Form.Item label={t('visit.photos')}>
          <Upload
            listType="picture-card"
            accept="image/png,image/jpeg,image/webp"
            multiple
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => setFiles(fileList.map((f) => (f.originFileObj && !f.thumbUrl ? { ...f, thumbUrl: URL.createObjectURL(f.originFileObj) } : f)))}
          >
            {files.length < 24 && (
              <div>
                <PlusOutlined />
                <div style={{ marginTop: 4 }}>{t('visit.addPhoto')}</div>
              </div>
            )}
          </Upload>
          {files.length < 24 && (
            <CameraButton
              testId="visit-camera"
              onFiles={(picked) =>
                setFiles((old) => [
                  ...old,
                  ...picked.map((f, i) => ({ uid: `camera-${Date.now()}-${i}`, name: f.name, originFileObj: Object.assign(f, { uid: `camera-${Date.now()}-${i}` }) as RcFile, thumbUrl: URL.createObjectURL(f) })),
                ])
              }
            />
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}
