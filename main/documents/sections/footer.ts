import { COLORS } from '../canvas';
import { autoIsolate, ltrIsolate } from '../text';
import { FOOTER_H, SMALL, type PageCtx } from './page';

/**
 * On every page: "title number · seller" and "n / N" at the foot; on continuation pages a line at
 * the top that says which document and date they belong to. Drawn once all pages exist.
 */
export function pageFooters(ctx: PageCtx, doc: { title: string; number: string; date: string; seller: string; numberDir?: 'ltr' | 'auto' }): void {
  const { c, l } = ctx;
  const iso = doc.numberDir === 'auto' ? autoIsolate : ltrIsolate;
  const range = c.doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    c.doc.switchToPage(i);
    if (i > range.start) {
      const head = `${doc.title} ${iso(doc.number)} · ${doc.date} (${l.t('continued')})`;
      c.drawText(head, ctx.x, 12, ctx.w, { size: SMALL, bold: true, color: COLORS.muted });
    }
    const y = c.height - FOOTER_H + 8;
    c.hline(ctx.x, y - 4, ctx.w, COLORS.rule, 0.5);
    const page = `${i - range.start + 1} / ${range.count}`;
    c.drawText(`${doc.title} ${iso(doc.number)}`, ctx.x, y, ctx.w / 2, { size: SMALL, color: COLORS.muted });
    c.drawText(page, ctx.x, y, ctx.w, { size: SMALL + 0.4, bold: true, color: COLORS.muted, align: 'center', dir: 'ltr' });
    c.drawText(doc.seller, ctx.x + ctx.w / 2, y, ctx.w / 2, { size: SMALL, color: COLORS.muted, align: 'end', dir: 'auto' });
  }
}
