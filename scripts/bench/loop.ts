/**
 * After the PI: the statement of account of a buyer with 200 PIs and 1,000 payments over two
 * years (with deliveries) — as data and as the PDF —, and the receivables list over 5,000 buyers, both through the API
 * table. One real PI is issued through the API; the others are copies of it written straight
 * through the query modules (numbers, dates and totals changed), which is what two years of a
 * busy stall leave in the tables these methods read.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../../main/core';
import { invoke } from '../../main/api/invoke';
import { insertInvoice, insertPayment, type InvoiceRow } from '../../db/invoices';
import { insertBuyer } from '../../db/buyers';
import { insertShipment, insertShipmentLine } from '../../db/shipments';
import { addDays } from '../../main/calendar/dates';
import type { BenchContext } from './index';
import { measure, timeMs } from './stats';

const NOW = '2026-06-15T10:00:00.000Z';

/** Writes `count` copies of a real PI for a buyer, dated over two years, with `paymentsPerPi` payments and a delivery each. */
function copies(core: Core, template: InvoiceRow, buyerId: number, count: number, paymentsPerPi: number, firstSeq: number): number {
  let seq = firstSeq;
  for (let i = 0; i < count; i += 1) {
    const issuedOn = addDays('2024-06-16', Math.floor((i * 729) / Math.max(1, count)));
    const year = Number(issuedOn.slice(0, 4));
    seq += 1;
    const number = `B-PI${year}-${String(seq).padStart(6, '0')}`;
    const total = template.grand_total_e4 + (i % 37) * 100;
    const id = insertInvoice(
      core.db,
      { year, seq, number, quote_id: template.quote_id, buyer_id: buyerId, issued_on: issuedOn, currency: template.currency, rate_e8: template.rate_e8, grand_total_e4: total, deposit_e4: Math.round(total * 0.3 / 100) * 100, content: template.content },
      `${issuedOn}T08:00:00.000Z`,
    );
    const part = Math.floor(total / paymentsPerPi / 100) * 100;
    for (let p = 0; p < paymentsPerPi; p += 1) {
      // Most PIs paid in full; every fifth keeps half its last part owed (so the aging has something in it).
      const last = total - part * (paymentsPerPi - 1);
      const amount = p < paymentsPerPi - 1 ? part : i % 5 === 0 ? Math.max(100, Math.floor(last / 200) * 100) : last;
      insertPayment(
        core.db,
        { invoice_id: id, paid_on: addDays(issuedOn, 2 + p * 9), amount_e4: amount, method: 'tt', kind: p === 0 ? 'deposit' : 'balance', reference: `TT${seq}-${p}`, note: '', received_currency: null, received_e4: null, received_rate_e8: null },
        `${issuedOn}T09:00:00.000Z`,
      );
    }
    const shipment = insertShipment(
      core.db,
      { invoice_id: id, seq: 1, number: `${number}-D1`, delivered_on: addDays(issuedOn, 40), forwarder_id: null, forwarder_name: 'Bench forwarder', forwarder_phone: '', warehouse_address: '', entry_no: `JC${seq}`, shipping_marks: '', note: '', cartons: 5, cbm_e3: 558, gw_g: 72_500, nw_g: 64_000 },
      NOW,
    );
    insertShipmentLine(core.db, { shipment_id: shipment, position: 0, invoice_line_id: 1, product_id: null, qty: 1440, cartons: 5, carton_from: 1, carton_to: 5, cbm_e3: 558, gw_g: 72_500, nw_g: 64_000, move_id: null });
  }
  return seq;
}

export async function benchLoop(ctx: BenchContext, options: { buyers: number } = { buyers: 5_000 }): Promise<Record<string, unknown>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-bench-loop-'));
  const core = openCore(dir, { now: () => new Date(NOW) });
  try {
    ctx.log('after the PI: one PI through the API, then 200 PIs with 1,000 payments for one buyer and PIs for 5,000 buyers');
    await invoke(core, 'rates.set', { currency: 'USD', cnyPerUnit: '7.1234', effectiveOn: '2024-01-01' });
    await invoke(core, 'settings.update', { defaults: { paymentTerms: '30% T/T deposit, balance 30 days after delivery' } });
    await invoke(core, 'products.create', { itemNo: 'BL-1', names: { en: 'Toy car' }, priceTiers: [{ minQty: 1, priceCny: '2.35' }], packing: { pcsPerCarton: 288, cartonCm: { l: '62', w: '40', h: '45' }, gwKg: '14.5', nwKg: '12.8' } });
    const buyer = await invoke(core, 'buyers.create', { company: 'Statement buyer', country: 'NG', currency: 'USD' });
    const q = await invoke(core, 'quotes.create', { buyerId: buyer.id, lines: [{ itemNo: 'BL-1', qty: 1440 }] });
    await invoke(core, 'quotes.accept', { id: q.id });
    const real = await invoke(core, 'invoices.create', { quoteId: q.id });
    const template = core.db.prepare('SELECT * FROM invoices WHERE id = ?').get(real.id) as InvoiceRow;

    const build = timeMs(() =>
      core.db.transaction(() => {
        let seq = copies(core, template, buyer.id, 199, 5, 1);
        // The real PI is the 200th, with its 5 payments: 1,000 in all.
        for (let p = 0; p < 5; p += 1) {
          insertPayment(core.db, { invoice_id: real.id, paid_on: real.issuedOn, amount_e4: 10_000, method: 'cash', kind: 'other', reference: `cash ${p}`, note: '', received_currency: null, received_e4: null, received_rate_e8: null }, NOW);
        }
        // 5,000 other buyers with one or two PIs each, some paid, some not.
        for (let b = 0; b < options.buyers; b += 1) {
          const id = insertBuyer(core.db, { company: `Receivable buyer ${b}`, country: 'KE', city: '', address: '', currency: 'USD', doc_language: 'en', agent: '', passport_no: '', tax_no: '', nationality: '', notes: '', card_image: null }, NOW);
          seq = copies(core, template, id, 1 + (b % 2), 1 + (b % 3), seq);
        }
      }).immediate(),
    );
    const piCount = (core.db.prepare('SELECT count(*) AS n FROM invoices').get() as { n: number }).n;
    const paymentCount = (core.db.prepare('SELECT count(*) AS n FROM payments p JOIN invoices i ON i.id = p.invoice_id WHERE i.buyer_id = ?').get(buyer.id) as { n: number }).n;
    ctx.log('statements.buyer over two years, receivables.list');
    const statement = await invoke(core, 'statements.buyer', { buyerId: buyer.id, from: '2024-06-16', to: '2026-06-15' });
    const entries = statement.sections.reduce((n, s) => n + s.entries.length, 0);
    const receivables = await invoke(core, 'receivables.list', { limit: 50 });
    return {
      buildMs: Math.round(build.ms),
      statementBuyerPis: statement.sections.reduce((n, s) => n + s.invoices.length, 0),
      statementBuyerPayments: paymentCount,
      statementEntries: entries,
      statement2YearsMs: await measure(20, () => invoke(core, 'statements.buyer', { buyerId: buyer.id, from: '2024-06-16', to: '2026-06-15' }), 3),
      statementTargetMs: 1000,
      // The same statement as the PDF the owner sends by WhatsApp (documents.render kind account).
      statementPdfPages: (await invoke(core, 'documents.render', { kind: 'account', id: buyer.id, from: '2024-06-16', to: '2026-06-15' })).pages,
      statementPdf2YearsMs: await measure(5, () => invoke(core, 'documents.render', { kind: 'account', id: buyer.id, from: '2024-06-16', to: '2026-06-15' }), 1),
      statementPdfTargetMs: 1000,
      receivablesBuyers: options.buyers + 1,
      receivablesInvoices: piCount,
      receivablesRows: receivables.total,
      receivablesListMs: await measure(30, () => invoke(core, 'receivables.list', { limit: 50 }), 3),
      receivablesTargetMs: 50,
    };
  } finally {
    core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
