import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../main/api/invoke';
import { isWholePdf, isWholePdfFile, storedPdfPath, storePdf } from '../../main/documents/storage';
import { invoiceStorageKey } from '../../main/documents/tradeSource';
import { copyNewDocuments } from '../../main/backup/documents';
import type { Core } from '../../main/core';
import { pdfText } from '../helpers/pdfTools';
import { smallStall } from '../helpers/stall';
import { tempCore, tempDir } from '../helpers/tempCore';

const cleanup: Array<() => void> = [];
afterEach(() => {
  vi.restoreAllMocks();
  cleanup.splice(0).forEach((f) => f());
});

async function stallWithPi() {
  const core = tempCore();
  cleanup.push(core.remove);
  await smallStall(core);
  const buyer = (await invoke(core, 'buyers.list', {})).items[0];
  const q = await invoke(core, 'quotes.create', { buyerId: buyer?.id as number, currency: 'CNY', lines: [{ itemNo: 'S-1', qty: 120 }] });
  await invoke(core, 'quotes.accept', { id: q.id });
  const pi = await invoke(core, 'invoices.create', { quoteId: q.id });
  return { core, pi, file: storedPdfPath(core.paths, invoiceStorageKey(pi), { kind: 'proforma', lang: 'en', bilingual: false, paper: 'a4' }) };
}

async function print(core: Core, id: number) {
  const printed = await invoke(core, 'documents.render', { kind: 'proforma', id });
  return { ...printed, pdf: Buffer.from(printed.base64, 'base64') };
}

describe('stored PDFs of issued PIs', () => {
  for (const [what, damage] of [
    ['cut short (a kill or a power cut mid-write on a disk that lied)', (f: string) => fs.truncateSync(f, Math.floor(fs.statSync(f).size / 2))],
    ['empty (0 bytes)', (f: string) => fs.truncateSync(f, 0)],
  ] as const) {
    it(`are rendered again and replaced, never served, when the stored copy is ${what}`, async () => {
      const { core, pi, file } = await stallWithPi();
      const whole = fs.readFileSync(file);
      expect(isWholePdf(whole)).toBe(true);
      damage(file);
      expect(isWholePdfFile(file)).toBe(false);

      const printed = await print(core, pi.id);
      expect(printed.stored).toBe(false);
      expect(isWholePdf(printed.pdf)).toBe(true);
      expect(pdfText(printed.pdf)).toContain(pi.number);
      // The broken copy is replaced by the new one, which is served unchanged from now on.
      expect(fs.readFileSync(file).equals(printed.pdf)).toBe(true);
      const again = await print(core, pi.id);
      expect(again.stored).toBe(true);
      expect(again.pdf.equals(printed.pdf)).toBe(true);
      expect(fs.readdirSync(path.dirname(file)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    });
  }

  it('are written durably: the temporary file is flushed before it gets its name, then the folder is flushed', async () => {
    const { core, pi } = await stallWithPi();
    const events: string[] = [];
    const fds = new Map<number, string>();
    const open = fs.openSync;
    vi.spyOn(fs, 'openSync').mockImplementation(((file: fs.PathLike, ...rest: unknown[]) => {
      const fd = (open as (...a: unknown[]) => number)(file, ...rest);
      fds.set(fd, String(file));
      return fd;
    }) as typeof fs.openSync);
    const fsync = fs.fsyncSync;
    vi.spyOn(fs, 'fsyncSync').mockImplementation((fd: number) => {
      const name = fds.get(fd) ?? '?';
      events.push(`fsync ${name.endsWith('.tmp') ? 'temp file' : fs.statSync(name).isDirectory() ? 'folder' : name}`);
      fsync(fd);
    });
    const link = fs.linkSync;
    vi.spyOn(fs, 'linkSync').mockImplementation((from: fs.PathLike, to: fs.PathLike) => {
      events.push('name the file');
      link(from, to);
    });
    const variant = { kind: 'proforma', lang: 'zh', bilingual: false, paper: 'letter' } as const;
    const pdf = (await invoke(core, 'documents.render', { kind: 'proforma', id: pi.id, lang: 'zh', paper: 'letter' })).base64;
    expect(Buffer.from(pdf, 'base64').length).toBeGreaterThan(0);
    expect(events).toEqual(['fsync temp file', 'name the file', 'fsync folder']);
    expect(fs.existsSync(storedPdfPath(core.paths, invoiceStorageKey(pi), variant))).toBe(true);
  });

  it('keep the first whole copy: a second store of the same variant returns it', async () => {
    const { core, file, pi } = await stallWithPi();
    const first = fs.readFileSync(file);
    const other = (await print(core, pi.id)).pdf;
    expect(storePdf(core.paths, invoiceStorageKey(pi), { kind: 'proforma', lang: 'en', bilingual: false, paper: 'a4' }, Buffer.concat([other, Buffer.from('\n')])).equals(first)).toBe(true);
  });

  it('are not copied into a backup when broken, and a broken copy in the backup is replaced by a whole one', async () => {
    const { core, file } = await stallWithPi();
    const pool = tempDir();
    cleanup.push(pool.remove);
    const rel = path.relative(core.paths.documents, file);
    const whole = fs.readFileSync(file);
    fs.truncateSync(file, 100);
    expect(copyNewDocuments(core.paths.documents, pool.dir).copied).toBe(0);
    fs.writeFileSync(file, whole);
    fs.mkdirSync(path.dirname(path.join(pool.dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(pool.dir, rel), '');
    expect(copyNewDocuments(core.paths.documents, pool.dir).copied).toBe(1);
    expect(fs.readFileSync(path.join(pool.dir, rel)).equals(whole)).toBe(true);
  });
});
