import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import { runCli } from '../../main/cli/index';
import { storedPdfPath } from '../../main/documents/storage';
import { invoiceStorageKey } from '../../main/documents/tradeSource';
import { pdfText, squeeze } from '../helpers/pdfTools';
import { seedQuoteStall } from '../helpers/quoteStall';
import { tempCore, tempDir } from '../helpers/tempCore';

/** Quotations and PIs of a real data folder, printed through documents.render and the CLI. */
describe('printing real quotations and PIs', () => {
  const core = tempCore({ now: () => new Date('2026-11-20T09:00:00Z') });
  const out = tempDir('sk-pdfout-');
  let stall: Awaited<ReturnType<typeof seedQuoteStall>>;
  let quoteId: number;
  let invoiceId: number;

  beforeAll(async () => {
    stall = await seedQuoteStall(core);
    const quote = await invoke(core, 'quotes.create', {
      buyerId: stall.buyers.lagos.id,
      currency: 'USD',
      incoterm: 'FOB',
      incotermPlace: 'Ningbo',
      lines: [
        { itemNo: '00123', cartons: 10 },
        { itemNo: '02113', qty: 2000 },
        { itemNo: '03118', qty: 30 },
      ],
    });
    quoteId = quote.id;
    await invoke(core, 'quotes.send', { id: quoteId });
    await invoke(core, 'quotes.accept', { id: quoteId });
    invoiceId = (await invoke(core, 'invoices.create', { quoteId })).id;
  }, 60_000);
  afterAll(() => {
    core.remove();
    out.remove();
  });

  it('stores the PI as issued, in the buyer\'s language, the moment it is issued', async () => {
    const invoice = await invoke(core, 'invoices.get', { id: invoiceId });
    const stored = storedPdfPath(core.paths, invoiceStorageKey(invoice), { kind: 'proforma', lang: 'en', bilingual: false, paper: 'a4' });
    expect(fs.existsSync(stored)).toBe(true);
    const printed = await invoke(core, 'documents.render', { kind: 'proforma', id: invoiceId });
    expect(printed.stored).toBe(true);
    expect(Buffer.from(printed.base64, 'base64').equals(fs.readFileSync(stored))).toBe(true);
  });

  it('after a payment the PI stays byte for byte as issued, and the statement of payments shows what was received and the balance now', async () => {
    const before = Buffer.from((await invoke(core, 'documents.render', { kind: 'proforma', id: invoiceId })).base64, 'base64');
    await invoke(core, 'invoices.addPayment', { id: invoiceId, amount: '100.00', method: 'tt', kind: 'deposit', paidOn: '2026-11-20', reference: 'BOC 778812' });
    const after = await invoke(core, 'documents.render', { kind: 'proforma', id: invoiceId });
    expect(after.stored).toBe(true);
    expect(Buffer.from(after.base64, 'base64').equals(before)).toBe(true);
    const invoice = await invoke(core, 'invoices.get', { id: invoiceId });
    const statement = await invoke(core, 'documents.render', { kind: 'statement', id: invoiceId });
    expect(statement.stored).toBe(false);
    expect(statement.fileName).toBe(`${invoice.number}-statement-en.pdf`);
    const text = squeeze(pdfText(Buffer.from(statement.base64, 'base64')));
    expect(text).toContain('STATEMENTOFPAYMENTS');
    expect(text).toContain('BOC778812');
    expect(text).toContain(squeeze('Total received USD 100.00'));
    const balance = Number(invoice.balanceDue).toLocaleString('en-US', { minimumFractionDigits: 2 });
    expect(text).toContain(squeeze(`Balance due now USD ${balance}`));
    // The statement is printed live, never stored beside the PI.
    const stored = storedPdfPath(core.paths, invoiceStorageKey(invoice), { kind: 'statement', lang: 'en', bilingual: false, paper: 'a4' });
    expect(fs.existsSync(stored)).toBe(false);
  });

  it('prints the same totals, cartons and CBM as the quotation', async () => {
    const invoice = await invoke(core, 'invoices.get', { id: invoiceId });
    const quote = await invoke(core, 'quotes.get', { id: quoteId });
    expect(invoice.totals.grandTotal).toBe(quote.totals.grandTotal);
    const text = squeeze(pdfText(Buffer.from((await invoke(core, 'documents.render', { kind: 'proforma', id: invoiceId })).base64, 'base64')));
    expect(text).toContain(squeeze(invoice.number));
    const grand = Number(quote.totals.grandTotal).toLocaleString('en-US', { minimumFractionDigits: 2 });
    expect(text).toContain(grand);
    expect(text).toContain(quote.totals.cbm);
    expect(text).toContain(String(quote.totals.cartons));
    expect(text).toContain('LagosMegaStoresLtd');
  });

  it('prints a quotation by number in Arabic, and a PI by number from the CLI', async () => {
    const quote = await invoke(core, 'quotes.get', { id: quoteId });
    const arabic = await invoke(core, 'documents.render', { kind: 'quotation', id: quoteId, lang: 'ar' });
    expect(pdfText(Buffer.from(arabic.base64, 'base64'))).toContain('عرض سعر');
    const invoice = await invoke(core, 'invoices.get', { id: invoiceId });
    const file = path.join(out.dir, 'pi.pdf');
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = () => true;
    let code: number;
    try {
      core.close();
      code = await runCli(['pdf', invoice.number, '--data', core.paths.root, '--out', file, '--lang', 'zh']);
    } finally {
      process.stdout.write = write;
    }
    expect(code).toBe(0);
    const text = squeeze(pdfText(fs.readFileSync(file)));
    expect(text).toContain('形式发票');
    expect(text).toContain(squeeze(quote.lines[0]?.product.names.zh ?? 'missing'));
  });
});
