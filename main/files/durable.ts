/**
 * Writing files so that a power cut leaves either the whole file or none of it: flushed bytes,
 * a temp name renamed into place, and the folder's entries flushed (the backups, the stored PDFs
 * and the photos all write this way).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Flushes a file's bytes to the disk (so a power cut after this cannot lose them). */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Flushes a folder's entries (a rename into it) to the disk; not possible on Windows, where rename is already durable enough. */
export function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = fs.openSync(dir, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Copies a file so the destination appears whole or not at all: a temp file, fsync, rename, fsync of the folder. */
export function copyFileDurably(from: string, to: string): void {
  replaceWhole(to, (tmp) => {
    fs.copyFileSync(from, tmp);
    fsyncFile(tmp);
  });
}

/** A tag for temp names: this process and a random part, so stale ones can be told apart. */
export function tmpTag(): string {
  return `${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
}

/** Writes bytes to a file and flushes them to the disk before returning. */
export function writeFileFlushed(file: string, bytes: Buffer): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, bytes);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes a file so that it appears whole or not at all: a flushed temp file renamed into place, then the folder flushed. */
export function writeFileDurably(file: string, bytes: Buffer): void {
  replaceWhole(file, (tmp) => writeFileFlushed(tmp, bytes));
}

/** Fills a temp file beside `file` (flushed by `fill`), renames it into place and flushes the folder; the temp file never stays. */
function replaceWhole(file: string, fill: (tmp: string) => void): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${tmpTag()}.tmp`;
  try {
    fill(tmp);
    fs.renameSync(tmp, file);
  } catch (error) {
    fs.rmSync(tmp, { force: true });
    throw error;
  }
  fsyncDir(path.dirname(file));
}
