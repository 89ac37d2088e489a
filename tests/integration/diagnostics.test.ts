import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { callMethod } from '../../main/api/dispatch';
import { invoke } from '../../main/api/invoke';
import { configureLogging, logError, logFileName, logsDirOf, MAX_FILE_BYTES, pruneLogs, stopLogging } from '../../main/logging/log';
import { productsMethods } from '../../main/products/methods';
import { tempCore, tempDir } from '../helpers/tempCore';

const readLogs = (dir: string) =>
  fs.existsSync(dir) ? fs.readdirSync(dir).sort().map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('') : '';

afterEach(() => stopLogging());

describe('the log', () => {
  const work = tempDir('sk-logs-');
  afterAll(() => work.remove());

  it('writes one file per day in the data folder\'s logs/, in electron-log\'s format, naming the process', () => {
    const dir = path.join(work.dir, 'a');
    configureLogging({ dir, process: 'core', console: false });
    logError('api demo failed', new TypeError('boom'), { method: 'demo.method', ids: { id: 7 } });
    const file = path.join(dir, logFileName(new Date()));
    expect(fs.existsSync(file)).toBe(true);
    expect(path.basename(file)).toMatch(/^\d{4}-\d{2}-\d{2}\.log$/);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toMatch(/^\[\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\] \[error\] \(core\) api demo failed \{"method":"demo.method","ids":\{"id":7\}\}/);
    expect(text).toMatch(/TypeError: boom\n\s+at /);
  });

  it('rotates a day file past its size limit and removes files older than two weeks', () => {
    const dir = path.join(work.dir, 'b');
    fs.mkdirSync(dir, { recursive: true });
    const today = path.join(dir, logFileName(new Date()));
    fs.writeFileSync(today, 'x'.repeat(MAX_FILE_BYTES + 10));
    fs.writeFileSync(path.join(dir, '2020-01-01.log'), 'old');
    fs.writeFileSync(path.join(dir, '2020-01-01.old.log'), 'old');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a log');
    configureLogging({ dir, process: 'main', console: false });
    expect(fs.existsSync(path.join(dir, '2020-01-01.log'))).toBe(false);
    expect(fs.existsSync(path.join(dir, '2020-01-01.old.log'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'notes.txt'))).toBe(true);
    logError('after the limit');
    expect(fs.statSync(today).size).toBeLessThan(1000);
    expect(fs.statSync(today.replace(/\.log$/, '.old.log')).size).toBe(MAX_FILE_BYTES + 10);
    expect(pruneLogs(dir, new Date(2099, 0, 1))).toEqual(expect.arrayContaining([path.basename(today)]));
  });

  it('logs an unexpected error of a method with its name and the ids of its input, never the rest of the input', async () => {
    const core = tempCore();
    const dir = path.join(work.dir, 'c');
    configureLogging({ dir, process: 'core', console: false });
    const spec = productsMethods['products.get'];
    const original = spec.handler;
    (spec as { handler: unknown }).handler = () => {
      throw new Error('disk on fire for "Lagos Mega Stores" +234 803 555 1234 omar@lagos.example');
    };
    try {
      const outcome = await callMethod(core, 'products.get', { id: 42 }, { session: { role: 'owner' } });
      expect(outcome).toMatchObject({ ok: false, error: { code: 'internal' } });
    } finally {
      (spec as { handler: unknown }).handler = original;
      core.remove();
    }
    const text = readLogs(dir);
    expect(text).toMatch(/\[error\] \(core\) api products\.get failed \{"method":"products\.get","ids":\{"id":42\}\}/);
    expect(text).not.toMatch(/Lagos|803 555|omar@/);
    expect(text).toMatch(/disk on fire for "…" <number> <email>/);
  });
});

describe('diagnostics', () => {
  it('writes a page\'s render error to the day\'s log as the renderer', async () => {
    const core = tempCore();
    const dir = logsDirOf(core.paths.root);
    configureLogging({ dir, process: 'server', console: false });
    try {
      await invoke(core, 'diagnostics.report', {
        page: 'products',
        name: 'TypeError',
        message: "Cannot read properties of null (reading 'map')",
        stack: "TypeError: Cannot read properties of null (reading 'map')\n    at ProductsPage (app://stallkeeper/assets/ProductsPage-x1.js:1:2345)",
        componentStack: '\n    at ProductsPage (app://stallkeeper/assets/ProductsPage-x1.js:1:100)',
      }, { session: { role: 'staff' } });
      const text = readLogs(dir);
      expect(text).toMatch(/\[error\] \(renderer\) page products failed: TypeError: Cannot read properties of null \(reading "…"\)/);
      expect(text).toMatch(/at ProductsPage \(app:\/\/stallkeeper\/assets\/ProductsPage-x1\.js:1:2345\)/);
      expect(text).toMatch(/component at ProductsPage/);
    } finally {
      core.remove();
    }
  });

  it('makes a zip with the logs, versions, the settings without PIN, tokens or bank account, and the integrity check', async () => {
    const core = tempCore();
    try {
      configureLogging({ dir: logsDirOf(core.paths.root), process: 'core', console: false });
      logError('something to find in the logs');
      await invoke(core, 'settings.update', { seller: { companyNameEn: 'Yiwu Jiahe Trading', bankAccount: '6222 0000 1111 2222', bankSwift: 'BKCHCNBJ92H', bankName: 'Bank of China' } });
      await invoke(core, 'auth.setOwnerPin', { pin: '2580' });
      const file = await invoke(core, 'diagnostics.bundle', { door: { electron: '45.5.0' } });
      expect(file.fileName).toMatch(/^stallkeeper-diagnostics-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}\.zip$/);
      expect(file.integrityOk).toBe(true);
      const zip = await JSZip.loadAsync(Buffer.from(file.base64, 'base64'));
      const names = Object.keys(zip.files);
      expect(names).toEqual(expect.arrayContaining(['README.txt', 'versions.json', 'settings.json', 'integrity.json', `logs/${logFileName(new Date())}`]));
      const read = (name: string) => (zip.file(name) as JSZip.JSZipObject).async('string');
      expect(JSON.parse(await read('versions.json'))).toMatchObject({ app: '0.1.0', electron: '45.5.0', node: process.versions.node });
      const settings = await read('settings.json');
      expect(JSON.parse(settings)).toMatchObject({ seller: { companyNameEn: 'Yiwu Jiahe Trading', bankName: 'Bank of China', bankAccount: '(set, not shown)' }, security: { ownerPinSet: true } });
      expect(settings).not.toMatch(/6222|BKCHCNBJ92H|pin_hash|scrypt|token/i);
      const integrity = JSON.parse(await read('integrity.json'));
      expect(integrity).toMatchObject({ ok: true, integrityCheck: [], foreignKeys: [], rows: { products: 0 } });
      expect(integrity.schemaVersion).toBeGreaterThanOrEqual(7);
      expect(await read(`logs/${logFileName(new Date())}`)).toMatch(/something to find in the logs/);
      // Only the owner may take it.
      expect(await callMethod(core, 'diagnostics.bundle', {}, { session: { role: 'staff' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      core.remove();
    }
  });
});
