import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Image, Space, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { fileToBase64, type ApiCallError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import type { ApiOutput } from '../../api/client';

type Seller = ApiOutput<'settings.get'>['seller'];

const ACCEPT = 'image/png,image/jpeg,image/webp';
const MAX_BYTES = 20 * 1024 * 1024;

/** Shows the logo or chop, and uploads or removes it. */
export function ImageSlot({ slot, seller }: { slot: 'logo' | 'chop'; seller: Seller }) {
  const { t } = useTranslation('settings');
  const { message } = App.useApp();
  const setImage = useApiMutation('settings.setImage');
  const current = slot === 'logo' ? seller.logo : seller.chop;

  const upload = async (file: File) => {
    if (file.size > MAX_BYTES) {
      void message.error(t('images.tooLarge'));
      return;
    }
    try {
      await setImage.mutateAsync({ slot, image: { dataBase64: await fileToBase64(file), fileName: file.name } });
      void message.success(t('images.saved'));
    } catch (error) {
      void message.error((error as ApiCallError).message);
    }
  };

  return (
    <Space align="start" size="large" data-testid={`image-slot-${slot}`}>
      <div style={{ width: 120, height: 120, border: '1px dashed #d9d9d9', borderRadius: 8, display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#fafafa' }}>
        {current ? (
          <Image src={current.thumbUrl} preview={{ src: current.url }} alt={t(`images.${slot}`)} style={{ maxWidth: 110, maxHeight: 110, objectFit: 'contain' }} data-testid={`image-${slot}`} />
        ) : (
          <span style={{ color: '#595959' }}>{t('images.none')}</span>
        )}
      </div>
      <Space direction="vertical">
        <Upload
          accept={ACCEPT}
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={setImage.isPending} data-testid={`upload-${slot}`}>
            {current ? t('images.replace') : t('images.upload')}
          </Button>
        </Upload>
        {current && (
          <Button icon={<DeleteOutlined />} danger onClick={() => setImage.mutate({ slot, image: null })}>
            {t('images.remove')}
          </Button>
        )}
        <span style={{ color: '#595959', fontSize: 12 }}>{t('images.hint')}</span>
      </Space>
    </Space>
  );
}
