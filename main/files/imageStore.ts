import crypto from 'node:crypto';
import fs from 'node:fs';
import { writeFileDurably } from './durable';
import type { OutputInfo } from 'sharp';
import { invalid, m, type AppError, type Message } from '../errors/apiError';
import type { ImageRow } from '../../db/images';
import { imageFile, thumbFile } from './imagePaths';

/** Largest upload accepted, before any downscaling. */
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;
/** Longest side of a stored image; larger photos are downscaled. */
export const MAX_IMAGE_SIDE = 2000;
/** Longest side of a thumbnail (lists, photo grid, PDF tables). */
export const THUMB_SIDE = 320;

const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'tiff']);

/**
 * photo: stored as JPEG (small, printable by pdfkit); transparent areas become white.
 * graphic: logos and chops, stored as PNG to keep transparency.
 */
export type ImageKind = 'photo' | 'graphic';

export interface StoredImage extends ImageRow {
  url: string;
  thumbUrl: string;
}

function badImage(field: string, reason: Message): AppError {
  return invalid(field, reason);
}

export { findImageFile, imageFile, thumbFile } from './imagePaths';

export function imageUrls(hash: string): { url: string; thumbUrl: string } {
  return { url: `/photos/${hash}`, thumbUrl: `/photos/${hash}?thumb=1` };
}

/** Decodes base64 from the API, rejecting what is not base64 or too large. */
export function decodeBase64Image(data: string, field: string): Buffer {
  const body = data.replace(/^data:[^;,]+;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(body)) {
    throw badImage(field, m('files.notBaseEncodedImage'));
  }
  const bytes = Buffer.from(body, 'base64');
  if (bytes.length === 0) throw badImage(field, m('files.fileEmpty'));
  if (bytes.length > MAX_IMAGE_BYTES) {
    throw badImage(field, m('files.fileLargerMb', { megabytes: MAX_IMAGE_BYTES / 1024 / 1024 }));
  }
  return bytes;
}

/**
 * Writes a file whole or not at all (temp file, flushed to disk, renamed), so
 * after a power cut a photo the database refers to is never missing or torn:
 * it is on disk before the transaction that refers to it commits.
 */
function writeOnce(file: string, bytes: Buffer): void {
  if (!fs.existsSync(file)) writeFileDurably(file, bytes);
}

/**
 * Validates an uploaded image with sharp, normalizes it (EXIF rotation applied,
 * metadata stripped, downscaled to MAX_IMAGE_SIDE), writes it and its thumbnail
 * into photos/ under the SHA-256 of the stored bytes, and returns its row.
 * Writing is idempotent, so it is safe to do before the database transaction.
 */
export async function storeImage(photosDir: string, input: Buffer, kind: ImageKind, field: string): Promise<StoredImage> {
  if (input.length > MAX_IMAGE_BYTES) {
    throw badImage(field, m('files.fileLargerMb', { megabytes: MAX_IMAGE_BYTES / 1024 / 1024 }));
  }
  // sharp (native, large) is loaded the first time an image is stored, not by every process that reads photos.
  const { default: sharp } = await import('sharp');
  let format: string | undefined;
  try {
    format = (await sharp(input).metadata()).format;
  } catch {
    throw badImage(field, m('files.notImageFileRead'));
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) {
    throw badImage(field, m('files.formatNotAccepted', { format: format ?? m('files.unknownFormat') }));
  }
  let stored: { data: Buffer; info: OutputInfo };
  let thumb: Buffer;
  try {
    const base = sharp(input, { failOn: 'error' })
      .rotate()
      .resize({ width: MAX_IMAGE_SIDE, height: MAX_IMAGE_SIDE, fit: 'inside', withoutEnlargement: true });
    stored =
      kind === 'photo'
        ? await base.flatten({ background: '#ffffff' }).jpeg({ quality: 85, mozjpeg: true }).toBuffer({ resolveWithObject: true })
        : await base.png({ compressionLevel: 9 }).toBuffer({ resolveWithObject: true });
    thumb = await sharp(stored.data)
      .resize({ width: THUMB_SIDE, height: THUMB_SIDE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toBuffer();
  } catch {
    throw badImage(field, m('files.imageFileDamagedCannot'));
  }
  const hash = crypto.createHash('sha256').update(stored.data).digest('hex');
  const mime = kind === 'photo' ? 'image/jpeg' : 'image/png';
  writeOnce(imageFile(photosDir, hash, mime), stored.data);
  writeOnce(thumbFile(photosDir, hash), thumb);
  return {
    hash,
    mime,
    width: stored.info.width,
    height: stored.info.height,
    bytes: stored.data.length,
    ...imageUrls(hash),
  };
}
