import fc from 'fast-check';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import * as stock from '../../main/stock/service';
import { tempCore } from '../helpers/tempCore';

type Core = ReturnType<typeof tempCore>;

async function add(core: Core, itemNo: string, names: { zh?: string; en?: string; ar?: string; fr?: string }, extra: Record<string, unknown> = {}) {
  return invoke(core, 'products.create', { itemNo, names, ...extra });
}

const items = async (core: Core, query: string, more: Record<string, unknown> = {}) =>
  (await invoke(core, 'products.search', { query, ...more })).items.map((p) => p.itemNo);

describe('products.search', () => {
  let core: Core;
  beforeAll(async () => {
    core = tempCore();
    await add(core, '00123', { zh: '惯性回力小汽车', en: 'Pull-back car', ar: 'سيارة لعبة' }, { barcode: '6901234567892', category: 'Toys' });
    await add(core, '001234', { zh: '遥控越野车 1:18', en: 'RC off-road car' }, { category: 'Toys' });
    await add(core, '00124', { zh: '儿童玩具车 57号', en: 'Kids toy car', ar: 'السَّيَّارة الصغيرة' }, { category: 'Toys' });
    await add(core, 'A-7', { zh: '不锈钢汤锅', en: 'Stainless stock pot', fr: 'Marmite en acier inoxydable, élégante' }, { colors: 'red 红色', material: '塑料', category: 'Kitchen' });
    await add(core, 'B-12', { zh: '发夹', en: 'Hair clip with 00123 pattern', ar: 'مشبك شعر' }, { category: 'Accessories' });
    await add(core, 'C-1', { zh: '卡通钥匙扣', en: 'Cartoon keychain' }, { category: 'Accessories', notes: 'popular with buyers from Dubai' });
  });
  afterAll(() => core.remove());

  it('puts the exact item no first, then item numbers starting with it, then products that mention it', async () => {
    const result = await invoke(core, 'products.search', { query: '00123' });
    expect(result.items.map((p) => [p.itemNo, p.match])).toEqual([
      ['00123', 'exact'],
      ['001234', 'itemPrefix'],
      ['B-12', 'name'],
    ]);
    expect(result.total).toBe(3);
  });

  it('finds an item no by prefix whatever its case, and a barcode only when it is exact', async () => {
    const a = await invoke(core, 'products.search', { query: 'a-' });
    expect([a.items[0]?.itemNo, a.items[0]?.match]).toEqual(['A-7', 'itemPrefix']);
    expect(await items(core, '6901234567892')).toEqual(['00123']);
    expect(await items(core, '690123456789')).toEqual([]);
  });

  it('finds Chinese substrings of any length, one character included', async () => {
    expect(await items(core, '车')).toEqual(['00123', '001234', '00124']);
    expect(await items(core, '汽车')).toEqual(['00123']);
    expect(await items(core, '回力小汽')).toEqual(['00123']);
    expect(await items(core, '玩具')).toEqual(['00124']);
    expect(await items(core, '57号')).toEqual(['00124']);
    expect(await items(core, '锅')).toEqual(['A-7']);
    expect(await items(core, '车汽')).toEqual([]);
  });

  it('finds English words and word prefixes in any case, whole words before prefixes', async () => {
    expect(await items(core, 'CAR')).toEqual(['00123', '001234', '00124', 'C-1']);
    const car = await invoke(core, 'products.search', { query: 'car' });
    expect(car.items.map((p) => p.match)).toEqual(['name', 'name', 'name', 'namePrefix']);
    expect(await items(core, 'stain')).toEqual(['A-7']);
    // Both words in the names first; then both words anywhere (00123 is in category Toys).
    const toyCar = await invoke(core, 'products.search', { query: 'toy car' });
    expect(toyCar.items.map((p) => [p.itemNo, p.match])).toEqual([['00124', 'name'], ['00123', 'other'], ['001234', 'other']]);
    expect(await items(core, 'elegante')).toEqual(['A-7']);
  });

  it('finds Arabic words with or without the article, vowel marks, hamza or ta marbuta', async () => {
    expect(await items(core, 'سيارة')).toEqual(['00123', '00124']);
    expect(await items(core, 'السيارة')).toEqual(['00123', '00124']);
    expect(await items(core, 'سياره')).toEqual(['00123', '00124']);
    expect(await items(core, 'صغيرة')).toEqual(['00124']);
    expect(await items(core, 'مشبك')).toEqual(['B-12']);
  });

  it('finds words in other fields after the names, and reads full-width input', async () => {
    const red = await invoke(core, 'products.search', { query: '红' });
    expect(red.items.map((p) => [p.itemNo, p.match])).toEqual([['A-7', 'other']]);
    expect(await items(core, 'dubai')).toEqual(['C-1']);
    expect(await items(core, 'Ａ－７')).toEqual(['A-7']);
    expect(await items(core, '００１２４')).toEqual(['00124']);
  });

  it('treats search syntax as plain text', async () => {
    for (const query of ['"', 'AND', 'car OR', 'NEAR(car', '*', '-', 'car"', "'", '%', '_', '\\']) {
      await expect(invoke(core, 'products.search', { query }), query).resolves.toBeTruthy();
    }
    expect(await items(core, '%')).toEqual([]);
  });

  it('filters by category and by stock available', async () => {
    expect(await items(core, 'car', { category: 'Toys' })).toEqual(['00123', '001234', '00124']);
    const p = await invoke(core, 'products.get', { itemNo: '00124' });
    stock.receive(core, { productId: p.id, qty: 10 });
    expect(await items(core, 'car', { inStock: true })).toEqual(['00124']);
    expect(await items(core, '', { inStock: true })).toEqual(['00124']);
    stock.reserve(core, { productId: p.id, qty: 10, reference: 'PI-1' });
    expect(await items(core, 'car', { inStock: true })).toEqual([]);
    stock.releaseReference(core, 'PI-1');
  });

  it('hides archived products unless asked, and follows every change of a product', async () => {
    const p = await add(core, 'Z-9', { zh: '圣诞帽', en: 'Christmas hat' });
    expect(await items(core, '圣诞')).toEqual(['Z-9']);
    await invoke(core, 'products.archive', { id: p.id });
    expect(await items(core, '圣诞')).toEqual([]);
    expect(await items(core, 'Z-9')).toEqual([]);
    expect(await items(core, '圣诞', { status: 'archived' })).toEqual(['Z-9']);
    expect(await items(core, '圣诞', { status: 'all' })).toEqual(['Z-9']);
    await invoke(core, 'products.unarchive', { id: p.id });
    await invoke(core, 'products.update', { id: p.id, changes: { names: { zh: '万圣节帽子', en: 'Halloween hat' } } });
    expect(await items(core, '圣诞')).toEqual([]);
    expect(await items(core, '万圣')).toEqual(['Z-9']);
    expect(await items(core, 'christmas')).toEqual([]);
  });

  it('lists everything in item-no order when the box is empty', async () => {
    const all = await invoke(core, 'products.search', { limit: 3 });
    expect(all.items.map((p) => p.itemNo)).toEqual(['00123', '001234', '00124']);
    expect(all.total).toBeGreaterThanOrEqual(6);
  });

  it('gives each result its cover thumbnail', async () => {
    const p = await invoke(core, 'products.get', { itemNo: 'C-1' });
    const png = await sharp({ create: { width: 40, height: 40, channels: 3, background: '#3a7' } }).png().toBuffer();
    await invoke(core, 'products.addPhotos', { id: p.id, images: [{ dataBase64: png.toString('base64') }] });
    const [hit] = (await invoke(core, 'products.search', { query: '钥匙扣' })).items;
    expect(hit?.cover?.thumbUrl).toMatch(/^\/photos\/[0-9a-f]{64}\?thumb=1$/);
  });

  it('indexes products written before the search index existed', async () => {
    core.db.prepare("INSERT INTO products (item_no, name_zh, name_en) VALUES ('OLD-1', '旧款台灯', 'Desk lamp')").run();
    expect(await items(core, '台灯')).toEqual(['OLD-1']);
  });
});

describe('products.search on random catalogs', () => {
  const CJK = [...'儿童玩具车不锈钢汤锅发夹手表太阳镜背包笔记本数据线剪刀保温杯钥匙扣项链气球灯串'];
  const WORDS = ['kids', 'toy', 'car', 'steel', 'pot', 'clip', 'watch', 'bag', 'cable', 'lamp', 'ring', 'cup'];
  const catalog = fc.array(
    fc.record({
      zh: fc.array(fc.constantFrom(...CJK), { minLength: 1, maxLength: 8 }).map((a) => a.join('')),
      en: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }).map((a) => a.join(' ')),
    }),
    { minLength: 1, maxLength: 25 },
  );

  it('finds every product by any substring of its Chinese name, and pages add up to the total with no repeats', async () => {
    await fc.assert(
      fc.asyncProperty(catalog, fc.nat(), fc.nat(), fc.integer({ min: 1, max: 7 }), async (products, pick, cut, pageSize) => {
        const core = tempCore();
        try {
          for (const [i, names] of products.entries()) await add(core, `R${i}`, names);
          const target = products[pick % products.length] as { zh: string; en: string };
          const chars = [...target.zh];
          const start = cut % chars.length;
          const query = chars.slice(start, start + 1 + (cut % 3)).join('');
          const expected = products.map((p, i) => (p.zh.includes(query) ? `R${i}` : null)).filter(Boolean);
          const full = await invoke(core, 'products.search', { query, limit: 500 });
          expect(full.items.map((p) => p.itemNo).sort()).toEqual([...expected].sort());
          expect(full.total).toBe(expected.length);
          const paged: string[] = [];
          for (let offset = 0; offset < full.total + pageSize; offset += pageSize) {
            const page = await invoke(core, 'products.search', { query, limit: pageSize, offset });
            expect(page.total).toBe(full.total);
            paged.push(...page.items.map((p) => p.itemNo));
          }
          expect(paged).toEqual(full.items.map((p) => p.itemNo));
        } finally {
          core.remove();
        }
      }),
      { numRuns: 25 },
    );
  });
});
