import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiFailure, invoke } from '../../main/api/invoke';
import { tempCore } from '../helpers/tempCore';

const car = {
  itemNo: ' 00123 ',
  names: { zh: '惯性回力小汽车', en: 'Pull-back car', ar: 'سيارة لعبة' },
  unit: 'pcs',
  moq: 288,
  costCny: '1.80',
  priceTiers: [
    { minQty: 1440, priceCny: '2.23' },
    { minQty: 288, priceCny: 2.35 },
  ],
  packing: { pcsPerInner: 24, pcsPerCarton: 288, cartonCm: { l: 62, w: 40, h: 45.5 }, gwKg: 14.5, nwKg: '12.8' },
  barcode: '6901234567892',
};

describe('products: the record', () => {
  let core: ReturnType<typeof tempCore>;
  beforeEach(() => {
    core = tempCore();
  });
  afterEach(() => core.remove());

  it('keeps leading zeros of the item no, trims it, and derives the CBM of a carton', async () => {
    const p = await invoke(core, 'products.create', car);
    expect(p.itemNo).toBe('00123');
    expect(p.packing).toMatchObject({ cartonCm: { l: '62', w: '40', h: '45.5' }, cbmPerCarton: '0.1128', gwKg: '14.5', nwKg: '12.8' });
    expect(p.priceTiers).toEqual([
      { minQty: 288, priceCny: '2.35' },
      { minQty: 1440, priceCny: '2.23' },
    ]);
    expect(p.costCny).toBe('1.80');
  });

  it('never gives the cost price to staff', async () => {
    const p = await invoke(core, 'products.create', car);
    const seen = await invoke(core, 'products.get', { id: p.id }, { session: { role: 'staff' } });
    expect(seen).not.toHaveProperty('costCny');
  });

  it('refuses a second product with the same item no, whatever its case', async () => {
    await invoke(core, 'products.create', { ...car, itemNo: 'YW-1' });
    const error = (await invoke(core, 'products.create', { ...car, itemNo: 'yw-1' }).catch((e: unknown) => e)) as ApiFailure;
    expect(error.error).toMatchObject({ code: 'conflict', field: 'itemNo' });
  });

  it('names the field for a wrong barcode check digit, too many decimals, or net weight over gross', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ barcode: '6901234567891' }, 'barcode'],
      [{ priceTiers: [{ minQty: 1, priceCny: '0.12345' }] }, 'priceTiers.0.priceCny'],
      [{ packing: { gwKg: 10, nwKg: 11 } }, 'packing.nwKg'],
      [{ names: {} }, 'names'],
      [{ itemNo: '   ' }, 'itemNo'],
    ];
    for (const [change, field] of cases) {
      const error = (await invoke(core, 'products.create', { ...car, ...change } as never).catch((e: unknown) => e)) as ApiFailure;
      expect(error.error, field).toMatchObject({ code: 'invalid_input', field });
    }
    expect((await invoke(core, 'products.list', {})).total).toBe(0);
  });

  it('updates only the fields given', async () => {
    const p = await invoke(core, 'products.create', car);
    const updated = await invoke(core, 'products.update', { id: p.id, changes: { moq: 576, names: { en: 'Friction car' } } });
    expect(updated.moq).toBe(576);
    expect(updated.names).toMatchObject({ zh: '惯性回力小汽车', en: 'Friction car', ar: 'سيارة لعبة' });
    expect(updated.priceTiers).toHaveLength(2);
  });
});
