import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import { runCli } from '../../main/cli/index';
import { setDocumentSource } from '../../main/documents/source';
import { readStoredPdf, storedPdfPath, storePdf } from '../../main/documents/storage';
import { appPath } from '../../main/paths/appRoot';
import { demoSource } from '../helpers/demoSource';
import { pdfText, squeeze } from '../helpers/pdfTools';
import { tempCore, tempDir } from '../helpers/tempCore';

const core = tempCore();
const files = tempDir('sk-docsrc-');
let models: Awaited<ReturnType<typeof demoSource>>['models'];

beforeAll(async () => {
  const source = await demoSource(files.dir);
  models = source.models;
  setDocumentSource(source);
}, 60_000);
afterAll(() => {
  setDocumentSource(null);
  core.remove();
  files.remove();
});

describe('documents.render', () => {
  it('returns the PDF in the buyer\'s language by default, as base64 with a file name', async () => {
    const out = await invoke(core, 'documents.render', { kind: 'quotation', id: 1 });
    expect(out.mime).toBe('application/pdf');
    expect(out.fileName).toBe('JH-Q2026-0042-ar.pdf');
    const pdf = Buffer.from(out.base64, 'base64');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdfText(pdf)).toContain('عرض سعر');
    expect(out.stored).toBe(false);
  });

  it('prints another language, bilingual, on US Letter when asked', async () => {
    const out = await invoke(core, 'documents.render', { kind: 'quotation', id: 1, lang: 'fr', bilingual: true, paper: 'letter' });
    const text = pdfText(Buffer.from(out.base64, 'base64'));
    expect(text).toContain('QUOTATION');
    expect(text).toContain('DEVIS');
    expect(out.fileName).toBe('JH-Q2026-0042-en-fr-letter.pdf');
  });

  it('names every variant differently: language, bilingual, paper, packing list', async () => {
    const name = async (input: Partial<Parameters<typeof invoke<'documents.render'>>[2]>) => (await invoke(core, 'documents.render', { kind: 'quotation', id: 1, ...input })).fileName;
    expect(await name({ lang: 'ar' })).toBe('JH-Q2026-0042-ar.pdf');
    expect(await name({ lang: 'ar', bilingual: true })).toBe('JH-Q2026-0042-en-ar.pdf');
    expect(await name({ lang: 'ar', paper: 'letter' })).toBe('JH-Q2026-0042-ar-letter.pdf');
    expect(await name({ lang: 'en', bilingual: true })).toBe('JH-Q2026-0042-en.pdf');
    expect(await name({ kind: 'packing', lang: 'zh' })).toBe(`PL-${models.proforma.number}-zh.pdf`);
    // A stored PI is served under its variant's name too.
    await invoke(core, 'documents.render', { kind: 'proforma', id: 1, lang: 'es', bilingual: true, paper: 'letter' });
    const again = await invoke(core, 'documents.render', { kind: 'proforma', id: 1, lang: 'es', bilingual: true, paper: 'letter' });
    expect(again.stored).toBe(true);
    expect(again.fileName).toBe(`${models.proforma.number}-en-es-letter.pdf`);
  });

  it('stores an issued PI the first time and serves the same bytes afterwards', async () => {
    const first = await invoke(core, 'documents.render', { kind: 'proforma', id: 1 });
    expect(first.stored).toBe(false);
    const file = storedPdfPath(core.paths, models.proforma.number, { kind: 'proforma', lang: 'ru', bilingual: false, paper: 'a4' });
    expect(fs.existsSync(file)).toBe(true);
    const again = await invoke(core, 'documents.render', { kind: 'proforma', id: 1 });
    expect(again.stored).toBe(true);
    expect(again.base64).toBe(first.base64);
    expect(again.pages).toBe(first.pages);
    expect(squeeze(pdfText(Buffer.from(again.base64, 'base64')))).toContain(squeeze('СЧЁТ-ПРОФОРМА'));
  });

  it('names the field of a bad request and of a missing document', async () => {
    await expect(invoke(core, 'documents.render', { kind: 'invoice', id: 1 } as never)).rejects.toMatchObject({ error: { code: 'invalid_input', field: 'kind' } });
    await expect(invoke(core, 'documents.render', { kind: 'proforma', id: 1, lang: 'de' } as never)).rejects.toMatchObject({ error: { code: 'invalid_input', field: 'lang' } });
    await expect(invoke(core, 'documents.render', { kind: 'proforma', id: 9 })).rejects.toMatchObject({ error: { code: 'not_found', field: 'id' } });
  });

});

/** A whole (if tiny) PDF whose body says `text`: header, one object, xref table, startxref, %%EOF. */
function tinyPdf(text: string): Buffer {
  const head = `%PDF-1.3\n1 0 obj\n<< /Type /Catalog /Note (${text}) >>\nendobj\n`;
  const xref = `xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 2 /Root 1 0 R >>\n`;
  return Buffer.from(`${head}${xref}startxref\n${head.length}\n%%EOF\n`, 'latin1');
}

describe('stored PDFs', () => {
  it('keep the first bytes written: a second store of the same variant changes nothing', () => {
    const paths = { documents: path.join(files.dir, 'docs') };
    const v = { kind: 'proforma', lang: 'en', bilingual: false, paper: 'a4' } as const;
    expect(readStoredPdf(paths, 'JH-PI2026-0099', v)).toBeNull();
    const first = storePdf(paths, 'JH-PI2026-0099', v, tinyPdf('first'));
    const second = storePdf(paths, 'JH-PI2026-0099', v, tinyPdf('second'));
    expect(first.equals(tinyPdf('first'))).toBe(true);
    expect(second.equals(tinyPdf('first'))).toBe(true);
    expect(fs.readdirSync(path.dirname(storedPdfPath(paths, 'JH-PI2026-0099', v)))).toEqual(['proforma-en-a4.pdf']);
  });

  it('keep a number with slashes or dots inside the documents folder', () => {
    const paths = { documents: path.join(files.dir, 'docs') };
    const file = storedPdfPath(paths, '../../JH/PI 2026', { kind: 'packing', lang: 'zh', bilingual: true, paper: 'letter' });
    expect(path.dirname(path.dirname(file))).toBe(paths.documents);
    expect(path.basename(file)).toBe('packing-zh-bi-letter.pdf');
  });
});

describe('npm run cli -- pdf', () => {
  it('writes the PDF of a number, with the type and language asked', async () => {
    const out = path.join(files.dir, 'cli', 'pl.pdf');
    const code = await runCli(['pdf', models.proforma.number, '--data', core.paths.root, '--out', out, '--type', 'packing', '--lang', 'es']);
    expect(code).toBe(0);
    const text = pdfText(fs.readFileSync(out));
    expect(text).toContain('LISTA DE EMPAQUE');
  });

  it('refuses an unknown paper size and a missing --out with usage', async () => {
    expect(await runCli(['pdf', 'JH-PI2026-0017', '--data', core.paths.root, '--out', 'x.pdf', '--paper', 'a3'])).toBe(2);
    expect(await runCli(['pdf', 'JH-PI2026-0017', '--data', core.paths.root])).toBe(2);
  });

  it('fails with the reason for a number that does not exist', () => {
    // A separate process: the CLI as a person runs it (no source connected on this branch).
    let stderr = '';
    try {
      execFileSync(process.execPath, [appPath('node_modules', 'tsx', 'dist', 'cli.mjs'), appPath('main', 'cli', 'index.ts'), 'pdf', 'JH-Q2099-0001', '--data', core.paths.root, '--out', path.join(files.dir, 'n.pdf')], { stdio: 'pipe' });
    } catch (error) {
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(stderr).toMatch(/not available|no quotation/i);
  });
});
