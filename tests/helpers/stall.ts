import sharp from 'sharp';
import type { Core } from '../../main/core';
import { invoke } from '../../main/api/invoke';
import { databaseDigest } from '../../db/backup';

/** The security tables are carried across a restore on purpose; data comparisons leave them out. */
export const SECURITY_TABLES = ['security_settings', 'paired_devices'];

export function dataDigest(core: Core): string {
  return databaseDigest(core.db, SECURITY_TABLES);
}

export async function pngBase64(colour: string, width = 120, height = 90): Promise<string> {
  return (await sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer()).toString('base64');
}

/** A few products (with cost prices and a photo) and buyers, as a stall would have. */
export async function smallStall(core: Core, prefix = 'S'): Promise<void> {
  for (let i = 1; i <= 4; i += 1) {
    const p = await invoke(core, 'products.create', {
      itemNo: `${prefix}-${i}`,
      names: { zh: `产品 ${i}`, en: `Product ${i}` },
      costCny: `${i}.7300`,
      priceTiers: [{ minQty: 10, priceCny: `${i + 3}.50` }],
    });
    if (i <= 2) await invoke(core, 'products.addPhotos', { id: p.id, images: [{ dataBase64: await pngBase64(i === 1 ? '#c0392b' : '#2980b9') }] });
    await invoke(core, 'buyers.create', { company: `${prefix} buyer ${i}`, country: 'EG', contacts: [{ name: 'Omar', phone: '+201001234567' }], tags: ['vip'] });
  }
}

/**
 * The "50 new quotations" of the restore acceptance: each with two lines for
 * one of the stall's buyers; every tenth is accepted and issued as a PI (which
 * reserves stock and stores its PDF).
 */
export async function fiftyNewQuotations(core: Core, prefix = 'S'): Promise<void> {
  const buyers = (await invoke(core, 'buyers.list', { limit: 50 })).items;
  for (let i = 1; i <= 50; i += 1) {
    const buyer = buyers[i % buyers.length];
    if (!buyer) throw new Error('the stall has no buyers');
    const q = await invoke(core, 'quotes.create', {
      buyerId: buyer.id,
      currency: 'CNY',
      lines: [
        { itemNo: `${prefix}-${1 + (i % 4)}`, qty: 10 * i },
        { itemNo: `${prefix}-${1 + ((i + 1) % 4)}`, qty: 20 },
      ],
    });
    if (i % 10 === 0) {
      await invoke(core, 'quotes.send', { id: q.id });
      await invoke(core, 'quotes.accept', { id: q.id });
      await invoke(core, 'invoices.create', { quoteId: q.id });
    }
  }
}
