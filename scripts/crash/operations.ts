/**
 * The crash harness's operations table: what the writer process does, and
 * how the checker proves, after each SIGKILL, that every operation the
 * writer reported as committed is there in full and that nothing is
 * half-written. Each operation goes through the API table (invoke) like the
 * app's doors, except stock moves, which have no API method yet and run
 * through the stock service in one immediate transaction exactly as
 * dispatch.ts would run a handler.
 *
 * Quotations with lines, deleted drafts, pro-forma invoices (with their stock
 * reservations), payments in another currency, and the after-PI chain (purchase
 * order, goods in, a delivery to the forwarder) are among the operations. To add an area: add an entry
 * to OPERATIONS with run (do it, return a report) and verify (find the
 * reported record in full), and a check to WHOLE_CHECKS that finds any
 * half-written record of that kind in the whole database (a quotation
 * without its lines, a PI whose reservations do not match its lines).
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { Core } from '../../main/core';
import { invoke } from '../../main/api/invoke';
import { receive } from '../../main/stock/service';
import { getInvoice } from '../../main/invoices/service';
import { imageFile, thumbFile } from '../../main/files/imageStore';
import { listSnapshots, checkSnapshot } from '../../main/backup/snapshots';
import { storedDocuments } from '../../main/backup/documents';
import { isWholePdfFile } from '../../main/documents/storage';
import { balancesOutOfStep } from '../../db/balances';

export interface Report {
  op: string;
  [key: string]: unknown;
}

export interface WriterState {
  core: Core;
  /** Tags this writer's records: unique per writer process. */
  run: string;
  seq: number;
  rng: () => number;
  /** Item numbers of the products this run created (updates and stock pick from them). */
  products: string[];
}

export interface CrashOperation {
  name: string;
  /** How often the writer picks it, relative to the others. */
  weight: number;
  run: (s: WriterState) => Promise<Report>;
  /** null when the reported operation is there in full, else what is wrong. */
  verify: (core: Core, report: Report) => Promise<string | null>;
}

export interface WholeCheck {
  name: string;
  /** Problems found in the whole database (half-written records), [] when none. */
  check: (core: Core) => Promise<string[]> | string[];
}

const tiersFor = (rev: number, count: number) =>
  Array.from({ length: count }, (_, i) => ({ minQty: (i + 1) * 100, priceCny: `${(rev % 97) + 1}.${String(90 - i * 10).padStart(2, '0')}` }));

const REV = /^rev (\d+)$/;

/** `count` different products of this run, or null while it has fewer. */
function pickProducts(s: WriterState, count: number): string[] | null {
  if (new Set(s.products).size < count) return null;
  const items = new Set<string>();
  while (items.size < count) items.add(s.products[Math.floor(s.rng() * s.products.length)] as string);
  return [...items];
}

async function productByItemNo(core: Core, itemNo: string) {
  try {
    return await invoke(core, 'products.get', { itemNo });
  } catch {
    return null;
  }
}

export const OPERATIONS: CrashOperation[] = [
  {
    name: 'products.create',
    weight: 30,
    run: async (s) => {
      const itemNo = `CR${s.run}-${s.seq}`;
      await invoke(s.core, 'products.create', {
        itemNo,
        names: { zh: `压测产品 ${s.seq}`, en: 'rev 0' },
        costCny: '3.25',
        priceTiers: tiersFor(0, 3),
        packing: { pcsPerInner: 12, pcsPerCarton: 144, cartonCm: { l: '50', w: '40', h: '30' }, gwKg: '12.5', nwKg: '11' },
      });
      s.products.push(itemNo);
      return { op: 'products.create', itemNo };
    },
    verify: async (core, r) => {
      const p = await productByItemNo(core, r.itemNo as string);
      if (!p) return `product ${String(r.itemNo)} is missing`;
      if (p.priceTiers.length < 3) return `product ${p.itemNo} has ${p.priceTiers.length} price tiers`;
      return p.packing.pcsPerCarton === 144 ? null : `product ${p.itemNo} lost its packing`;
    },
  },
  {
    name: 'products.update',
    weight: 20,
    run: async (s) => {
      const itemNo = s.products[Math.floor(s.rng() * s.products.length)];
      if (!itemNo) return OPERATIONS[0]!.run(s);
      const p = await invoke(s.core, 'products.get', { itemNo });
      const rev = Number(REV.exec(p.names.en)?.[1] ?? 0) + 1;
      await invoke(s.core, 'products.update', { id: p.id, changes: { names: { en: `rev ${rev}` }, priceTiers: tiersFor(rev, 4) } });
      return { op: 'products.update', itemNo, rev };
    },
    verify: async (core, r) => {
      const p = await productByItemNo(core, r.itemNo as string);
      if (!p) return `updated product ${String(r.itemNo)} is missing`;
      const rev = Number(REV.exec(p.names.en)?.[1] ?? -1);
      return rev >= (r.rev as number) ? null : `product ${p.itemNo} is at rev ${rev}, the writer had committed rev ${String(r.rev)}`;
    },
  },
  {
    name: 'buyers.create',
    weight: 20,
    run: async (s) => {
      const company = `Crash buyer ${s.run}-${s.seq}`;
      const b = await invoke(s.core, 'buyers.create', {
        company,
        country: 'AE',
        tags: ['crash', `run-${s.run}`],
        contacts: [
          { name: 'Ahmed', phone: '+971501234567' },
          { name: 'Sara', whatsapp: '+971551234567' },
        ],
      });
      return { op: 'buyers.create', id: b.id, company };
    },
    verify: async (core, r) => {
      try {
        const b = await invoke(core, 'buyers.get', { id: r.id as number });
        if (b.company !== r.company) return `buyer ${String(r.id)} is ${b.company}, not ${String(r.company)}`;
        return b.contacts.length === 2 && b.tags.length === 2 ? null : `buyer ${String(r.id)} has ${b.contacts.length} contacts and ${b.tags.length} tags`;
      } catch {
        return `buyer ${String(r.id)} (${String(r.company)}) is missing`;
      }
    },
  },
  {
    name: 'stock.receiveBatch',
    weight: 15,
    run: async (s) => {
      const reference = `CRB${s.run}-${s.seq}`;
      if (new Set(s.products).size < 3) return OPERATIONS[0]!.run(s);
      const items = new Set<string>();
      while (items.size < 3) items.add(s.products[Math.floor(s.rng() * s.products.length)] as string);
      const ids = await Promise.all([...items].map(async (itemNo) => (await invoke(s.core, 'products.get', { itemNo })).id));
      // One transaction, as dispatch.ts runs a handler: all moves of the batch or none.
      s.core.db
        .transaction(() => {
          for (const productId of ids) receive(s.core, { productId, qty: 10, reference, reason: 'crash test delivery' });
        })
        .immediate();
      return { op: 'stock.receiveBatch', reference, moves: ids.length };
    },
    verify: async (core, r) => {
      const n = (core.db.prepare('SELECT count(*) AS n FROM stock_moves WHERE reference = ?').get(r.reference) as { n: number }).n;
      return n === r.moves ? null : `delivery ${String(r.reference)} has ${n} of its ${String(r.moves)} stock moves`;
    },
  },
  {
    name: 'settings.update',
    weight: 8,
    run: async (s) => {
      const rev = Date.now() * 1000 + (s.seq % 1000);
      await invoke(s.core, 'settings.update', { seller: { companyNameEn: `Crash Co rev ${rev}` }, defaults: { validityDays: (rev % 365) + 1 } });
      return { op: 'settings.update', rev };
    },
    verify: async (core, r) => {
      const st = await invoke(core, 'settings.get', {});
      const rev = Number(/rev (\d+)$/.exec(st.seller.companyNameEn)?.[1] ?? -1);
      return rev >= (r.rev as number) ? null : `settings are at rev ${rev}, the writer had committed rev ${String(r.rev)}`;
    },
  },
  {
    name: 'products.addPhotos',
    weight: 5,
    run: async (s) => {
      const itemNo = s.products[Math.floor(s.rng() * s.products.length)];
      if (!itemNo) return OPERATIONS[0]!.run(s);
      const colour = { r: Math.floor(s.rng() * 256), g: Math.floor(s.rng() * 256), b: Math.floor(s.rng() * 256) };
      const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: colour } }).png().toBuffer();
      const p = await invoke(s.core, 'products.get', { itemNo });
      const updated = await invoke(s.core, 'products.addPhotos', { id: p.id, images: [{ dataBase64: png.toString('base64') }] });
      return { op: 'products.addPhotos', itemNo, hash: updated.photos.at(-1)?.hash };
    },
    verify: async (core, r) => {
      const p = await productByItemNo(core, r.itemNo as string);
      return p?.photos.some((ph) => ph.hash === r.hash) ? null : `photo ${String(r.hash)} of ${String(r.itemNo)} is missing`;
    },
  },
  {
    name: 'backup.run',
    weight: 2,
    run: async (s) => {
      const result = await invoke(s.core, 'backup.run', {});
      return { op: 'backup.run', name: result.snapshot.name, takenAt: result.snapshot.takenAt };
    },
    // Rotation may replace it by a newer one of the same day; what must hold is that a backup at least as new exists.
    verify: async (core, r) =>
      listSnapshots(core.paths).some((x) => x.kind !== 'pre-restore' && x.takenAt >= (r.takenAt as string)) ? null : `backup ${String(r.name)} (and any newer one) is missing`,
  },
  {
    name: 'quotes.create',
    weight: 12,
    run: async (s) => {
      const items = pickProducts(s, 3);
      if (!items) return OPERATIONS[0]!.run(s);
      const q = await invoke(s.core, 'quotes.create', {
        newBuyer: { company: `Crash quote buyer ${s.run}-${s.seq}`, country: 'NG', whatsapp: '+2348031234567' },
        currency: 'CNY',
        lines: items.map((itemNo, i) => ({ itemNo, qty: 144 * (i + 1) })),
      });
      return { op: 'quotes.create', id: q.id, lines: q.lines.length, grandTotal: q.totals.grandTotal };
    },
    verify: async (core, r) => {
      try {
        const q = await invoke(core, 'quotes.get', { id: r.id as number });
        if (q.lines.length !== r.lines) return `quotation ${q.displayNumber} has ${q.lines.length} of its ${String(r.lines)} lines`;
        return q.totals.grandTotal === r.grandTotal ? null : `quotation ${q.displayNumber} totals ${q.totals.grandTotal}, the writer saw ${String(r.grandTotal)}`;
      } catch {
        return `quotation ${String(r.id)} is missing`;
      }
    },
  },
  {
    name: 'invoices.create',
    weight: 8,
    run: async (s) => {
      const items = pickProducts(s, 2);
      if (!items) return OPERATIONS[0]!.run(s);
      // Four API calls, each atomic; a kill between them leaves a valid quotation, never a half PI.
      const q = await invoke(s.core, 'quotes.create', {
        newBuyer: { company: `Crash PI buyer ${s.run}-${s.seq}`, country: 'KE' },
        currency: 'CNY',
        lines: items.map((itemNo) => ({ itemNo, cartons: 2 })),
      });
      await invoke(s.core, 'quotes.send', { id: q.id });
      await invoke(s.core, 'quotes.accept', { id: q.id });
      const pi = await invoke(s.core, 'invoices.create', { quoteId: q.id });
      return { op: 'invoices.create', number: pi.number, lines: pi.lines.length, grandTotal: pi.totals.grandTotal };
    },
    verify: async (core, r) => {
      try {
        const pi = await invoke(core, 'invoices.get', { number: r.number as string });
        if (pi.lines.length !== r.lines || pi.totals.grandTotal !== r.grandTotal) return `PI ${pi.number} differs from what was issued`;
        const unreserved = pi.stock.filter((l) => l.reserved + l.shipped !== l.ordered);
        return unreserved.length === 0 ? null : `PI ${pi.number} has ${unreserved.length} lines without their reservation`;
      } catch {
        return `PI ${String(r.number)} is missing`;
      }
    },
  },
  {
    name: 'quotes.delete',
    weight: 4,
    run: async (s) => {
      const items = pickProducts(s, 3);
      if (!items) return OPERATIONS[0]!.run(s);
      const q = await invoke(s.core, 'quotes.create', {
        newBuyer: { company: `Crash deleted-draft buyer ${s.run}-${s.seq}`, country: 'EG' },
        currency: 'CNY',
        lines: items.map((itemNo) => ({ itemNo, qty: 288 })),
      });
      await invoke(s.core, 'quotes.delete', { id: q.id });
      return { op: 'quotes.delete', number: q.number };
    },
    verify: async (core, r) => {
      // By number: SQLite may give the deleted row's id to the next quotation, never its number.
      const live = core.db.prepare('SELECT count(*) AS n FROM quotes WHERE number = ?').get(r.number) as { n: number };
      const kept = core.db.prepare('SELECT count(*) AS n FROM deleted_quotes WHERE number = ?').get(r.number) as { n: number };
      if (live.n !== 0) return `deleted draft ${String(r.number)} is still there`;
      return kept.n === 1 ? null : `deleted draft ${String(r.number)} left no record of its number`;
    },
  },
  {
    name: 'invoices.addPayment (in another currency)',
    weight: 4,
    run: async (s) => {
      const open = await invoke(s.core, 'invoices.list', { status: ['issued', 'deposit_received'], limit: 20 });
      const pi = open.items.find((i) => i.currency === 'CNY' && Number(i.balanceDue) >= 10);
      if (!pi) return OPERATIONS[0]!.run(s);
      // USD cash for a CNY PI at 1 CNY = 0.1400 USD: 1.40 USD is 10.00 CNY.
      const paid = await invoke(s.core, 'invoices.addPayment', {
        id: pi.id, received: { currency: 'USD', amount: '1.40', rate: '0.14' }, method: 'cash', kind: 'other', reference: `crash ${s.run}-${s.seq}`,
      });
      return { op: 'invoices.addPayment (in another currency)', number: pi.number, reference: `crash ${s.run}-${s.seq}`, paid: paid.paid };
    },
    verify: async (core, r) => {
      const pi = await invoke(core, 'invoices.get', { number: r.number as string });
      const p = pi.payments.find((x) => x.reference === r.reference);
      if (!p) return `the payment ${String(r.reference)} on ${pi.number} is missing`;
      return p.amount === '10.00' && p.received?.amount === '1.40' && p.received.currency === 'USD' ? null : `the payment ${String(r.reference)} was written in part`;
    },
  },
  {
    name: 'after the PI (order, receive, deliver)',
    weight: 5,
    run: async (s) => {
      const items = pickProducts(s, 2);
      if (!items) return OPERATIONS[0]!.run(s);
      // Each a separate API call, each atomic: a kill between them leaves a PI without orders, an order without goods in… never half a call.
      for (const itemNo of items) {
        const p = await invoke(s.core, 'products.get', { itemNo });
        if (p.supplierId === null) await invoke(s.core, 'products.update', { id: p.id, changes: { supplier: `Crash factory ${s.run}` } });
      }
      const q = await invoke(s.core, 'quotes.create', {
        newBuyer: { company: `Crash after-PI buyer ${s.run}-${s.seq}`, country: 'TZ' },
        currency: 'CNY',
        lines: items.map((itemNo) => ({ itemNo, cartons: 2 })),
      });
      await invoke(s.core, 'quotes.accept', { id: q.id });
      const pi = await invoke(s.core, 'invoices.create', { quoteId: q.id });
      const made = await invoke(s.core, 'purchases.fromInvoice', { invoiceId: pi.id });
      const po = made.orders[0];
      if (!po) return { op: 'after the PI (order, receive, deliver)', pi: pi.number, po: null, received: 0, shipment: null };
      await invoke(s.core, 'purchases.order', { id: po.id });
      const line = po.lines[0]!;
      const received = Math.max(1, Math.floor(line.qty / 2));
      await invoke(s.core, 'purchases.receive', { id: po.id, lines: [{ lineId: line.id, qty: received, damaged: 1, note: `crash ${s.run}-${s.seq}` }] });
      const piLine = pi.lines.find((l) => l.id === line.invoiceLineId)!;
      const d = await invoke(s.core, 'shipments.create', { invoiceId: pi.id, entryNo: `JC-${s.run}-${s.seq}`, lines: [{ lineId: piLine.id, qty: received }] });
      return { op: 'after the PI (order, receive, deliver)', pi: pi.number, po: po.number, received, shipment: d.number };
    },
    verify: async (core, r) => {
      if (r.po === null) return null;
      try {
        const po = await invoke(core, 'purchases.get', { number: r.po as string });
        if (po.receipts.length < 1 || po.lines[0]!.received < (r.received as number)) return `purchase order ${po.number} lost its goods in`;
        const pi = await invoke(core, 'invoices.get', { number: r.pi as string });
        const d = pi.progress.deliveries.find((x) => x.number === r.shipment);
        if (!d) return `delivery ${String(r.shipment)} of ${pi.number} is missing`;
        const shipped = pi.stock.reduce((n, l) => n + l.shipped, 0);
        return shipped >= (r.received as number) ? null : `${pi.number} shipped ${shipped} of the ${String(r.received)} delivered`;
      } catch (error) {
        return `after-PI records of ${String(r.pi)} are missing (${error instanceof Error ? error.message : String(error)})`;
      }
    },
  },
];

export const WHOLE_CHECKS: WholeCheck[] = [
  {
    name: 'every crash-test product has its price tiers and the tiers of its revision',
    check: (core) => {
      const rows = core.db
        .prepare(
          `SELECT p.item_no, p.name_en, count(t.min_qty) AS tiers, group_concat(t.price_cny_e4) AS prices
             FROM products p LEFT JOIN price_tiers t ON t.product_id = p.id
            WHERE p.item_no LIKE 'CR%' GROUP BY p.id`,
        )
        .all() as Array<{ item_no: string; name_en: string; tiers: number; prices: string | null }>;
      const problems: string[] = [];
      for (const row of rows) {
        const rev = Number(REV.exec(row.name_en)?.[1] ?? -1);
        const expected = tiersFor(rev, rev === 0 ? 3 : 4);
        if (row.tiers !== expected.length) problems.push(`${row.item_no} (rev ${rev}) has ${row.tiers} tiers, not ${expected.length}`);
        const prices = (row.prices ?? '').split(',').map(Number).sort((a, b) => a - b);
        const want = expected.map((t) => Math.round(Number(t.priceCny) * 10_000)).sort((a, b) => a - b);
        if (prices.join() !== want.join()) problems.push(`${row.item_no} (rev ${rev}) has the prices of another revision`);
      }
      return problems;
    },
  },
  {
    name: 'every crash-test buyer has both contacts and both tags',
    check: (core) =>
      (
        core.db
          .prepare(
            `SELECT b.company, (SELECT count(*) FROM contacts c WHERE c.buyer_id = b.id) AS contacts,
                    (SELECT count(*) FROM buyer_tags t WHERE t.buyer_id = b.id) AS tags
               FROM buyers b WHERE b.company LIKE 'Crash buyer %'`,
          )
          .all() as Array<{ company: string; contacts: number; tags: number }>
      )
        .filter((b) => b.contacts !== 2 || b.tags !== 2)
        .map((b) => `${b.company} has ${b.contacts} contacts and ${b.tags} tags`),
  },
  {
    name: 'every crash-test delivery has all three of its stock moves',
    check: (core) =>
      (
        core.db
          .prepare(`SELECT reference, count(*) AS n FROM stock_moves WHERE reference LIKE 'CRB%' GROUP BY reference HAVING count(*) <> 3`)
          .all() as Array<{ reference: string; n: number }>
      ).map((r) => `delivery ${r.reference} has ${r.n} of its 3 stock moves`),
  },
  {
    name: 'the seller profile and the document defaults were changed together',
    check: (core) => {
      const row = core.db
        .prepare('SELECT s.company_name_en AS name, d.validity_days AS days FROM seller_profile s, app_settings d')
        .get() as { name: string; days: number };
      const rev = /Crash Co rev (\d+)$/.exec(row.name)?.[1];
      if (rev === undefined) return [];
      return (Number(rev) % 365) + 1 === row.days ? [] : [`seller profile at rev ${rev} but validity ${row.days} days`];
    },
  },
  {
    name: 'every stored image has its photo and thumbnail file',
    check: (core) =>
      (core.db.prepare('SELECT hash, mime FROM images').all() as Array<{ hash: string; mime: string }>)
        .filter((i) => !fs.existsSync(imageFile(core.paths.photos, i.hash, i.mime)) || !fs.existsSync(thumbFile(core.paths.photos, i.hash)))
        .map((i) => `image ${i.hash.slice(0, 12)}… has no file`),
  },
  {
    name: 'every backup in backups/snapshots is whole (a cut-short backup leaves no file)',
    check: (core) => listSnapshots(core.paths).flatMap((s) => checkSnapshot(s.file).map((p) => `${s.name}: ${p}`)),
  },
  {
    name: 'every crash-test quotation has all its lines and totals that are the sum of them',
    check: (core) =>
      (
        core.db
          .prepare(
            `SELECT q.number, q.line_count, q.amount_e4,
                    (SELECT count(*) FROM quote_lines l WHERE l.quote_id = q.id) AS lines,
                    -- the crash test's quotations are in USD: each line rounded to the cent, kept × 10^4
                    (SELECT COALESCE(SUM((l.qty * l.unit_price_e4 + 50) / 100 * 100), 0) FROM quote_lines l WHERE l.quote_id = q.id) AS amount
               FROM quotes q JOIN buyers b ON b.id = q.buyer_id
              WHERE b.company LIKE 'Crash quote buyer %' OR b.company LIKE 'Crash PI buyer %'`,
          )
          .all() as Array<{ number: string; line_count: number; amount_e4: number; lines: number; amount: number }>
      )
        .filter((q) => q.lines === 0 || q.lines !== q.line_count || q.amount !== q.amount_e4)
        .map((q) => `quotation ${q.number} has ${q.lines} lines (stored ${q.line_count}) and amount ${q.amount} (stored ${q.amount_e4})`),
  },
  {
    name: 'no quotation number is both deleted and in use, and no line outlives its quotation',
    check: (core) => [
      ...(core.db.prepare('SELECT d.number, d.revision FROM deleted_quotes d JOIN quotes q ON q.year = d.year AND q.seq = d.seq AND q.revision = d.revision').all() as Array<{ number: string; revision: number }>)
        .map((d) => `${d.number} rev ${d.revision} is deleted and in use`),
      ...(core.db.prepare('SELECT l.quote_id FROM quote_lines l LEFT JOIN quotes q ON q.id = l.quote_id WHERE q.id IS NULL').all() as Array<{ quote_id: number }>)
        .map((l) => `a line of deleted quotation ${l.quote_id} is left`),
    ],
  },
  {
    name: 'every payment in another currency has what was received and the rate, and its amount follows from them',
    check: (core) =>
      (
        core.db
          .prepare(
            `SELECT id, amount_e4, received_currency, received_e4, received_rate_e8 FROM payments
              WHERE received_currency IS NOT NULL OR received_e4 IS NOT NULL OR received_rate_e8 IS NOT NULL`,
          )
          .all() as Array<{ id: number; amount_e4: number; received_currency: string | null; received_e4: number | null; received_rate_e8: number | null }>
      )
        // amount = received ÷ rate rounded to the PI currency's digits: within half a cent (50 at × 10^4) for the USD PIs here.
        .filter((p) => p.received_currency === null || p.received_e4 === null || p.received_rate_e8 === null || Math.abs(p.amount_e4 - (p.received_e4 * 1e8) / p.received_rate_e8) > 50)
        .map((p) => `payment ${p.id} is half-written`),
  },
  {
    name: 'every crash-test PI reserved the stock of every line',
    check: (core) => {
      const ids = core.db.prepare("SELECT i.id FROM invoices i JOIN buyers b ON b.id = i.buyer_id WHERE b.company LIKE 'Crash PI buyer %'").all() as Array<{ id: number }>;
      return ids.flatMap(({ id }) => {
        const pi = getInvoice(core, id);
        return pi.stock.filter((l) => l.reserved + l.shipped !== l.ordered).map((l) => `PI ${pi.number}: product ${l.productId} ordered ${l.ordered}, reserved ${l.reserved}`);
      });
    },
  },
  {
    name: 'every stored PDF of an issued PI is whole (a kill while storing leaves none or a whole one, never an empty or cut-short file)',
    check: (core) => storedDocuments(core.paths.documents).filter((rel) => !isWholePdfFile(path.join(core.paths.documents, ...rel.split('/')))).map((rel) => `documents/${rel} is not a whole PDF`),
  },
  {
    name: 'every purchase receipt line put its good pieces in stock under the order number, and every order totals its lines',
    check: (core) => [
      ...(
        core.db
          .prepare(
            `SELECT o.number, rl.qty, m.on_hand_delta, m.reference, m.kind FROM purchase_receipt_lines rl
               JOIN purchase_receipts r ON r.id = rl.receipt_id JOIN purchase_orders o ON o.id = r.order_id
               LEFT JOIN stock_moves m ON m.id = rl.move_id WHERE rl.qty > 0`,
          )
          .all() as Array<{ number: string; qty: number; on_hand_delta: number | null; reference: string | null; kind: string | null }>
      )
        .filter((r) => r.kind !== 'receive' || r.on_hand_delta !== r.qty || r.reference !== r.number)
        .map((r) => `a receipt of ${r.number} has no matching stock movement`),
      ...(
        core.db
          .prepare('SELECT o.number, o.total_e4, COALESCE(SUM(l.amount_e4), 0) AS lines FROM purchase_orders o LEFT JOIN purchase_lines l ON l.order_id = o.id GROUP BY o.id')
          .all() as Array<{ number: string; total_e4: number; lines: number }>
      )
        .filter((o) => o.total_e4 !== o.lines)
        .map((o) => `${o.number} totals ${o.total_e4}, its lines ${o.lines}`),
    ],
  },
  {
    name: 'every delivery has all its lines, each shipped out of the PI\'s reservation, and totals that are their sum',
    check: (core) => [
      ...(
        core.db
          .prepare(
            `SELECT s.number, l.qty, m.on_hand_delta, m.reserved_delta, m.reference, i.number AS pi FROM shipment_lines l
               JOIN shipments s ON s.id = l.shipment_id JOIN invoices i ON i.id = s.invoice_id LEFT JOIN stock_moves m ON m.id = l.move_id`,
          )
          .all() as Array<{ number: string; qty: number; on_hand_delta: number | null; reserved_delta: number | null; reference: string | null; pi: string }>
      )
        .filter((l) => l.on_hand_delta !== -l.qty || l.reserved_delta !== -l.qty || l.reference !== l.pi)
        .map((l) => `a line of delivery ${l.number} has no matching ship movement`),
      ...(
        core.db
          .prepare('SELECT s.number, s.cartons, (SELECT COALESCE(SUM(l.cartons), 0) FROM shipment_lines l WHERE l.shipment_id = s.id) AS lines, (SELECT count(*) FROM shipment_lines l WHERE l.shipment_id = s.id) AS n FROM shipments s')
          .all() as Array<{ number: string; cartons: number; lines: number; n: number }>
      )
        .filter((s) => s.n === 0 || s.cartons !== s.lines)
        .map((s) => `delivery ${s.number} has ${s.n} lines and ${s.lines} of its ${s.cartons} cartons`),
    ],
  },
  {
    name: 'what each PI is owed (invoice_balances) is in step with its payments, status and deliveries',
    check: (core) => balancesOutOfStep(core.db).map((b) => `PI ${b.invoice_id}: balances table says paid ${b.paid_e4}, status ${b.status}, first delivery ${b.first_delivery_on}; the records say ${b.actual_paid_e4}, ${b.actual_status}, ${b.actual_first_delivery_on}`),
  },
];
