import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreClient } from '../../main/coreProcess/client';
import { forkCore } from '../../main/coreProcess/fork';
import type { Progress } from '../../main/api/method';
import { tempDir } from '../helpers/tempCore';

/**
 * The core process for real: a Node child process (child_process.fork, in
 * Electron utilityProcess.fork) running main/coreProcess/entry.ts, spoken to
 * with the same messages the Electron main process uses. Imports run on its
 * worker thread, as in the app.
 */
function catalogCsv(rows: number, prefix: string): string {
  const lines = ['item_no,name_en,price_cny,pcs_per_carton'];
  for (let i = 0; i < rows; i += 1) lines.push(`${prefix}${String(i).padStart(6, '0')},Bulk item ${i},${(i % 90) + 1}.50,${(i % 12) + 6}`);
  return Buffer.from(lines.join('\n')).toString('base64');
}

const data = tempDir('sk-core-process-');
const restarts: string[] = [];
const core = new CoreClient(() => forkCore(), { onRestarted: (reason) => restarts.push(reason) });
let quoteId = 0;

async function ok<T>(promise: Promise<{ ok: boolean; result?: unknown; error?: unknown }>): Promise<T> {
  const outcome = await promise;
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.result as T;
}

beforeAll(async () => {
  await core.start();
  expect(await core.open(data.dir)).toMatchObject({ ok: true, info: { dataDir: data.dir } });
  for (let i = 1; i <= 3; i += 1) await ok(core.call('products.create', { itemNo: `KEEP-${i}`, names: { en: `Kept ${i}` }, priceTiers: [{ minQty: 1, priceCny: '2.50' }] }, 'en'));
  const buyer = await ok<{ id: number }>(core.call('buyers.create', { company: 'Lagos Mega Stores', country: 'NG' }, 'en'));
  quoteId = (await ok<{ id: number }>(core.call('quotes.create', { buyerId: buyer.id, currency: 'CNY', lines: [{ itemNo: 'KEEP-1' }] }, 'en'))).id;
}, 120_000);

afterAll(async () => {
  await core.close();
  data.remove();
});

describe('the core process', () => {
  it('answers the API table from its own process: results, and errors in one shape naming the field', async () => {
    expect(core.pid).not.toBe(process.pid);
    expect(await core.call('products.get', { itemNo: 'KEEP-2' }, 'en')).toMatchObject({ ok: true, result: { names: { en: 'Kept 2' } } });
    expect(await core.call('buyers.create', { company: '' }, 'zh')).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'company' } });
    expect(await core.call('no.such', {}, 'en')).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('answers reads while a 30,000-row import holds the write lock on its worker, refuses writes at once meanwhile, and reports the import\'s progress', async () => {
    const progress: Progress[] = [];
    let importDone = false;
    let firstProgress: () => void = () => undefined;
    const started = new Promise<void>((resolve) => (firstProgress = resolve));
    const running = core
      .call('products.import', { file: { fileName: 'bulk.csv', dataBase64: catalogCsv(30_000, 'B') } }, 'en', {
        callId: 'import-1',
        onProgress: (p) => {
          progress.push(p);
          if (p.phase === 'rows' && p.done > 0) firstProgress();
        },
      })
      .finally(() => (importDone = true));
    await started;
    const search = await core.call('products.search', { query: 'Kept' }, 'en');
    const quote = await core.call('quotes.get', { id: quoteId }, 'en');
    const write = await core.call('products.create', { itemNo: 'DURING', names: { en: 'x' } }, 'en');
    expect(importDone).toBe(false);
    expect(search).toMatchObject({ ok: true, result: { total: 3 } });
    expect(quote).toMatchObject({ ok: true, result: { id: quoteId } });
    expect(write).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/import is running/) } });
    const report = await ok<{ created: number; written: boolean }>(running);
    expect(report).toMatchObject({ created: 30_000, written: true });
    expect(progress.filter((p) => p.phase === 'rows').map((p) => p.done)).toEqual([...Array(60).keys()].map((k) => k * 500).concat(30_000));
    expect(progress.every((p) => p.total === 30_000)).toBe(true);
    expect(await core.call('products.create', { itemNo: 'AFTER', names: { en: 'after' } }, 'en')).toMatchObject({ ok: true });
  }, 180_000);

  it('cancels an import when asked: it rolls back and nothing is written', async () => {
    const before = await ok<{ total: number }>(core.call('products.list', { limit: 1 }, 'en'));
    let cancelled = false;
    const outcome = await core.call('products.import', { file: { fileName: 'bulk2.csv', dataBase64: catalogCsv(20_000, 'C') } }, 'en', {
      callId: 'import-2',
      onProgress: (p) => {
        if (!cancelled && p.phase === 'rows' && p.done >= 1000) {
          cancelled = true;
          core.cancel('import-2');
        }
      },
    });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'cancelled', message: 'Cancelled: nothing was changed' } });
    expect(await ok<{ total: number }>(core.call('products.list', { limit: 1 }, 'en'))).toMatchObject({ total: before.total });
    expect(await core.call('products.get', { itemNo: 'C000001' }, 'en')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  }, 180_000);

  it('starts again when killed in the middle of an import: every committed write is kept, the import left nothing behind, and the call says it did not finish', async () => {
    const before = await ok<{ total: number }>(core.call('products.list', { limit: 1 }, 'en'));
    const pid = core.pid as number;
    let killed = false;
    const outcome = await core.call('products.import', { file: { fileName: 'bulk3.csv', dataBase64: catalogCsv(20_000, 'D') } }, 'en', {
      callId: 'import-3',
      onProgress: (p) => {
        if (!killed && p.phase === 'rows' && p.done >= 1000) {
          killed = true;
          process.kill(pid, 'SIGKILL');
        }
      },
    });
    expect(killed).toBe(true);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/did not finish/) } });
    // Calls made meanwhile wait for the new core process.
    const after = await ok<{ total: number }>(core.call('products.list', { limit: 1 }, 'en'));
    expect(core.pid).not.toBe(pid);
    expect(restarts).toHaveLength(1);
    expect(after.total).toBe(before.total);
    expect(await core.call('products.get', { itemNo: 'KEEP-3' }, 'en')).toMatchObject({ ok: true, result: { names: { en: 'Kept 3' } } });
    expect(await core.call('products.get', { itemNo: 'D000001' }, 'en')).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await core.call('quotes.get', { id: quoteId }, 'en')).toMatchObject({ ok: true });
  }, 180_000);
});
