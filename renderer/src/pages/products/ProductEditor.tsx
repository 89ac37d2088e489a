import { CopyOutlined, DeleteOutlined, InboxOutlined, PlusOutlined, PrinterOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, AutoComplete, Button, Card, Col, Collapse, Drawer, Form, Input, InputNumber, Modal, Popconfirm, Row, Skeleton, Space, Statistic, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CountrySelect } from '../buyers/CountrySelect';
import { fileToBase64, type ApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { queryKey } from '../../api/invalidation';
import { showFieldError } from '../../lib/formErrors';
import { MoveDialog } from '../stock/MoveDialog';
import { download, namesFor, UNITS } from './format';
import { PhotoManager, type PhotoItem } from './PhotoManager';
import { SupplierFields } from '../suppliers/SupplierFields';
import { FieldCol } from '../../lib/FieldCol';

import { EMPTY, FORM_FIELDS, cbm, toForm, toInput, type FormValues, type Product } from './productForm';

interface Pending {
  key: string;
  file: File;
  url: string;
}

export function ProductEditor({ productId, onClose, onOpen }: { productId: number | null; onClose: () => void; onOpen: (id: number) => void }) {
  const { t, i18n } = useTranslation('products');
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const isNew = productId === null;
  const query = useApiQuery('products.get', { id: productId ?? 0 }, { enabled: !isNew });
  const categories = useApiQuery('products.categories', {});
  const columns = useApiQuery('products.importColumns', {}, { staleTime: Infinity });
  const owner = columns.data?.owner ?? false;
  const create = useApiMutation('products.create');
  const update = useApiMutation('products.update');
  const addPhotos = useApiMutation('products.addPhotos');
  const setPhotos = useApiMutation('products.setPhotos');
  const archive = useApiMutation('products.archive');
  const unarchive = useApiMutation('products.unarchive');
  const duplicate = useApiMutation('products.duplicate');
  const tags = useApiMutation('products.sampleTags');
  const [pending, setPending] = useState<Pending[]>([]);
  const [moving, setMoving] = useState(false);
  const [dup, setDup] = useState<{ itemNo: string; colors: string } | null>(null);
  const client = useQueryClient();
  // Show a photo change at once (the refresh of the lists follows).
  const showSaved = (saved: Product) => client.setQueryData(queryKey('products.get', { id: saved.id }), saved);
  const product = query.data;
  const carton = Form.useWatch(['packing', 'cartonCm'], form);

  // The form takes the product's values when it opens (keyed by product): later
  // refreshes (a new photo, a stock movement) do not wipe what is being typed.
  const initial = useMemo(() => (isNew ? EMPTY : product ? toForm(product) : null), [isNew, product?.id]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => () => pending.forEach((p) => URL.revokeObjectURL(p.url)), [pending]);

  const showError = (error: unknown) => {
    showFieldError(form, error, FORM_FIELDS);
    void message.error((error as ApiCallError).message);
  };

  const upload = async (id: number, files: File[]) => {
    const images = await Promise.all(files.map(async (f) => ({ dataBase64: await fileToBase64(f), fileName: f.name })));
    const saved = await addPhotos.mutateAsync({ id, images });
    showSaved(saved);
    return saved;
  };

  const save = async (values: FormValues) => {
    try {
      if (isNew) {
        const created = await create.mutateAsync(toInput(values, owner));
        if (pending.length) await upload(created.id, pending.map((p) => p.file));
        setPending([]);
        void message.success(t('editor.created', { itemNo: created.itemNo }));
        onOpen(created.id);
      } else {
        const saved = await update.mutateAsync({ id: productId, changes: toInput(values, owner) });
        form.setFieldsValue(toForm(saved));
        void message.success(t('editor.saved'));
      }
    } catch (error) {
      showError(error);
    }
  };

  const photoItems: PhotoItem[] = useMemo(
    () => (isNew ? pending.map((p) => ({ key: p.key, src: p.url, full: p.url })) : (product?.photos ?? []).map((p) => ({ key: p.hash, src: p.thumbUrl, full: p.url }))),
    [isNew, pending, product],
  );

  const onAdd = async (files: File[]) => {
    if (isNew) {
      setPending((old) => [...old, ...files.map((file) => ({ key: `${file.name}-${file.size}-${Math.random()}`, file, url: URL.createObjectURL(file) }))]);
      return;
    }
    try {
      await upload(productId, files);
      void message.success(t('photos.added', { count: files.length }));
    } catch (error) {
      showError(error);
    }
  };
  const onReorder = async (keys: string[]) => {
    if (isNew) {
      setPending((old) => keys.map((k) => old.find((p) => p.key === k) as Pending));
      return;
    }
    try {
      showSaved(await setPhotos.mutateAsync({ id: productId, photos: keys }));
    } catch (error) {
      showError(error);
    }
  };
  const onRemove = (key: string) => void onReorder(photoItems.map((p) => p.key).filter((k) => k !== key));

  const printTag = async () => {
    if (!productId) return;
    try {
      download(await tags.mutateAsync({ productIds: [productId] }));
    } catch (error) {
      showError(error);
    }
  };

  const runDuplicate = async () => {
    if (!productId || !dup) return;
    try {
      const copy = await duplicate.mutateAsync({ id: productId, itemNo: dup.itemNo, ...(dup.colors ? { changes: { colors: dup.colors } } : {}) });
      setDup(null);
      void message.success(t('editor.duplicated', { itemNo: copy.itemNo }));
      onOpen(copy.id);
    } catch (error) {
      void message.error((error as ApiCallError).message);
    }
  };

  const text = (name: string | string[], label: string, max = 200, testId?: string) => (
    <Form.Item name={name} label={label}>
      <Input maxLength={max} data-testid={testId} />
    </Form.Item>
  );
  const title = isNew ? t('editor.newTitle') : product ? `${product.itemNo} · ${namesFor(product.names, i18n.language).main}` : t('editor.title');

  return (
    <Drawer
      open
      size={Math.min(1000, window.innerWidth - 120)}
      title={
        <Space>
          <span data-testid="editor-title">{title}</span>
          {product?.archived && <Tag color="default">{t('archived')}</Tag>}
        </Space>
      }
      onClose={onClose}
      destroyOnHidden
      extra={
        <Space>
          {!isNew && product && (
            <>
              <Button icon={<InboxOutlined />} onClick={() => setMoving(true)} data-testid="editor-receive">
                {t('editor.stock')}
              </Button>
              <Button icon={<PrinterOutlined />} onClick={() => void printTag()} loading={tags.isPending}>
                {t('editor.tag')}
              </Button>
              <Button icon={<CopyOutlined />} onClick={() => setDup({ itemNo: '', colors: '' })} data-testid="editor-duplicate">
                {t('editor.duplicate')}
              </Button>
              {product.archived ? (
                <Button icon={<RollbackOutlined />} onClick={() => void unarchive.mutateAsync({ id: product.id }).catch(showError)}>
                  {t('editor.unarchive')}
                </Button>
              ) : (
                <Popconfirm title={t('editor.archiveConfirm')} onConfirm={() => void archive.mutateAsync({ id: product.id }).catch(showError)}>
                  <Button icon={<DeleteOutlined />} data-testid="editor-archive">{t('editor.archive')}</Button>
                </Popconfirm>
              )}
            </>
          )}
          <Button type="primary" onClick={() => form.submit()} loading={create.isPending || update.isPending || addPhotos.isPending} data-testid="editor-save">
            {t('editor.save')}
          </Button>
        </Space>
      }
    >
      {!isNew && query.error && <Alert type="error" showIcon title={query.error.message} />}
      {!isNew && !product && !query.error ? (
        <Skeleton active />
      ) : (
        <Form key={productId ?? 'new'} form={form} initialValues={initial ?? undefined} layout="vertical" onFinish={save} requiredMark={false} size="middle" data-testid="product-form">
          <Row gutter={16}>
            <Col span={14}>
              <Card size="small" title={t('editor.sections.names')} style={{ marginBottom: 12 }}>
                <Row gutter={12}>
                  <Col span={8}>{text('itemNo', t('itemNo'), 40, 'field-itemNo')}</Col>
                  <Col span={16}>{text(['names', 'zh'], t('editor.nameZh'), 300, 'field-name-zh')}</Col>
                </Row>
                {text(['names', 'en'], t('editor.nameEn'), 300, 'field-name-en')}
                <Form.Item name={['names', 'ar']} label={t('editor.nameAr')}>
                  <Input maxLength={300} dir="rtl" data-testid="field-name-ar" />
                </Form.Item>
                <Collapse
                  size="small"
                  ghost
                  items={[
                    {
                      key: 'more',
                      label: t('editor.moreLanguages'),
                      forceRender: true,
                      children: (
                        <Row gutter={12}>
                          {(['es', 'ru', 'fr', 'pt'] as const).map((lang) => (
                            <Col span={12} key={lang}>
                              {text(['names', lang], t(`editor.name_${lang}`), 300)}
                            </Col>
                          ))}
                        </Row>
                      ),
                    },
                  ]}
                />
              </Card>
              <Card size="small" title={t('editor.sections.details')} style={{ marginBottom: 12 }}>
                <Row gutter={12}>
                  <FieldCol span={12} name="category" label={t('category')}>
                    <AutoComplete
                      options={(categories.data ?? []).map((c) => ({ value: c.category }))}
                      filterOption={(input, option) => String(option?.value ?? '').toLowerCase().includes(input.toLowerCase())}
                      maxLength={80}
                      data-testid="field-category"
                    />
                  </FieldCol>
                  <Col span={12}>{text('material', t('editor.material'), 120)}</Col>
                  <Col span={12}>{text('colors', t('editor.colors'), 300)}</Col>
                  <Col span={12}>{text('sizes', t('editor.sizes'), 300)}</Col>
                  <FieldCol span={8} name="unit" label={t('editor.unit')}>
                    <AutoComplete options={UNITS.map((u) => ({ value: u }))} maxLength={20} />
                  </FieldCol>
                  <FieldCol span={8} name="moq" label={t('moq')}>
                    <InputNumber min={0} precision={0} style={{ width: '100%' }} data-testid="field-moq" />
                  </FieldCol>
                  <FieldCol span={8} name="lowStockAt" label={t('editor.lowStockAt')} tooltip={t('editor.lowStockHint')}>
                    <InputNumber min={0} precision={0} style={{ width: '100%' }} />
                  </FieldCol>
                  <Col span={12}>{text('barcode', t('editor.barcode'), 14, 'field-barcode')}</Col>
                  <Col span={12}>{text('hsCode', t('editor.hsCode'), 13)}</Col>
                  <FieldCol span={12} name="origin" label={t('editor.origin')} tooltip={t('editor.originHint')}>
                    <CountrySelect allowClear testId="field-origin" />
                  </FieldCol>
                  <SupplierFields label={t('editor.supplier')} itemNoLabel={t('editor.supplierItemNo')} />
                </Row>
                <Form.Item name="notes" label={t('editor.notes')}>
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
              </Card>
            </Col>
            <Col span={10}>
              <Card size="small" title={t('editor.sections.photos')} style={{ marginBottom: 12 }}>
                <PhotoManager
                  items={photoItems}
                  busy={addPhotos.isPending || setPhotos.isPending}
                  onAdd={(files) => void onAdd(files)}
                  onReorder={(keys) => void onReorder(keys)}
                  onRemove={onRemove}
                  onTooLarge={() => void message.error(t('photos.tooLarge'))}
                />
                {isNew && pending.length > 0 && <div style={{ color: '#595959', fontSize: 12, marginTop: 6 }}>{t('photos.afterSave')}</div>}
              </Card>
              <Card size="small" title={t('editor.sections.prices')} style={{ marginBottom: 12 }}>
                <Form.List name="priceTiers">
                  {(fields, { add, remove }) => (
                    <>
                      {fields.map((field) => (
                        <Space key={field.key} align="baseline" style={{ display: 'flex' }}>
                          <Form.Item name={[field.name, 'minQty']} label={field.name === 0 ? t('editor.fromQty') : undefined}>
                            <InputNumber min={1} precision={0} style={{ width: 110 }} aria-label={t('editor.fromQty')} data-testid={`tier-qty-${field.name}`} />
                          </Form.Item>
                          <Form.Item name={[field.name, 'priceCny']} label={field.name === 0 ? t('editor.priceCny') : undefined}>
                            <Input prefix="¥" inputMode="decimal" style={{ width: 130 }} aria-label={t('editor.priceCny')} data-testid={`tier-price-${field.name}`} />
                          </Form.Item>
                          {/* Under an empty label on the first row, so the icon sits beside its inputs, not on the header. */}
                          <Form.Item label={field.name === 0 ? ' ' : undefined} colon={false}>
                            <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('editor.removeTier')} data-testid={`tier-remove-${field.name}`} />
                          </Form.Item>
                        </Space>
                      ))}
                      <Button size="small" icon={<PlusOutlined />} onClick={() => add({ minQty: null, priceCny: '' })} disabled={fields.length >= 12}>
                        {t('editor.addTier')}
                      </Button>
                    </>
                  )}
                </Form.List>
                {owner && (
                  <Form.Item name="costCny" label={t('editor.cost')} tooltip={t('editor.costHint')} style={{ marginTop: 12, marginBottom: 0 }}>
                    <Input prefix="¥" inputMode="decimal" style={{ width: 150 }} />
                  </Form.Item>
                )}
              </Card>
              <Card size="small" title={t('editor.sections.packing')} style={{ marginBottom: 12 }}>
                <Row gutter={8}>
                  <FieldCol span={12} name={['packing', 'pcsPerInner']} label={t('editor.pcsPerInner')}>
                    <InputNumber min={1} precision={0} style={{ width: '100%' }} />
                  </FieldCol>
                  <FieldCol span={12} name={['packing', 'pcsPerCarton']} label={t('editor.pcsPerCarton')}>
                    <InputNumber min={1} precision={0} style={{ width: '100%' }} data-testid="field-pcsPerCarton" />
                  </FieldCol>
                  {(['l', 'w', 'h'] as const).map((side) => (
                    <Col span={8} key={side}>
                      <Form.Item name={['packing', 'cartonCm', side]} label={t(`editor.carton_${side}`)}>
                        <InputNumber min={0.1} max={1000} step={0.5} precision={1} style={{ width: '100%' }} />
                      </Form.Item>
                    </Col>
                  ))}
                  <FieldCol span={8} name={['packing', 'gwKg']} label={t('editor.gwKg')}>
                    <InputNumber min={0} precision={3} style={{ width: '100%' }} />
                  </FieldCol>
                  <FieldCol span={8} name={['packing', 'nwKg']} label={t('editor.nwKg')}>
                    <InputNumber min={0} precision={3} style={{ width: '100%' }} />
                  </FieldCol>
                  <Col span={8}>
                    <Statistic title={t('editor.cbm')} value={cbm(carton)} styles={{ content: { fontSize: 18 } }} />
                  </Col>
                </Row>
              </Card>
              {product && (
                <Card size="small" title={t('editor.sections.stock')}>
                  <Space size="large">
                    <Statistic title={t('onHand')} value={product.stock.onHand} />
                    <Statistic title={t('reserved')} value={product.stock.reserved} />
                    <Statistic title={t('available')} value={product.stock.available} styles={{ content: { color: product.lowStockAt !== null && product.stock.available <= product.lowStockAt ? '#c0392b' : undefined } }} />
                  </Space>
                </Card>
              )}
            </Col>
          </Row>
        </Form>
      )}
      {moving && product && (
        <MoveDialog
          target={{ id: product.id, itemNo: product.itemNo, name: namesFor(product.names, i18n.language).main, unit: product.unit, stock: product.stock }}
          onClose={() => setMoving(false)}
        />
      )}
      <Modal
        open={dup !== null}
        title={t('editor.duplicateTitle')}
        onCancel={() => setDup(null)}
        onOk={() => void runDuplicate()}
        okText={t('editor.duplicate')}
        confirmLoading={duplicate.isPending}
        okButtonProps={{ disabled: !dup?.itemNo.trim() }}
      >
        <p style={{ color: '#595959' }}>{t('editor.duplicateHint')}</p>
        <Form layout="vertical">
          <Form.Item label={t('editor.newItemNo')}>
            <Input value={dup?.itemNo} onChange={(e) => setDup((d) => d && { ...d, itemNo: e.target.value })} maxLength={40} autoFocus data-testid="duplicate-itemNo" />
          </Form.Item>
          <Form.Item label={t('editor.newColors')}>
            <Input value={dup?.colors} onChange={(e) => setDup((d) => d && { ...d, colors: e.target.value })} maxLength={300} placeholder={product?.colors} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}
