import fs from 'node:fs';
import path from 'node:path';

/**
 * Where a stored image lives in the photos folder (content-addressed by its
 * SHA-256). No image library here: the Electron main process serves photos
 * with this alone (imageStore.ts, which needs sharp, runs in the core).
 */
export function imageFile(photosDir: string, hash: string, mime: string): string {
  return path.join(photosDir, hash.slice(0, 2), `${hash}.${mime === 'image/png' ? 'png' : 'jpg'}`);
}

export function thumbFile(photosDir: string, hash: string): string {
  return path.join(photosDir, 'thumbs', hash.slice(0, 2), `${hash}.jpg`);
}

/** The file behind /photos/<hash>[?thumb=1], or null when the hash is malformed or the file is gone. */
export function findImageFile(photosDir: string, hash: string, thumb: boolean): { file: string; mime: string } | null {
  if (!/^[0-9a-f]{64}$/.test(hash)) return null;
  if (thumb) {
    const file = thumbFile(photosDir, hash);
    return fs.existsSync(file) ? { file, mime: 'image/jpeg' } : null;
  }
  for (const mime of ['image/jpeg', 'image/png']) {
    const file = imageFile(photosDir, hash, mime);
    if (fs.existsSync(file)) return { file, mime };
  }
  return null;
}
