import { COLORS } from '../canvas';
import { formatter, type Formatter } from '../format';
import { labeler, type LabelKey, type Labeler } from '../catalog';
import type { DocumentModel } from '../model';
import { ltrIsolate as iso, noBreak as nb } from '../text';
import { BODY, ensure, MARGIN_TOP, type DocCtx } from './page';

/**
 * The terms under a quotation's or PI's totals: shipment (Incoterms® 2020 rule, ports, partial
 * shipment, transshipment, insurance), payment terms and the payment sentence, delivery time,
 * remarks, shipping marks and the bank block, in two columns kept on one page when they fit.
 */
type Ctx = DocCtx;

/** "FOB Ningbo, Incoterms® 2020": the rule, its named place, and the edition of the rules. */
export function incotermText(ctx: Ctx): string {
  const { m, l } = ctx;
  return l.pair('incotermsRule', { rule: iso(m.incoterm), place: m.incotermPlace ? ` ${iso(m.incotermPlace)}` : '' }).primary;
}

/** A titled block of text lines (Payment terms, Bank details…), boxed or not. */
interface Block {
  label: LabelKey;
  lines: string[];
  box?: boolean;
}

function block(label: LabelKey, body: string[], options: { box?: boolean } = {}): Block | null {
  const lines = body.filter((b) => b.trim() !== '');
  return lines.length === 0 ? null : { label, lines, ...options };
}

function blockHeight(ctx: Ctx, b: Block, width: number): number {
  const { c, l } = ctx;
  const pad = b.box ? 6 : 0;
  const w = width - 2 * pad;
  return c.textHeight(l.t(b.label), w, { size: BODY, bold: true }) + b.lines.reduce((s, t) => s + c.textHeight(t, w, { size: BODY, dir: 'auto' }), 0) + 2 * pad + 2;
}

function drawBlock(ctx: Ctx, b: Block, x: number, top: number, width: number): number {
  const { c, l } = ctx;
  const pad = b.box ? 6 : 0;
  const w = width - 2 * pad;
  const h = blockHeight(ctx, b, width);
  if (b.box) c.rect(x, top, width, h, { stroke: COLORS.border, lineWidth: 0.6 });
  let y = top + pad;
  y += c.drawText(l.t(b.label), x + pad, y, w, { size: BODY, bold: true, color: COLORS.accent });
  for (const t of b.lines) y += c.drawText(t, x + pad, y, w, { size: BODY, dir: 'auto' });
  return h;
}

export function section(ctx: Ctx, label: LabelKey, body: string[], options: { box?: boolean } = {}): void {
  const b = block(label, body, options);
  if (!b) return;
  ensure(ctx, blockHeight(ctx, b, ctx.w));
  ctx.y += drawBlock(ctx, b, ctx.x, ctx.y, ctx.w) + 6;
}

/**
 * Two columns of blocks side by side (terms at the start side, marks and bank at the end side),
 * kept on one page; blocks too tall for that are printed one after the other instead.
 */
function columnsOfBlocks(ctx: Ctx, start: Array<Block | null>, end: Array<Block | null>): void {
  const gap = 14;
  const w = (ctx.w - gap) / 2;
  const left = start.filter((b): b is Block => b !== null);
  const right = end.filter((b): b is Block => b !== null);
  const height = (list: Block[]) => list.reduce((s, b) => s + blockHeight(ctx, b, w) + 6, 0);
  const h = Math.max(height(left), height(right));
  if (h > ctx.bottom - MARGIN_TOP) {
    for (const b of [...left, ...right]) section(ctx, b.label, b.lines, { box: b.box ?? false });
    return;
  }
  ensure(ctx, h);
  for (const [list, x] of [[left, ctx.x], [right, ctx.x + w + gap]] as const) {
    let y = ctx.y;
    for (const b of list) y += drawBlock(ctx, b, x, y, w) + 6;
  }
  ctx.y += h;
}

/** The sentence the deposit % and the balance rule make ("Deposit 30%: USD 300.00, balance USD 700.00 against a copy of the B/L"). */
export function paymentSentence(m: Pick<DocumentModel, 'depositPercent' | 'balanceRule' | 'balanceDays' | 'currency' | 'totals'>, l: Labeler, f: Formatter): string {
  const when = l.pair(`when_${m.balanceRule}`, { days: m.balanceDays ?? '' }).primary;
  const amount = (v: string) => iso(f.moneyWithCode(v, m.currency));
  if (m.depositPercent > 0) return l.pair('depositDue', { pct: m.depositPercent, amount: amount(m.totals.deposit), balance: amount(m.totals.balance), when }).primary;
  return l.pair('fullDue', { amount: amount(m.totals.grandTotal), when }).primary;
}

export function terms(ctx: Ctx): void {
  const { m, l, f } = ctx;
  // Trade term and shipment: "FOB Ningbo, Incoterms® 2020", ports, partial shipment, transshipment, insurance.
  const shipment: string[] = [];
  if (m.incoterm) shipment.push(incotermText(ctx));
  const route = [
    m.portOfLoading ? `${l.t('portOfLoading')}: ${m.portOfLoading}` : '',
    m.portOfDestination ? `${l.t('portOfDestination')}: ${m.portOfDestination}` : '',
  ].filter(Boolean);
  if (route.length > 0) shipment.push(route.join(' · '));
  const flags = [
    m.partialShipment === null ? '' : l.t(m.partialShipment ? 'partialAllowed' : 'partialNotAllowed'),
    m.transshipment === null ? '' : l.t(m.transshipment ? 'transAllowed' : 'transNotAllowed'),
  ].filter(Boolean);
  if (flags.length > 0) shipment.push(flags.join(' · '));
  if ((m.incoterm === 'CIF' || m.incoterm === 'CIP') && m.insurancePercent) shipment.push(l.t('insuranceBasis', { pct: m.insurancePercent }));
  columnsOfBlocks(
    ctx,
    [
      block('shipment', shipment),
      block('paymentTerms', [m.paymentTerms, paymentSentence(m, l, f), ...(l.bilingual ? [paymentSentence(m, labeler(ctx.lang, false), formatter(ctx.lang))] : [])]),
      block('deliveryTime', [m.deliveryTime]),
      block('remarks', [m.remarks, l.t('eoe')]),
    ],
    // The buyer confirms the marks on the PI before the cartons are printed.
    [block('shippingMarks', [m.shippingMarks], { box: true }), ctx.showBank ? bankBlock(ctx) : null],
  );
}

/** What a SWIFT transfer asks for: beneficiary and its address, bank, account, SWIFT, intermediary, charges, and the PI number as reference. */
export function bankBlock(ctx: Ctx): Block | null {
  const { m, l } = ctx;
  const b = m.seller.bank;
  const rows: Array<[LabelKey, string]> = [
    ['beneficiary', b.beneficiary],
    ['beneficiaryAddress', b.beneficiaryAddress],
    ['bankName', b.bankName],
    ['account', b.account],
    ['swift', b.swift],
    ['bankAddress', b.address],
  ];
  if (b.intermediary) rows.push(['intermediaryBank', [b.intermediary.name, b.intermediary.swift ? `SWIFT ${b.intermediary.swift}` : ''].filter(Boolean).join(', ')]);
  if (b.charges) rows.push(['bankCharges', l.t(`charges_${b.charges}`)]);
  const lines = rows.filter(([, v]) => v.trim() !== '').map(([k, v]) => `${nb(l.t(k))}: ${iso(v)}`);
  if (lines.length === 0) return null;
  if (ctx.kind === 'proforma' || ctx.kind === 'statement') lines.push(`${l.t('paymentReference')}: ${l.t('paymentReferenceText', { number: iso(m.number) })}`);
  return block('bankDetails', lines, { box: true });
}

export function shippingMarks(ctx: Ctx): void {
  section(ctx, 'shippingMarks', [ctx.m.shippingMarks], { box: true });
  section(ctx, 'remarks', [ctx.m.remarks, ctx.l.t('eoe')]);
}
