import { Canvas, COLORS, type Align } from './canvas';
import { bilingualFormatter, formatter } from './format';
import { isRtl, labeler, type LabelKey } from './catalog';
import type { DocKind, DocLang, DocumentModel, Paper, RenderOptions } from './model';
import { autoIsolate as fsi, ltrIsolate as iso, noBreak as nb } from './text';
import { amountInWords, englishTradeWords, hasOwnWords } from './words';
import { isZeroAmount } from '../money/amounts';
import type { NameWarning } from '../settings/service';
import { pageFooters } from './sections/footer';
import { countryName, sellerHeader } from './sections/header';
import { itemsTable } from './sections/itemsTable';
import { bankBlock, incotermText, section, shippingMarks, terms } from './sections/terms';
import { BODY, contentBox, ensure, newPage, PAD, SMALL, type DocCtx } from './sections/page';

export { displayPhone } from './sections/header';
export { unitName } from './catalog';
export { lineNames } from './sections/itemsTable';
export { paymentSentence } from './sections/terms';

/**
 * The three printed documents, built with pdfkit on our text layer:
 * quotation, pro-forma invoice (PI) and packing list. One layout, mirrored for
 * Arabic; the items table repeats its header on every page; every page has
 * "n / N" at the foot.
 */

export interface RenderedDocument {
  pdf: Buffer;
  pages: number;
  /** Chop, header and beneficiary names disagree: show this to the user with the document. */
  nameWarnings: NameWarning[];
  fileName: string;
}


type Ctx = DocCtx;

/**
 * The download name of a variant: "JH-PI2026-0017-ar.pdf", "…-en-ar.pdf" (bilingual), "…-ar-letter.pdf"
 * (US Letter), "PL-…" for a packing list, "…-statement-en.pdf" for a statement of payments; so two
 * variants saved side by side never overwrite each other.
 */
export function documentFileName(m: Pick<DocumentModel, 'number'>, kind: DocKind, lang: DocLang, variant: { bilingual?: boolean; paper?: Paper } = {}): string {
  const prefix = kind === 'packing' ? 'PL-' : '';
  const safe = `${prefix}${m.number}`.replace(/[^A-Za-z0-9._-]+/g, '_');
  const langs = variant.bilingual === true && lang !== 'en' ? `en-${lang}` : lang;
  return `${safe}${kind === 'statement' ? '-statement' : ''}-${langs}${variant.paper === 'letter' ? '-letter' : ''}.pdf`;
}

/** Renders one document to PDF bytes. */
export async function renderDocument(model: DocumentModel, options: RenderOptions): Promise<RenderedDocument> {
  const kind = options.kind ?? model.kind;
  const lang = options.lang;
  const bilingual = options.bilingual === true && lang !== 'en';
  const rtl = isRtl(lang) && !bilingual;
  const l = labeler(lang, bilingual);
  const title = l.t(titleKey(kind));
  const c = new Canvas(options.paper ?? 'a4', rtl, {
    title: `${title} ${model.number}`,
    author: model.seller.companyNameEn || model.seller.companyNameZh,
    subject: model.buyer.company,
    lang: lang === 'zh' ? 'zh-CN' : lang,
  });
  const ctx: Ctx = {
    c,
    m: model,
    kind,
    l,
    // Bilingual: figures as in English (readable on their own), dates in both languages.
    f: bilingual ? bilingualFormatter(lang) : formatter(lang),
    lang,
    showBank: kind === 'proforma' || kind === 'statement' || (kind === 'quotation' && options.showBank === true),
    ...contentBox(c),
  };
  sellerHeader(ctx, model.seller);
  titleAndParties(ctx);
  if (kind === 'statement') {
    statementOfPayments(ctx);
  } else {
    if (kind === 'quotation') validityBand(ctx);
    itemsTable(ctx);
    if (kind === 'packing') {
      shippingMarks(ctx);
    } else {
      totalsAndWords(ctx);
      terms(ctx);
    }
  }
  signatures(ctx);
  footers(ctx);
  const pages = c.doc.bufferedPageRange().count;
  const pdf = await c.finish();
  return { pdf, pages, nameWarnings: [...model.nameWarnings], fileName: documentFileName(model, kind, lang, { bilingual, paper: options.paper ?? 'a4' }) };
}

function titleKey(kind: DocKind): LabelKey {
  return kind === 'quotation' ? 'quotation' : kind === 'proforma' ? 'proforma' : kind === 'packing' ? 'packing' : 'statement';
}

function titleAndParties(ctx: Ctx): void {
  const { c, m, l, f, kind } = ctx;
  const t = l.pair(titleKey(kind));
  ctx.y += c.drawText(t.primary, ctx.x, ctx.y, ctx.w, { size: 16, bold: true, color: COLORS.accent, align: 'center' });
  if (t.secondary) ctx.y += c.drawText(t.secondary, ctx.x, ctx.y, ctx.w, { size: 12, bold: true, color: COLORS.accent, align: 'center', dir: 'auto' });
  ctx.y += 6;

  // Buyer block (start side) and document facts (end side).
  const gap = 14;
  const metaW = Math.min(230, ctx.w * 0.42);
  const buyerW = ctx.w - metaW - gap;
  const top = ctx.y;
  const b = m.buyer;
  let by = top + 5;
  const bx = ctx.x + 6;
  const bw = buyerW - 12;
  by += c.drawText(l.t('buyer'), bx, by, bw, { size: SMALL, bold: true, color: COLORS.muted });
  by += c.drawText(b.company, bx, by, bw, { size: 9, bold: true, dir: 'auto', maxLines: 3 });
  if (b.taxNo) by += c.drawText(`${nb(l.t('taxNo'))}: ${iso(b.taxNo)}`, bx, by, bw, { size: BODY, dir: 'auto' });
  // Each part keeps its own direction (an Arabic street in an English PI, a Latin city in an Arabic one);
  // the line reads in the document's direction.
  const where = [b.address, b.city, countryName(b.country, ctx.lang)].filter(Boolean).map(fsi).join(ctx.f.listSeparator);
  if (where) by += c.drawText(where, bx, by, bw, { size: BODY, maxLines: 3 });
  const people: string[] = [];
  if (b.contactName) people.push(`${nb(l.t('contact'))}: ${fsi(b.contactName)}`);
  if (b.phone) people.push(`${nb(l.t('tel'))}: ${iso(b.phone)}`);
  if (b.whatsapp && b.whatsapp !== b.phone) people.push(`${nb(l.t('whatsapp'))}: ${iso(b.whatsapp)}`);
  if (b.wechat) people.push(`${nb(l.t('wechat'))}: ${iso(b.wechat)}`);
  if (b.email) people.push(`${nb(l.t('email'))}: ${iso(b.email)}`);
  for (const p of people) by += c.drawText(p, bx, by, bw, { size: BODY, dir: 'auto' });

  const rows: Array<[LabelKey, string]> = [];
  if (kind === 'statement' && m.statement) {
    rows.push(['piNo', iso(m.number)]);
    rows.push(['piDate', f.date(m.statement.piDate)]);
    rows.push(['statementDate', f.date(m.statement.asOf)]);
    rows.push(['currency', iso(f.currencyLabel(m.currency))]);
  } else {
    rows.push([kind === 'quotation' ? 'quoteNo' : kind === 'proforma' ? 'piNo' : 'packingNo', iso(m.number)]);
    rows.push(['date', f.date(m.date)]);
    if (kind !== 'packing' && m.validUntil) rows.push(['validUntil', f.date(m.validUntil)]);
    if (kind !== 'packing') rows.push(['currency', iso(f.currencyLabel(m.currency))]);
    if (m.incoterm) rows.push(['incoterm', incotermText(ctx)]);
    if (m.quoteNumber && kind !== 'quotation') rows.push(['refQuote', iso(m.quoteNumber)]);
  }
  const mx = ctx.x + buyerW + gap;
  const labelW = metaW * 0.45;
  let my = top + 5;
  for (const [key, value] of rows) {
    my += Math.max(c.textHeight(l.t(key), labelW - 10, { size: BODY }), c.textHeight(value, metaW - labelW - 6, { size: BODY, bold: true, dir: 'auto' })) + 1.5;
  }
  const h = Math.max(by, my) - top + 5;
  c.rect(ctx.x, top, buyerW, h, { stroke: COLORS.border, lineWidth: 0.6 });
  c.rect(mx, top, metaW, h, { fill: COLORS.accentLight });
  my = top + 5;
  for (const [key, value] of rows) {
    const strong = key === 'validUntil' && kind === 'quotation';
    const h1 = c.drawText(l.t(key), mx + 6, my, labelW - 10, { size: BODY, color: COLORS.muted });
    const h2 = c.drawText(value, mx + labelW, my, metaW - labelW - 6, { size: BODY, bold: key.endsWith('No') || strong, color: strong ? COLORS.warn : COLORS.text, dir: 'auto' });
    my += Math.max(h1, h2) + 1.5;
  }
  ctx.y = top + h + 8;
}

function validityBand(ctx: Ctx): void {
  const { c, m, l, f } = ctx;
  if (!m.validUntil) return;
  const text = l.t('validityNotice', { date: f.date(m.validUntil), days: m.validityDays ?? '' });
  const h = c.textHeight(text, ctx.w - 16, { size: 8.5, bold: true }) + 8;
  c.rect(ctx.x, ctx.y, ctx.w, h, { fill: COLORS.warnLight, stroke: COLORS.warn, lineWidth: 0.8 });
  c.drawText(text, ctx.x + 8, ctx.y + 4, ctx.w - 16, { size: 8.5, bold: true, color: COLORS.warn });
  ctx.y += h + 8;
}

// ---- totals, amount in words, terms -----------------------------------------------------------

function totalsAndWords(ctx: Ctx): void {
  const { c, m, f, l } = ctx;
  const t = m.totals;
  const rows: Array<{ label: string; value: string; strong?: boolean }> = [];
  const hasExtras = !isZeroAmount(t.discount) || t.charges.length > 0;
  if (hasExtras) rows.push({ label: l.t('subtotal'), value: f.money(t.amount) });
  if (!isZeroAmount(t.discount)) rows.push({ label: t.discountPercent ? `${l.t('discount')} (${f.percent(t.discountPercent)})` : l.t('discount'), value: `−${f.money(t.discount)}` });
  for (const ch of t.charges) {
    const name = l.t(ch.kind === 'packing' ? 'packingCharge' : ch.kind);
    rows.push({ label: ch.description ? `${name}: ${ch.description}` : name, value: f.money(ch.amount) });
  }
  rows.push({ label: l.t('grandTotal'), value: f.moneyWithCode(t.grandTotal, m.currency), strong: true });
  if (m.depositPercent > 0) {
    rows.push({ label: `${l.t('deposit')} (${f.percent(m.depositPercent)})`, value: f.money(t.deposit) });
    rows.push({ label: l.t('balance'), value: f.money(t.balance) });
  }
  const boxW = Math.min(250, ctx.w * 0.46);
  const wordsW = ctx.w - boxW - 14;
  const words = [englishTradeWords(t.grandTotal, m.currency)];
  if (ctx.lang !== 'en' && hasOwnWords(ctx.lang)) words.push(amountInWords(t.grandTotal, m.currency, ctx.lang));
  const wordsH = c.textHeight(l.t('amountInWords'), wordsW, { size: SMALL, bold: true }) + words.reduce((s, w) => s + c.textHeight(w, wordsW - 10, { size: BODY, bold: true, dir: 'auto' }) + 3, 0) + 10;
  const rowsH = rows.reduce((s, r) => s + Math.max(c.textHeight(r.label, boxW * 0.55, { size: r.strong ? 9 : BODY, bold: r.strong ?? false }), c.textHeight(r.value, boxW * 0.45 - 8, { size: r.strong ? 9 : BODY, bold: true })) + 3, 0) + 8;
  ensure(ctx, Math.max(wordsH, rowsH));
  const top = ctx.y;
  // Amount in words (start side).
  let y = top;
  c.rect(ctx.x, top, wordsW, wordsH, { stroke: COLORS.border, lineWidth: 0.6 });
  y += 5;
  y += c.drawText(l.t('amountInWords'), ctx.x + 5, y, wordsW - 10, { size: SMALL, bold: true, color: COLORS.muted });
  for (const w of words) y += c.drawText(w, ctx.x + 5, y, wordsW - 10, { size: BODY, bold: true, dir: 'auto' }) + 3;
  // Totals (end side).
  const bx = ctx.x + ctx.w - boxW;
  let ry = top + 4;
  for (const r of rows) {
    const size = r.strong ? 9 : BODY;
    const rh = Math.max(c.textHeight(r.label, boxW * 0.55, { size, bold: r.strong ?? false }), c.textHeight(r.value, boxW * 0.45 - 8, { size, bold: true }));
    if (r.strong) c.rect(bx, ry - 2, boxW, rh + 4, { fill: COLORS.accentLight });
    c.drawText(r.label, bx + 4, ry, boxW * 0.55, { size, bold: r.strong ?? false, color: r.strong ? COLORS.accent : COLORS.text });
    c.drawText(r.value, bx + boxW * 0.55, ry, boxW * 0.45 - 6, { size, bold: true, align: 'figure', dir: 'ltr', color: r.strong ? COLORS.accent : COLORS.text });
    ry += rh + 3;
  }
  ctx.y = top + Math.max(wordsH, rowsH) + 8;
}

// ---- statement of payments ----------------------------------------------------------------

/**
 * What was received against the PI and the balance now: printed on its own, so the
 * issued PI stays the document the buyer received.
 */
function statementOfPayments(ctx: Ctx): void {
  const { c, m, l, f } = ctx;
  const st = m.statement;
  if (!st) return;
  ctx.y += c.drawText(l.t('statementNote', { number: iso(m.number), date: f.date(st.piDate) }), ctx.x, ctx.y, ctx.w, { size: BODY }) + 8;
  const cols: Array<{ label: LabelKey; w: number; align: Align }> = [
    { label: 'no', w: 24, align: 'center' },
    { label: 'paidOn', w: 90, align: 'start' },
    { label: 'method', w: 90, align: 'start' },
    { label: 'reference', w: 0, align: 'start' },
    { label: 'receivedAs', w: 130, align: 'figure' },
    { label: 'amount', w: 90, align: 'figure' },
  ];
  const flex = ctx.w - cols.reduce((s, col) => s + col.w, 0);
  let x = ctx.x;
  const placed = cols.map((col) => {
    const w = col.w || flex;
    const out = { ...col, x, w };
    x += w;
    return out;
  });
  const header = () => {
    const h = 16;
    c.rect(ctx.x, ctx.y, ctx.w, h, { fill: COLORS.accent });
    for (const col of placed) {
      const label = col.label === 'amount' ? `${l.t('amount')} (${m.currency})` : l.t(col.label);
      c.drawText(label, col.x + PAD, ctx.y + 4, col.w - 2 * PAD, { size: 6.8, bold: true, color: '#ffffff', align: col.align });
    }
    ctx.y += h;
  };
  header();
  if (st.payments.length === 0) {
    ctx.y += c.drawText(l.t('noPayments'), ctx.x + PAD, ctx.y + PAD, ctx.w - 2 * PAD, { size: BODY }) + 2 * PAD;
  }
  st.payments.forEach((p, i) => {
    const cells = [
      String(i + 1),
      f.date(p.paidOn),
      l.t(`method_${p.method}` as LabelKey),
      p.reference,
      p.received ? `${iso(f.moneyWithCode(p.received.amount, p.received.currency))} (${iso(l.t('rateNote', { from: m.currency, rate: p.received.rate, to: p.received.currency }))})` : '',
      f.money(p.amount),
    ];
    const h = Math.max(...placed.map((col, k) => c.textHeight(cells[k] as string, col.w - 2 * PAD, { size: BODY, dir: 'auto' }))) + 2 * PAD;
    if (ctx.y + h > ctx.bottom) {
      newPage(ctx);
      header();
    }
    placed.forEach((col, k) => {
      c.drawText(cells[k] as string, col.x + PAD, ctx.y + PAD, col.w - 2 * PAD, { size: BODY, bold: k === 5, align: col.align, dir: k === 3 ? 'auto' : k >= 4 ? 'ltr' : undefined });
    });
    c.hline(ctx.x, ctx.y + h, ctx.w, COLORS.rule, 0.5);
    ctx.y += h;
  });
  ctx.y += 8;
  const rows: Array<{ label: string; value: string; strong?: boolean }> = [
    { label: l.t('grandTotal'), value: f.moneyWithCode(m.totals.grandTotal, m.currency) },
    { label: l.t('totalReceived'), value: f.moneyWithCode(st.paid, m.currency) },
    { label: l.t('balanceNow'), value: f.moneyWithCode(st.balanceDue, m.currency), strong: true },
  ];
  const boxW = Math.min(260, ctx.w * 0.5);
  const bx = ctx.x + ctx.w - boxW;
  ensure(ctx, rows.length * 14 + 10);
  for (const r of rows) {
    const size = r.strong ? 9 : BODY;
    if (r.strong) c.rect(bx, ctx.y - 2, boxW, size * 1.28 + 4, { fill: COLORS.accentLight });
    c.drawText(r.label, bx + 4, ctx.y, boxW * 0.5, { size, bold: r.strong ?? false, color: r.strong ? COLORS.accent : COLORS.text });
    c.drawText(iso(r.value), bx + boxW * 0.5, ctx.y, boxW * 0.5 - 6, { size, bold: true, align: 'figure', dir: 'ltr', color: r.strong ? COLORS.accent : COLORS.text });
    ctx.y += size * 1.28 + 5;
  }
  ctx.y += 10;
  const bank = ctx.showBank && /[1-9]/.test(st.balanceDue) ? bankBlock(ctx) : null;
  if (bank) section(ctx, bank.label, bank.lines, { box: true });
}

// ---- signatures and footers ------------------------------------------------------------

function signatures(ctx: Ctx): void {
  const { c, m, l } = ctx;
  const h = 70;
  ensure(ctx, h + 16);
  if (ctx.kind !== 'statement') ctx.y += c.drawText(l.t('acceptedBy'), ctx.x, ctx.y, ctx.w, { size: BODY + 0.6, bold: true, color: COLORS.accent }) + 4;
  const gap = 20;
  const w = (ctx.w - gap) / 2;
  const top = ctx.y;
  const signatory = [m.seller.signatoryName, m.seller.signatoryTitle].filter((s) => s.trim() !== '').join(', ');
  const blocks: Array<{ x: number; who: LabelKey; name: string; chop: string | null; signatory: string }> = [
    { x: ctx.x, who: 'theBuyer', name: m.buyer.company, chop: null, signatory: '' },
    { x: ctx.x + w + gap, who: 'theSeller', name: m.seller.legalName || m.seller.companyNameEn, chop: m.seller.chopFile, signatory },
  ];
  // A statement of payments is the seller's receipt: only the seller signs it.
  for (const b of ctx.kind === 'statement' ? blocks.slice(1) : blocks) {
    c.rect(b.x, top, w, h, { stroke: COLORS.border, lineWidth: 0.6 });
    let y = top + 5;
    y += c.drawText(l.t(b.who), b.x + 6, y, w - 12, { size: SMALL, bold: true, color: COLORS.muted });
    const textW = b.chop ? w - 12 - 76 : w - 12;
    c.drawText(b.name, b.x + 6, y, textW, { size: BODY + 0.4, bold: true, dir: 'auto', maxLines: 2 });
    // Who signs, beside the chop, just above the signature line.
    if (b.signatory) c.drawText(b.signatory, b.x + 6, top + h - 30, textW, { size: BODY, dir: 'auto', maxLines: 1 });
    if (b.chop) c.image(b.chop, b.x + w - 70, top + 4, 62, 62, { placeholder: false, opacity: 0.88 });
    c.hline(b.x + 6, top + h - 18, w - 12, COLORS.border, 0.6);
    c.drawText(l.t('signDate'), b.x + 6, top + h - 15, w - 12, { size: SMALL, color: COLORS.muted });
  }
  ctx.y = top + h + 8;
}

function footers(ctx: Ctx): void {
  const { m, l, f } = ctx;
  pageFooters(ctx, { title: l.pair(titleKey(ctx.kind)).primary, number: m.number, date: f.date(m.date), seller: m.seller.companyNameEn || m.seller.companyNameZh });
}
