import fs from 'node:fs';
import path from 'node:path';
import { copyFileDurably, walkFiles } from './fsutil';
import { isWholePdfFile } from '../documents/storage';

/**
 * Stored PDFs of issued PIs (documents/<key>/<variant>.pdf, see
 * main/documents/storage.ts) are written once and never changed, so, like
 * photos, each is copied into a backup once, ever, and never pruned (PIs are
 * never deleted). The pattern also keeps anything else out of an archive.
 */
export const STORED_DOCUMENT = /^[A-Za-z0-9._@-]+\/[a-z]+-[a-z]{2}(?:-bi)?-(?:a4|letter)\.pdf$/;

/**
 * Copies the stored documents that `to` does not have yet. A copy that is not
 * a whole PDF (empty, cut short) is never copied, and one at the target is
 * replaced by a whole one.
 */
export function copyNewDocuments(from: string, to: string): { copied: number } {
  let copied = 0;
  for (const rel of walkFiles(from)) {
    if (!STORED_DOCUMENT.test(rel)) continue;
    const target = path.join(to, ...rel.split('/'));
    if (fs.existsSync(target) && isWholePdfFile(target)) continue;
    const source = path.join(from, ...rel.split('/'));
    if (!isWholePdfFile(source)) continue;
    copyFileDurably(source, target);
    copied += 1;
  }
  return { copied };
}

/** The stored documents of a folder, as paths relative to it. */
export function storedDocuments(dir: string): string[] {
  return walkFiles(dir).filter((rel) => STORED_DOCUMENT.test(rel));
}
