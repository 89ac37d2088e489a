import type { CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
import type { Core } from '../core';
import { invoke } from '../api/invoke';
import { countRecords } from '../../db/reports';
import { withCheckDigit } from '../products/barcode';
import { fromScaled, toScaled } from '../money/decimal';
import { DEMO_PRODUCTS } from './catalogData';
import { DEMO_BUYERS } from './buyersData';
import { chopImage, logoImage, productPhoto } from './drawings';
import { fillQuotesDemo } from './quotesDemo';
import { phoneLibrary } from '../phones/library';

/** A small deterministic PRNG (mulberry32) so every demo folder is the same. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORY_CODES: Record<string, string> = {
  Toys: '01', Accessories: '02', Hardware: '03', Kitchen: '04', Watches: '05', Sunglasses: '06',
  Bags: '07', Stationery: '08', 'Phone accessories': '09', Festival: '10',
};

/** Buyer tags that name a product category: the visits' products of interest lean that way. */
const TAG_CATEGORY: Record<string, string> = {
  toys: 'Toys', kitchen: 'Kitchen', accessories: 'Accessories', hardware: 'Hardware', watches: 'Watches',
  sunglasses: 'Sunglasses', festival: 'Festival',
};

const VISIT_NOTES = [
  'Looked at samples, asked for the price list in USD.',
  'Wants mixed colours, 2 cartons per item; will confirm after seeing the photos on WhatsApp.',
  'Came with the agent; checked carton sizes for a 40HQ.',
  'Asked for a better price above 50 cartons.',
  'Took samples of the new items; back next week.',
  'Compared our price with the stall next door; liked the packing.',
  '',
];

/** A valid mobile number of the country, varied in its last digits. */
function phoneFor(country: string, n: number): string {
  const example = phoneLibrary().getExampleNumber(country as CountryCode, examples);
  if (!example) return '';
  const national = example.nationalNumber.toString();
  const tail = String((Number(national.slice(-3)) + n * 37) % 1000).padStart(3, '0');
  return `+${example.countryCallingCode}${national.slice(0, -3)}${tail}`;
}

export interface DemoSummary {
  products: number;
  photos: number;
  buyers: number;
  countries: number;
  visits: number;
  quotes: number;
  invoices: number;
}

export function isEmptyStall(core: Core): boolean {
  return countRecords(core.db) === 0;
}

/**
 * Fills an empty data folder with a living stall: seller profile with logo and
 * chop, 66 products with photos in ten categories (names in zh/en/ar), stock,
 * 32 buyers from 31 countries with contacts, and some visits.
 */
export async function fillDemo(core: Core, log: (line: string) => void = () => {}): Promise<DemoSummary> {
  if (!isEmptyStall(core)) throw new Error('This data folder already has products or buyers; the demo fills only an empty one.');
  const rnd = random(20261129);

  log('seller profile');
  await invoke(core, 'settings.update', {
    seller: {
      companyNameZh: '义乌市佳和进出口有限公司',
      companyNameEn: 'Yiwu Jiahe Import & Export Co., Ltd.',
      legalName: 'Yiwu Jiahe Import & Export Co., Ltd.',
      stallNumber: 'District 2, Gate 7, Floor 2, Stall 21345',
      marketAddress: 'Yiwu International Trade City, Futian Road, Yiwu, Zhejiang, China',
      phones: ['+86 579 8555 1234', '+86 138 5792 6688'],
      whatsapp: '+86 138 5792 6688',
      wechat: 'jiahe_yiwu',
      email: 'sales@jiahe-yiwu.com',
      website: 'www.jiahe-yiwu.com',
      bankBeneficiary: 'Yiwu Jiahe Import & Export Co., Ltd.',
      bankName: 'Bank of China, Yiwu Branch',
      bankAccount: '3567 5821 9026 0001',
      bankSwift: 'BKCHCNBJ92H',
      bankAddress: '88 Xianqian Street, Yiwu, Zhejiang 322000, China',
      beneficiaryAddress: 'Room 1203, No. 88 Futian Road, Yiwu, Zhejiang 322000, China',
      bankCharges: 'SHA',
      signatoryName: 'Wang Li',
      signatoryTitle: 'Sales Manager',
    },
    defaults: { defaultCurrency: 'USD', quotePrefix: 'JH-Q', invoicePrefix: 'JH-PI', validityDays: 30, depositPercent: 30 },
  });
  await invoke(core, 'settings.setImage', { slot: 'logo', image: { dataBase64: (await logoImage()).toString('base64'), fileName: 'logo.png' } });
  await invoke(core, 'settings.setImage', { slot: 'chop', image: { dataBase64: (await chopImage()).toString('base64'), fileName: 'chop.png' } });

  log(`${DEMO_PRODUCTS.length} products`);
  const productIds: number[] = [];
  let photos = 0;
  const perCategory = new Map<string, number>();
  for (const [i, p] of DEMO_PRODUCTS.entries()) {
    const code = CATEGORY_CODES[p.category] ?? '99';
    const n = (perCategory.get(p.category) ?? 0) + 1;
    perCategory.set(p.category, n);
    const itemNo = `${code}${String(100 + n * 3).padStart(3, '0')}`;
    const base = toScaled(p.priceCny, 4);
    const tier = (factor: number) => fromScaled(Math.round((base * factor) / 100) * 100, 4, 2);
    const product = await invoke(core, 'products.create', {
      itemNo,
      names: { zh: p.zh, en: p.en, ar: p.ar },
      category: p.category,
      material: p.material,
      colors: p.colors,
      unit: p.unit,
      moq: p.moq,
      costCny: tier(0.78),
      priceTiers: [
        { minQty: p.moq || 1, priceCny: p.priceCny },
        { minQty: (p.moq || 1) * 5, priceCny: tier(0.95) },
        { minQty: (p.moq || 1) * 20, priceCny: tier(0.9) },
      ],
      packing: {
        pcsPerInner: p.pcsPerInner ?? null,
        pcsPerCarton: p.pcsPerCarton,
        cartonCm: { l: p.carton[0], w: p.carton[1], h: p.carton[2] },
        gwKg: p.gwKg,
        nwKg: Math.round(p.gwKg * 0.88 * 10) / 10,
      },
      barcode: withCheckDigit(`69${String(12345000 + i * 7919).slice(0, 8)}${String(i).padStart(2, '0')}`),
      supplier: ['Jinhua Xinda Factory', 'Yiwu Meili Crafts', 'Ningbo Haitian Plastics', 'Shantou Chenghai Toys', 'Yongkang Tools Co.'][i % 5] as string,
      hsCode: p.hsCode,
      lowStockAt: p.pcsPerCarton * 2,
    });
    const shots = [await productPhoto(p.shape, i)];
    if (i % 3 === 0) shots.push(await productPhoto(p.shape, i + 3));
    await invoke(core, 'products.addPhotos', {
      id: product.id,
      images: shots.map((b, k) => ({ dataBase64: b.toString('base64'), fileName: `${itemNo}${k ? `-${k + 1}` : ''}.jpg` })),
    });
    photos += shots.length;
    productIds.push(product.id);
    const cartons = Math.floor(rnd() * 40);
    if (cartons > 0) {
      // Counted before the demo's first quotation (84 days back), so the ledger reads in order.
      const movedAt = new Date(core.now().getTime() - 120 * 86_400_000).toISOString();
      await invoke(core, 'stock.receive', { productId: product.id, qty: cartons * p.pcsPerCarton, reference: 'Opening stock', note: 'demo', movedAt });
    }
  }

  log(`${DEMO_BUYERS.length} buyers`);
  let visits = 0;
  const today = core.now();
  for (const [i, b] of DEMO_BUYERS.entries()) {
    const phone = phoneFor(b.country, i);
    const buyer = await invoke(core, 'buyers.create', {
      company: b.company,
      country: b.country,
      city: b.city,
      currency: b.currency,
      docLanguage: b.docLanguage,
      agent: b.agent ?? '',
      tags: b.tags,
      contacts: [{ name: b.contact, role: b.role, phone, whatsapp: phone, wechat: b.wechat ?? '', email: i % 3 === 0 ? `buy${i + 1}@${b.company.toLowerCase().replace(/[^a-z]+/g, '').slice(0, 12) || 'buyer'}.example` : '' }],
    });
    // Visits over two years (so the dashboard has a year before to compare with),
    // with products of interest mostly from the categories the buyer deals in.
    const count = 1 + Math.floor(rnd() * 5);
    const liked = DEMO_PRODUCTS.flatMap((p, k) => (b.tags.some((tag) => TAG_CATEGORY[tag] === p.category) ? [productIds[k] as number] : []));
    for (let v = 0; v < count; v += 1) {
      const day = new Date(today.getTime() - Math.floor(rnd() * 730) * 86_400_000).toISOString().slice(0, 10);
      const pool = liked.length > 0 && rnd() < 0.75 ? liked : productIds;
      const picked = new Set<number>();
      const n = 1 + Math.floor(rnd() * 4);
      for (let k = 0; k < n; k += 1) picked.add(pool[Math.floor(rnd() * pool.length)] as number);
      await invoke(core, 'buyers.addVisit', {
        buyerId: buyer.id,
        visitedOn: day,
        staff: ['Lily', 'Chen', 'Amy'][Math.floor(rnd() * 3)] as string,
        notes: VISIT_NOTES[Math.floor(rnd() * VISIT_NOTES.length)] as string,
        productIds: [...picked],
      });
      visits += 1;
    }
  }
  const trade = await fillQuotesDemo(core, log);
  return {
    ...trade,
    products: productIds.length,
    photos,
    buyers: DEMO_BUYERS.length,
    countries: new Set(DEMO_BUYERS.map((b) => b.country)).size,
    visits,
  };
}
