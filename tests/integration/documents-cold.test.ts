import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDocument } from '../helpers/demoModel';
import { appPath } from '../../main/paths/appRoot';
import { pdfText } from '../helpers/pdfTools';
import { tempDir } from '../helpers/tempCore';

/**
 * A PI rendered in a fresh process (as the CLI's pdf command or a core
 * process just started): only the fonts its scripts need are opened, and
 * the layouts of earlier processes come from the disk cache — with a
 * document identical to one made without it.
 */
const work = tempDir('sk-cold-');
const modelFile = path.join(work.dir, 'model.json');
const arabicModelFile = path.join(work.dir, 'model-ar.json');
const cache = path.join(work.dir, 'layouts');
afterAll(() => work.remove());

beforeAll(async () => {
  const model = await demoDocument({ dir: work.dir, lines: 40, buyer: 'en' });
  fs.writeFileSync(modelFile, JSON.stringify(model));
  fs.writeFileSync(arabicModelFile, JSON.stringify(await demoDocument({ dir: work.dir, lines: 12, buyer: 'ar' })));
}, 60_000);

function renderFresh(out: string, cacheDir: string | null, options: { model?: string; lang?: string } = {}): { ms: number; hits: number; misses: number; fonts: string[] } {
  const args = [appPath('tests', 'helpers', 'renderPiWorker.ts'), options.model ?? modelFile, out, cacheDir ?? '-', ...(options.lang ? [options.lang] : [])];
  const stdout = execFileSync(process.execPath, ['--import', 'tsx', ...args], { cwd: appPath(), encoding: 'utf8' });
  return JSON.parse(stdout.trim().split('\n').pop() as string);
}

/** The PDF without its creation date and file ID, which differ every time. */
function comparable(file: string): Buffer {
  const text = fs.readFileSync(file).toString('latin1').replace(/\(D:\d{14}Z\)/g, '').replace(/\/ID \[<[0-9a-f]+> <[0-9a-f]+>\]/g, '');
  return Buffer.from(text, 'latin1');
}

/** Where two comparable PDFs first differ, with some bytes around it ('' when they are the same), for a failure's message. */
function firstDifference(a: Buffer, b: Buffer): string {
  if (a.equals(b)) return '';
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  const around = (x: Buffer) => JSON.stringify(x.subarray(Math.max(0, i - 120), i + 60).toString('latin1'));
  return `they differ at byte ${i} of ${a.length} / ${b.length}: ${around(a)} against ${around(b)}`;
}

describe('a PI in a fresh process', () => {
  it('opens only the fonts its scripts need: Latin and the Chinese of the seller\'s name, never the Arabic ones', () => {
    const run = renderFresh(path.join(work.dir, 'plain.pdf'), null);
    expect(run.fonts).toEqual(expect.arrayContaining(['latin', 'latin-bold']));
    expect(run.fonts.some((f) => f.startsWith('cjk'))).toBe(true);
    expect(run.fonts.some((f) => f.startsWith('arabic'))).toBe(false);
  }, 120_000);

  it('shapes nothing that an earlier process shaped (the layout cache on disk), and the document is the same as without the cache', () => {
    const first = renderFresh(path.join(work.dir, 'first.pdf'), cache);
    expect(first.misses).toBeGreaterThan(100);
    expect(fs.readdirSync(cache).some((f) => /^NotoSans_400Regular-\d+-\d+-fontkit[\d.]+-f1\.json$/.test(f))).toBe(true);
    const second = renderFresh(path.join(work.dir, 'second.pdf'), cache);
    expect(second).toMatchObject({ misses: 0 });
    expect(second.hits).toBe(first.misses);
    const plain = comparable(path.join(work.dir, 'plain.pdf'));
    expect(comparable(path.join(work.dir, 'first.pdf')).equals(plain)).toBe(true);
    expect(comparable(path.join(work.dir, 'second.pdf')).equals(plain)).toBe(true);
    expect(pdfText(fs.readFileSync(path.join(work.dir, 'second.pdf')))).toMatch(/PROFORMA INVOICE/);
  }, 180_000);

  it('finds every Arabic run an earlier process shaped, and prints the Arabic PI the same with or without the cache', () => {
    // fontkit writes every feature it applies into the features object it is given: a shared
    // { kern: false } grew with each Arabic run shaped, so later runs were shaped (and looked up) with
    // other features than the first, depending on what the process had shaped before.
    const arabicCache = path.join(work.dir, 'layouts-ar');
    const plain = renderFresh(path.join(work.dir, 'ar-plain.pdf'), null, { model: arabicModelFile, lang: 'ar' });
    expect(plain.fonts.some((f) => f.startsWith('arabic'))).toBe(true);
    const first = renderFresh(path.join(work.dir, 'ar-first.pdf'), arabicCache, { model: arabicModelFile, lang: 'ar' });
    const second = renderFresh(path.join(work.dir, 'ar-second.pdf'), arabicCache, { model: arabicModelFile, lang: 'ar' });
    expect(first.misses).toBeGreaterThan(50);
    expect(second).toMatchObject({ misses: 0, hits: first.misses });
    const reference = comparable(path.join(work.dir, 'ar-plain.pdf'));
    expect(firstDifference(comparable(path.join(work.dir, 'ar-first.pdf')), reference)).toBe('');
    expect(firstDifference(comparable(path.join(work.dir, 'ar-second.pdf')), reference)).toBe('');
  }, 180_000);

  // Failed once in about twenty full runs under CI load (2026-12-07: the PDFs differed, where was not
  // recorded); it passed every time alone and three at a time. One retry while the cause is found; the
  // failure now says where the documents differ.
  it('ignores a cache file it cannot read and shapes afresh', { retry: 1, timeout: 120_000 }, () => {
    for (const file of fs.readdirSync(cache)) fs.writeFileSync(path.join(cache, file), '{ not json');
    const run = renderFresh(path.join(work.dir, 'broken.pdf'), cache);
    expect(run.misses).toBeGreaterThan(100);
    expect(firstDifference(comparable(path.join(work.dir, 'broken.pdf')), comparable(path.join(work.dir, 'plain.pdf')))).toBe('');
  });
});
