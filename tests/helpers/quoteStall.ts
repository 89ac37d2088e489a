import type { Core } from '../../main/core';
import { invoke } from '../../main/api/invoke';
import { withCheckDigit } from '../../main/products/barcode';
import { receive } from '../../main/stock/service';

/** A small stall to quote from: five products (pcs, pairs, dozens, sets), two buyers, rates. */
export async function seedQuoteStall(core: Core) {
  await invoke(core, 'settings.update', {
    seller: { companyNameEn: 'Yiwu Jiahe Import & Export Co., Ltd.', companyNameZh: '义乌市佳和进出口有限公司', stallNumber: 'District 2, Stall 21345', whatsapp: '+86 138 5792 6688' },
    defaults: { quotePrefix: 'JH-Q', invoicePrefix: 'JH-PI', validityDays: 30, depositPercent: 30, paymentTerms: '30% T/T deposit, balance before shipment' },
  });
  const car = await invoke(core, 'products.create', {
    itemNo: '00123', names: { zh: '惯性回力小汽车', en: 'Friction pull-back toy car', ar: 'سيارة لعبة' }, unit: 'pcs', moq: 288, colors: 'red, blue',
    priceTiers: [{ minQty: 288, priceCny: '2.35' }, { minQty: 1440, priceCny: '2.23' }],
    packing: { pcsPerInner: 24, pcsPerCarton: 288, cartonCm: { l: '62', w: '40', h: '45' }, gwKg: '14.5', nwKg: '12.8' },
    barcode: withCheckDigit('690123456789'),
  });
  const ball = await invoke(core, 'products.create', {
    itemNo: '01107', names: { zh: '弹力球 45毫米', en: 'Bouncy ball 45 mm' }, unit: 'pcs', moq: 1000,
    priceTiers: [{ minQty: 1000, priceCny: '0.374' }],
    packing: { pcsPerCarton: 1000, cartonCm: { l: '45', w: '35', h: '30' }, gwKg: '18', nwKg: '16.5' },
    barcode: withCheckDigit('690123450001'),
  });
  const earrings = await invoke(core, 'products.create', {
    itemNo: '02113', names: { zh: '水晶耳钉', en: 'Crystal stud earrings' }, unit: 'pair', moq: 200,
    priceTiers: [{ minQty: 200, priceCny: '1.25' }, { minQty: 2000, priceCny: '1.15' }],
    packing: { pcsPerInner: 50, pcsPerCarton: 1000, cartonCm: { l: '40', w: '30', h: '22' }, gwKg: '6.1', nwKg: '5.4' },
    barcode: withCheckDigit('690123450002'),
  });
  const socks = await invoke(core, 'products.create', {
    itemNo: '04130', names: { zh: '男士棉袜（打）', en: "Men's cotton socks (dozen)" }, unit: 'dozen', moq: 50,
    priceTiers: [{ minQty: 50, priceCny: '34.50' }],
    packing: { pcsPerCarton: 25, cartonCm: { l: '60', w: '40', h: '30' }, gwKg: '21.3', nwKg: '19.8' },
    barcode: withCheckDigit('690123450003'),
  });
  const tools = await invoke(core, 'products.create', {
    itemNo: '03118', names: { zh: '家用工具套装 46件', en: 'Household tool set, 46 pcs' }, unit: 'set', moq: 10,
    priceTiers: [{ minQty: 10, priceCny: '42.00' }],
    packing: { pcsPerCarton: 10, cartonCm: { l: '48', w: '35', h: '40' }, gwKg: '19.5', nwKg: '18' },
    barcode: withCheckDigit('690123450004'),
  });
  const noPacking = await invoke(core, 'products.create', { itemNo: '09001', names: { en: 'Sample display stand' }, unit: 'pcs', moq: 1 });
  receive(core, { productId: car.id, qty: 2880 });
  receive(core, { productId: earrings.id, qty: 5000 });
  receive(core, { productId: socks.id, qty: 100 });
  receive(core, { productId: tools.id, qty: 100 });
  const lagos = await invoke(core, 'buyers.create', {
    company: 'Lagos Mega Stores Ltd', country: 'NG', city: 'Lagos', currency: 'USD',
    contacts: [{ name: 'Chinedu Okafor', whatsapp: '0803 123 4567', phone: '0803 123 4567' }],
  });
  const dubai = await invoke(core, 'buyers.create', { company: 'Al Noor General Trading LLC', country: 'AE', city: 'Dubai', currency: 'AED', docLanguage: 'ar' });
  await invoke(core, 'rates.set', { currency: 'USD', cnyPerUnit: '7.1234' });
  await invoke(core, 'rates.set', { currency: 'AED', cnyPerUnit: '1.9395' });
  await invoke(core, 'rates.set', { currency: 'NGN', cnyPerUnit: '0.0048' });
  await invoke(core, 'rates.set', { currency: 'EUR', cnyPerUnit: '7.752' });
  return { products: { car, ball, earrings, socks, tools, noPacking }, buyers: { lagos, dubai } };
}

/** A clock the test moves: tempCore({ now: clock.now }). */
export function movableClock(start: string) {
  let at = new Date(start).getTime();
  return {
    now: () => new Date(at),
    advanceDays: (days: number) => {
      at += days * 86_400_000;
    },
    set: (iso: string) => {
      at = new Date(iso).getTime();
    },
  };
}
