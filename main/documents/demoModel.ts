import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { DEMO_BUYERS } from '../demo/buyersData';
import { DEMO_PRODUCTS } from '../demo/catalogData';
import { chopImage, logoImage, productPhoto } from '../demo/drawings';
import { fromScaled, roundHalfAwayFromZero, toScaled } from '../money/decimal';
import { nameWarnings, type SellerProfile } from '../settings/service';
import type { DocKind, DocLine, DocSeller, DocumentModel } from './model';

/**
 * Realistic documents from the demo stall's data (main/demo): its seller with
 * logo and chop, its 66 products with photos, its 32 buyers. Used by tests, the
 * benchmark and the screenshots; totals follow the rules of DESIGN.md exactly
 * (line amount = qty × price rounded half away from zero; cartons = ceil(qty /
 * pcs per carton); CBM = cartons × L×W×H; weights = cartons × carton weight).
 */

/** The demo seller (the same profile `npm run cli -- demo` saves). */
export const DEMO_SELLER: Omit<DocSeller, 'logoFile' | 'chopFile'> = {
  companyNameZh: '义乌市佳和进出口有限公司',
  companyNameEn: 'Yiwu Jiahe Import & Export Co., Ltd.',
  legalName: 'Yiwu Jiahe Import & Export Co., Ltd.',
  stallNumber: 'District 2, Gate 7, Floor 2, Stall 21345',
  marketAddress: 'Yiwu International Trade City, Futian Road, Yiwu, Zhejiang, China',
  phones: ['+8657985551234', '+8613857926688'],
  whatsapp: '+8613857926688',
  wechat: 'jiahe_yiwu',
  email: 'sales@jiahe-yiwu.com',
  website: 'www.jiahe-yiwu.com',
  bank: {
    beneficiary: 'Yiwu Jiahe Import & Export Co., Ltd.',
    beneficiaryAddress: 'Room 1203, No. 88 Futian Road, Yiwu, Zhejiang 322000, China',
    bankName: 'Bank of China, Yiwu Branch',
    account: '3567 5821 9026 0001',
    swift: 'BKCHCNBJ92H',
    address: '88 Xianqian Street, Yiwu, Zhejiang 322000, China',
    charges: 'SHA',
    intermediary: null,
  },
  signatoryName: 'Wang Li',
  signatoryTitle: 'Sales Manager',
};

/** CNY per unit of currency used by the fixtures. */
const RATES: Record<string, string> = { USD: '7.1', EUR: '7.7', SAR: '1.89', AED: '1.93', RUB: '0.09', MXN: '0.39', KES: '0.055', CNY: '1', GBP: '9.0', BRL: '1.3' };

export interface DemoDocumentOptions {
  /** Folder for the generated photos, logo and chop (created). */
  dir: string;
  kind?: DocKind;
  lines?: number;
  /** Index into the demo buyers, or the first buyer whose document language is this. */
  buyer?: number | string;
  currency?: string;
  /** First product used (lines cycle through the catalog). */
  offset?: number;
  depositPercent?: number;
  withLogo?: boolean;
  withChop?: boolean;
  withBank?: boolean;
  /** Another bank beneficiary than the company (the name warning case). */
  beneficiary?: string;
  /** Photo files of these line numbers (1-based) point at files that do not exist. */
  missingPhotos?: number[];
  /** Replace the English name of line 1 by a name this long. */
  longName?: number;
  discountPercent?: string;
  charges?: DocumentModel['totals']['charges'];
  taxNo?: string;
  incoterm?: string;
  incotermPlace?: string;
  portOfDestination?: string;
  balanceRule?: DocumentModel['balanceRule'];
}

function countryNameEn(code: string): string {
  return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
}

async function writeOnce(file: string, make: () => Promise<Buffer>): Promise<string> {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, await make());
  }
  return file;
}

/** A product photo as the app stores its thumbnail: JPEG, 320 px. */
async function photoFile(dir: string, index: number): Promise<string> {
  const p = DEMO_PRODUCTS[index % DEMO_PRODUCTS.length];
  if (!p) throw new Error('no demo products');
  return writeOnce(path.join(dir, 'photos', `p${index}.jpg`), async () => sharp(await productPhoto(p.shape, index)).resize(320, 320, { fit: 'inside' }).jpeg({ quality: 80 }).toBuffer());
}

const dec = (v: string | number, scale: number) => BigInt(toScaled(v, scale));

export async function demoDocument(options: DemoDocumentOptions): Promise<DocumentModel> {
  const kind = options.kind ?? 'proforma';
  const count = options.lines ?? 12;
  const buyer =
    typeof options.buyer === 'string'
      ? (DEMO_BUYERS.find((b) => b.docLanguage === options.buyer) ?? DEMO_BUYERS[0])
      : DEMO_BUYERS[options.buyer ?? 0];
  if (!buyer) throw new Error('no demo buyers');
  const currency = options.currency ?? (RATES[buyer.currency] ? buyer.currency : 'USD');
  const rateE8 = dec(RATES[currency] ?? '7.1', 8);
  const logoFile = options.withLogo === false ? null : await writeOnce(path.join(options.dir, 'logo.png'), logoImage);
  const chopFile = options.withChop === false ? null : await writeOnce(path.join(options.dir, 'chop.png'), chopImage);

  const lines: DocLine[] = [];
  let nextCarton = 1;
  for (let i = 0; i < count; i += 1) {
    const index = (options.offset ?? 0) + i;
    const p = DEMO_PRODUCTS[index % DEMO_PRODUCTS.length];
    if (!p) break;
    const cartons = 1 + ((index * 7) % 9);
    // Every fifth line is not a whole number of cartons.
    const qty = i % 5 === 4 ? cartons * p.pcsPerCarton - Math.floor(p.pcsPerCarton / 3) : cartons * p.pcsPerCarton;
    const priceE4 = roundHalfAwayFromZero((dec(p.priceCny, 4) * 10n ** 12n) / rateE8, 8, 4);
    const amountCents = roundHalfAwayFromZero(BigInt(qty) * priceE4, 4, 2);
    const realCartons = Math.ceil(qty / p.pcsPerCarton);
    const mm3 = dec(p.carton[0], 0) * dec(p.carton[1], 0) * dec(p.carton[2], 0); // cm³
    const cbmE3 = roundHalfAwayFromZero(BigInt(realCartons) * mm3, 6, 3);
    const gwG = BigInt(realCartons) * dec(p.gwKg, 3);
    const nwPerCarton = Math.round(p.gwKg * 0.88 * 10) / 10;
    const nwG = BigInt(realCartons) * dec(nwPerCarton, 3);
    const photo = options.missingPhotos?.includes(i + 1) ? path.join(options.dir, 'photos', `gone-${i}.jpg`) : await photoFile(options.dir, index);
    const names = { zh: p.zh, en: p.en, ar: p.ar };
    if (i === 0 && options.longName) {
      const base = `${p.en} with reinforced packing, assorted colours, custom logo printing available on request, CE and EN71 tested, `;
      names.en = base.repeat(Math.ceil(options.longName / base.length)).slice(0, options.longName);
    }
    lines.push({
      no: i + 1,
      itemNo: `${String(1 + (index % 10)).padStart(2, '0')}${String(103 + index * 3).padStart(3, '0')}`,
      names,
      colors: p.colors,
      material: p.material,
      hsCode: p.hsCode,
      origin: 'CN',
      note: i % 4 === 1 ? 'Colour assortment as sample; logo sticker on each inner box' : '',
      photoFile: photo,
      unit: p.unit,
      qty,
      unitPrice: fromScaled(priceE4, 4, 2),
      amount: fromScaled(amountCents, 2),
      pcsPerCarton: p.pcsPerCarton,
      cartonCm: { l: String(p.carton[0]), w: String(p.carton[1]), h: String(p.carton[2]) },
      gwPerCartonKg: fromScaled(dec(p.gwKg, 3), 3, 2),
      nwPerCartonKg: fromScaled(dec(nwPerCarton, 3), 3, 2),
      cartons: realCartons,
      cartonRange: { from: nextCarton, to: nextCarton + realCartons - 1 },
      cbm: fromScaled(cbmE3, 3),
      grossWeightKg: fromScaled(gwG, 3, 2),
      netWeightKg: fromScaled(nwG, 3, 2),
    });
    nextCarton += realCartons;
  }

  const amount = lines.reduce((s, l) => s + dec(l.amount, 2), 0n);
  const discount = options.discountPercent ? roundHalfAwayFromZero(amount * dec(options.discountPercent, 2), 4, 0) : 0n;
  const charges = options.charges ?? [];
  const chargeSum = charges.reduce((s, c) => s + dec(c.amount, 2), 0n);
  const grand = amount - discount + chargeSum;
  const depositPercent = options.depositPercent ?? 30;
  const deposit = roundHalfAwayFromZero(grand * BigInt(depositPercent), 2, 0);
  const quantities = new Map<string, number>();
  for (const l of lines) quantities.set(l.unit, (quantities.get(l.unit) ?? 0) + l.qty);

  const seller: DocSeller = {
    ...DEMO_SELLER,
    bank:
      options.withBank === false
        ? { beneficiary: '', beneficiaryAddress: '', bankName: '', account: '', swift: '', address: '', charges: '', intermediary: null }
        : { ...DEMO_SELLER.bank, beneficiary: options.beneficiary ?? DEMO_SELLER.bank.beneficiary },
    logoFile,
    chopFile,
  };
  const profile = { ...seller, bankBeneficiary: seller.bank.beneficiary } as unknown as SellerProfile;
  const date = '2026-11-29';
  return {
    kind,
    lang: buyer.docLanguage,
    number: kind === 'quotation' ? 'JH-Q2026-0042' : 'JH-PI2026-0017',
    quoteNumber: kind === 'quotation' ? null : 'JH-Q2026-0042',
    date,
    validUntil: '2026-12-29',
    validityDays: 30,
    currency,
    incoterm: options.incoterm ?? 'FOB',
    incotermPlace: options.incotermPlace ?? 'Ningbo',
    portOfLoading: 'Ningbo',
    portOfDestination: options.portOfDestination ?? `${buyer.city}, ${countryNameEn(buyer.country)}`,
    partialShipment: false,
    transshipment: true,
    insurancePercent: options.incoterm === 'CIF' || options.incoterm === 'CIP' ? 110 : null,
    seller,
    buyer: {
      company: buyer.company,
      country: buyer.country,
      city: buyer.city,
      address: '',
      contactName: buyer.contact,
      phone: '+971501234567',
      whatsapp: '+971501234567',
      wechat: buyer.wechat ?? '',
      email: '',
      taxNo: options.taxNo ?? '',
    },
    lines,
    totals: {
      amount: fromScaled(amount, 2),
      discount: fromScaled(discount, 2),
      discountPercent: options.discountPercent ?? null,
      charges,
      grandTotal: fromScaled(grand, 2),
      deposit: fromScaled(deposit, 2),
      balance: fromScaled(grand - deposit, 2),
      cartons: lines.reduce((s, l) => s + l.cartons, 0),
      cbm: fromScaled(lines.reduce((s, l) => s + dec(l.cbm, 3), 0n), 3),
      grossWeightKg: fromScaled(lines.reduce((s, l) => s + dec(l.grossWeightKg, 3), 0n), 3, 2),
      netWeightKg: fromScaled(lines.reduce((s, l) => s + dec(l.netWeightKg, 3), 0n), 3, 2),
      quantities: [...quantities].map(([unit, qty]) => ({ unit, qty })),
    },
    paymentTerms: 'T/T: 30% deposit with order, 70% balance before loading.',
    depositPercent,
    balanceRule: options.balanceRule ?? 'before_shipment',
    balanceDays: options.balanceRule === 'days_after_bl' ? 30 : null,
    deliveryTime: '25–30 days after the deposit is received',
    remarks: 'Goods are packed in export cartons with inner boxes. Colours as per samples approved at the stall.',
    shippingMarks: `${buyer.company}\n${buyer.city}, ${buyer.country}\nPO: JH-PI2026-0017\nC/No.: 1–${lines.reduce((s, l) => s + l.cartons, 0)}\nMade in China`,
    nameWarnings: nameWarnings(profile),
    statement: null,
  };
}
