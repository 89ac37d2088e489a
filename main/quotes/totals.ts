/**
 * Every figure of a quotation and a PI, written down once (docs/data-model.md):
 *
 * - line amount = qty × unit price, rounded half away from zero to the currency's
 *   ISO 4217 digits (main/money/amounts.ts: KWD 3, JPY 0, USD 2); the amount is
 *   the sum of the rounded lines;
 * - discount = a fixed amount, or amount × percent rounded to the currency's digits;
 *   grand total = amount − discount + charges;
 *   deposit = grand total × deposit % rounded to the currency's digits; balance = grand total − deposit;
 * - cartons per line = ceil(qty / pcs per carton); line CBM = cartons × L×W×H,
 *   rounded to 3 decimals, total CBM = sum of the rounded lines; weights = cartons ×
 *   per-carton weight (exact grams);
 * - container fill per type by volume and by weight, whichever binds first;
 * - unit prices converted between currencies through CNY in one rounding step.
 *
 * Pure functions on scaled integers (BigInt where products get large); no I/O.
 * Amounts are at AMOUNT_SCALE (× 10⁴) in every currency (`…E4`).
 */
import { DecimalError, divideRounded, fromScaled } from '../money/decimal';
import { AMOUNT_SCALE, divideAmount, formatAmount, roundAmount } from '../money/amounts';
import type { ContainerFill, Discount, DocumentTotals } from './types';

/** 1 CNY in the *_e8 rate scale: the rate of a CNY quotation. */
export const CNY_RATE_E8 = 100_000_000;

export interface PackingFigures {
  pcsPerCarton: number | null;
  cartonLMm: number | null;
  cartonWMm: number | null;
  cartonHMm: number | null;
  gwG: number | null;
  nwG: number | null;
}

export interface LineInput {
  qty: number;
  unitPriceE4: number;
  packing: PackingFigures;
}

export interface LineFigures {
  /** qty × unit price rounded to the currency's digits, at AMOUNT_SCALE. */
  amountE4: bigint;
  cartons: number;
  /** Exact volume of the line's cartons, mm³. */
  volumeMm3: bigint;
  /** Line CBM rounded to 3 decimals (m³ × 1000). */
  cbmE3: bigint;
  gwG: bigint;
  nwG: bigint;
  /** Pieces in the last carton when it is not full, else null. */
  lastCartonQty: number | null;
  /** True when cartons cannot be counted (no pcs per carton). */
  noPacking: boolean;
}

/** mm³ → m³ is 10⁻⁹; 3 decimals keeps 10⁻³, so 10⁶ mm³ per unit of cbm_e3. */
const MM3_PER_CBM_E3 = 1_000_000n;

export function lineFigures(line: LineInput, currency: string): LineFigures {
  const qty = BigInt(line.qty);
  // Unit prices are at scale 4 too, so qty × price is an exact amount at AMOUNT_SCALE before rounding.
  const amountE4 = roundAmount(qty * BigInt(line.unitPriceE4), AMOUNT_SCALE, currency);
  const { pcsPerCarton, cartonLMm, cartonWMm, cartonHMm, gwG, nwG } = line.packing;
  if (!pcsPerCarton) {
    return { amountE4, cartons: 0, volumeMm3: 0n, cbmE3: 0n, gwG: 0n, nwG: 0n, lastCartonQty: null, noPacking: true };
  }
  const cartons = Math.ceil(line.qty / pcsPerCarton);
  const rest = line.qty % pcsPerCarton;
  const c = BigInt(cartons);
  const volumeMm3 = cartonLMm && cartonWMm && cartonHMm ? c * BigInt(cartonLMm) * BigInt(cartonWMm) * BigInt(cartonHMm) : 0n;
  return {
    amountE4,
    cartons,
    volumeMm3,
    cbmE3: divideRounded(volumeMm3, MM3_PER_CBM_E3),
    gwG: c * BigInt(gwG ?? 0),
    nwG: c * BigInt(nwG ?? 0),
    lastCartonQty: rest === 0 ? null : rest,
    noPacking: false,
  };
}

export interface DiscountFigures {
  kind: Discount['kind'];
  /** percent × 10⁴ for 'percent' (2.5 % = 25000), the amount at AMOUNT_SCALE for 'amount'. */
  e4: number;
}

export interface TotalsInput {
  /** ISO 4217: decides the digits every amount is rounded to. */
  currency: string;
  lines: LineInput[];
  discount: DiscountFigures;
  chargesE4: number[];
  depositPercent: number;
}

/** Every amount at AMOUNT_SCALE, rounded to the currency's digits. */
export interface TotalsFigures {
  currency: string;
  lines: LineFigures[];
  amountE4: bigint;
  discountE4: bigint;
  chargesE4: bigint;
  grandTotalE4: bigint;
  depositE4: bigint;
  balanceE4: bigint;
  cartons: number;
  volumeMm3: bigint;
  cbmE3: bigint;
  gwG: bigint;
  nwG: bigint;
}

/** percent × 10⁴ of 100 %: a percent discount divides by this. */
const PERCENT_E4 = 1_000_000n;

export function discountE4(amountE4: bigint, discount: DiscountFigures, currency: string): bigint {
  if (discount.kind === 'percent') return divideAmount(amountE4 * BigInt(discount.e4), PERCENT_E4, currency);
  if (discount.kind === 'amount') return BigInt(discount.e4);
  return 0n;
}

export function depositE4(grandTotalE4: bigint, depositPercent: number, currency: string): bigint {
  return divideAmount(grandTotalE4 * BigInt(depositPercent), 100n, currency);
}

export function documentTotals(input: TotalsInput): TotalsFigures {
  const { currency } = input;
  const lines = input.lines.map((l) => lineFigures(l, currency));
  let amountE4 = 0n;
  let cartons = 0;
  let volumeMm3 = 0n;
  let cbmE3 = 0n;
  let gwG = 0n;
  let nwG = 0n;
  for (const l of lines) {
    amountE4 += l.amountE4;
    cartons += l.cartons;
    volumeMm3 += l.volumeMm3;
    cbmE3 += l.cbmE3;
    gwG += l.gwG;
    nwG += l.nwG;
  }
  const discount = discountE4(amountE4, input.discount, currency);
  const charges = input.chargesE4.reduce((sum, c) => sum + BigInt(c), 0n);
  const grandTotalE4 = amountE4 - discount + charges;
  const deposit = depositE4(grandTotalE4, input.depositPercent, currency);
  return {
    currency,
    lines,
    amountE4,
    discountE4: discount,
    chargesE4: charges,
    grandTotalE4,
    depositE4: deposit,
    balanceE4: grandTotalE4 - deposit,
    cartons,
    volumeMm3,
    cbmE3,
    gwG,
    nwG,
  };
}

/** An amount (AMOUNT_SCALE) as the API and documents show it: with its currency's digits ("1.004", "152", "12.50"). */
export const money = (amountE4: bigint | number, currency: string): string => formatAmount(amountE4, currency);
export const cbm = (e3: bigint | number): string => fromScaled(e3, 3, 3);
/** Grams as kg: exact, at least 2 decimals ("14.50", "0.125"). */
export const kg = (grams: bigint | number): string => fromScaled(grams, 3, 2);
/** A unit price at scale 4, shown with at least `decimals` decimals ("0.33", "0.0525"). */
export const unitPrice = (e4: bigint | number, decimals: number): string => fromScaled(e4, 4, decimals);

export function formatTotals(t: TotalsFigures, quantities: DocumentTotals['quantities']): DocumentTotals {
  return {
    amount: money(t.amountE4, t.currency),
    discount: money(t.discountE4, t.currency),
    charges: money(t.chargesE4, t.currency),
    grandTotal: money(t.grandTotalE4, t.currency),
    deposit: money(t.depositE4, t.currency),
    balance: money(t.balanceE4, t.currency),
    cartons: t.cartons,
    cbm: cbm(t.cbmE3),
    grossWeightKg: kg(t.gwG),
    netWeightKg: kg(t.nwG),
    quantities,
  };
}

export interface ContainerSpec {
  code: string;
  capacityCbmE3: number;
  payloadKg: number;
}

/** x / y as a percentage with one decimal, rounded half away from zero. */
function percent1(x: bigint, y: bigint): number {
  if (y === 0n) return 0;
  return Number(divideRounded(x * 1000n, y)) / 10;
}

/**
 * How the goods fill each container type. Volume uses the exact carton volume,
 * weight the gross weight; the one that fills up first binds. `containers` is how
 * many of that type the goods need; `moreCartons` how many more cartons of this
 * quotation's average size and weight still fit in them.
 */
export function containerFill(t: Pick<TotalsFigures, 'cartons' | 'volumeMm3' | 'gwG'>, specs: ContainerSpec[]): ContainerFill[] {
  return specs.map((spec) => {
    const capacityMm3 = BigInt(spec.capacityCbmE3) * MM3_PER_CBM_E3;
    const payloadG = BigInt(spec.payloadKg) * 1000n;
    const volumePercent = percent1(t.volumeMm3, capacityMm3);
    const weightPercent = percent1(t.gwG, payloadG);
    // Compare the exact fractions volume/capacity and weight/payload by cross-multiplying.
    const bindsBy: 'volume' | 'weight' = t.volumeMm3 * payloadG >= t.gwG * capacityMm3 ? 'volume' : 'weight';
    const ceilDiv = (a: bigint, b: bigint) => (a + b - 1n) / b;
    const containers = t.cartons === 0 ? 0 : Math.max(1, Number(ceilDiv(t.volumeMm3, capacityMm3)), Number(ceilDiv(t.gwG, payloadG)));
    let lastContainerPercent = 0;
    let moreCartons = 0;
    if (containers > 0) {
      const n = BigInt(containers);
      const [used, capacity] = bindsBy === 'volume' ? [t.volumeMm3, capacityMm3] : [t.gwG, payloadG];
      lastContainerPercent = percent1(used - (n - 1n) * capacity, capacity);
      const cartons = BigInt(t.cartons);
      // free space / average carton = (n·cap − used) · cartons / used, for each limit that is known.
      const fits: bigint[] = [];
      if (t.volumeMm3 > 0n) fits.push(((n * capacityMm3 - t.volumeMm3) * cartons) / t.volumeMm3);
      if (t.gwG > 0n) fits.push(((n * payloadG - t.gwG) * cartons) / t.gwG);
      moreCartons = fits.length ? Number(fits.reduce((a, b) => (a < b ? a : b))) : 0;
    }
    return {
      code: spec.code,
      capacityCbm: cbm(spec.capacityCbmE3),
      payloadKg: String(spec.payloadKg),
      volumePercent,
      weightPercent,
      bindsBy,
      containers,
      lastContainerPercent,
      moreCartons,
    };
  });
}

export interface TierFigures {
  minQty: number;
  priceCnyE4: number;
}

/** The tier with the largest minimum quantity ≤ qty; below every tier, the smallest tier. */
export function pickTier(tiers: TierFigures[], qty: number): TierFigures | null {
  let best: TierFigures | null = null;
  let lowest: TierFigures | null = null;
  for (const tier of tiers) {
    if (!lowest || tier.minQty < lowest.minQty) lowest = tier;
    if (tier.minQty <= qty && (!best || tier.minQty > best.minQty)) best = tier;
  }
  return best ?? lowest;
}

/**
 * A unit price (scale 4) in the currency with rate `fromRateE8` (CNY per unit ×10⁸)
 * converted to the currency with rate `toRateE8`, rounded once, half away from zero,
 * to `decimals` (0–4), and returned at scale 4. CNY has the rate 10⁸.
 */
export function convertPriceE4(priceE4: number, fromRateE8: number, toRateE8: number, decimals: number): number {
  if (decimals < 0 || decimals > 4 || !Number.isInteger(decimals)) throw new RangeError('decimals must be 0–4');
  // value × fromRate / toRate, at scale `decimals`: numerator and denominator stay integers.
  const numerator = BigInt(priceE4) * BigInt(fromRateE8) * 10n ** BigInt(decimals);
  const denominator = BigInt(toRateE8) * 10_000n;
  const result = divideRounded(numerator, denominator) * 10n ** BigInt(4 - decimals);
  if (result > BigInt(Number.MAX_SAFE_INTEGER)) throw new DecimalError('is too large');
  return Number(result);
}

/** The unit price suggested from a CNY tier price at the quotation's rate, rounded to `decimals`. */
export function suggestUnitPriceE4(priceCnyE4: number, rateE8: number, decimals: number): number {
  return convertPriceE4(priceCnyE4, CNY_RATE_E8, rateE8, decimals);
}
