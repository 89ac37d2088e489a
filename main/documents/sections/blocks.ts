import { COLORS } from '../canvas';
import { BODY, ensure, SMALL, type PageCtx } from './page';

/**
 * The title, the parties and facts boxes, titled text blocks and the signature boxes of the
 * documents after the PI.
 */

export function titleBlock(ctx: PageCtx, title: { primary: string; secondary: string | null }, subtitle?: string): void {
  const { c } = ctx;
  ctx.y += c.drawText(title.primary, ctx.x, ctx.y, ctx.w, { size: 16, bold: true, color: COLORS.accent, align: 'center', dir: 'auto' });
  if (title.secondary) ctx.y += c.drawText(title.secondary, ctx.x, ctx.y, ctx.w, { size: 12, bold: true, color: COLORS.accent, align: 'center', dir: 'auto' });
  if (subtitle) ctx.y += c.drawText(subtitle, ctx.x, ctx.y, ctx.w, { size: 9, bold: true, color: COLORS.muted, align: 'center', dir: 'auto' });
  ctx.y += 6;
}

export interface PartyBox {
  label: string;
  /** First line bold and larger (the name). */
  lines: string[];
}

export interface Fact {
  label: string;
  value: string;
  /** Printed large and bold (a warehouse entry number). */
  strong?: boolean;
}

/** Party boxes at the start side and the facts box at the end side, one row of equal height. */
export function partiesAndFacts(ctx: PageCtx, parties: PartyBox[], facts: Fact[], factsWidth = Math.min(230, ctx.w * 0.42)): void {
  const { c } = ctx;
  const gap = 10;
  const partyW = (ctx.w - factsWidth - gap * parties.length) / Math.max(1, parties.length);
  let top = ctx.y;
  const partyLines = (p: PartyBox, draw: boolean, x: number) => {
    let y = top + 5;
    const w = partyW - 12;
    const put = (text: string, o: { size: number; bold?: boolean; color?: string; maxLines?: number }) => {
      y += draw ? c.drawText(text, x + 6, y, w, { ...o, dir: 'auto' }) : c.textHeight(text, w, { ...o, dir: 'auto' });
    };
    put(p.label, { size: SMALL, bold: true, color: COLORS.muted });
    p.lines.filter((t) => t.trim() !== '').forEach((t, i) => put(t, i === 0 ? { size: 9, bold: true, maxLines: 3 } : { size: BODY }));
    return y;
  };
  const labelW = factsWidth * 0.45;
  const factLines = (draw: boolean, x: number) => {
    let y = top + 5;
    for (const f of facts) {
      const size = f.strong ? 11 : BODY;
      const o = { size, bold: f.strong === true || /No\.|号|№|رقم|N\.º|N°/.test(f.label), dir: 'auto' as const, color: f.strong ? COLORS.warn : COLORS.text };
      const h1 = draw ? c.drawText(f.label, x + 6, y, labelW - 10, { size: BODY, color: COLORS.muted }) : c.textHeight(f.label, labelW - 10, { size: BODY });
      const h2 = draw ? c.drawText(f.value, x + labelW, y, factsWidth - labelW - 6, o) : c.textHeight(f.value, factsWidth - labelW - 6, o);
      y += Math.max(h1, h2) + 1.5;
    }
    return y;
  };
  const h = Math.max(factLines(false, 0), ...parties.map((p) => partyLines(p, false, 0))) - top + 5;
  ensure(ctx, h);
  top = ctx.y;
  parties.forEach((p, i) => {
    const x = ctx.x + i * (partyW + gap);
    c.rect(x, top, partyW, h, { stroke: COLORS.border, lineWidth: 0.6 });
    partyLines(p, true, x);
  });
  const fx = ctx.x + ctx.w - factsWidth;
  c.rect(fx, top, factsWidth, h, { fill: COLORS.accentLight });
  factLines(true, fx);
  ctx.y = top + h + 8;
}

/** A titled block of text, boxed or not, kept on one page when it fits one. */
export function textBlock(ctx: PageCtx, label: string, body: string[], options: { box?: boolean; size?: number } = {}): void {
  const { c } = ctx;
  const lines = body.filter((b) => b.trim() !== '');
  if (lines.length === 0) return;
  const pad = options.box ? 6 : 0;
  const w = ctx.w - 2 * pad;
  const size = options.size ?? BODY;
  const h = c.textHeight(label, w, { size: BODY, bold: true }) + lines.reduce((s, t) => s + c.textHeight(t, w, { size, dir: 'auto' }), 0) + 2 * pad + 2;
  ensure(ctx, Math.min(h, ctx.bottom - 60));
  const top = ctx.y;
  if (options.box && top + h <= ctx.bottom) c.rect(ctx.x, top, ctx.w, h, { stroke: COLORS.border, lineWidth: 0.6 });
  let y = top + pad;
  y += c.drawText(label, ctx.x + pad, y, w, { size: BODY, bold: true, color: COLORS.accent, dir: 'auto' });
  for (const t of lines) y += c.drawText(t, ctx.x + pad, y, w, { size, dir: 'auto' });
  ctx.y = y + pad + 8;
}

export interface SignatureBox {
  who: string;
  name: string;
  chop: string | null;
  signatory: string;
  caption: string;
}

/** Boxes side by side for signatures (and the seller's chop), a line and its caption at the foot. */
export function signatureBoxes(ctx: PageCtx, boxes: SignatureBox[]): void {
  const { c } = ctx;
  const h = 70;
  ensure(ctx, h + 8);
  const gap = 20;
  // Two to a row; a box on its own sits at the end side, as the seller's does beside the buyer's.
  const per = Math.max(2, boxes.length);
  const w = (ctx.w - gap * (per - 1)) / per;
  const top = ctx.y;
  boxes.forEach((b, i) => {
    const x = ctx.x + (per - boxes.length + i) * (w + gap);
    c.rect(x, top, w, h, { stroke: COLORS.border, lineWidth: 0.6 });
    let y = top + 5;
    y += c.drawText(b.who, x + 6, y, w - 12, { size: SMALL, bold: true, color: COLORS.muted, dir: 'auto' });
    const textW = b.chop ? w - 12 - 76 : w - 12;
    c.drawText(b.name, x + 6, y, textW, { size: BODY + 0.4, bold: true, dir: 'auto', maxLines: 2 });
    if (b.signatory) c.drawText(b.signatory, x + 6, top + h - 30, textW, { size: BODY, dir: 'auto', maxLines: 1 });
    if (b.chop) c.image(b.chop, x + w - 70, top + 4, 62, 62, { placeholder: false, opacity: 0.88 });
    c.hline(x + 6, top + h - 18, w - 12, COLORS.border, 0.6);
    c.drawText(b.caption, x + 6, top + h - 15, w - 12, { size: SMALL, color: COLORS.muted, dir: 'auto' });
  });
  ctx.y = top + h + 8;
}
