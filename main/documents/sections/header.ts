import { getOrMake } from '../../collections/getOrMake';
import { COLORS } from '../canvas';
import type { DocLang, DocSeller } from '../model';
import { ltrIsolate as iso, noBreak as nb } from '../text';
import { BODY, type PageCtx } from './page';

/** The seller's letterhead: logo, names, stall, contacts and the WhatsApp QR, ruled off below. */
export function sellerHeader(ctx: PageCtx, s: DocSeller): void {
  const { c, l } = ctx;
  const top = ctx.y;
  const logo = 58;
  const qr = 62;
  const hasLogo = c.image(s.logoFile, ctx.x, top, logo, logo, { placeholder: false });
  const textX = ctx.x + (hasLogo ? logo + 10 : 0);
  const textW = ctx.w - (hasLogo ? logo + 10 : 0) - (s.whatsapp ? qr + 12 : 0);
  let y = top;
  const nameEn = s.companyNameEn || s.legalName;
  if (nameEn) y += c.drawText(nameEn, textX, y, textW, { size: 13, bold: true, color: COLORS.accent, dir: 'auto' });
  if (s.companyNameZh) y += c.drawText(s.companyNameZh, textX, y, textW, { size: 10, bold: true, color: COLORS.accent, dir: 'auto' });
  y += 2;
  const place = [s.stallNumber ? `${nb(l.t('stall'))}: ${iso(s.stallNumber)}` : '', iso(s.marketAddress)].filter(Boolean).join(' · ');
  if (place) y += c.drawText(place, textX, y, textW, { size: BODY, color: COLORS.muted, dir: 'auto' });
  const contacts: string[] = [];
  if (s.phones.length > 0) contacts.push(`${nb(l.t('tel'))}: ${s.phones.map((p) => iso(displayPhone(p))).join(ctx.f.listSeparator)}`);
  if (s.whatsapp) contacts.push(`${nb(l.t('whatsapp'))}: ${iso(displayPhone(s.whatsapp))}`);
  if (s.wechat) contacts.push(`${nb(l.t('wechat'))}: ${iso(s.wechat)}`);
  if (contacts.length > 0) y += c.drawText(contacts.join('   '), textX, y, textW, { size: BODY, color: COLORS.muted, dir: 'auto' });
  const web = [s.email ? `${nb(l.t('email'))}: ${iso(s.email)}` : '', iso(s.website)].filter(Boolean).join('   ');
  if (web) y += c.drawText(web, textX, y, textW, { size: BODY, color: COLORS.muted, dir: 'auto' });
  let bottom = Math.max(y, hasLogo ? top + logo : top);
  if (s.whatsapp) {
    const qx = ctx.x + ctx.w - qr;
    c.qr(`https://wa.me/${s.whatsapp.replace(/\D/g, '')}`, qx, top - 4, qr);
    const capH = c.drawText(l.t('scanToChat'), qx - 10, top + qr - 4, qr + 20, { size: 5.6, color: COLORS.muted, align: 'center' });
    bottom = Math.max(bottom, top + qr - 4 + capH);
  }
  ctx.y = bottom + 6;
  c.hline(ctx.x, ctx.y, ctx.w, COLORS.accent, 1.4);
  ctx.y += 8;
}

/** +8613857926688 → +86 138 5792 6688 (readable groups; E.164 digits unchanged). */
export function displayPhone(e164: string): string {
  const m = /^\+86(1\d{2})(\d{4})(\d{4})$/.exec(e164);
  if (m) return `+86 ${m[1]} ${m[2]} ${m[3]}`;
  const fixed = /^\+86(\d{3})(\d{4})(\d{4})$/.exec(e164);
  if (fixed) return `+86 ${fixed[1]} ${fixed[2]} ${fixed[3]}`;
  return e164;
}

/** Region names by document language, and the names asked for (a PI names the origin on every line). */
const regionNames = new Map<DocLang, Intl.DisplayNames>();
const namedCountries = new Map<string, string>();

export function countryName(code: string, lang: DocLang): string {
  if (!code) return '';
  return getOrMake(namedCountries, `${lang}:${code}`, () => {
    try {
      const names = getOrMake(regionNames, lang, () => new Intl.DisplayNames([lang === 'zh' ? 'zh-CN' : lang], { type: 'region' }));
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  });
}
