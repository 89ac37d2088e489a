import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountToCnyE12, cnyE12ToAmount, convertAmount, currencyDigits } from '../../main/money/amounts';
import {
  containerFill,
  convertPriceE4,
  documentTotals,
  formatTotals,
  lineFigures,
  pickTier,
  suggestUnitPriceE4,
  type LineInput,
  type TotalsInput,
} from '../../main/quotes/totals';

/**
 * An independent reference: decimals as exact fractions of BigInts parsed from
 * strings here (not with main/money), rounded half away from zero at the end.
 */
function frac(text: string): { n: bigint; d: bigint } {
  const [whole = '0', fraction = ''] = text.split('.');
  return { n: BigInt(whole + fraction), d: 10n ** BigInt(fraction.length) };
}
function roundTo(n: bigint, d: bigint, decimals: number): bigint {
  const scaled = n * 10n ** BigInt(decimals);
  const q = scaled / d;
  return (scaled % d) * 2n >= d ? q + 1n : q;
}
/** qty × price rounded to `digits`, returned at scale 4 (the app's amount scale). */
function refLineE4(qty: number, price: string, digits = 2): bigint {
  const p = frac(price);
  return roundTo(BigInt(qty) * p.n, p.d, digits) * 10n ** BigInt(4 - digits);
}
const e4 = (price: string) => Number(roundTo(frac(price).n, frac(price).d, 4));
const none = { kind: 'none' as const, e4: 0 };
const noPacking = { pcsPerCarton: null, cartonLMm: null, cartonWMm: null, cartonHMm: null, gwG: null, nwG: null };

describe('quotation totals', () => {
  it('rounds a line half away from zero on exact decimals: 3 × 0.145 = 0.44 (floating point says 0.43)', () => {
    expect(Math.round(3 * 0.145 * 100) / 100).toBe(0.43);
    expect(lineFigures({ qty: 3, unitPriceE4: 1450, packing: noPacking }, 'USD').amountE4).toBe(4400n);
  });

  it('keeps a Kuwaiti quotation to the fils: 3 × 0.043 + 7 × 0.125 totals KWD 1.004, not 1.01', () => {
    const t = documentTotals({
      currency: 'KWD',
      lines: [
        { qty: 3, unitPriceE4: e4('0.043'), packing: noPacking },
        { qty: 7, unitPriceE4: e4('0.125'), packing: noPacking },
      ],
      discount: none,
      chargesE4: [],
      depositPercent: 30,
    });
    expect(formatTotals(t, [])).toMatchObject({ amount: '1.004', grandTotal: '1.004', deposit: '0.301', balance: '0.703' });
  });

  it('rounds a Japanese yen quotation to whole yen, half away from zero: 1,000 × 0.1517 = JPY 152', () => {
    const t = documentTotals({ currency: 'JPY', lines: [{ qty: 1000, unitPriceE4: e4('0.1517'), packing: noPacking }, { qty: 5, unitPriceE4: e4('0.1'), packing: noPacking }], discount: none, chargesE4: [], depositPercent: 30 });
    // 151.7 → 152 and 0.5 → 1 (half away from zero); deposit 30 % of 153 = 45.9 → 46.
    expect(t.lines.map((l) => l.amountE4)).toEqual([1_520_000n, 10_000n]);
    expect(formatTotals(t, [])).toMatchObject({ amount: '153', deposit: '46', balance: '107' });
  });

  it('rounds CFA francs, a percent discount and the deposit to whole francs', () => {
    const t = documentTotals({ currency: 'XOF', lines: [{ qty: 1440, unitPriceE4: e4('185.5'), packing: noPacking }], discount: { kind: 'percent', e4: 25_000 }, chargesE4: [35_000_0000], depositPercent: 30 });
    // 267,120 − 2.5 % (6,678) + 35,000 = 295,442; deposit 88,632.6 → 88,633.
    expect(formatTotals(t, [])).toMatchObject({ amount: '267120', discount: '6678', charges: '35000', grandTotal: '295442', deposit: '88633', balance: '206809' });
  });

  it('takes minor-unit digits from ISO 4217, not from Intl (IQD has 3, IDR 2)', () => {
    expect(['KWD', 'BHD', 'OMR', 'JOD', 'TND', 'LYD', 'IQD'].map(currencyDigits)).toEqual([3, 3, 3, 3, 3, 3, 3]);
    expect(['JPY', 'KRW', 'VND', 'XOF', 'XAF', 'CLP', 'UGX', 'RWF', 'PYG'].map(currencyDigits)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(['USD', 'EUR', 'CNY', 'RUB', 'AED', 'IDR'].map(currencyDigits)).toEqual([2, 2, 2, 2, 2, 2]);
  });

  it('matches an independent calculation on a Nigerian USD quotation with fractional prices, dozens, a discount and charges', () => {
    const pack = (pcs: number, l: number, w: number, h: number, gw: number, nw: number) => ({ pcsPerCarton: pcs, cartonLMm: l * 10, cartonWMm: w * 10, cartonHMm: h * 10, gwG: gw, nwG: nw });
    const lines: LineInput[] = [
      { qty: 2880, unitPriceE4: e4('0.3299'), packing: pack(288, 62, 40, 45, 14_500, 12_800) },
      { qty: 20_000, unitPriceE4: e4('0.0525'), packing: pack(1000, 45, 35, 30, 18_000, 16_500) },
      // Sold by the dozen: 150 dozen, 25 dozen per carton.
      { qty: 150, unitPriceE4: e4('4.85'), packing: pack(25, 60, 40, 30, 21_300, 19_800) },
      { qty: 1250, unitPriceE4: e4('1.265'), packing: pack(100, 40, 30, 25, 8_500, 7_400) },
      { qty: 7777, unitPriceE4: e4('0.0525'), packing: pack(1000, 45, 35, 30, 18_000, 16_500) },
    ];
    const t = documentTotals({ currency: 'USD', lines, discount: { kind: 'percent', e4: 30_000 }, chargesE4: [e4('350'), e4('45.50')], depositPercent: 30 });
    // Expected figures from Python's decimal module (ROUND_HALF_UP), worked out separately.
    expect(t.lines.map((l) => String(l.amountE4 / 100n))).toEqual(['95011', '105000', '72750', '158125', '40829']);
    expect(t.lines.map((l) => l.cartons)).toEqual([10, 20, 6, 13, 8]);
    const shown = formatTotals(t, []);
    expect(shown).toMatchObject({
      amount: '4717.15',
      discount: '141.51',
      charges: '395.50',
      grandTotal: '4971.14',
      deposit: '1491.34',
      balance: '3479.80',
      cartons: 57,
      cbm: '3.261',
      grossWeightKg: '887.30',
      netWeightKg: '805.00',
    });
  });

  it('keeps large quantities exact: 10,000,000 × 999,999.9999 = 9,999,999,999,000.00', () => {
    const t = documentTotals({ currency: 'USD', lines: [{ qty: 10_000_000, unitPriceE4: 9_999_999_999, packing: noPacking }], discount: none, chargesE4: [], depositPercent: 30 });
    expect(formatTotals(t, []).amount).toBe('9999999999000.00');
    expect(formatTotals(t, []).deposit).toBe('2999999999700.00');
  });

  it('counts cartons as ceil(qty / pcs per carton) and notes the part-full last carton', () => {
    const f = lineFigures({ qty: 1001, unitPriceE4: 100, packing: { pcsPerCarton: 500, cartonLMm: 500, cartonWMm: 400, cartonHMm: 350, gwG: 12_000, nwG: 11_000 } }, 'USD');
    expect(f.cartons).toBe(3);
    expect(f.lastCartonQty).toBe(1);
    expect(f.cbmE3).toBe(210n); // 3 × 0.5 × 0.4 × 0.35 = 0.210 m³
    expect(f.gwG).toBe(36_000n);
  });

  it('converts a CNY tier price at the rate, rounded once to the chosen decimals', () => {
    expect(suggestUnitPriceE4(23_500, 712_340_000, 2)).toBe(3300); // 2.35 / 7.1234 = 0.3299… → 0.33
    expect(suggestUnitPriceE4(23_500, 712_340_000, 4)).toBe(3299);
    expect(suggestUnitPriceE4(23_500, 480_000, 2)).toBe(4_895_800); // NGN at 0.0048 CNY: 489.58
    expect(suggestUnitPriceE4(3_740, 712_340_000, 4)).toBe(525); // 0.374 CNY → 0.0525 USD
  });

  it('refuses a conversion whose result would not be exact rather than losing digits', () => {
    expect(() => convertPriceE4(9_999_999_999, 10_000_000_000_000, 1, 4)).toThrow(/too large/);
  });

  it('picks the tier with the largest minimum quantity not above the quantity, else the smallest', () => {
    const tiers = [{ minQty: 288, priceCnyE4: 23_500 }, { minQty: 1440, priceCnyE4: 22_300 }, { minQty: 5760, priceCnyE4: 21_100 }];
    expect(pickTier(tiers, 100)?.minQty).toBe(288);
    expect(pickTier(tiers, 1439)?.minQty).toBe(288);
    expect(pickTier(tiers, 1440)?.minQty).toBe(1440);
    expect(pickTier(tiers, 100_000)?.minQty).toBe(5760);
    expect(pickTier([], 10)).toBeNull();
  });

  it('fills containers by volume or by weight, whichever binds first, and counts the cartons that still fit', () => {
    const specs = [{ code: '20GP', capacityCbmE3: 28_000, payloadKg: 21_700 }, { code: '40HQ', capacityCbmE3: 68_000, payloadKg: 26_500 }];
    // Light and bulky: 400 cartons of 0.1 m³ and 5 kg = 40 m³, 2,000 kg.
    const bulky = containerFill({ cartons: 400, volumeMm3: 400n * 100_000_000n, gwG: 400n * 5000n }, specs);
    expect(bulky[0]).toMatchObject({ code: '20GP', bindsBy: 'volume', containers: 2, volumePercent: 142.9, lastContainerPercent: 42.9, moreCartons: 160 });
    expect(bulky[1]).toMatchObject({ code: '40HQ', bindsBy: 'volume', containers: 1, volumePercent: 58.8, moreCartons: 280 });
    // Heavy hardware: 1,000 cartons of 0.02 m³ and 25 kg = 20 m³, 25,000 kg.
    const heavy = containerFill({ cartons: 1000, volumeMm3: 1000n * 20_000_000n, gwG: 1000n * 25_000n }, specs);
    expect(heavy[0]).toMatchObject({ bindsBy: 'weight', containers: 2, weightPercent: 115.2 });
    expect(heavy[1]).toMatchObject({ bindsBy: 'weight', containers: 1, weightPercent: 94.3, moreCartons: 60 });
    expect(containerFill({ cartons: 0, volumeMm3: 0n, gwG: 0n }, specs)[0]).toMatchObject({ containers: 0, moreCartons: 0, volumePercent: 0 });
  });
});

const priceText = fc
  .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 9999 }))
  .map(([whole, fraction]) => `${whole}.${String(fraction).padStart(4, '0')}`);
const lineArb = fc.record({
  qty: fc.integer({ min: 1, max: 10_000_000 }),
  price: priceText,
  pcsPerCarton: fc.option(fc.integer({ min: 1, max: 5000 }), { nil: null }),
  mm: fc.tuple(fc.integer({ min: 50, max: 1200 }), fc.integer({ min: 50, max: 1200 }), fc.integer({ min: 50, max: 1200 })),
  gwG: fc.integer({ min: 0, max: 60_000 }),
});
type LineArb = typeof lineArb extends fc.Arbitrary<infer T> ? T : never;
const toLine = (l: LineArb): LineInput => ({
  qty: l.qty,
  unitPriceE4: e4(l.price),
  packing: { pcsPerCarton: l.pcsPerCarton, cartonLMm: l.mm[0], cartonWMm: l.mm[1], cartonHMm: l.mm[2], gwG: l.gwG, nwG: Math.floor(l.gwG * 0.9) },
});
const totalsArb = fc.record({
  currency: fc.constantFrom('USD', 'KWD', 'JPY', 'XOF', 'EUR', 'BHD'),
  lines: fc.array(lineArb, { maxLength: 40 }),
  discount: fc.oneof(
    fc.constant(none),
    fc.record({ kind: fc.constant('percent' as const), e4: fc.integer({ min: 0, max: 10_000 }).map((p) => p * 100) }),
  ),
  // Whole units, so they fit every currency's digits.
  charges: fc.array(fc.integer({ min: 0, max: 100_000 }).map((u) => u * 10_000), { maxLength: 4 }),
  deposit: fc.integer({ min: 0, max: 100 }),
});
const specs = [{ code: '20GP', capacityCbmE3: 28_000, payloadKg: 21_700 }, { code: '40GP', capacityCbmE3: 58_000, payloadKg: 26_500 }, { code: '40HQ', capacityCbmE3: 68_000, payloadKg: 26_500 }];

describe('quotation totals, properties', () => {
  it('makes the amount the sum of the rounded lines, each equal to an independent qty × price in the currency\'s digits', () => {
    fc.assert(
      fc.property(totalsArb, (x) => {
        const t = documentTotals({ currency: x.currency, lines: x.lines.map(toLine), discount: x.discount, chargesE4: x.charges, depositPercent: x.deposit });
        const digits = { USD: 2, EUR: 2, KWD: 3, BHD: 3, JPY: 0, XOF: 0 }[x.currency] as number;
        const reference = x.lines.map((l) => refLineE4(l.qty, l.price, digits));
        expect(t.lines.map((l) => l.amountE4)).toEqual(reference);
        expect(t.amountE4).toBe(reference.reduce((a, b) => a + b, 0n));
        expect(t.grandTotalE4).toBe(t.amountE4 - t.discountE4 + t.chargesE4);
        expect(t.depositE4 + t.balanceE4).toBe(t.grandTotalE4);
        // Every amount is a whole number of the currency's smallest unit.
        const unit = 10n ** BigInt(4 - digits);
        for (const v of [t.amountE4, t.discountE4, t.grandTotalE4, t.depositE4]) expect(v % unit).toBe(0n);
        expect(t.cartons).toBe(t.lines.reduce((a, l) => a + l.cartons, 0));
        expect(t.cbmE3).toBe(t.lines.reduce((a, l) => a + l.cbmE3, 0n));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same totals and container fill whatever the order of the lines', () => {
    fc.assert(
      fc.property(totalsArb, fc.integer(), (x, seed) => {
        const lines = x.lines.map(toLine);
        const shuffled = [...lines].sort((a, b) => ((a.qty * 31 + seed) % 97) - ((b.qty * 31 + seed) % 97));
        const input = (ls: LineInput[]): TotalsInput => ({ currency: x.currency, lines: ls, discount: x.discount, chargesE4: x.charges, depositPercent: x.deposit });
        const a = documentTotals(input(lines));
        const b = documentTotals(input(shuffled));
        expect(formatTotals(b, [])).toEqual(formatTotals(a, []));
        expect(containerFill(b, specs)).toEqual(containerFill(a, specs));
      }),
      { numRuns: 300 },
    );
  });

  it('never drifts a cent converting an amount to CNY and back', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }).map((c) => c * 100n), fc.integer({ min: 1, max: 10_000_000_000 }), (amountE4, rate) => {
        expect(cnyE12ToAmount(amountToCnyE12(amountE4, rate), rate, 'USD')).toBe(amountE4);
      }),
    );
  });

  it('never drifts a cent converting into a currency with a smaller unit and back', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }).map((c) => c * 100n), fc.integer({ min: 1, max: 1_000_000_000 }), fc.integer({ min: 1, max: 1_000_000 }), (amountE4, fromRate, factor) => {
        // `to` is worth less than `from` (rate to ≤ rate from): the round trip is exact.
        const toRate = Math.max(1, Math.floor(fromRate / factor));
        expect(convertAmount(convertAmount(amountE4, fromRate, toRate, 'EUR'), toRate, fromRate, 'USD')).toBe(amountE4);
      }),
    );
  });

  it('rounds a converted amount to the target currency\'s digits (USD 100.00 at 7.10 CNY into JPY at 0.0475 CNY = 14,947)', () => {
    expect(convertAmount(1_000_000n, 710_000_000, 4_750_000, 'JPY')).toBe(149_470_000n);
  });

  it('converts a unit price within half of its last decimal of the exact value, and not at all to its own currency', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), fc.integer({ min: 1, max: 2_000_000_000 }), fc.integer({ min: 1, max: 2_000_000_000 }), fc.integer({ min: 0, max: 4 }), (price, from, to, decimals) => {
        fc.pre((BigInt(price) * BigInt(from)) / BigInt(to) < 2n ** 52n);
        const converted = BigInt(convertPriceE4(price, from, to, decimals));
        // |converted − price × from / to| ≤ ½ × 10^(4 − decimals), compared in exact integers.
        const error = converted * BigInt(to) - BigInt(price) * BigInt(from);
        const bound = (10n ** BigInt(4 - decimals) * BigInt(to)) / 2n;
        expect(error <= bound && -error <= bound).toBe(true);
        if (decimals === 4) expect(convertPriceE4(price, from, from, 4)).toBe(price);
      }),
    );
  });
});
