/**
 * Renders the demo PI in every document language (and bilingual English +
 * Arabic / Chinese, a quotation, a packing list) and writes page 1 of each as
 * PNG into docs/screenshots/ (pdftoppm from poppler-utils).
 * Run: npx tsx scripts/document-screenshots.ts
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoDocument } from '../tests/helpers/demoModel';
import { DOC_LANGS, type DocKind, type DocLang } from '../main/documents/model';
import { renderDocument } from '../main/documents/render';
import { appPath } from '../main/paths/appRoot';

const out = appPath('docs', 'screenshots');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-doc-shots-'));

async function shot(name: string, lang: DocLang, options: { kind?: DocKind; bilingual?: boolean; buyer?: DocLang } = {}): Promise<void> {
  const kind = options.kind ?? 'proforma';
  const model = await demoDocument({ dir, kind, lines: 8, buyer: options.buyer ?? lang, charges: [{ kind: 'freight', description: 'Ningbo port', amount: '120.00' }] });
  const { pdf, pages } = await renderDocument(model, { lang, kind, bilingual: options.bilingual ?? false });
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-png', '-r', '96', '-f', '1', '-l', '1', '-singlefile', file, path.join(out, name)]);
  process.stderr.write(`${name}.png (${pages} pages, ${Math.round(pdf.length / 1024)} KB)\n`);
}

try {
  for (const lang of DOC_LANGS) await shot(`pi-${lang}`, lang);
  await shot('pi-en-ar', 'ar', { bilingual: true });
  await shot('pi-en-zh', 'zh', { bilingual: true });
  await shot('quotation-en', 'en', { kind: 'quotation' });
  await shot('packing-en', 'en', { kind: 'packing' });
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
