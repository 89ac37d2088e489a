import { COLORS } from './canvas';
import { catalogLabeler, isRtl, labeler, type CatalogLabeler, type LabelKey } from './catalog';
import type { Formatter } from './format';
import type { DocLang, DocSeller, Paper } from './model';
import type { RenderedDocument } from './render';
import { partiesAndFacts, signatureBoxes, textBlock, titleBlock } from './sections/blocks';
import { pageFooters } from './sections/footer';
import { cell, drawGrid, type GridColumn, type GridRow } from './sections/grid';
import { countryName, displayPhone, sellerHeader } from './sections/header';
import { BODY, ensure, openPage, PAD, SMALL, type PageCtx } from './sections/page';
import { autoIsolate as fsi, ltrIsolate as iso, noBreak as nb } from './text';
import { isZeroAmount } from '../money/amounts';
import { AGING_BUCKETS } from '../statements/dueDate';
import type { Statement, StatementEntry, StatementSection } from '../statements/service';

/**
 * The buyer's statement of account (对账单 / Statement of account / كشف حساب / Акт сверки) over a
 * period, in the buyer's language: per currency section the opening balance, the dated entries
 * (PIs, payments, deliveries, cancellations) with the running balance, the closing balance, the
 * open PIs and the aging — every figure exactly as statements.buyer gives it. Printed live.
 */
export interface AccountStatementDocument {
  statement: Statement;
  seller: DocSeller;
  buyer: { company: string; country: string; city: string; address: string; taxNo: string };
}

export function accountStatementFileName(statement: Pick<Statement, 'buyer' | 'to'>, lang: DocLang): string {
  const name = statement.buyer.company.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || `B${statement.buyer.id}`;
  return `SOA-${name}-${statement.to}-${lang}.pdf`;
}

function entryDetails(e: StatementEntry, k: CatalogLabeler, f: Formatter, shared: ReturnType<typeof labeler>, currency: string): string[] {
  switch (e.kind) {
    case 'invoice':
      return [k.t('entryInvoice')];
    case 'cancelled':
      return [k.t('entryCancelled')];
    case 'payment': {
      const kind = e.detail.paymentKind === 'deposit' ? 'entryDeposit' : e.detail.paymentKind === 'balance' ? 'entryBalancePayment' : 'entryPayment';
      const how = [e.detail.method ? shared.t(`method_${e.detail.method}` as LabelKey) : '', e.reference ? iso(e.reference) : ''].filter(Boolean).join(' · ');
      const received = e.detail.received ? k.t('receivedAs', { amount: iso(nb(f.moneyWithCode(e.detail.received.amount, e.detail.received.currency))) }) : '';
      return [k.t(kind), [how, received].filter(Boolean).join(' · ')];
    }
    case 'delivery':
      return [
        k.t('entryDelivery', { cartons: f.int(e.detail.cartons ?? 0), value: iso(nb(f.moneyWithCode(e.detail.value ?? '0', currency))) }),
        [e.reference ? iso(e.reference) : '', e.detail.forwarder ? k.t('toWarehouse', { name: fsi(e.detail.forwarder) }) : ''].filter(Boolean).join(' · '),
      ];
  }
}

function section(ctx: PageCtx, s: StatementSection, st: Statement, k: CatalogLabeler, many: boolean): void {
  const { c, f } = ctx;
  const shared = labeler(ctx.lang, false);
  if (many) {
    ensure(ctx, 80);
    ctx.y += c.drawText(k.t('sectionTitle', { currency: s.currency }), ctx.x, ctx.y, ctx.w, { size: 10, bold: true, color: COLORS.accent }) + 4;
  }
  const cur = ` (${s.currency})`;
  // Dates never wrap ("2 de septiembre de 2026"): the column is as wide as the longest printed.
  const dates = [...s.entries.map((e) => e.date), ...s.invoices.flatMap((i) => [i.issuedOn, ...(i.dueOn ? [i.dueOn] : [])]), st.to, ...(st.from ? [st.from] : [])].map((d) => f.date(d));
  const dateW = Math.max(56, ...dates.map((d) => c.measure(d, BODY, false) + 2 * PAD + 1), ...(st.from ? [c.measure(f.date(st.from), BODY, true) + 2 * PAD + 1] : []));
  const columns: GridColumn[] = [
    { key: 'date', label: k.pair('date'), width: Math.ceil(dateW), align: 'start' },
    { key: 'doc', label: k.pair('document'), width: 86, align: 'start', figure: true },
    { key: 'details', label: k.pair('details'), width: 0, align: 'start' },
    { key: 'debit', label: { primary: `${k.t('debit')}${cur}`, secondary: null }, width: 66, align: 'figure', figure: true },
    { key: 'credit', label: { primary: `${k.t('credit')}${cur}`, secondary: null }, width: 66, align: 'figure', figure: true },
    { key: 'balance', label: { primary: `${k.t('balance')}${cur}`, secondary: null }, width: 72, align: 'figure', figure: true },
  ];
  const rows: GridRow[] = s.entries.map((e) => {
    const details = entryDetails(e, k, f, shared, s.currency).filter(Boolean);
    return {
      date: cell(f.date(e.date)),
      doc: cell(iso(e.invoice.number), { bold: e.kind === 'invoice' }),
      details: { parts: details.map((text, i) => (i === 0 ? { text } : { text, size: SMALL, color: COLORS.muted })) },
      debit: cell(e.debit ? f.money(e.debit) : ''),
      credit: cell(e.credit ? f.money(e.credit) : ''),
      balance: cell(f.money(e.balance), { bold: true }),
    };
  });
  if (rows.length === 0) rows.push({ details: cell(k.t('noEntries'), { color: COLORS.muted }) });
  const before: GridRow[] = st.from !== null ? [{ date: cell(f.date(st.from)), details: cell(k.t('openingBalance'), { bold: true }), balance: cell(f.money(s.opening), { bold: true }) }] : [];
  const after: GridRow[] = [{ date: cell(f.date(st.to)), details: cell(k.t('closingBalance'), { bold: true }), balance: cell(f.money(s.closing), { bold: true }) }];
  drawGrid(ctx, columns, rows, { before, after });

  // The period's sums, as statements.buyer adds them.
  const sums: Array<[string, string, boolean]> = [];
  if (st.from !== null) sums.push([k.t('openingBalance'), s.opening, false]);
  sums.push([k.t('invoiced'), s.invoiced, false], [k.t('received'), s.paid, false]);
  if (!isZeroAmount(s.cancelled)) sums.push([k.t('cancelled'), s.cancelled, false]);
  sums.push([k.t('closingBalance'), s.closing, true]);
  const boxW = Math.min(270, ctx.w * 0.5);
  const bx = ctx.x + ctx.w - boxW;
  ensure(ctx, sums.length * 13 + 8);
  for (const [label, value, strong] of sums) {
    const size = strong ? 9.5 : BODY;
    if (strong) c.rect(bx, ctx.y - 2, boxW, size * 1.28 + 4, { fill: COLORS.accentLight });
    c.drawText(label, bx + 4, ctx.y, boxW * 0.55, { size, bold: strong, color: strong ? COLORS.accent : COLORS.text });
    c.drawText(iso(f.moneyWithCode(value, s.currency)), bx + boxW * 0.55, ctx.y, boxW * 0.45 - 6, { size, bold: true, align: 'figure', dir: 'ltr', color: strong ? COLORS.accent : COLORS.text });
    ctx.y += size * 1.28 + 4;
  }
  ctx.y += 8;

  // The open PIs: what each still owes and since when.
  const open = s.invoices.filter((i) => !isZeroAmount(i.balance));
  if (open.length > 0) {
    ensure(ctx, 60);
    ctx.y += c.drawText(k.t('openInvoices'), ctx.x, ctx.y, ctx.w, { size: BODY + 0.6, bold: true, color: COLORS.accent }) + 3;
    drawGrid(
      ctx,
      [
        { key: 'no', label: k.pair('document'), width: 0, align: 'start', figure: true },
        { key: 'date', label: k.pair('date'), width: Math.ceil(dateW), align: 'start' },
        { key: 'total', label: { primary: `${k.t('invoiceTotal')}${cur}`, secondary: null }, width: 70, align: 'figure', figure: true },
        { key: 'paid', label: { primary: `${k.t('paid')}${cur}`, secondary: null }, width: 70, align: 'figure', figure: true },
        { key: 'balance', label: { primary: `${k.t('balance')}${cur}`, secondary: null }, width: 70, align: 'figure', figure: true },
        { key: 'due', label: k.pair('dueOn'), width: Math.ceil(Math.max(dateW, c.measure(k.t('dueAfterDelivery'), BODY, false) + 2 * PAD + 1)), align: 'start' },
        { key: 'days', label: k.pair('daysOverdue'), width: 50, align: 'figure', figure: true },
      ],
      open.map((i) => ({
        no: cell(iso(i.number), { bold: true }),
        date: cell(f.date(i.issuedOn)),
        total: cell(f.money(i.total)),
        paid: cell(f.money(i.paid)),
        balance: cell(f.money(i.balance), { bold: true }),
        due: cell(i.dueOn ? f.date(i.dueOn) : k.t('dueAfterDelivery')),
        days: cell(i.daysOverdue !== null ? f.int(i.daysOverdue) : '–', { color: i.daysOverdue !== null && i.daysOverdue > 0 ? COLORS.warn : COLORS.text }),
      })),
    );
  }

  // Aging as of the statement's date.
  ensure(ctx, 60);
  ctx.y += c.drawText(k.t('aging'), ctx.x, ctx.y, ctx.w, { size: BODY + 0.6, bold: true, color: COLORS.accent }) + 3;
  const agingCols: GridColumn[] = [
    ...AGING_BUCKETS.map((b): GridColumn => ({ key: b, label: { primary: k.t(b), secondary: null }, width: 0, align: 'figure', figure: true })),
    { key: 'outstanding', label: { primary: `${k.t('outstanding')}${cur}`, secondary: null }, width: 0, align: 'figure', figure: true },
  ];
  const agingRow: GridRow = Object.fromEntries([
    ...AGING_BUCKETS.map((b) => [b, cell(f.money(s.aging[b]), { color: b !== 'notDue' && !isZeroAmount(s.aging[b]) ? COLORS.warn : COLORS.text })]),
    ['outstanding', cell(f.money(s.aging.outstanding), { bold: true })],
  ]);
  drawGrid(ctx, agingCols, [agingRow]);
}

export async function renderAccountStatement(doc: AccountStatementDocument, options: { lang: DocLang; paper?: Paper }): Promise<RenderedDocument> {
  const { statement: st, seller, buyer } = doc;
  const lang = options.lang;
  const k = catalogLabeler(lang);
  const ctx = openPage(lang, {
    paper: options.paper,
    mirrored: isRtl(lang),
    title: `${k.t('soaTitle')} ${buyer.company}`,
    author: seller.companyNameEn || seller.companyNameZh,
    subject: buyer.company,
  });
  const { c, f } = ctx;
  sellerHeader(ctx, seller);
  titleBlock(ctx, k.pair('soaTitle'));
  const where = [buyer.address, buyer.city, countryName(buyer.country, lang)].filter(Boolean).map(fsi).join(f.listSeparator);
  partiesAndFacts(
    ctx,
    [{ label: k.t('customer'), lines: [buyer.company, where, buyer.taxNo ? `${ctx.l.t('taxNo')}: ${iso(buyer.taxNo)}` : ''] }],
    [
      { label: k.t('soaDate'), value: f.date(st.asOf) },
      { label: k.t('period'), value: st.from ? k.t('periodFromTo', { from: f.date(st.from), to: f.date(st.to) }) : k.t('periodUpTo', { to: f.date(st.to) }) },
      { label: k.t('currency'), value: iso(st.sections.map((s) => s.currency).join(', ') || st.buyer.currency) },
    ],
  );
  if (st.sections.length === 0) ctx.y += c.drawText(k.t('noEntries'), ctx.x, ctx.y, ctx.w, { size: BODY }) + 8;
  for (const s of st.sections) section(ctx, s, st, k, st.sections.length > 1);

  // A short footer for sending by WhatsApp: what to pay, and whom to tell of a difference.
  const pay = st.sections.filter((s) => !isZeroAmount(s.closing) && !s.closing.startsWith('-')).map((s) => k.t('soaPay', { amount: iso(f.moneyWithCode(s.closing, s.currency)) }));
  const contact = seller.whatsapp ? `${ctx.l.t('whatsapp')}: ${iso(displayPhone(seller.whatsapp))}` : seller.phones[0] ? `${ctx.l.t('tel')}: ${iso(displayPhone(seller.phones[0]))}` : '';
  textBlock(ctx, k.t('remarks'), [...pay, k.t('soaFooter'), contact], { box: true });
  const signatory = [seller.signatoryName, seller.signatoryTitle].filter((x) => x.trim() !== '').join(', ');
  signatureBoxes(ctx, [{ who: ctx.l.t('theSeller'), name: seller.legalName || seller.companyNameEn, chop: seller.chopFile, signatory, caption: ctx.l.t('signDate') }]);
  pageFooters(ctx, { title: k.t('soaTitle'), number: buyer.company, numberDir: 'auto', date: f.date(st.asOf), seller: seller.companyNameEn || seller.companyNameZh });
  const pages = c.doc.bufferedPageRange().count;
  const pdf = await c.finish();
  return { pdf, pages, nameWarnings: [], fileName: accountStatementFileName(st, lang) };
}
