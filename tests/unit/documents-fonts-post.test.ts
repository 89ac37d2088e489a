import fs from 'node:fs';
import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { FONT_FILES, postHeaderFirst, SCRIPTS } from '../../main/documents/fonts';

/** fontkit's font, as the documents open it, and without postHeaderFirst. */
function opened(file: string, quick: boolean): Record<string, unknown> & { post: Record<string, unknown>; getGlyph(id: number): { name: string } } {
  const font = create(fs.readFileSync(file)) as unknown as Record<string, unknown> & { post: Record<string, unknown>; getGlyph(id: number): { name: string } };
  if (quick) postHeaderFirst(font);
  return font;
}

const files = SCRIPTS.flatMap((s) => [FONT_FILES[s].regular, FONT_FILES[s].bold]);

describe('the post table read header first', () => {
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
