import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnForHeader, columnsMarkdown, COLUMNS } from '../../main/imports/columns';
import { detectDelimiter } from '../../main/csv/delimiter';
import { asciiLower, indexText, itemToken, normalizeArabic, textQuery } from '../../main/products/searchText';
import { appPath } from '../../main/paths/appRoot';

describe('import columns', () => {
  it('lists every column and header in docs/import-export.md (npx tsx scripts/import-columns-doc.ts)', () => {
    expect(fs.readFileSync(appPath('docs', 'import-export.md'), 'utf8')).toContain(columnsMarkdown());
  });

  it('recognizes headers in English or Chinese, whatever their case, brackets and punctuation', () => {
    const cases: Array<[string, string]> = [
      ['Item No.', 'item_no'], ['ITEM_NO', 'item_no'], ['货号', 'item_no'], ['款号', 'item_no'], [' 中文品名 ', 'name_zh'],
      ['英文品名', 'name_en'], ['单价(元)', 'price_cny'], ['单价（RMB）', 'price_cny'], ['起订量', 'moq'], ['装箱数', 'pcs_per_carton'],
      ['外箱长(cm)', 'carton_l_cm'], ['G.W. (kg)', 'gw_kg'], ['N.W.', 'nw_kg'], ['库存', 'stock_qty'], ['外箱规格', 'carton_cm'], ['条形码', 'barcode'],
    ];
    for (const [header, column] of cases) expect(columnForHeader(header)?.name, header).toBe(column);
    expect(columnForHeader('Bezeichnung')).toBeNull();
    for (const c of COLUMNS) expect(columnForHeader(c.name)?.name).toBe(c.name);
  });

  it('finds the separator of a CSV outside quotes', () => {
    expect(detectDelimiter('a,b,c\r\n1,2,3')).toBe(',');
    expect(detectDelimiter('"a,b";c;d\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
  });
});

describe('search text', () => {
  it('makes every Chinese character a token and folds full-width and Arabic forms', () => {
    expect(indexText('儿童玩具车57号').split(/\s+/).filter(Boolean)).toEqual(['儿', '童', '玩', '具', '车', '57', '号']);
    expect(indexText('ＡＢ１２')).toBe('AB12');
    expect(normalizeArabic('السَّيَّارَة أحمر')).toBe('السياره احمر');
  });

  it('keeps an item-no prefix a token prefix, as SQLite LIKE sees it (ASCII case only)', () => {
    const chars = fc.constantFrom('0', '1', '2', 'A', 'a', 'B', 'b', '-', '/', '号', 'é', '😀');
    const item = fc.array(chars, { maxLength: 8 }).map((c) => c.join(''));
    fc.assert(
      fc.property(item, item, (a, b) => {
        expect(itemToken(a).startsWith(itemToken(b))).toBe(asciiLower(a).startsWith(asciiLower(b)));
      }),
      { numRuns: 500 },
    );
    expect(itemToken('YW-12')).toBe(itemToken('yw-12'));
  });

  it('turns any typed text into a query FTS5 accepts, words as phrases, the last token a prefix', () => {
    expect(textQuery('toy car')).toEqual({ whole: '"toy" AND "car"', prefix: '"toy"* AND "car"*' });
    expect(textQuery('汽车')).toEqual({ whole: '"汽 车"', prefix: '"汽 车"' });
    expect(textQuery('say "hi"')?.whole).toBe('"say" AND "hi"');
    expect(textQuery('— * ( )')).toBeNull();
    expect(textQuery('ساعة')?.whole).toBe('("ساعه" OR "الساعه")');
  });
});
