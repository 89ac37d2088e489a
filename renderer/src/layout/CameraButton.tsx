import { CameraOutlined } from '@ant-design/icons';
import { Button, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useTouch } from './screen';

/**
 * On a touch screen, a button that opens the camera straight away (`accept="image/*"` with
 * `capture="environment"`, the back camera) beside the usual picker, which also offers the gallery.
 * A file input needs no secure context, so this works over the stall's plain-HTTP Wi-Fi.
 * Nothing on a PC with a mouse.
 */
export function CameraButton({ onFiles, disabled = false, testId = 'camera-photo' }: { onFiles: (files: File[]) => void; disabled?: boolean; testId?: string }) {
  const { t } = useTranslation('mobile');
  const touch = useTouch();
  if (!touch) return null;
  return (
    <Upload
      accept="image/*"
      capture="environment"
      multiple={false}
      showUploadList={false}
      disabled={disabled}
      beforeUpload={(file) => {
        onFiles([file as unknown as File]);
        return false;
      }}
    >
      <Button icon={<CameraOutlined />} disabled={disabled} data-testid={testId}>
        {t('camera')}
      </Button>
    </Upload>
  );
}
