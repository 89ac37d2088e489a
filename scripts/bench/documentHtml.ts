import { pathToFileURL } from 'node:url';
import { FONT_FILES } from '../../main/documents/fonts';
import { formatter } from '../../main/documents/format';
import { labeler } from '../../main/documents/catalog';
import { lineNames } from '../../main/documents/render';
import type { DocumentModel, RenderOptions } from '../../main/documents/model';
import { amountInWords, englishTradeWords } from '../../main/documents/words';

/**
 * The same PI as an HTML page, for the benchmark that compares our pdfkit
 * builder with the approach many invoicing tools take (HTML printed to PDF by
 * headless Chromium). Same fonts, photos, table and totals; files are linked
 * by file:// URL, so the page is opened from a file next to nothing else.
 */
function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function documentHtml(m: DocumentModel, options: RenderOptions): string {
  const lang = options.lang;
  const l = labeler(lang, options.bilingual === true);
  const f = formatter(lang);
  const rtl = lang === 'ar' && !l.bilingual;
  const font = (name: string, file: string, weight: number) => `@font-face{font-family:"${name}";src:url("${pathToFileURL(file).href}");font-weight:${weight}}`;
  const faces = [
    font('SkLatin', FONT_FILES.latin.regular, 400), font('SkLatin', FONT_FILES.latin.bold, 700),
    font('SkCjk', FONT_FILES.cjk.regular, 400), font('SkCjk', FONT_FILES.cjk.bold, 700),
    font('SkArabic', FONT_FILES.arabic.regular, 400), font('SkArabic', FONT_FILES.arabic.bold, 700),
  ].join('');
  const s = m.seller;
  const rows = m.lines
    .map(
      (line) => `<tr>
<td class="c">${line.no}</td>
<td class="c">${line.photoFile ? `<img src="${pathToFileURL(line.photoFile).href}">` : ''}</td>
<td><b>${esc(line.itemNo)}</b></td>
<td>${lineNames(line, lang, l.bilingual).map((n, i) => (i === 0 ? `<b>${esc(n)}</b>` : esc(n))).join('<br>')}${line.colors ? `<div class="muted">${esc(l.t('colour'))}: ${esc(line.colors)}</div>` : ''}${line.note ? `<div class="muted">${esc(line.note)}</div>` : ''}</td>
<td>${line.pcsPerCarton ?? ''} ${esc(line.unit)}/ctn${line.cartonCm ? `<div class="muted">${line.cartonCm.l}×${line.cartonCm.w}×${line.cartonCm.h} cm</div>` : ''}</td>
<td class="n">${f.int(line.qty)} ${esc(line.unit)}</td>
<td class="n">${f.price(line.unitPrice)}</td>
<td class="n"><b>${f.money(line.amount)}</b></td>
<td class="n">${line.cartons}</td>
<td class="n">${f.fixed(line.cbm, 3)}</td>
<td class="n">${f.fixed(line.grossWeightKg, 2)}</td>
</tr>`,
    )
    .join('\n');
  const t = m.totals;
  return `<!doctype html><html lang="${lang}" dir="${rtl ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><title>${esc(m.number)}</title><style>
${faces}
@page{size:${options.paper === 'letter' ? 'letter' : 'A4'};margin:12mm 10mm 14mm}
body{font-family:SkLatin,SkCjk,SkArabic;font-size:7.6pt;color:#1b1f24;margin:0}
header{display:flex;gap:10px;align-items:flex-start;border-bottom:2px solid #1f3a5f;padding-bottom:6px}
header img.logo{width:58px;height:58px}
h1{text-align:center;color:#1f3a5f;font-size:16pt;margin:8px 0}
.muted{color:#5b6570;font-size:6.6pt}
table{width:100%;border-collapse:collapse}
thead{display:table-header-group}
th{background:#1f3a5f;color:#fff;font-size:6.8pt;padding:3px;text-align:start}
td{padding:3px;border-bottom:0.5px solid #d5dbe2;vertical-align:top}
tr{break-inside:avoid}
td img{width:34px;height:34px;object-fit:contain}
.n{text-align:end;white-space:nowrap}.c{text-align:center}
tfoot td{background:#e8eef6;font-weight:700}
.box{border:0.6px solid #a9b4c0;padding:6px;margin-top:8px}
</style></head><body>
<header>${s.logoFile ? `<img class="logo" src="${pathToFileURL(s.logoFile).href}">` : ''}<div><div style="font-size:13pt;font-weight:700;color:#1f3a5f">${esc(s.companyNameEn)}</div><div style="font-size:10pt;font-weight:700;color:#1f3a5f">${esc(s.companyNameZh)}</div>
<div class="muted">${esc(s.stallNumber)} · ${esc(s.marketAddress)}</div><div class="muted">${esc(l.t('tel'))}: ${s.phones.map(esc).join(', ')} · WhatsApp: ${esc(s.whatsapp)} · ${esc(l.t('wechat'))}: ${esc(s.wechat)} · ${esc(s.email)}</div></div></header>
<h1>${esc(l.t(m.kind === 'quotation' ? 'quotation' : 'proforma'))}</h1>
<div class="box"><b>${esc(l.t('buyer'))}</b>: ${esc(m.buyer.company)}, ${esc(m.buyer.city)} — ${esc(l.t('piNo'))} ${esc(m.number)} · ${esc(l.t('date'))} ${esc(f.date(m.date))} · ${esc(l.t('currency'))} ${esc(m.currency)} · ${esc(m.incoterm)} ${esc(m.incotermPlace)}</div>
<table style="margin-top:8px"><thead><tr>${(['no', 'photo', 'itemNo', 'description', 'packingCol', 'qty', 'unitPrice', 'amount', 'cartons', 'cbm', 'gw'] as const).map((k) => `<th>${esc(l.t(k))}</th>`).join('')}</tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><td colspan="5">${esc(l.t('total'))}</td><td class="n">${t.quantities.map((q) => `${f.int(q.qty)} ${esc(q.unit)}`).join('<br>')}</td><td></td><td class="n">${f.money(t.amount)}</td><td class="n">${t.cartons}</td><td class="n">${f.fixed(t.cbm, 3)}</td><td class="n">${f.fixed(t.grossWeightKg, 2)}</td></tr></tfoot></table>
<div class="box"><b>${esc(l.t('amountInWords'))}</b><br>${esc(englishTradeWords(t.grandTotal, m.currency))}${lang !== 'en' ? `<br>${esc(amountInWords(t.grandTotal, m.currency, lang))}` : ''}<br><b>${esc(l.t('grandTotal'))}: ${esc(f.moneyWithCode(t.grandTotal, m.currency))}</b></div>
<div class="box"><b>${esc(l.t('paymentTerms'))}</b>: ${esc(m.paymentTerms)}<br><b>${esc(l.t('bankDetails'))}</b>: ${esc(s.bank.beneficiary)}, ${esc(s.bank.bankName)}, ${esc(s.bank.account)}, SWIFT ${esc(s.bank.swift)}</div>
<div class="box" style="display:flex;justify-content:space-between"><div>${esc(l.t('theBuyer'))}<br><br><br></div><div>${esc(l.t('theSeller'))}${s.chopFile ? `<br><img src="${pathToFileURL(s.chopFile).href}" style="width:78px;opacity:.88">` : ''}</div></div>
</body></html>`;
}
