import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Checkbox, List, Modal, Select, Table, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, fileToBase64, type ApiCallError, type ApiOutput } from '../../api/client';
import { useApiMutation } from '../../api/hooks';

type Result = ApiOutput<'buyers.import'>;

/**
 * CSV import in two steps: a dry run that lists every problem as "row N: field: reason" and how each
 * column is read (any column can be mapped by hand, or ignored), then the import with that mapping.
 */
export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('buyers');
  const { message } = App.useApp();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [check, setCheck] = useState<Result | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [checking, setChecking] = useState(false);
  const [mapping, setMapping] = useState<Array<string | null> | undefined>();
  const run = useApiMutation('buyers.import');

  const reset = () => {
    setFile(null);
    setCheck(null);
    setSkipInvalid(false);
    setMapping(undefined);
  };

  const recheck = async (base64: string, columns: Array<string | null> | undefined) => {
    setChecking(true);
    try {
      setCheck(await call('buyers.import', { fileBase64: base64, dryRun: true, ...(columns ? { columns } : {}) }));
    } catch (error) {
      void message.error((error as ApiCallError).message);
    } finally {
      setChecking(false);
    }
  };

  const pick = async (f: File) => {
    setChecking(true);
    try {
      const base64 = await fileToBase64(f);
      setFile({ name: f.name, base64 });
      setMapping(undefined);
      setCheck(await call('buyers.import', { fileBase64: base64, dryRun: true }));
    } catch (error) {
      void message.error((error as ApiCallError).message);
    } finally {
      setChecking(false);
    }
  };

  const importNow = async () => {
    if (!file) return;
    try {
      const result = await run.mutateAsync({ fileBase64: file.base64, skipInvalid, ...(mapping ? { columns: mapping } : {}) });
      if (result.errors.length > 0 && !skipInvalid) {
        setCheck(result);
        return;
      }
      void message.success(t('import.done', { created: result.created, updated: result.updated, unchanged: result.unchanged }));
      reset();
      onClose();
    } catch (error) {
      void message.error((error as ApiCallError).message);
    }
  };

  const blocked = !check || (check.errors.length > 0 && (!skipInvalid || check.errors.some((e) => e.row === null)));
  return (
    <Modal
      open={open}
      width={720}
      title={t('import.title')}
      okText={t('import.run')}
      okButtonProps={{ disabled: blocked, 'data-testid': 'import-run' } as never}
      confirmLoading={run.isPending}
      onOk={() => void importNow()}
      onCancel={() => {
        reset();
        onClose();
      }}
    >
      <Upload.Dragger
        accept=".csv,text/csv,text/plain"
        showUploadList={false}
        beforeUpload={(f) => {
          void pick(f);
          return false;
        }}
        disabled={checking}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p>{file ? file.name : t('import.drop')}</p>
        <p style={{ color: '#595959', fontSize: 12 }}>{t('import.columns')}</p>
      </Upload.Dragger>
      {check && (
        <div style={{ marginTop: 12 }} data-testid="import-check">
          <Alert
            type={check.errors.length ? 'error' : 'success'}
            showIcon
            title={t('import.summary', { rows: check.rows, created: check.created, updated: check.updated, unchanged: check.unchanged, errors: check.errors.length })}
          />
          {check.columns.length > 0 && (
            <Table
              size="small"
              rowKey="index"
              pagination={false}
              style={{ marginTop: 8 }}
              scroll={{ y: 200 }}
              data-testid="import-columns"
              dataSource={check.columns}
              columns={[
                { title: t('import.fileColumn'), dataIndex: 'header', width: 170, render: (h: string) => <bdi>{h}</bdi> },
                { title: t('import.sample'), dataIndex: 'sample', ellipsis: true, render: (v: string) => <bdi>{v}</bdi> },
                {
                  title: t('import.readAs'),
                  key: 'column',
                  width: 230,
                  render: (_: unknown, c: (typeof check.columns)[number]) => (
                    <Select
                      size="small"
                      style={{ width: '100%' }}
                      showSearch
                      aria-label={t('import.readAsOf', { header: c.header })}
                      value={mapping?.[c.index] !== undefined ? (mapping[c.index] ?? '') : (c.column ?? '')}
                      options={[{ value: '', label: t('import.ignore') }, ...check.knownColumns.map((k) => ({ value: k, label: k }))]}
                      data-testid={`buyer-map-${c.index}`}
                      onChange={(v: string) => {
                        const next = [...(mapping ?? check.columns.map((x) => x.column))];
                        next[c.index] = v || null;
                        setMapping(next);
                        if (file) void recheck(file.base64, next);
                      }}
                    />
                  ),
                },
              ]}
            />
          )}
          {check.errors.length > 0 && (
            <>
              <List size="small" style={{ maxHeight: 220, overflow: 'auto', marginTop: 8 }} dataSource={check.errors} renderItem={(e) => <List.Item style={{ color: '#c0392b' }}>{e.text}</List.Item>} />
              <Checkbox checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)} style={{ marginTop: 8 }}>
                {t('import.skipInvalid')}
              </Checkbox>
            </>
          )}
          {check.warnings.length > 0 && (
            <List
              size="small"
              header={t('import.warnings')}
              style={{ maxHeight: 160, overflow: 'auto', marginTop: 8 }}
              dataSource={check.warnings}
              renderItem={(w) => <List.Item style={{ color: '#b26a00' }}>{w.text}</List.Item>}
            />
          )}
        </div>
      )}
    </Modal>
  );
}
