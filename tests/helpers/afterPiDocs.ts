import sharp from 'sharp';
import type { Core } from '../../main/core';
import { invoke } from '../../main/api/invoke';
import type { movableClock } from './quoteStall';
import { issuePi, seedAfterPiStall } from './afterPiStall';

/**
 * The after-PI stall (afterPiStall.ts) carried through to its documents: a PI for a buyer in the
 * given document language (and currency), its three purchase orders placed (the car order with
 * a line note), the goods received, two deliveries to a forwarder with warehouse entry numbers,
 * the deposit and part of the balance paid. Dates follow the clock given.
 */
export async function loopWithDocuments(core: Core, clock: ReturnType<typeof movableClock>, buyer: { lang?: string; currency?: string; company?: string } = {}) {
  const stall = await seedAfterPiStall(core);
  // The toy car has a photo (the purchase order prints it).
  const photo = (await sharp({ create: { width: 120, height: 90, channels: 3, background: '#d03030' } }).jpeg().toBuffer()).toString('base64');
  await invoke(core, 'products.addPhotos', { id: stall.products.car.id, images: [{ dataBase64: photo }] });
  if (buyer.currency && buyer.currency !== 'USD' && buyer.currency !== 'CNY') {
    const rates: Record<string, string> = { KWD: '23.1234', JPY: '0.0478', EUR: '7.752' };
    await invoke(core, 'rates.set', { currency: buyer.currency, cnyPerUnit: rates[buyer.currency] ?? '1.5', effectiveOn: '2026-01-01' });
  }
  const client = await invoke(core, 'buyers.create', {
    company: buyer.company ?? 'Lagos Mega Stores Ltd',
    country: buyer.lang === 'ar' ? 'AE' : buyer.lang === 'ru' ? 'RU' : 'NG',
    city: buyer.lang === 'ar' ? 'دبي' : 'Lagos',
    currency: buyer.currency ?? 'USD',
    ...(buyer.lang ? { docLanguage: buyer.lang } : {}),
  } as never);
  const pi = await issuePi(core, client.id, [{ itemNo: 'TC-100', qty: 1440 }, { itemNo: 'EA-200', qty: 2000 }, { itemNo: 'SK-300', qty: 100 }, { itemNo: 'TS-400', qty: 50 }], {
    deliveryTime: '35 days after deposit',
    shippingMarks: 'LAGOS MEGA\nC/NO. 1-UP\nMADE IN CHINA',
  });
  const line = (itemNo: string) => pi.lines.find((l) => l.product.itemNo === itemNo)!;
  clock.set('2026-03-03T09:00:00Z');
  await invoke(core, 'invoices.addPayment', { id: pi.id, amount: pi.totals.deposit, method: 'tt', kind: 'deposit', reference: 'TT-0303' });
  const made = await invoke(core, 'purchases.fromInvoice', { invoiceId: pi.id });
  const [poCar, poEarrings, poSocks] = made.orders as [typeof made.orders[0], typeof made.orders[0], typeof made.orders[0]];
  await invoke(core, 'purchases.update', {
    id: poCar.id,
    changes: {
      requirements: '每箱 288 个，内盒 24 个；颜色按比例混装；纸箱五层加厚。',
      notes: '交货前请先发大货照片确认。',
      lines: [{ id: poCar.lines[0]!.id, qty: poCar.lines[0]!.qty, note: '红蓝黄三色各三分之一，车身印买家 LOGO（见附件），每个独立 OPP 袋包装。' }],
    },
  });
  for (const o of made.orders) await invoke(core, 'purchases.order', { id: o.id });
  clock.set('2026-03-20T09:00:00Z');
  await invoke(core, 'purchases.receive', { id: poCar.id, lines: [{ lineId: poCar.lines[0]!.id, qty: 1440 }] });
  await invoke(core, 'purchases.receive', { id: poEarrings.id, lines: [{ lineId: poEarrings.lines[0]!.id, qty: 2000 }] });
  clock.set('2026-03-28T09:00:00Z');
  const forwarder = await invoke(core, 'shipments.saveForwarder', { name: '义乌宏达货运', phone: '138 0000 1234', address: '福田物流园 3 号仓' });
  const d1 = await invoke(core, 'shipments.create', {
    invoiceId: pi.id, forwarderId: forwarder.id, entryNo: 'JC2026-0456',
    lines: [{ lineId: line('TC-100').id, qty: 864 }, { lineId: line('EA-200').id, qty: 2000 }, { lineId: line('TS-400').id, qty: 50 }],
  });
  clock.set('2026-04-02T09:00:00Z');
  await invoke(core, 'purchases.receive', { id: poSocks.id, receivedOn: '2026-04-01', lines: [{ lineId: poSocks.lines[0]!.id, qty: 100 }] });
  const d2 = await invoke(core, 'shipments.create', {
    invoiceId: pi.id, forwarderId: forwarder.id, entryNo: 'JC2026-0519',
    lines: [{ lineId: line('TC-100').id, qty: 576 }, { lineId: line('SK-300').id, qty: 100 }],
  });
  clock.set('2026-04-10T09:00:00Z');
  const part = buyer.currency === 'JPY' ? '1000' : buyer.currency === 'KWD' ? '100.125' : '1000.00';
  await invoke(core, 'invoices.addPayment', { id: pi.id, amount: part, method: 'tt', kind: 'balance', reference: 'TT-0410' });
  return { stall, buyer: client, pi: await invoke(core, 'invoices.get', { id: pi.id }), orders: made.orders, deliveries: [d1, d2], forwarder };
}
