import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callMethod, describeMethods, methodSpec } from '../../main/api/dispatch';
import type { MethodName } from '../../main/api/table';
import { invoke } from '../../main/api/invoke';
import { fillDemo } from '../../main/demo/fill';
import { tempCore } from '../helpers/tempCore';

/**
 * Read-only methods (readOnly: true in their spec) run in a deferred
 * transaction with PRAGMA query_only on: they never take the write lock, so
 * they answer while an import writes on another connection, and a read that
 * tries to write fails loudly instead of writing.
 */
const core = tempCore();
const IDS = { id: 1 };
const INPUTS: Partial<Record<MethodName, unknown>> = {
  'buyers.get': IDS,
  'buyers.timeline': IDS,
  'buyers.productOptions': { query: '0' },
  'buyers.checkDuplicates': { company: 'Lagos', country: 'NG' },
  'buyers.search': { query: 'a' },
  'products.get': IDS,
  'products.search': { query: 'bag' },
  'invoices.get': IDS,
  'quotes.get': IDS,
  'quotes.lookup': { query: '0' },
  'rates.history': { currency: 'USD' },
  'reports.trade': { from: '2020-01-01', to: '2030-12-31' },
  'diagnostics.report': { page: 'products', name: 'TypeError', message: 'x is undefined' },
  'buyers.export': { query: 'a' },
};

beforeAll(async () => {
  await fillDemo(core);
}, 120_000);
afterAll(() => core.remove());

describe('read-only methods', () => {
  const readOnly = describeMethods()
    .map((m) => m.name as MethodName)
    .filter((name) => methodSpec(name).readOnly && methodSpec(name).kind !== 'async');

  it('are the reads of every area: lists, searches, gets, statuses and reports', () => {
    expect(readOnly).toEqual(expect.arrayContaining(['products.search', 'products.get', 'quotes.get', 'quotes.list', 'invoices.get', 'invoices.list', 'buyers.search', 'reports.overview', 'settings.get', 'auth.status']));
    for (const writer of ['products.create', 'quotes.update', 'invoices.create', 'products.import', 'backup.run'] as MethodName[]) expect(methodSpec(writer).readOnly).toBeFalsy();
  });

  it('each run to completion on a full demo stall with writes refused (none of them writes)', async () => {
    const failures: string[] = [];
    for (const name of readOnly) {
      const outcome = await callMethod(core, name, INPUTS[name] ?? {}, { session: { role: 'owner' } });
      if (!outcome.ok) failures.push(`${name}: ${outcome.error.code} ${outcome.error.message}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('answer while another connection holds the write lock (an import on its worker), without waiting for it', async () => {
    const writer = new Database(core.paths.database);
    try {
      writer.exec('BEGIN IMMEDIATE');
      writer.prepare("UPDATE products SET notes = 'import in progress' WHERE id = 1").run();
      const searched = await invoke(core, 'products.search', { query: (await invoke(core, 'products.get', { id: 1 })).itemNo });
      const quote = await invoke(core, 'quotes.get', { id: 1 });
      const list = await invoke(core, 'invoices.list', {});
      expect(searched.total).toBeGreaterThan(0);
      expect(quote.id).toBe(1);
      expect(list.total).toBeGreaterThan(0);
      // They read the last committed state, not the writer's.
      expect((await invoke(core, 'products.get', { id: 1 })).notes).not.toBe('import in progress');
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });
});

describe('searches after rows were written another way', () => {
  it('rewrite the stale search rows in a write of their own first, then search with writes refused', async () => {
    core.db.prepare("INSERT INTO products (item_no, name_zh, name_en) VALUES ('RAW-1', '手工台灯', 'Hand lamp')").run();
    expect((await invoke(core, 'products.search', { query: '手工台灯' })).items.map((p) => p.itemNo)).toEqual(['RAW-1']);
    expect((await invoke(core, 'quotes.lookup', { query: 'RAW-1' })).map((i) => i.product.itemNo)).toContain('RAW-1');
  });

  it('each run to completion with writes refused when products and buyers were just written another way', async () => {
    const failures: string[] = [];
    const readOnly = describeMethods()
      .map((m) => m.name as MethodName)
      .filter((name) => methodSpec(name).readOnly && methodSpec(name).kind !== 'async');
    for (const [i, name] of readOnly.entries()) {
      core.db.prepare("INSERT INTO products (item_no, name_en) VALUES (?, 'Stale bag')").run(`STALE-${i}`);
      core.db.prepare("INSERT INTO buyers (company, country) VALUES (?, 'NG')").run(`Stale Lagos ${i}`);
      const outcome = await callMethod(core, name, INPUTS[name] ?? {}, { session: { role: 'owner' } });
      if (!outcome.ok) failures.push(`${name}: ${outcome.error.code} ${outcome.error.message}`);
    }
    expect(failures).toEqual([]);
  }, 60_000);

  it('are refused at once, not left waiting, while an import holds the write lock and rows are stale', async () => {
    core.db.prepare("INSERT INTO products (item_no, name_en) VALUES ('RAW-2', 'Raw vase')").run();
    const jobs = { writing: true } as unknown as NonNullable<typeof core.jobs>;
    core.jobs = jobs;
    try {
      expect(await callMethod(core, 'products.search', { query: 'vase' }, { session: { role: 'owner' } })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      // Reads that do not search go on.
      expect(await callMethod(core, 'products.get', { itemNo: 'RAW-1' }, { session: { role: 'owner' } })).toMatchObject({ ok: true });
    } finally {
      core.jobs = undefined;
    }
    expect((await invoke(core, 'products.search', { query: 'vase' })).items.map((p) => p.itemNo)).toContain('RAW-2');
  });
});

describe('quotations past their validity', () => {
  it('read as expired without anything being written; the next write stores the moment they were first shown expired', async () => {
    const buyer = await invoke(core, 'buyers.create', { company: 'Expiry Test Trading', country: 'KE' });
    const [product] = (await invoke(core, 'products.list', { limit: 1 })).items;
    const quote = await invoke(core, 'quotes.create', { buyerId: buyer.id, currency: 'CNY', validityDays: 3, lines: [{ itemNo: product?.itemNo as string }] });
    await invoke(core, 'quotes.send', { id: quote.id });
    const real = core.now;
    const shownAt = new Date(Date.now() + 5 * 86_400_000);
    core.now = () => shownAt;
    try {
      const changes = () => (core.db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
      const stored = () => core.db.prepare('SELECT status, expired_at FROM quotes WHERE id = ?').get(quote.id) as { status: string; expired_at: string | null };
      const before = changes();
      const read = await invoke(core, 'quotes.get', { id: quote.id });
      const listed = await invoke(core, 'quotes.list', { status: ['expired'], buyerId: buyer.id });
      expect(read).toMatchObject({ status: 'expired', expiredAt: shownAt.toISOString() });
      expect(listed.items.map((i) => [i.id, i.status])).toEqual([[quote.id, 'expired']]);
      expect((await invoke(core, 'quotes.list', { status: ['sent'], buyerId: buyer.id })).items).toEqual([]);
      expect(changes()).toBe(before);
      expect(stored()).toEqual({ status: 'sent', expired_at: null });
      // An hour later a write of the quotes area stores the expiry, dated when it was first shown.
      core.now = () => new Date(shownAt.getTime() + 3_600_000);
      await invoke(core, 'quotes.create', { buyerId: buyer.id, currency: 'CNY' });
      expect(stored()).toEqual({ status: 'expired', expired_at: shownAt.toISOString() });
      expect(await invoke(core, 'quotes.get', { id: quote.id })).toMatchObject({ status: 'expired', expiredAt: shownAt.toISOString() });
    } finally {
      core.now = real;
    }
  });
});
