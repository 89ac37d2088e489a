import { describe, expect, it } from 'vitest';
import PDFDocument from 'pdfkit';
import { registerFonts } from '../../main/documents/fonts';
import { autoIsolate, breakAtoms, isolateRuns, ltrIsolate, noBreak, TextEngine, type Line } from '../../main/documents/text';

function engine(): TextEngine {
  const doc = new PDFDocument({ size: 'A4', margin: 0 });
  registerFonts(doc);
  return new TextEngine(doc as never);
}

/** The letters of a line in drawing order, left to right, as the glyphs stand for them. */
function visual(line: Line): string {
  return line.runs.map((r) => r.glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join('')).join('|');
}

describe('the text layer', () => {
  it('breaks Chinese between characters but never before closing punctuation', () => {
    const text = '惯性回力小汽车，红色。';
    const pieces = breakAtoms(text).map(([s, e]) => text.slice(s, e));
    expect(pieces).toEqual(['惯', '性', '回', '力', '小', '汽', '车，', '红', '色。']);
  });

  it('breaks Latin and Arabic after spaces, keeping the space with the word before', () => {
    const text = 'Plush teddy bear دبدوب قطيفة';
    expect(breakAtoms(text).map(([s, e]) => text.slice(s, e))).toEqual(['Plush ', 'teddy ', 'bear ', 'دبدوب ', 'قطيفة']);
  });

  it('wraps a long Chinese name inside the width, on several lines', () => {
    const e = engine();
    const lines = e.layout('儿童积木玩具套装一百二十粒装益智拼装玩具', { size: 8 }, 40, 'ltr');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(40.01);
  });

  it('cuts a word wider than the line between characters', () => {
    const e = engine();
    const lines = e.layout('X'.repeat(120), { size: 8 }, 50, 'ltr');
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(50.01);
  });

  it('lays an Arabic line out right to left, with a number inside still left to right', () => {
    const e = engine();
    const [line] = e.layout('سيارة 1:18', { size: 10 }, 500, 'auto');
    expect(line?.rtl).toBe(true);
    // Drawn left to right: the number first (still "1:18"), then the Arabic word with its letters reversed.
    const runs = visual(line as Line).split('|');
    expect(runs[0]?.replace(/\s/g, '')).toBe('1:18');
    expect([...(runs.at(-1) ?? '')].reverse().join('').trim()).toBe('سيارة');
  });

  it('puts mirrored brackets around Arabic words and maps them back to the letters typed', () => {
    const e = engine();
    const [line] = e.layout('لون (أحمر)', { size: 10 }, 500, 'rtl');
    // The logical "(" sits on the left of the word in the picture, yet still stands for "(".
    expect(visual(line as Line)).toContain(')');
  });

  it('keeps a phone number in order inside Arabic text with an isolate, and draws no control character', () => {
    const e = engine();
    const [line] = e.layout(`هاتف: ${ltrIsolate('+86 138 5792 6688')}`, { size: 10 }, 500, 'rtl');
    const drawn = visual(line as Line);
    expect(drawn).toContain('+86 138 5792 6688');
    expect(drawn).not.toMatch(/[\u2066-\u2069]/);
  });

  it('chooses a font per script and falls back when a font lacks the character', () => {
    const e = engine();
    const keys = e.assignFonts('Ab 中文 عربي ₽ ฿', false);
    expect(keys[0]).toBe('latin');
    expect(keys[3]).toBe('cjk');
    expect(keys[6]).toBe('arabic');
    // The baht sign exists only in the Arabic font of the three.
    expect(keys[keys.length - 1]).toBe('arabic');
  });
});

describe('the text layer maps every glyph back to its letters', () => {
  it('a glyph fontkit first made without the right letters still stands for the letters laid out (bold medial heh of ظهر)', async () => {
    const { loadedFont } = await import('../../main/documents/fonts');
    const font = loadedFont('arabic-bold') as { glyphForCodePoint(cp: number): { id: number; codePoints: number[] }; getGlyph(id: number): { codePoints: number[] } };
    // As a PDF subset or a lookup by presentation form makes them: the medial heh and yeh, the final reh.
    const heh = font.glyphForCodePoint(0xfeec);
    font.getGlyph(font.glyphForCodePoint(0xfef4).id);
    font.getGlyph(font.glyphForCodePoint(0xfeae).id);
    expect(heh.codePoints).toEqual([0xfeec]);
    const e = engine();
    for (const word of ['حقيبة ظهر مدرسية', 'شريط كهربائي', 'ميدالية مفاتيح', 'علبة هدية', 'يرجى', 'هذا', 'كابل شحن سريع']) {
      const [line] = e.layout(word, { size: 10, bold: true }, 500, 'rtl');
      // Glyphs in logical order (a right-to-left line is drawn reversed), each with its letters (a ligature has two).
      const glyphs = (line as Line).runs.flatMap((r) => r.glyphs).reverse();
      expect(glyphs.every((g) => g.codePoints.length > 0 && g.codePoints.every((cp) => cp < 0xfb50)), word).toBe(true);
      expect(glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join(''), word).toBe(word);
    }
  });
});

describe('runs that read left to right inside Arabic', () => {
  /** Runs in drawing order (left to right), each with its direction and its letters as drawn. */
  const runs = (text: string, base: 'rtl' | 'ltr' = 'rtl') => {
    const [line] = engine().layout(text, { size: 10 }, 800, base);
    return (line as Line).runs.map((r) => ({ rtl: r.rtl, text: r.glyphs.map((g) => String.fromCodePoint(...g.codePoints)).join('') }));
  };

  it('keeps the sign in front of a number: "+1.0" and "+4.0", not "1.0+"', () => {
    const ltr = runs('نظارة قراءة من +1.0 إلى +4.0').filter((r) => !r.rtl).map((r) => r.text);
    expect(ltr).toEqual(['+4.0', '+1.0']);
    expect(isolateRuns('خصم -5% على 1,200 قطعة، هاتف +86 138 5792 6688')).toBe('خصم \u2066-5%\u2069 على \u20661,200\u2069 قطعة، هاتف \u2066+86 138 5792 6688\u2069');
    // Inside a word or an isolate already there, nothing changes.
    expect(isolateRuns('مقاس A5 HW-2301 \u2066+1\u2069')).toBe('مقاس A5 HW-2301 \u2066+1\u2069');
    expect(isolateRuns('Size +4.0 only')).toBe('Size +4.0 only');
  });

  it('keeps "(E.&O.E.)" and "(USD)" with their brackets and dots where they were typed', () => {
    expect(runs('الأخطاء والسهو مستثناة (E.&O.E.)').filter((r) => !r.rtl).map((r) => r.text).join('')).toBe('(E.&O.E.)');
    expect(runs('سعر الوحدة (USD)').filter((r) => !r.rtl).map((r) => r.text).join('')).toBe('(USD)');
  });

  it('an Arabic address inside an English line keeps its own order, and the line still reads left to right', () => {
    const line = [autoIsolate('شارع الملك فهد، حي العليا'), autoIsolate('الرياض'), autoIsolate('Saudi Arabia')].join(', ');
    const drawn = runs(line, 'ltr');
    expect(drawn.map((r) => r.rtl)).toEqual([true, false, true, false, false]);
    expect([...(drawn[0]?.text ?? '')].reverse().join('')).toBe('شارع الملك فهد، حي العليا');
    expect(drawn[4]?.text).toBe('Saudi Arabia');
  });

  it('measures text with bidi controls as wide as the text drawn', () => {
    const e = engine();
    expect(e.measure(`حقيبة ${ltrIsolate('123')}`, { size: 10 })).toBeCloseTo(e.measure('حقيبة 123', { size: 10 }), 3);
  });

  it('never breaks a label such as "وي تشات" across lines', () => {
    const e = engine();
    const label = noBreak('وي تشات');
    expect(breakAtoms(`${label}: jiahe_yiwu`).map(([s, end]) => `${label}: jiahe_yiwu`.slice(s, end))).toEqual([`${label}: `, 'jiahe_yiwu']);
    // A line that holds "هاتف وي" or the label alone: the label moves to the next line whole.
    const narrow = e.measure(`${label}: `, { size: 10 }) + 1;
    expect(e.measure('هاتف وي', { size: 10 })).toBeLessThan(narrow);
    const lines = e.layout(`هاتف ${label}: jiahe_yiwu`, { size: 10 }, narrow, 'rtl');
    const drawn = lines.map((l) => l.runs.flatMap((r) => r.glyphs.map((g) => String.fromCodePoint(...g.codePoints))).join(''));
    expect(drawn.some((l) => l.includes('يو') && !l.includes('تاشت'))).toBe(false);
  });
});
