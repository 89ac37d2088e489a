import { DeleteOutlined, LeftOutlined, PictureOutlined, RightOutlined, StarOutlined } from '@ant-design/icons';
import { Button, Image, Space, Tooltip, Upload } from 'antd';
import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CameraButton } from '../../layout/CameraButton';
import { takeSelection } from '../../lib/uploads';

export interface PhotoItem {
  key: string;
  /** Thumbnail (or a local preview before upload). */
  src: string;
  /** Full size, for the preview. */
  full: string;
}

export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp,image/gif,image/avif,image/tiff';
const MAX_BYTES = 20 * 1024 * 1024;

/** Image files among what was dropped, pasted or picked. */
export function imageFiles(files: FileList | File[] | null | undefined): File[] {
  return [...(files ?? [])].filter((f) => f.type.startsWith('image/'));
}

interface Props {
  items: PhotoItem[];
  busy?: boolean;
  onAdd: (files: File[]) => void;
  onReorder: (keys: string[]) => void;
  onRemove: (key: string) => void;
  onTooLarge: () => void;
}

/**
 * A product's photos: the first is the cover. Add by the file picker, by
 * dropping files, or by pasting an image (Ctrl+V anywhere while the editor is
 * open); drag a photo onto another to reorder, or use the arrows.
 */
export function PhotoManager({ items, busy, onAdd, onReorder, onRemove, onTooLarge }: Props) {
  const { t } = useTranslation('products');
  const [dragging, setDragging] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  const add = (files: File[]) => {
    const ok = files.filter((f) => f.size <= MAX_BYTES);
    if (ok.length < files.length) onTooLarge();
    if (ok.length) onAdd(ok);
  };

  // Paste from the clipboard (a screenshot, an image copied in WeChat or a browser).
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = imageFiles(e.clipboardData?.files);
      if (files.length === 0) return;
      e.preventDefault();
      add(files);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  });

  const move = (key: string, to: number) => {
    const keys = items.map((i) => i.key).filter((k) => k !== key);
    keys.splice(Math.max(0, Math.min(to, keys.length)), 0, key);
    onReorder(keys);
  };

  const dropOnPhoto = (e: DragEvent, target: number) => {
    e.preventDefault();
    e.stopPropagation();
    setOver(false);
    const files = imageFiles(e.dataTransfer.files);
    if (files.length) add(files);
    else if (dragging) move(dragging, target);
    setDragging(null);
  };

  return (
    <div
      data-testid="photo-manager"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => dropOnPhoto(e, items.length)}
      style={{ border: `1px dashed ${over ? '#c0392b' : '#d9d9d9'}`, borderRadius: 8, padding: 10, background: over ? '#fff5f3' : '#fafafa' }}
    >
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
        {items.map((item, i) => (
          <div
            key={item.key}
            draggable
            onDragStart={() => setDragging(item.key)}
            onDragEnd={() => setDragging(null)}
            onDrop={(e) => dropOnPhoto(e, i)}
            data-testid="photo-item"
            style={{ width: 104, border: i === 0 ? '2px solid #c0392b' : '1px solid #e5e5e5', borderRadius: 6, background: '#fff', padding: 2, opacity: dragging === item.key ? 0.5 : 1 }}
          >
            <Image src={item.src} preview={{ src: item.full }} width={98} height={78} style={{ objectFit: 'cover', borderRadius: 4 }} alt="" />
            <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', fontSize: 11, color: i === 0 ? '#c0392b' : '#888' }}>
              <span>{i === 0 ? t('photos.cover') : `#${i + 1}`}</span>
              <Space size={0}>
                {i > 0 && (
                  <Tooltip title={t('photos.makeCover')}>
                    <Button size="small" type="text" icon={<StarOutlined />} onClick={() => move(item.key, 0)} aria-label={t('photos.makeCover')} />
                  </Tooltip>
                )}
                {i > 0 && <Button size="small" type="text" icon={<LeftOutlined />} onClick={() => move(item.key, i - 1)} aria-label={t('photos.earlier')} />}
                {i < items.length - 1 && <Button size="small" type="text" icon={<RightOutlined />} onClick={() => move(item.key, i + 1)} aria-label={t('photos.later')} />}
                <Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => onRemove(item.key)} aria-label={t('photos.remove')} data-testid="photo-remove" />
              </Space>
            </div>
          </div>
        ))}
        <Upload
          accept={PHOTO_ACCEPT}
          multiple
          showUploadList={false}
          beforeUpload={takeSelection(add)}
        >
          <button
            type="button"
            disabled={busy}
            data-testid="photo-add"
            style={{ width: 104, height: 106, border: '1px dashed #bbb', borderRadius: 6, background: '#fff', cursor: 'pointer', color: '#595959' }}
          >
            <PictureOutlined style={{ fontSize: 22 }} />
            <div style={{ fontSize: 12, marginTop: 4 }}>{busy ? t('photos.uploading') : t('photos.add')}</div>
          </button>
        </Upload>
        <CameraButton onFiles={add} disabled={busy} />
      </div>
      <div style={{ color: '#595959', fontSize: 12, marginTop: 6 }}>{t('photos.hint')}</div>
    </div>
  );
}
