import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiFailure, invoke } from '../../main/api/invoke';
import { tempCore } from '../helpers/tempCore';

const png = async (color: string, width = 80) =>
  (await sharp({ create: { width, height: 60, channels: 3, background: color } }).png().toBuffer()).toString('base64');

describe('products: editing, archiving, duplicating, photos', () => {
  let core: ReturnType<typeof tempCore>;
  beforeEach(() => {
    core = tempCore();
  });
  afterEach(() => core.remove());

  const base = {
    itemNo: '02105',
    names: { zh: '卡通保温杯 红色', en: 'Cartoon vacuum flask, red', ar: 'ترمس كرتوني أحمر' },
    category: 'Kitchen',
    colors: 'red',
    unit: 'pcs',
    moq: 96,
    costCny: '9.20',
    priceTiers: [{ minQty: 96, priceCny: '12.50' }, { minQty: 960, priceCny: '11.80' }],
    packing: { pcsPerInner: 12, pcsPerCarton: 48, cartonCm: { l: 52, w: 40, h: 36 }, gwKg: 11.2, nwKg: 10.1 },
    barcode: '6901234567892',
    supplier: 'Yongkang Cups Co.',
    hsCode: '9617.00',
    notes: 'BPA free',
    lowStockAt: 96,
  };

  it('changes every field of a product and keeps what it was given', async () => {
    const p = await invoke(core, 'products.create', base);
    const changes = {
      itemNo: '02105A',
      names: { zh: '卡通保温杯', en: 'Cartoon vacuum flask', ar: 'ترمس كرتوني', es: 'Termo de dibujos', ru: 'Термос', fr: 'Thermos', pt: 'Garrafa térmica' },
      category: 'Drinkware', material: '304 stainless steel', colors: 'red, blue', sizes: '350 ml, 500 ml', unit: 'set', moq: 48,
      costCny: '8.9', priceTiers: [{ minQty: 48, priceCny: '13' }], packing: { pcsPerInner: 6, pcsPerCarton: 36, cartonCm: null, gwKg: null, nwKg: null },
      barcode: '', supplier: 'Factory 2', hsCode: '', notes: 'new mould', lowStockAt: null,
    };
    const u = await invoke(core, 'products.update', { id: p.id, changes });
    expect(u).toMatchObject({
      itemNo: '02105A', names: changes.names, category: 'Drinkware', material: '304 stainless steel', colors: 'red, blue', sizes: '350 ml, 500 ml',
      unit: 'set', moq: 48, costCny: '8.90', priceTiers: [{ minQty: 48, priceCny: '13.00' }],
      packing: { pcsPerInner: 6, pcsPerCarton: 36, cartonCm: null, cbmPerCarton: null, gwKg: null, nwKg: null },
      barcode: '', supplier: 'Factory 2', hsCode: '', notes: 'new mould', lowStockAt: null,
    });
  });

  it('archives and brings back a product; it stays readable by id meanwhile', async () => {
    const p = await invoke(core, 'products.create', base);
    expect((await invoke(core, 'products.archive', { id: p.id })).archived).toBe(true);
    expect((await invoke(core, 'products.list', {})).total).toBe(0);
    expect((await invoke(core, 'products.get', { id: p.id })).archived).toBe(true);
    expect((await invoke(core, 'products.unarchive', { id: p.id })).archived).toBe(false);
    expect((await invoke(core, 'products.list', {})).total).toBe(1);
  });

  it('duplicates a product as the same item in a new colour: fields, tiers and photos copied, no barcode, no stock', async () => {
    const p = await invoke(core, 'products.create', base);
    await invoke(core, 'products.addPhotos', { id: p.id, images: [{ dataBase64: await png('#c00') }, { dataBase64: await png('#800') }] });
    await invoke(core, 'stock.receive', { productId: p.id, qty: 480 });
    const blue = await invoke(core, 'products.duplicate', {
      id: p.id,
      itemNo: '02106',
      changes: { colors: 'blue', names: { zh: '卡通保温杯 蓝色', en: 'Cartoon vacuum flask, blue' } },
    });
    expect(blue).toMatchObject({
      itemNo: '02106', colors: 'blue', names: { zh: '卡通保温杯 蓝色', en: 'Cartoon vacuum flask, blue', ar: 'ترمس كرتوني أحمر' },
      category: 'Kitchen', moq: 96, costCny: '9.20', priceTiers: base.priceTiers.map((t) => ({ ...t })), barcode: '', supplier: 'Yongkang Cups Co.',
      stock: { onHand: 0, reserved: 0, available: 0 }, archived: false,
    });
    expect(blue.photos.map((ph) => ph.hash)).toEqual((await invoke(core, 'products.get', { id: p.id })).photos.map((ph) => ph.hash));
    expect(blue.packing).toEqual((await invoke(core, 'products.get', { id: p.id })).packing);
    const noPhotos = await invoke(core, 'products.duplicate', { id: p.id, itemNo: '02107', copyPhotos: false });
    expect(noPhotos.photos).toEqual([]);
    const clash = (await invoke(core, 'products.duplicate', { id: p.id, itemNo: '02106' }).catch((e: unknown) => e)) as ApiFailure;
    expect(clash.error).toMatchObject({ code: 'conflict', field: 'itemNo' });
  });

  it('does not let staff copy a cost price they set themselves (403 naming the field)', async () => {
    const p = await invoke(core, 'products.create', base);
    await expect(invoke(core, 'products.duplicate', { id: p.id, itemNo: 'S-1', changes: { costCny: '1.00' } }, { session: { role: 'staff' } })).rejects.toMatchObject({
      error: { code: 'forbidden', field: 'changes.costCny' },
    });
    const copy = await invoke(core, 'products.duplicate', { id: p.id, itemNo: 'S-1' }, { session: { role: 'staff' } });
    expect(copy).not.toHaveProperty('costCny');
    expect((await invoke(core, 'products.get', { id: copy.id })).costCny).toBe('9.20');
  });

  it('keeps several photos in order, the first as cover; reorders and removes them', async () => {
    const p = await invoke(core, 'products.create', base);
    const withPhotos = await invoke(core, 'products.addPhotos', {
      id: p.id,
      images: [{ dataBase64: await png('#f00') }, { dataBase64: await png('#0f0') }, { dataBase64: await png('#00f', 3000) }],
    });
    const [a, b, c] = withPhotos.photos.map((ph) => ph.hash) as [string, string, string];
    expect(withPhotos.cover?.hash).toBe(a);
    const reordered = await invoke(core, 'products.setPhotos', { id: p.id, photos: [c, a] });
    expect(reordered.photos.map((ph) => ph.hash)).toEqual([c, a]);
    expect(reordered.cover?.hash).toBe(c);
    expect(b).toBeTruthy();
    const bad = (await invoke(core, 'products.addPhotos', { id: p.id, images: [{ dataBase64: Buffer.from('not an image').toString('base64') }] }).catch((e: unknown) => e)) as ApiFailure;
    expect(bad.error).toMatchObject({ code: 'invalid_input', field: 'images.0.dataBase64' });
    expect((await invoke(core, 'products.get', { id: p.id })).photos).toHaveLength(2);
  });
});
