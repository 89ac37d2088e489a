import fs from 'node:fs';
import path from 'node:path';
import { copyFileDurably, walkFiles } from './fsutil';

const PHOTO_FILE = /(?:^|\/)([0-9a-f]{64})\.(?:jpg|png)$/;

/** The content hash a photo or thumbnail file is named after, or null for anything else. */
export function hashOfPhotoFile(rel: string): string | null {
  return PHOTO_FILE.exec(rel)?.[1] ?? null;
}

/**
 * Copies the photos (and thumbnails) that `to` does not have yet. Photos are
 * named by the SHA-256 of their content, so a file with the same name is the
 * same photo: each is copied once, ever.
 */
export function copyNewPhotos(from: string, to: string, only?: Set<string>): { copied: number; bytes: number } {
  let copied = 0;
  let bytes = 0;
  for (const rel of walkFiles(from)) {
    const hash = hashOfPhotoFile(rel);
    if (!hash || (only && !only.has(hash))) continue;
    const target = path.join(to, ...rel.split('/'));
    if (fs.existsSync(target)) continue;
    const source = path.join(from, ...rel.split('/'));
    copyFileDurably(source, target);
    copied += 1;
    bytes += fs.statSync(target).size;
  }
  return { copied, bytes };
}

/** Deletes photos of the backup pool that no kept backup refers to. */
export function prunePhotoPool(pool: string, keep: Set<string>): number {
  let removed = 0;
  for (const rel of walkFiles(pool)) {
    const hash = hashOfPhotoFile(rel);
    if (hash && !keep.has(hash)) {
      fs.rmSync(path.join(pool, ...rel.split('/')), { force: true });
      removed += 1;
    }
  }
  return removed;
}
