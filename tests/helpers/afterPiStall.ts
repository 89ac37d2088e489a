import type { Core } from '../../main/core';
import { invoke } from '../../main/api/invoke';

/**
 * A stall that makes to order: three factories, four products with cost prices and packing,
 * none in stock except the tool sets (sold from stock, no supplier), one buyer in Lagos paying
 * in USD at 7.1234 CNY. Payment terms: 30 % deposit, balance 30 days after delivery.
 */
export async function seedAfterPiStall(core: Core) {
  await invoke(core, 'settings.update', {
    seller: { companyNameEn: 'Yiwu Jiahe Import & Export Co., Ltd.', companyNameZh: '义乌市佳和进出口有限公司' },
    defaults: { quotePrefix: 'JH-Q', invoicePrefix: 'JH-PI', depositPercent: 30, paymentTerms: '30% T/T deposit, balance 30 days after delivery' },
  });
  await invoke(core, 'rates.set', { currency: 'USD', cnyPerUnit: '7.1234', effectiveOn: '2026-01-01' });
  await invoke(core, 'rates.set', { currency: 'EUR', cnyPerUnit: '7.752', effectiveOn: '2026-01-01' });
  const xinda = await invoke(core, 'suppliers.create', {
    names: { zh: '金华新达玩具厂', en: 'Jinhua Xinda Toys' }, contact: '陈经理', phone: '0579 8888 1234', wechat: 'xinda_chen',
    paymentTerms: { text: '30% 定金，交货付清', depositPercent: 30, balance: 'at_delivery' },
  });
  const meili = await invoke(core, 'suppliers.create', { names: { zh: '义乌美丽饰品厂' }, paymentTerms: { text: '月结 25 号', balance: 'monthly', days: 25 } });
  const zhuji = await invoke(core, 'suppliers.create', { names: { zh: '诸暨袜业有限公司', en: 'Zhuji Socks Co.' } });
  const car = await invoke(core, 'products.create', {
    itemNo: 'TC-100', names: { zh: '惯性回力小汽车', en: 'Friction toy car' }, unit: 'pcs', moq: 288, costCny: '1.60', hsCode: '9503.00',
    priceTiers: [{ minQty: 288, priceCny: '2.35' }], supplierId: xinda.id, supplierItemNo: 'XD-88',
    packing: { pcsPerInner: 24, pcsPerCarton: 288, cartonCm: { l: '62', w: '40', h: '45' }, gwKg: '14.5', nwKg: '12.8' },
  });
  const earrings = await invoke(core, 'products.create', {
    itemNo: 'EA-200', names: { zh: '水晶耳钉', en: 'Crystal stud earrings' }, unit: 'pair', moq: 200, costCny: '0.85', hsCode: '7117.19',
    priceTiers: [{ minQty: 200, priceCny: '1.25' }], supplierId: meili.id, supplierItemNo: 'ML-7',
    packing: { pcsPerCarton: 1000, cartonCm: { l: '40', w: '30', h: '22' }, gwKg: '6.1', nwKg: '5.4' },
  });
  const socks = await invoke(core, 'products.create', {
    itemNo: 'SK-300', names: { zh: '男士棉袜', en: "Men's cotton socks" }, unit: 'dozen', moq: 50, costCny: '22.50', hsCode: '6115.95',
    priceTiers: [{ minQty: 50, priceCny: '34.50' }], supplierId: zhuji.id,
    packing: { pcsPerCarton: 25, cartonCm: { l: '60', w: '40', h: '30' }, gwKg: '21.3', nwKg: '19.8' },
  });
  const tools = await invoke(core, 'products.create', {
    itemNo: 'TS-400', names: { zh: '家用工具套装', en: 'Household tool set' }, unit: 'set', moq: 10, costCny: '30.00', hsCode: '8206.00',
    priceTiers: [{ minQty: 10, priceCny: '42.00' }],
    packing: { pcsPerCarton: 10, cartonCm: { l: '48', w: '35', h: '40' }, gwKg: '19.5', nwKg: '18' },
  });
  await invoke(core, 'stock.receive', { productId: tools.id, qty: 100, reference: 'opening stock', movedAt: '2026-01-05T08:00:00.000Z' });
  const lagos = await invoke(core, 'buyers.create', { company: 'Lagos Mega Stores Ltd', country: 'NG', city: 'Lagos', currency: 'USD' });
  return { suppliers: { xinda, meili, zhuji }, products: { car, earrings, socks, tools }, buyers: { lagos } };
}

/** An accepted quotation for the buyer, made into a PI. */
export async function issuePi(core: Core, buyerId: number, lines: Array<{ itemNo: string; qty: number }>, extra: Record<string, unknown> = {}) {
  const q = await invoke(core, 'quotes.create', { buyerId, lines, ...extra } as never);
  await invoke(core, 'quotes.accept', { id: q.id });
  return invoke(core, 'invoices.create', { quoteId: q.id });
}
