import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DataPaths } from '../paths/dataDir';
import type { DocKind, DocLang, Paper } from './model';

/**
 * Issued PIs are printed once and kept: the stored PDF is what the buyer
 * received, and it is served unchanged afterwards (a font or layout change in a
 * later version of the app never alters a document already sent). Files live
 * in the data folder: documents/<PI number>@<created>/<kind>-<lang>[-bi]-<paper>.pdf
 * (the folder is the source's storage key, see source.ts),
 * written atomically (temporary file, then rename) and never overwritten.
 */
export interface StoredVariant {
  kind: DocKind;
  lang: DocLang;
  bilingual: boolean;
  paper: Paper;
}

function safe(part: string): string {
  return part.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_');
}

export function storedPdfPath(paths: Pick<DataPaths, 'documents'>, number: string, v: StoredVariant): string {
  return path.join(paths.documents, safe(number), `${v.kind}-${v.lang}${v.bilingual ? '-bi' : ''}-${v.paper}.pdf`);
}

export function readStoredPdf(paths: Pick<DataPaths, 'documents'>, number: string, v: StoredVariant): Buffer | null {
  try {
    return fs.readFileSync(storedPdfPath(paths, number, v));
  } catch {
    return null;
  }
}

/** Stores the PDF unless one is there already; returns the bytes that are stored (the first ones win). */
export function storePdf(paths: Pick<DataPaths, 'documents'>, number: string, v: StoredVariant, pdf: Buffer): Buffer {
  const file = storedPdfPath(paths, number, v);
  const existing = readStoredPdf(paths, number, v);
  if (existing) return existing;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, pdf);
  try {
    fs.linkSync(tmp, file); // fails if another writer stored it first
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return fs.readFileSync(file);
}
