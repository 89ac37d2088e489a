import fs from 'node:fs';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, SCRIPTS } from '../../main/documents/fonts';
import { readTablesDirectly } from '../../main/documents/fontTables';
import { appPath } from '../../main/paths/appRoot';

/** fontkit's font, as the documents open it (quick), and as fontkit alone reads it. */
function opened(file: string, quick: boolean): Record<string, unknown> & { post: Record<string, unknown>; getGlyph(id: number): { name: string } } {
  const font = create(fs.readFileSync(file)) as unknown as Record<string, unknown> & { post: Record<string, unknown>; getGlyph(id: number): { name: string } };
  if (quick) readTablesDirectly(font);
  return font;
}

/** The app's fonts (all with long glyph offsets), and one with short ones (bwip-js's OCR-B, a dependency). */
const SHORT_LOCA = appPath('node_modules', 'bwip-js', 'fonts', 'OCRB7.ttf');
const files = [...SCRIPTS.flatMap((s) => [FONT_FILES[s].regular, FONT_FILES[s].bold]), SHORT_LOCA];

describe('font tables read directly (post header, loca)', () => {
  it.each(files.map((f) => [f.split('/').pop() as string, f]))('%s: has the header fontkit decodes (italic angle, fixed pitch, underline)', (_name, file) => {
    const full = opened(file, false).post;
    const quick = opened(file, true).post;
    for (const key of ['version', 'italicAngle', 'underlinePosition', 'underlineThickness', 'isFixedPitch', 'minMemType42', 'maxMemType42', 'minMemType1', 'maxMemType1']) {
      expect(quick[key], key).toBe(full[key]);
    }
  });

  it.each(files.map((f) => [f.split('/').pop() as string, f]))('%s: still names every glyph as fontkit does, decoding the rest only when asked', (_name, file) => {
    const full = opened(file, false);
    const quick = opened(file, true);
    const count = (full.numGlyphs as number) ?? 0;
    for (let id = 0; id < count; id += Math.max(1, Math.floor(count / 500))) expect(quick.getGlyph(id).name, `glyph ${id}`).toBe(full.getGlyph(id).name);
  });

  it.each(files.map((f) => [f.split('/').pop() as string, f]))('%s: has the glyph offsets (loca) fontkit decodes, and draws the same outlines and boxes', (_name, file) => {
    const full = opened(file, false);
    const quick = opened(file, true);
    const loca = (font: typeof full) => font.loca as unknown as { version: number; offsets: number[] };
    expect(loca(quick).version).toBe(loca(full).version);
    if (file === SHORT_LOCA) expect(loca(quick).version).toBe(0);
    expect(loca(quick).offsets).toEqual([...loca(full).offsets]);
    const count = full.numGlyphs as number;
    type Outlined = { path: { toSVG(): string }; bbox: { toString(): string }; advanceWidth: number };
    for (let id = 0; id < count; id += Math.max(1, Math.floor(count / 300))) {
      const [a, b] = [full.getGlyph(id) as unknown as Outlined, quick.getGlyph(id) as unknown as Outlined];
      expect(b.path.toSVG(), `glyph ${id}`).toBe(a.path.toSVG());
      expect(b.advanceWidth).toBe(a.advanceWidth);
    }
  });

  it('decodes none of the glyph names for the PDF font descriptor (pdfkit reads italicAngle and isFixedPitch)', () => {
    const font = opened(FONT_FILES.latin.regular, true);
    const tables = font._tables as Record<string, Record<string, unknown>>;
    expect(font.italicAngle).toBe(0);
    expect(font.post.isFixedPitch).toBe(0);
    // The names are a getter until something asks: fontkit has not decoded them.
    expect(Object.getOwnPropertyDescriptor(tables.post, 'names')?.get).toBeTypeOf('function');
    expect(font.post.version).toBe(2);
  });
});
