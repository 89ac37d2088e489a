import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import { exportArchiveTo } from '../../main/backup/service';
import { openCore, type Core } from '../../main/core';
import { storedPdfPath } from '../../main/documents/storage';
import { invoiceStorageKey } from '../../main/documents/tradeSource';
import { smallStall } from '../helpers/stall';
import { tempDir } from '../helpers/tempCore';

const cleanup: Array<() => void> = [];
afterEach(() => cleanup.splice(0).forEach((f) => f()));

function folder(prefix = 'sk-bkdoc-'): string {
  const t = tempDir(prefix);
  cleanup.push(t.remove);
  return t.dir;
}

function open(dir: string): Core {
  const core = openCore(dir);
  cleanup.unshift(() => core.close());
  return core;
}

async function issuePi(core: Core, qty: number) {
  const buyer = (await invoke(core, 'buyers.list', {})).items[0];
  const q = await invoke(core, 'quotes.create', { buyerId: buyer?.id as number, currency: 'CNY', lines: [{ itemNo: 'S-1', qty }] });
  await invoke(core, 'quotes.send', { id: q.id });
  await invoke(core, 'quotes.accept', { id: q.id });
  return invoke(core, 'invoices.create', { quoteId: q.id });
}

const A4_EN = { kind: 'proforma', lang: 'en', bilingual: false, paper: 'a4' } as const;

describe('stored PDFs of issued PIs in backups', () => {
  it('travel in the USB archive and come back with a restore on another PC', async () => {
    const shop = open(folder());
    await smallStall(shop);
    const pi = await issuePi(shop, 100);
    const stored = storedPdfPath(shop.paths, invoiceStorageKey(pi), A4_EN);
    expect(fs.existsSync(stored)).toBe(true);
    const archive = await exportArchiveTo(shop, folder('sk-usb-'));

    const newPc = open(folder());
    await invoke(newPc, 'backup.restore', { file: archive.file });
    const restored = storedPdfPath(newPc.paths, invoiceStorageKey(pi), A4_EN);
    expect(fs.readFileSync(restored).equals(fs.readFileSync(stored))).toBe(true);
    const printed = await invoke(newPc, 'documents.render', { kind: 'proforma', id: pi.id });
    expect(printed.stored).toBe(true);
  });

  it('are copied into the backup folder once, with the snapshots', async () => {
    const shop = open(folder());
    await smallStall(shop);
    const pi = await issuePi(shop, 100);
    await invoke(shop, 'backup.run', {});
    const pooled = storedPdfPath({ documents: `${shop.paths.backups}/documents` }, invoiceStorageKey(pi), A4_EN);
    expect(fs.existsSync(pooled)).toBe(true);
  });

  it('never serve an earlier PI to a new PI that gets the same number after a restore', async () => {
    const shop = open(folder());
    await smallStall(shop);
    const archive = await exportArchiveTo(shop, folder('sk-usb-'));
    const lost = await issuePi(shop, 100);
    await invoke(shop, 'backup.restore', { file: archive.file });
    const reissued = await issuePi(shop, 300);
    expect(reissued.number).toBe(lost.number);
    const printed = await invoke(shop, 'documents.render', { kind: 'proforma', id: reissued.id });
    const lostPdf = fs.readFileSync(storedPdfPath(shop.paths, invoiceStorageKey(lost), A4_EN));
    expect(Buffer.from(printed.base64, 'base64').equals(lostPdf)).toBe(false);
  });
});
