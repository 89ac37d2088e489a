/**
 * The documents after the PI (issue 14 B1), through documents.render and read back from the
 * real PDFs with pdftotext: every quantity, carton number and amount printed equals the API's
 * (purchases.get, shipments.get, statements.buyer), in the currency's own digits.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../main/cli/index';
import { openCore } from '../../main/core';
import { callMethod } from '../../main/api/dispatch';
import { invoke } from '../../main/api/invoke';
import { statusOf } from '../../main/errors/apiError';
import { pcSession } from '../../main/auth/service';
import { catalogLabeler } from '../../main/documents/catalog';
import { formatter } from '../../main/documents/format';
import { rendererDir } from '../../main/server/renderer';
import { startServer, type RunningServer } from '../../main/server/server';
import { chineseCapitalWords, englishTradeWords } from '../../main/documents/words';
import { flat, pdfImages, pdfText, squeeze } from '../helpers/pdfTools';
import { movableClock } from '../helpers/quoteStall';
import { loopWithDocuments } from '../helpers/afterPiDocs';
import { post } from '../helpers/server';
import { tempCore, tempDir } from '../helpers/tempCore';

type Loop = Awaited<ReturnType<typeof loopWithDocuments>>;
type Rendered = { fileName: string; pages: number; base64: string; stored: boolean; mime: string };
const text = (r: Rendered) => pdfText(Buffer.from(r.base64, 'base64'));
/** The printed lines, as laid out (a table row on one line), white space made single spaces. */
const lines = (r: Rendered) => pdfText(Buffer.from(r.base64, 'base64'), { layout: true }).split('\n').map(flat).filter(Boolean);

/**
 * A table row: the first printed line after line `from` holding all these figures in this order
 * (each one whole: "1,129.94" never matches inside "11,129.94"). Returns its index.
 */
function row(printed: string[], figures: string[], from = -1): number {
  const has = (line: string) => {
    let at = 0;
    for (const figure of figures.map(flat)) {
      const re = new RegExp(`(^|[^0-9.,])${figure.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^0-9])`, 'u');
      const m = re.exec(line.slice(at));
      if (!m) return false;
      at += m.index + m[0].length - (m[2]?.length ?? 0);
    }
    return true;
  };
  const found = printed.findIndex((line, i) => i > from && has(line));
  expect(found, `a row with ${figures.join(' | ')} after line ${from}:\n${printed.slice(from + 1).join('\n')}`).toBeGreaterThan(from);
  return found;
}
/** The rows, one after the other. */
function rowsInOrder(printed: string[], rows: string[][]): void {
  let at = -1;
  for (const figures of rows) at = row(printed, figures, at);
}

describe('documents after the PI (purchase order, delivery note, delivery packing list, statement of account)', () => {
  const clock = movableClock('2026-03-02T09:00:00Z');
  let core: ReturnType<typeof tempCore>;
  let loop: Loop;
  beforeAll(async () => {
    core = tempCore({ now: clock.now });
    loop = await loopWithDocuments(core, clock);
    clock.set('2026-06-10T09:00:00Z');
  }, 120_000);
  afterAll(() => core.remove());

  it('prints the purchase order in Chinese with the photo, every quantity, carton, cost and the total (and 大写) of purchases.get, and never the buyer\'s prices', async () => {
    const order = await invoke(core, 'purchases.get', { id: loop.orders[0]!.id });
    const r = await invoke(core, 'documents.render', { kind: 'purchaseOrder', id: order.id });
    expect(r).toMatchObject({ fileName: `${order.number}.pdf`, pages: 1, stored: false, mime: 'application/pdf' });
    const t = flat(text(r));
    const f = formatter('zh');
    expect(t).toContain('采购单');
    expect(t).toContain(order.number);
    expect(t).toContain(order.supplier.names.zh);
    expect(t).toContain(loop.pi.number);
    expect(t).toContain(f.date(order.orderDate));
    expect(t).toContain(f.date(order.deliveryDate!));
    const printed = lines(r);
    for (const line of order.lines) {
      row(printed, [String(line.no), line.itemNo, line.supplierItemNo, line.names.zh, `${f.int(line.packing.pcsPerCarton!)} 个/箱`, `${f.int(line.qty)} 个`, f.int(line.cartons), f.price(line.costCny!), f.money(line.costAmount)]);
      expect(t).toContain(`${f.int(line.packing.pcsPerCarton!)} 个/箱`);
      expect(t).toContain(`${line.packing.cartonCm!.l}×${line.packing.cartonCm!.w}×${line.packing.cartonCm!.h} cm`);
      // The line note whole.
      expect(squeeze(t)).toContain(squeeze(line.note));
    }
    row(printed, ['合计', `${f.int(order.lines[0]!.qty)} 个`, f.int(order.lines[0]!.cartons), f.money(order.costTotal)]);
    expect(squeeze(t)).toContain(squeeze(chineseCapitalWords(order.costTotal, 'CNY')));
    expect(squeeze(t)).toContain(squeeze(order.requirements));
    for (const mark of order.shippingMarks.split('\n')) expect(t).toContain(mark);
    expect(t).toContain(order.supplier.paymentTerms);
    // The line's product photo.
    expect(pdfImages(Buffer.from(r.base64, 'base64')).filter((i) => i.type === 'image')).toHaveLength(1);
    expect(t).toContain('采购方（签字盖章）');
    expect(t).toContain('供应商（签字盖章）');
    // The PI's sale prices and currency stay off the factory's order.
    const pi = await invoke(core, 'invoices.get', { id: loop.pi.id });
    const piLine = pi.lines.find((l) => l.product.itemNo === order.lines[0]!.itemNo)!;
    expect(t).not.toContain('USD');
    expect(t).not.toContain(formatter('en').money(piLine.amount));
    expect(t).not.toContain(formatter('en').money(pi.totals.grandTotal));
  });

  it('adds English to every label, name and the amount in words in a bilingual purchase order', async () => {
    const order = await invoke(core, 'purchases.get', { id: loop.orders[0]!.id });
    const r = await invoke(core, 'documents.render', { kind: 'purchaseOrder', id: order.id, bilingual: true });
    expect(r.fileName).toBe(`${order.number}-zh-en.pdf`);
    const t = flat(text(r));
    for (const words of ['采购单', 'PURCHASE ORDER', '工厂货号', 'Factory item No.', 'Supplier (signature and stamp)', order.lines[0]!.names.en]) expect(t).toContain(words);
    expect(t).toContain(englishTradeWords(order.costTotal, 'CNY'));
    expect(t).toContain(`${formatter('zh').int(order.lines[0]!.qty)} 个 / pcs`);
  });

  it('refuses the purchase order PDF to staff with 403 (it carries cost prices), in process and over HTTP', async () => {
    const input = { kind: 'purchaseOrder' as const, id: loop.orders[0]!.id };
    const outcome = await callMethod(core, 'documents.render', input, { session: { role: 'staff' } });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error.code).toBe('forbidden');
    expect(statusOf(outcome.error.code)).toBe(403);
    expect(outcome.error.message).toMatch(/cost prices/);
    // Staff still print the delivery note and the statement.
    expect(await callMethod(core, 'documents.render', { kind: 'deliveryNote', id: loop.deliveries[0]!.id }, { session: { role: 'staff' } })).toMatchObject({ ok: true });
    const server: RunningServer = await startServer({ core, rendererDir: rendererDir(), port: 0 });
    try {
      await invoke(core, 'auth.setOwnerPin', { pin: '2580' }, { session: pcSession(core) });
      core.security.pc.lock();
      const refused = await post(server, 'documents.render', input);
      expect(refused.status).toBe(403);
      expect(refused.json).toMatchObject({ error: { code: 'forbidden' } });
      expect((await post(server, 'documents.render', { kind: 'account', id: loop.buyer.id })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('paginates a purchase order of 60 lines, every page after the first headed with the order, its date and the column headers', async () => {
    const supplierId = loop.stall.suppliers.meili.id;
    const ids: number[] = [];
    for (let i = 1; i <= 60; i += 1) {
      const p = await invoke(core, 'products.create', {
        itemNo: `LP-${String(i).padStart(3, '0')}`, names: { zh: `长单商品 ${i}`, en: `Long order item ${i}` }, unit: 'pcs', costCny: `${i}.25`, supplierId, supplierItemNo: `F-${i}`,
        packing: { pcsPerCarton: 100, cartonCm: { l: '50', w: '40', h: '30' }, gwKg: '10', nwKg: '9' },
      });
      ids.push(p.id);
    }
    const order = await invoke(core, 'purchases.create', { supplierId, lines: ids.map((productId, i) => ({ productId, qty: 100 * (i + 1), note: i % 7 === 0 ? '按样品颜色，外箱贴中性唛头' : '' })) });
    const r = await invoke(core, 'documents.render', { kind: 'purchaseOrder', id: order.id });
    expect(r.pages).toBeGreaterThanOrEqual(3);
    const pdf = Buffer.from(r.base64, 'base64');
    const f = formatter('zh');
    for (let page = 2; page <= r.pages; page += 1) {
      const t = flat(pdfText(pdf, { first: page, last: page }));
      expect(t, `page ${page}`).toContain(`采购单 ${order.number} · ${f.date(order.orderDate)} (续)`);
      expect(t, `page ${page}`).toContain('我方货号');
      expect(squeeze(t), `page ${page}`).toContain(`${page}/${r.pages}`);
    }
    // Every line once, in order, with its quantity and amount; the total at the end.
    const printed = lines(r);
    rowsInOrder(printed, [...order.lines.map((l) => [l.itemNo, `F-${l.no}`, `${f.int(l.qty)} 个`, f.price(l.costCny!), f.money(l.costAmount)]), ['合计', f.money(order.costTotal)]]);
  }, 120_000);

  it('prints the delivery note with the warehouse entry number, the PI number, marks and per line the carton numbers, cartons, pieces, CBM and weights of shipments.get, and no price', async () => {
    const d = await invoke(core, 'shipments.get', { id: loop.deliveries[1]!.id });
    const r = await invoke(core, 'documents.render', { kind: 'deliveryNote', id: d.id });
    expect(r.fileName).toBe(`DN-${d.number}.pdf`);
    const t = flat(text(r));
    const f = formatter('zh');
    expect(t).toContain('送货单');
    expect(t).toContain(`进仓编号 ${d.entryNo}`);
    expect(t).toContain(d.invoice.number);
    expect(t).toContain(d.forwarder.name);
    expect(t).toContain(f.date(d.deliveredOn));
    for (const mark of d.shippingMarks.split('\n')) expect(t).toContain(mark);
    expect(d.lines.map((l) => l.cartonRange)).toEqual([{ from: 11, to: 12 }, { from: 13, to: 16 }]);
    rowsInOrder(lines(r), [
      ...d.lines.map((l) => [l.itemNo, l.names.zh, `${l.cartonRange!.from}–${l.cartonRange!.to}`, f.int(l.cartons), f.int(l.qty), f.fixed(l.cbm, 3), f.fixed(l.grossWeightKg, 2), f.fixed(l.netWeightKg, 2)]),
      ['合计', '11–16', f.int(d.totals.cartons), f.fixed(d.totals.cbm, 3), f.fixed(d.totals.grossWeightKg, 2), f.fixed(d.totals.netWeightKg, 2)],
    ]);
    for (const l of d.lines) expect(t).not.toContain(formatter('en').money(l.value));
    expect(t).not.toContain('USD');
    expect(t).toContain('仓库收货人（签字及日期）');
  });

  it('prints the packing list of one delivery with only its lines and carton numbers, named PL-…-D2', async () => {
    const d = await invoke(core, 'shipments.get', { id: loop.deliveries[1]!.id });
    const r = await invoke(core, 'documents.render', { kind: 'deliveryPacking', id: d.id });
    expect(r.fileName).toBe(`PL-${d.number}-en.pdf`);
    const t = flat(text(r));
    const f = formatter('en');
    expect(t).toContain('PACKING LIST');
    expect(t).toContain(d.number);
    rowsInOrder(lines(r), [
      ...d.lines.map((l) => [l.itemNo, l.names.en!, `${l.cartonRange!.from}–${l.cartonRange!.to}`, f.int(l.cartons), f.int(l.qty), f.fixed(l.cbm, 3), f.fixed(l.netWeightKg, 2), f.fixed(l.grossWeightKg, 2)]),
      ['Total', '11–16', f.int(d.totals.cartons), f.fixed(d.totals.cbm, 3), f.fixed(d.totals.netWeightKg, 2), f.fixed(d.totals.grossWeightKg, 2)],
    ]);
    expect(t).not.toContain('EA-200');
    expect(t).not.toContain('TS-400');
  });

  it('prints the statement of account with every entry, running balance, closing balance and aging bucket of statements.buyer', async () => {
    const st = await invoke(core, 'statements.buyer', { buyerId: loop.buyer.id, from: '2026-03-01' });
    const r = await invoke(core, 'documents.render', { kind: 'account', id: loop.buyer.id, from: '2026-03-01' });
    expect(r.fileName).toBe('SOA-Lagos-Mega-Stores-Ltd-2026-06-10-en.pdf');
    const t = flat(text(r));
    const f = formatter('en');
    const s = st.sections[0]!;
    expect(t).toContain('STATEMENT OF ACCOUNT');
    const printed = lines(r);
    rowsInOrder(printed, [
      [f.date('2026-03-01'), 'Opening balance', f.money(s.opening)],
      ...s.entries.map((e) => [f.date(e.date), e.invoice.number, ...(e.debit ? [f.money(e.debit)] : []), ...(e.credit ? [f.money(e.credit)] : []), f.money(e.balance)]),
      [f.date(st.to), 'Closing balance', f.money(s.closing)],
      [`Invoiced in the period USD ${f.money(s.invoiced)}`],
      [`Received in the period USD ${f.money(s.paid)}`],
      [`Closing balance USD ${f.money(s.closing)}`],
      [s.invoices[0]!.number, f.date(s.invoices[0]!.issuedOn), f.money(s.invoices[0]!.total), f.money(s.invoices[0]!.paid), f.money(s.invoices[0]!.balance), f.date(s.invoices[0]!.dueOn!), String(s.invoices[0]!.daysOverdue)],
      ['Not yet due', '0–30 days', '31–60 days', '61–90 days', 'Over 90 days', 'Total outstanding'],
      [...(['notDue', 'days0to30', 'days31to60', 'days61to90', 'days90plus'] as const).map((b) => f.money(s.aging[b])), f.money(s.aging.outstanding)],
    ]);
    expect(s.entries.map((e) => e.kind)).toEqual(['invoice', 'payment', 'delivery', 'delivery', 'payment']);
    expect(t).toContain(`Balance to pay: USD ${f.money(s.closing)}`);
    expect(t).toContain(catalogLabeler('en').t('soaFooter'));
  });

  it('prints the statement up to a day and from a later day with the opening balance statements.buyer gives', async () => {
    const st = await invoke(core, 'statements.buyer', { buyerId: loop.buyer.id, from: '2026-03-04', to: '2026-04-05' });
    const r = await invoke(core, 'documents.render', { kind: 'account', id: loop.buyer.id, from: '2026-03-04', to: '2026-04-05' });
    expect(r.fileName).toBe('SOA-Lagos-Mega-Stores-Ltd-2026-04-05-en.pdf');
    const t = flat(text(r));
    const f = formatter('en');
    const s = st.sections[0]!;
    expect(s.opening).not.toBe('0.00');
    expect(t).toContain('4 March 2026 – 5 April 2026');
    rowsInOrder(lines(r), [[f.date('2026-03-04'), 'Opening balance', f.money(s.opening)], ...s.entries.map((e) => [f.date(e.date), f.money(e.balance)]), [f.date('2026-04-05'), 'Closing balance', f.money(s.closing)]]);
    expect(t).not.toContain('TT-0410');
  });
});

describe.each([
  ['ar', 'USD', 'مؤسسة النور للتجارة العامة'],
  ['ru', 'USD', 'ООО «Север Трейд»'],
  ['en', 'KWD', 'Gulf Star Trading Co. W.L.L.'],
  ['en', 'JPY', 'Osaka Zakka K.K.'],
  ['es', 'USD', 'Importadora Andina S.A.'],
  ['fr', 'USD', 'Sahel Distribution SARL'],
  ['pt', 'USD', 'Comercial Luanda Lda'],
  ['zh', 'USD', '新加坡鸿运贸易'],
] as const)('the statement of account in %s (%s)', (lang, currency, company) => {
  const clock = movableClock('2026-03-02T09:00:00Z');
  let core: ReturnType<typeof tempCore>;
  let loop: Loop;
  let t: string;
  let r: Rendered;
  beforeAll(async () => {
    core = tempCore({ now: clock.now });
    loop = await loopWithDocuments(core, clock, { lang, currency, company });
    clock.set('2026-06-10T09:00:00Z');
    r = await invoke(core, 'documents.render', { kind: 'account', id: loop.buyer.id });
    t = text(r);
  }, 120_000);
  afterAll(() => core.remove());

  it('is in the buyer\'s language and currency, with its name, labels and every figure of statements.buyer in the currency\'s own digits', async () => {
    const st = await invoke(core, 'statements.buyer', { buyerId: loop.buyer.id });
    const s = st.sections[0]!;
    expect(s.currency).toBe(currency);
    expect(r.fileName).toMatch(new RegExp(`^SOA-.+-2026-06-10-${lang}\\.pdf$`));
    const f = formatter(lang);
    const k = catalogLabeler(lang);
    const squeezed = squeeze(t);
    // (Arabic labels with digits in them come back from pdftotext in another order: checked without.)
    for (const label of ['soaTitle', 'closingBalance', 'notDue', 'outstanding', 'details', 'debit', 'credit', ...(lang === 'ar' ? [] : (['days0to30', 'days90plus'] as const))] as const) {
      expect(squeezed, label).toContain(squeeze(k.t(label)));
    }
    expect(squeezed).toContain(squeeze(company));
    // Currency digits: KWD 3 decimals, JPY none, USD 2.
    const digits = { KWD: 3, JPY: 0, USD: 2 }[currency];
    expect(/\.(\d+)$/.exec(s.closing)?.[1]?.length ?? 0).toBe(digits);
    const figures = [...s.entries.flatMap((e) => [e.debit, e.credit, e.balance]), s.closing, s.invoiced, s.paid, ...Object.values(s.aging)].filter((v): v is string => v !== null);
    for (const v of figures) expect(squeezed, v).toContain(squeeze(f.money(v)));
    if (lang !== 'ar') {
      rowsInOrder(lines(r), [
        ...s.entries.map((e) => [f.date(e.date), e.invoice.number, ...(e.debit ? [f.money(e.debit)] : []), ...(e.credit ? [f.money(e.credit)] : []), f.money(e.balance)]),
        [k.t('closingBalance'), f.money(s.closing)],
      ]);
    }
  });
});

describe('npm run cli -- pdf prints the documents after the PI', () => {
  const folder = tempDir('sk-cli-after-pi-');
  afterAll(() => folder.remove());

  it('writes the purchase order, delivery note, delivery packing list and statement by their numbers (the buyer by id)', async () => {
    const data = path.join(folder.dir, 'stall');
    const clock = movableClock('2026-03-02T09:00:00Z');
    const core = openCore(data, { now: clock.now });
    const loop = await loopWithDocuments(core, clock);
    core.close();
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const cases: Array<[string, string, string]> = [
        [loop.orders[0]!.number, 'purchaseOrder', '采购单'],
        [loop.deliveries[1]!.number, 'deliveryNote', 'JC2026-0519'],
        [loop.deliveries[1]!.number, 'deliveryPacking', 'PACKING LIST'],
        [String(loop.buyer.id), 'account', 'STATEMENT OF ACCOUNT'],
      ];
      for (const [ref, type, words] of cases) {
        const file = path.join(folder.dir, `${type}.pdf`);
        expect(await runCli(['pdf', ref, '--type', type, '--data', data, '--out', file, '--to', '2026-06-10']), type).toBe(0);
        expect(flat(pdfText(fs.readFileSync(file))), type).toContain(words);
      }
      expect(await runCli(['pdf', 'PO2099-0001', '--type', 'purchaseOrder', '--data', data, '--out', path.join(folder.dir, 'x.pdf')])).not.toBe(0);
    } finally {
      out.mockRestore();
    }
  }, 120_000);
});
