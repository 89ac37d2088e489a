import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastFields } from '../../main/imports/fastCheck';
import { productFieldsSchema } from '../../main/products/schema';

const partial = productFieldsSchema.partial();

/** Values around every limit of the product schema, valid and not. */
const text = fc.oneof({ arbitrary: fc.string({ minLength: 1, maxLength: 6 }), weight: 8 }, fc.constantFrom('', '  x  ', 'ＡＢ１２', 'a'.repeat(20), 'a'.repeat(21), 'a'.repeat(80), 'a'.repeat(81), ` ${'b'.repeat(300)} `, 'c'.repeat(301)));
const int = fc.oneof({ arbitrary: fc.integer({ min: 1, max: 5000 }), weight: 8 }, fc.integer({ min: -5, max: 5 }), fc.constantFrom(0, 1, 999_999, 1_000_000, 1_000_001, 100_000_000, 100_000_001, 1.5, Number.NaN));
const decimal = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 99_999 }).map((n) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`), weight: 6 },
  fc.constantFrom('0', '0.1', '0.05', '2.35', '2.3500', '0.0525', '0.00001', '1000', '1000.1', '10000', '10000.001', '10000000', '10000000.0001', '-1', '1e3', '', ' 2.5 ', '1,440', 'abc', '00012.50'),
  fc.double({ min: -1, max: 20_000, noNaN: true }),
);
const gtin = fc.constantFrom('', '', '', '6901234567892', '6901234567892', '6901234567891', '0012345678905', '12345670', '１２３４５６７０', ' 6901234567892 ', '69012345678');
const hs = fc.constantFrom('', '', '', '9503', '9503.00', '950300', '9503.00.10', '95', 'abc', ' 9503 ');

const changes = fc.record(
  {
    itemNo: text,
    names: fc.record({ zh: text, en: text, ar: text, es: text }, { requiredKeys: [] }),
    category: text,
    material: text,
    colors: text,
    sizes: text,
    unit: text,
    moq: int,
    costCny: fc.oneof(decimal, fc.constant(null)),
    priceTiers: fc.oneof({ arbitrary: fc.array(fc.record({ minQty: int, priceCny: decimal }), { maxLength: 3 }), weight: 6 }, fc.array(fc.record({ minQty: int, priceCny: decimal }), { maxLength: 13 })),
    packing: fc.record(
      {
        pcsPerInner: fc.oneof(int, fc.constant(null)),
        pcsPerCarton: fc.oneof(int, fc.constant(null)),
        cartonCm: fc.oneof(fc.constant(null), fc.record({ l: decimal, w: decimal, h: decimal })),
        gwKg: fc.oneof(decimal, fc.constant(null)),
        nwKg: fc.oneof(decimal, fc.constant(null)),
      },
      { requiredKeys: [] },
    ),
    barcode: gtin,
    supplier: text,
    hsCode: hs,
    notes: text,
    lowStockAt: fc.oneof(int, fc.constant(null)),
    archived: fc.boolean(),
  },
  { requiredKeys: [] },
);

describe('import fast check', () => {
  it('accepts only what the product schema accepts, with the same output', () => {
    let accepted = 0;
    fc.assert(
      fc.property(changes, (input) => {
        const fast = fastFields(input as never);
        if (fast === null) return;
        accepted += 1;
        const zod = partial.safeParse(input);
        expect(zod.success, JSON.stringify(input)).toBe(true);
        if (zod.success) expect(fast).toEqual(zod.data);
      }),
      { numRuns: 3000 },
    );
    expect(accepted).toBeGreaterThan(100);
  });

  it('accepts a typical row', () => {
    const row = { itemNo: '00123', names: { zh: '回力车', en: 'Pull-back car' }, moq: 288, priceTiers: [{ minQty: 288, priceCny: '2.35' }], packing: { pcsPerCarton: 288, cartonCm: { l: '62', w: '40', h: '45.5' }, gwKg: '14.5' }, barcode: '6901234567892' };
    expect(fastFields(row)).toEqual(partial.parse(row));
  });
});
