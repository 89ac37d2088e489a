import fs from 'node:fs';
import { fsyncDir, tmpTag, writeFileFlushed } from '../files/durable';
import path from 'node:path';
import type { DataPaths } from '../paths/dataDir';
import type { DocKind, DocLang, Paper } from './model';

/**
 * Issued PIs are printed once and kept: the stored PDF is what the buyer
 * received, and it is served unchanged afterwards (a font or layout change in a
 * later version of the app never alters a document already sent). Files live
 * in the data folder: documents/<PI number>@<created>/<kind>-<lang>[-bi]-<paper>.pdf
 * (the folder is the source's storage key, see source.ts).
 *
 * Written durably: a temporary file, flushed to the disk (fsync), given its
 * name (a hard link, so the first copy stored wins and is never overwritten),
 * and the folder flushed, so after a power cut the PDF is whole or absent.
 * A stored copy that is not a whole PDF (empty, cut short by a disk that lied
 * or filled up) is never served: it is rendered again and replaced.
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

/**
 * Whether the bytes are a whole PDF as pdfkit writes it: the %PDF- header, and
 * at the very end `startxref <offset> %%EOF` with the offset pointing at the
 * cross-reference table inside the file. A truncated or empty copy fails.
 */
export function isWholePdf(bytes: Buffer): boolean {
  if (bytes.length < 64 || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return false;
  const tail = bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1');
  const end = /startxref\s+(\d+)\s+%%?EOF\s*$/.exec(tail);
  if (!end) return false;
  const offset = Number(end[1]);
  return offset > 0 && offset < bytes.length && bytes.subarray(offset, offset + 4).toString('latin1') === 'xref';
}

/** isWholePdf for a file, reading only its first bytes, its last kilobyte and the 4 bytes at the xref offset. */
export function isWholePdfFile(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size < 64) return false;
    const read = (at: number, length: number) => {
      const buffer = Buffer.alloc(length);
      return buffer.subarray(0, fs.readSync(fd, buffer, 0, length, at)).toString('latin1');
    };
    if (read(0, 5) !== '%PDF-') return false;
    const end = /startxref\s+(\d+)\s+%%?EOF\s*$/.exec(read(Math.max(0, size - 1024), Math.min(size, 1024)));
    const offset = Number(end?.[1] ?? 0);
    return offset > 0 && offset < size && read(offset, 4) === 'xref';
  } finally {
    fs.closeSync(fd);
  }
}

/** The stored PDF when it is there and whole; null otherwise (then it is rendered again). */
export function readStoredPdf(paths: Pick<DataPaths, 'documents'>, number: string, v: StoredVariant): Buffer | null {
  return readWhole(storedPdfPath(paths, number, v));
}

function readWhole(file: string): Buffer | null {
  try {
    const bytes = fs.readFileSync(file);
    return isWholePdf(bytes) ? bytes : null;
  } catch {
    return null;
  }
}

/**
 * Stores the PDF unless a whole one is there already; returns the bytes that
 * are stored (the first whole copy wins). A copy that is not whole is replaced.
 */
export function storePdf(paths: Pick<DataPaths, 'documents'>, number: string, v: StoredVariant, pdf: Buffer): Buffer {
  const file = storedPdfPath(paths, number, v);
  const existing = readWhole(file);
  if (existing) return existing;
  const dir = path.dirname(file);
  if (!fs.existsSync(dir)) {
    fs.mkdirSync(dir, { recursive: true });
    fsyncDir(path.dirname(dir));
  }
  const tmp = `${file}.${tmpTag()}.tmp`;
  let stored = pdf;
  try {
    writeFileFlushed(tmp, pdf);
    try {
      fs.linkSync(tmp, file); // fails if a copy is there: another writer's, or a broken one
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const other = readWhole(file);
      if (other) stored = other;
      else fs.renameSync(tmp, file); // not a whole PDF: never served, replaced
    }
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  fsyncDir(dir);
  return stored;
}
