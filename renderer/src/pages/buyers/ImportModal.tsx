import { InboxOutlined } from '@ant-design/icons';
import { Alert, App, Checkbox, List, Modal, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, fileToBase64, type ApiCallError, type ApiOutput } from '../../api/client';
import { useApiMutation } from '../../api/hooks';

type Result = ApiOutput<'buyers.import'>;

/** CSV import in two steps: a dry run that lists every problem as "row N: field: reason", then the import. */
export function ImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('buyers');
  const { message } = App.useApp();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [check, setCheck] = useState<Result | null>(null);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [checking, setChecking] = useState(false);
  const run = useApiMutation('buyers.import', ['buyers', 'reports']);

  const reset = () => {
    setFile(null);
    setCheck(null);
    setSkipInvalid(false);
  };

  const pick = async (f: File) => {
    setChecking(true);
    try {
      const base64 = await fileToBase64(f);
      setFile({ name: f.name, base64 });
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
      const result = await run.mutateAsync({ fileBase64: file.base64, skipInvalid });
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
        <p style={{ color: '#888', fontSize: 12 }}>{t('import.columns')}</p>
      </Upload.Dragger>
      {check && (
        <div style={{ marginTop: 12 }} data-testid="import-check">
          <Alert
            type={check.errors.length ? 'error' : 'success'}
            showIcon
            title={t('import.summary', { rows: check.rows, created: check.created, updated: check.updated, unchanged: check.unchanged, errors: check.errors.length })}
          />
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
