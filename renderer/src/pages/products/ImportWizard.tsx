import { FileExcelOutlined, PictureOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Descriptions, Modal, Result, Select, Space, Steps, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, fileToBase64, type ApiCallError, type ApiOutput } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { PHOTO_ACCEPT } from './PhotoManager';
import { takeSelection } from '../../lib/uploads';

type Report = ApiOutput<'products.import'>;

const ACTION_COLORS: Record<string, string> = { create: 'green', update: 'blue', unchanged: 'default', invalid: 'red' };

interface Chosen {
  fileName: string;
  dataBase64: string;
}

/**
 * Import a CSV or XLSX price list: choose the file (and photos named by item
 * no), check the preview (a dry run: what each row would do, every problem as
 * "row N: field: reason"), fix the column mapping by hand if a header was not
 * recognized, then import in one go.
 */
export function ImportWizard({ onClose }: { onClose: () => void }) {
  const { t, i18n } = useTranslation('products');
  const { message } = App.useApp();
  const zh = i18n.language.startsWith('zh');
  const columnsQuery = useApiQuery('products.importColumns', {}, { staleTime: Infinity });
  const run = useApiMutation('products.import');
  const [file, setFile] = useState<Chosen | null>(null);
  const [photos, setPhotos] = useState<Chosen[]>([]);
  const [mapping, setMapping] = useState<Array<string | null> | undefined>();
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [preview, setPreview] = useState<Report | null>(null);
  const [result, setResult] = useState<Report | null>(null);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const dryRun = async (chosen: Chosen, columns: Array<string | null> | undefined, withPhotos: Chosen[]) => {
    setChecking(true);
    setError(null);
    try {
      const report = await call('products.import', {
        file: chosen,
        dryRun: true,
        skipInvalid: true,
        ...(columns ? { columns } : {}),
        ...(withPhotos.length ? { photos: withPhotos } : {}),
      });
      setPreview(report);
      setMapping(report.columns.map((c) => c.field));
    } catch (e) {
      setError((e as ApiCallError).message);
      setPreview(null);
    } finally {
      setChecking(false);
    }
  };

  const choose = async (f: File) => {
    const chosen = { fileName: f.name, dataBase64: await fileToBase64(f) };
    setFile(chosen);
    setMapping(undefined);
    await dryRun(chosen, undefined, photos);
  };

  const doImport = async () => {
    if (!file) return;
    try {
      const report = await run.mutateAsync({ file, skipInvalid, ...(mapping ? { columns: mapping } : {}), ...(photos.length ? { photos } : {}) });
      if (!report.written) {
        setPreview(report);
        void message.error(t('import.notWritten'));
        return;
      }
      setResult(report);
    } catch (e) {
      setError((e as ApiCallError).message);
    }
  };

  const fileProblems = preview?.problems.filter((p) => p.row === null) ?? [];
  const rowProblems = preview?.problems.filter((p) => p.row !== null) ?? [];
  const canImport = preview !== null && fileProblems.length === 0 && (rowProblems.length === 0 || skipInvalid) && preview.created + preview.updated > 0;
  const step = result ? 2 : preview ? 1 : 0;
  const fieldOptions = [
    { value: '', label: t('import.ignore') },
    ...(columnsQuery.data?.columns ?? []).map((c) => ({ value: c.name, label: `${c.name} · ${zh ? c.zh : c.en}` })),
  ];

  return (
    <Modal open title={t('import.title')} onCancel={onClose} width={Math.min(1200, window.innerWidth - 60)} footer={null} destroyOnHidden>
      <Steps size="small" current={step} items={[{ title: t('import.stepFile') }, { title: t('import.stepCheck') }, { title: t('import.stepDone') }]} style={{ marginBottom: 16 }} />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="import-error" />}
      {step === 0 && (
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <div data-testid="import-file">
          <Upload.Dragger
            accept=".csv,.xlsx,.txt"
            showUploadList={false}
            beforeUpload={(f) => {
              void choose(f);
              return false;
            }}
            disabled={checking}
          >
            <p style={{ fontSize: 36, color: '#1d6f42', margin: 0 }}>
              <FileExcelOutlined />
            </p>
            <p>{checking ? t('import.checking') : t('import.drop')}</p>
            <p style={{ color: '#595959', fontSize: 12 }}>{t('import.formats')}</p>
          </Upload.Dragger>
          </div>
          <Upload
            accept={PHOTO_ACCEPT}
            multiple
            showUploadList={false}
            beforeUpload={takeSelection((list) => {
              void Promise.all(list.map(async (x) => ({ fileName: x.name, dataBase64: await fileToBase64(x) }))).then((add) => setPhotos((old) => [...old, ...add].slice(0, 500)));
            })}
          >
            <Button icon={<PictureOutlined />}>{t('import.photos', { count: photos.length })}</Button>
          </Upload>
          <div style={{ color: '#595959', fontSize: 12 }}>{t('import.photosHint')}</div>
        </Space>
      )}
      {step === 1 && preview && (
        <div data-testid="import-preview">
          <Descriptions size="small" column={6} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('import.file')}>{preview.fileName}</Descriptions.Item>
            <Descriptions.Item label={t('import.rows')}>{preview.rows}</Descriptions.Item>
            <Descriptions.Item label={t('import.new')}><b data-testid="import-new">{preview.created}</b></Descriptions.Item>
            <Descriptions.Item label={t('import.changed')}>{preview.updated}</Descriptions.Item>
            <Descriptions.Item label={t('import.unchanged')}>{preview.unchanged}</Descriptions.Item>
            <Descriptions.Item label={t('import.invalid')}><span style={{ color: preview.invalid ? '#c0392b' : undefined }}>{preview.invalid}</span></Descriptions.Item>
          </Descriptions>
          {preview.problems.length > 0 && (
            <Alert
              type={fileProblems.length ? 'error' : 'warning'}
              showIcon
              title={t('import.problems', { count: preview.problems.length })}
              description={
                <ul style={{ maxHeight: 110, overflow: 'auto', margin: 0, paddingInlineStart: 18 }} data-testid="import-problems">
                  {preview.problems.slice(0, 300).map((p, i) => (
                    <li key={i}>{p.message}</li>
                  ))}
                </ul>
              }
              style={{ marginBottom: 12 }}
            />
          )}
          {preview.warnings.length > 0 && (
            <Alert type="info" showIcon title={preview.warnings.map((w) => w.message).join(' · ')} style={{ marginBottom: 12 }} />
          )}
          <Table
            size="small"
            rowKey="row"
            pagination={false}
            scroll={{ x: 'max-content', y: 260 }}
            dataSource={preview.preview}
            columns={[
              { title: '#', dataIndex: 'row', width: 50, fixed: 'left' },
              {
                title: t('import.action'),
                dataIndex: 'action',
                width: 90,
                fixed: 'left',
                render: (a: string) => <Tag color={ACTION_COLORS[a]}>{t(`import.actions.${a}`)}</Tag>,
              },
              ...preview.columns.map((c) => ({
                key: c.index,
                width: 160,
                title: (
                  <div>
                    <div style={{ fontWeight: 400, color: '#595959', fontSize: 12 }}>{c.header || `#${c.index + 1}`}</div>
                    <Select
                      size="small"
                      value={mapping?.[c.index] ?? ''}
                      options={fieldOptions}
                      style={{ width: 150 }}
                      popupMatchSelectWidth={320}
                      showSearch
                      optionFilterProp="label"
                      data-testid={`map-${c.index}`}
                      onChange={(v: string) => {
                        const next = [...(mapping ?? preview.columns.map((x) => x.field))];
                        next[c.index] = v || null;
                        setMapping(next);
                        if (file) void dryRun(file, next, photos);
                      }}
                    />
                  </div>
                ),
                render: (_: unknown, r: Report['preview'][number]) => <span style={{ whiteSpace: 'pre-wrap' }}>{r.cells[c.index]}</span>,
              })),
            ]}
          />
          <Space style={{ marginTop: 12, justifyContent: 'space-between', width: '100%' }}>
            <Space>
              <Button onClick={() => { setFile(null); setPreview(null); }}>{t('import.other')}</Button>
              <Checkbox checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} disabled={rowProblems.length === 0} data-testid="import-skip">
                {t('import.skipInvalid', { count: preview.invalid })}
              </Checkbox>
            </Space>
            <Button type="primary" disabled={!canImport} loading={run.isPending || checking} onClick={() => void doImport()} data-testid="import-run">
              {t('import.run', { count: preview.created + preview.updated })}
            </Button>
          </Space>
        </div>
      )}
      {step === 2 && result && (
        <Result
          status="success"
          title={t('import.done', { created: result.created, updated: result.updated })}
          subTitle={t('import.doneDetail', { unchanged: result.unchanged, invalid: result.invalid, moves: result.stockMovements, photos: result.productsWithNewPhotos })}
          extra={<Button type="primary" onClick={onClose} data-testid="import-close">{t('import.close')}</Button>}
        />
      )}
    </Modal>
  );
}
