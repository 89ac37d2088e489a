import { afterAll, describe, expect, it } from 'vitest';
import { demoDocument } from '../../main/documents/demoModel';
import { formatter } from '../../main/documents/format';
import { DOC_LANGS, type DocLang, type DocumentModel } from '../../main/documents/model';
import { renderDocument, unitName } from '../../main/documents/render';
import { pdfWords } from '../helpers/pdfTools';
import { tempDir } from '../helpers/tempCore';

/** Columns sized from their content (issue 12 §3): item nos and quantities never wrap, in any language. */
const work = tempDir('sk-docs-cols-');
afterAll(() => work.remove());

const ITEM_NOS = ['HW-2301/A', 'ZX-880125/BLK', '0012345678', 'KT-77/RED-XL'];

async function longCodes(lang: DocLang): Promise<DocumentModel> {
  const model = await demoDocument({ dir: work.dir, lines: 4, buyer: lang });
  model.lines.forEach((line, i) => {
    line.itemNo = ITEM_NOS[i] as string;
  });
  const big = model.lines[1];
  if (big) big.qty = 18_000;
  return model;
}

describe('item numbers and quantities never wrap', () => {
  it.each(DOC_LANGS)('%s: every item no on one line, every quantity with its unit', async (lang) => {
    const model = await longCodes(lang);
    const words = pdfWords((await renderDocument(model, { lang })).pdf);
    // A wrapped item no would be two words on two lines ("HW-2301" / "/A").
    for (const itemNo of ITEM_NOS) expect(words.map((w) => w.text), itemNo).toContain(itemNo);
    const f = formatter(lang);
    // Letters and digits of a piece of text, in any order (pdftotext gives right-to-left words in drawing order).
    const key = (text: string) => [...text.replace(/[^\p{L}\p{N}]/gu, '')].sort().join('');
    for (const line of model.lines) {
      const unit = unitName(line.unit, lang);
      const want = key(`${f.int(line.qty)}${unit}`);
      // The quantity and its unit on one baseline, side by side: as one word, or as neighbouring words.
      const together = words.some((first) => {
        // Up to three neighbouring words on first's baseline ("18", "000", "шт.").
        let text = first.text;
        let last = first;
        for (let n = 0; n < 3; n += 1) {
          if (key(text) === want) return true;
          const next = words.find((w) => w.page === last.page && Math.abs(w.yMax - last.yMax) < 0.5 && w.xMin >= last.xMax - 0.5 && w.xMin - last.xMax < 8);
          if (!next) return false;
          text += next.text;
          last = next;
        }
        return key(text) === want;
      });
      expect(together, `${f.int(line.qty)} ${unit}`).toBe(true);
    }
  });

  it.each(['en', 'zh', 'ar'] as const)('a 4-line PI fits on one page in %s', async (lang) => {
    const model = await demoDocument({ dir: work.dir, lines: 4, buyer: lang, taxNo: 'TRN 100234567800003', incoterm: 'CIF', incotermPlace: 'Jebel Ali' });
    expect((await renderDocument(model, { lang })).pages).toBe(1);
  });
});

describe('figures line up', () => {
  it.each(['en', 'ar'] as const)('%s: the amounts of a column share their right edge, so the digits line up', async (lang) => {
    const model = await demoDocument({ dir: work.dir, lines: 6, buyer: lang });
    const words = pdfWords((await renderDocument(model, { lang })).pdf);
    const f = formatter(lang);
    for (const pick of [(l: DocumentModel['lines'][number]) => f.money(l.amount), (l: DocumentModel['lines'][number]) => f.fixed(l.grossWeightKg, 2)]) {
      const edges = model.lines.map((l) => words.find((w) => w.text === pick(l))?.xMax ?? Number.NaN);
      expect(edges.every((x) => Number.isFinite(x)), edges.join()).toBe(true);
      expect(Math.max(...edges) - Math.min(...edges), edges.join()).toBeLessThan(0.6);
    }
  });
});
