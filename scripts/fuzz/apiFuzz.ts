/**
 * Calls EVERY method of the API table (apiTable is iterated, so methods
 * added later are fuzzed too) with random and malformed inputs, as the
 * owner and as staff, against a real data folder with some data in it.
 * Each call must end in a valid result or a structured error
 * ({ code, message, field? }, never 'internal'), never throw, never leave an
 * unhandled rejection; a failed call must leave the database exactly as it
 * was (same content digest); a staff result must hold no owner-only field.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { z } from 'zod';
import { openCore, type Core } from '../../main/core';
import { callMethod, methodSpec } from '../../main/api/dispatch';
import { ERROR_STATUS } from '../../main/errors/apiError';
import { invoke } from '../../main/api/invoke';
import { apiTable, type MethodName } from '../../main/api/table';
import { ownerFieldPaths } from '../../main/auth/redact';
import { databaseDigest } from '../../db/backup';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../db/open';
import { methodInput } from './schemaArbitrary';

export interface FuzzFigure {
  methods: number;
  callsTried: number;
  validResults: number;
  structuredErrors: number;
  /** Calls that threw, returned something that is neither a result nor a structured error, or an 'internal' error: must be 0. */
  crashes: number;
  unhandledRejections: number;
  /** Failed calls after which the database differed: must be 0. */
  failedCallsThatChangedData: number;
  /** Staff results holding a cost/margin/profit field: must be 0. */
  ownerFieldsShownToStaff: number;
  byMethod: Record<string, { calls: number; ok: number }>;
  seed: number;
  seconds: number;
  problems: string[];
}

export interface FuzzOptions {
  runsPerMethod?: number;
  seed?: number;
  /** Only these methods (default: the whole table). */
  methods?: string[];
}

async function seedData(core: Core): Promise<void> {
  for (let i = 1; i <= 3; i += 1) {
    await invoke(core, 'products.create', {
      itemNo: `FZ-${i}`,
      names: { zh: `测试 ${i}`, en: `Fuzz item ${i}` },
      costCny: `${i}.5`,
      priceTiers: [{ minQty: 1, priceCny: `${i + 2}.00` }],
    });
    await invoke(core, 'buyers.create', { company: `Fuzz buyer ${i}`, country: 'NG', contacts: [{ phone: '08031234567' }] });
  }
  // After the PI: a supplier for two of the products, a PI with a purchase order partly received
  // and partly delivered, a forwarder, so ids 1 reach real suppliers, orders, PIs and deliveries.
  const supplier = await invoke(core, 'suppliers.create', { names: { zh: '测试工厂', en: 'Fuzz factory' } });
  for (const itemNo of ['FZ-1', 'FZ-2']) {
    const p = await invoke(core, 'products.get', { itemNo });
    await invoke(core, 'products.update', { id: p.id, changes: { supplierId: supplier.id, packing: { pcsPerCarton: 10 } } });
  }
  await invoke(core, 'stock.receive', { productId: (await invoke(core, 'products.get', { itemNo: 'FZ-3' })).id, qty: 100 });
  const q = await invoke(core, 'quotes.create', { buyerId: 1, currency: 'CNY', lines: [{ itemNo: 'FZ-1', qty: 40 }, { itemNo: 'FZ-2', qty: 20 }, { itemNo: 'FZ-3', qty: 10 }] });
  await invoke(core, 'quotes.accept', { id: q.id });
  const pi = await invoke(core, 'invoices.create', { quoteId: q.id });
  const made = await invoke(core, 'purchases.fromInvoice', { invoiceId: pi.id });
  const po = made.orders[0];
  if (po) {
    await invoke(core, 'purchases.order', { id: po.id });
    await invoke(core, 'purchases.receive', { id: po.id, lines: [{ lineId: po.lines[0]!.id, qty: 20 }] });
  }
  await invoke(core, 'shipments.saveForwarder', { name: 'Fuzz forwarder' });
  await invoke(core, 'shipments.create', { invoiceId: pi.id, forwarderId: 1, lines: [{ lineId: pi.lines[0]!.id, qty: 10 }] });
}

/**
 * The database's digest before a call, computed again only when something may have changed it:
 * every write on the core's connection moves total_changes() (rolled-back ones too), a commit on
 * another connection (an import's worker, say) moves PRAGMA data_version, and a restore opens a
 * new connection. Most fuzzed calls fail without writing, so most reuse the last digest.
 */
class DigestCache {
  private db: Db | null = null;
  private changes: Statement | null = null;
  private key = '';
  private value = '';

  /** The digest of the database as it is now. */
  digest(db: Db): string {
    if (db !== this.db) {
      this.db = db;
      this.changes = db.prepare('SELECT total_changes()').pluck();
      this.key = '';
    }
    const key = `${String(this.changes?.get())}:${String(db.pragma('data_version', { simple: true }))}:${String(db.pragma('schema_version', { simple: true }))}`;
    if (key !== this.key) {
      this.key = key;
      this.value = databaseDigest(db);
    }
    return this.value;
  }
}

function isStructured(outcome: unknown): outcome is { ok: boolean; error?: { code: string; message: string; field?: unknown } } {
  if (!outcome || typeof outcome !== 'object' || typeof (outcome as { ok?: unknown }).ok !== 'boolean') return false;
  const o = outcome as { ok: boolean; error?: unknown };
  if (o.ok) return true;
  const e = o.error as { code?: unknown; message?: unknown; field?: unknown } | undefined;
  return Boolean(
    e &&
      typeof e.code === 'string' &&
      Object.prototype.hasOwnProperty.call(ERROR_STATUS, e.code) &&
      typeof e.message === 'string' &&
      e.message.length > 0 &&
      (e.field === undefined || typeof e.field === 'string'),
  );
}

export async function runApiFuzz(options: FuzzOptions = {}): Promise<FuzzFigure> {
  const started = Date.now();
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const runs = options.runsPerMethod ?? 60;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-fuzz-'));
  const core = openCore(dir);
  const figure: FuzzFigure = {
    methods: 0,
    callsTried: 0,
    validResults: 0,
    structuredErrors: 0,
    crashes: 0,
    unhandledRejections: 0,
    failedCallsThatChangedData: 0,
    ownerFieldsShownToStaff: 0,
    byMethod: {},
    seed,
    seconds: 0,
    problems: [],
  };
  const problem = (line: string) => {
    if (figure.problems.length < 30) figure.problems.push(line);
  };
  const onRejection = (reason: unknown) => {
    figure.unhandledRejections += 1;
    problem(`unhandled rejection: ${String(reason)}`);
  };
  process.on('unhandledRejection', onRejection);
  try {
    await seedData(core);
    const digests = new DigestCache();
    const names = (Object.keys(apiTable) as MethodName[]).filter((n) => !options.methods || options.methods.includes(n)).sort();
    for (const [index, name] of names.entries()) {
      figure.methods += 1;
      const stats = (figure.byMethod[name] = { calls: 0, ok: 0 });
      const schema = z.toJSONSchema(methodSpec(name).input, { io: 'input', unrepresentable: 'any' });
      const property = fc.asyncProperty(methodInput(schema), fc.constantFrom<'owner' | 'staff'>('owner', 'staff'), fc.constantFrom<'en' | 'zh'>('en', 'zh'), async (input, role, locale) => {
        const before = digests.digest(core.db);
        figure.callsTried += 1;
        stats.calls += 1;
        let outcome: unknown;
        try {
          outcome = await callMethod(core, name, input, { session: { role, seat: core.security.pc }, locale });
        } catch (error) {
          figure.crashes += 1;
          problem(`${name} threw: ${error instanceof Error ? error.message : String(error)}`);
          return;
        }
        if (!isStructured(outcome)) {
          figure.crashes += 1;
          problem(`${name} returned an unstructured outcome for ${JSON.stringify(input)?.slice(0, 200)}`);
          return;
        }
        try {
          JSON.stringify(outcome);
        } catch (error) {
          figure.crashes += 1;
          problem(`${name} returned something that cannot be sent as JSON: ${String(error)}`);
        }
        if (outcome.ok) {
          figure.validResults += 1;
          stats.ok += 1;
          if (role === 'staff') {
            const leaked = ownerFieldPaths((outcome as { result?: unknown }).result);
            if (leaked.length > 0) {
              figure.ownerFieldsShownToStaff += 1;
              problem(`${name} showed staff ${leaked.slice(0, 3).join(', ')}`);
            }
          }
          return;
        }
        figure.structuredErrors += 1;
        if (outcome.error?.code === 'internal') {
          figure.crashes += 1;
          problem(`${name} failed internally (${outcome.error.message}) on ${JSON.stringify(input)?.slice(0, 200)}`);
        }
        if (digests.digest(core.db) !== before) {
          figure.failedCallsThatChangedData += 1;
          problem(`${name} failed with ${outcome.error?.code ?? '?'} but changed the database (input ${JSON.stringify(input)?.slice(0, 200)})`);
        }
      });
      await fc.assert(property, { numRuns: runs, seed: seed + index, endOnFailure: true });
    }
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off('unhandledRejection', onRejection);
    await core.backups.idle();
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
    figure.seconds = Math.round((Date.now() - started) / 100) / 10;
  }
  return figure;
}
