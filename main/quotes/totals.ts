/**
 * Every figure of a quotation and a PI, written down once (docs/data-model.md):
 *
 * - line amount = qty × unit price, rounded half away from zero to 2 decimals;
 *   the amount is the sum of the rounded lines;
 * - discount = a fixed amount, or amount × percent rounded to 2 decimals;
 *   grand total = amount − discount + charges;
 *   deposit = grand total × deposit % rounded to 2 decimals; balance = grand total − deposit;
 * - cartons per line = ceil(qty / pcs per carton); line CBM = cartons × L×W×H,
 *   rounded to 3 decimals, total CBM = sum of the rounded lines; weights = cartons ×
 *   per-carton weight (exact grams);
 * - container fill per type by volume and by weight, whichever binds first;
 * - unit prices converted between currencies through CNY in one rounding step.
 *
 * Pure functions on scaled integers (BigInt where products get large); no I/O.
 */
import { DecimalError, divideRounded, fromScaled, roundHalfAwayFromZero } from '../money/decimal';
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
  amountCents: bigint;
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

export function lineFigures(line: LineInput): LineFigures {
  const qty = BigInt(line.qty);
  const amountCents = roundHalfAwayFromZero(qty * BigInt(line.unitPriceE4), 4, 2);
  const { pcsPerCarton, cartonLMm, cartonWMm, cartonHMm, gwG, nwG } = line.packing;
  if (!pcsPerCarton) {
    return { amountCents, cartons: 0, volumeMm3: 0n, cbmE3: 0n, gwG: 0n, nwG: 0n, lastCartonQty: null, noPacking: true };
  }
  const cartons = Math.ceil(line.qty / pcsPerCarton);
  const rest = line.qty % pcsPerCarton;
  const c = BigInt(cartons);
  const volumeMm3 = cartonLMm && cartonWMm && cartonHMm ? c * BigInt(cartonLMm) * BigInt(cartonWMm) * BigInt(cartonHMm) : 0n;
  return {
    amountCents,
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
  /** percent × 100 for 'percent', cents for 'amount'. */
  e2: number;
}

export interface TotalsInput {
  lines: LineInput[];
  discount: DiscountFigures;
  chargesCents: number[];
  depositPercent: number;
}

export interface TotalsFigures {
  lines: LineFigures[];
  amountCents: bigint;
  discountCents: bigint;
  chargesCents: bigint;
  grandTotalCents: bigint;
  depositCents: bigint;
  balanceCents: bigint;
  cartons: number;
  volumeMm3: bigint;
  cbmE3: bigint;
  gwG: bigint;
  nwG: bigint;
}

export function discountCents(amountCents: bigint, discount: DiscountFigures): bigint {
  if (discount.kind === 'percent') return divideRounded(amountCents * BigInt(discount.e2), 10_000n);
  if (discount.kind === 'amount') return BigInt(discount.e2);
  return 0n;
}

export function depositCents(grandTotalCents: bigint, depositPercent: number): bigint {
  return divideRounded(grandTotalCents * BigInt(depositPercent), 100n);
}

export function documentTotals(input: TotalsInput): TotalsFigures {
  const lines = input.lines.map(lineFigures);
  let amountCents = 0n;
  let cartons = 0;
  let volumeMm3 = 0n;
  let cbmE3 = 0n;
  let gwG = 0n;
  let nwG = 0n;
  for (const l of lines) {
    amountCents += l.amountCents;
    cartons += l.cartons;
    volumeMm3 += l.volumeMm3;
    cbmE3 += l.cbmE3;
    gwG += l.gwG;
    nwG += l.nwG;
  }
  const discount = discountCents(amountCents, input.discount);
  const charges = input.chargesCents.reduce((sum, c) => sum + BigInt(c), 0n);
  const grandTotalCents = amountCents - discount + charges;
  const deposit = depositCents(grandTotalCents, input.depositPercent);
  return {
    lines,
    amountCents,
    discountCents: discount,
    chargesCents: charges,
    grandTotalCents,
    depositCents: deposit,
    balanceCents: grandTotalCents - deposit,
    cartons,
    volumeMm3,
    cbmE3,
    gwG,
    nwG,
  };
}

export const money = (cents: bigint | number): string => fromScaled(cents, 2, 2);
export const cbm = (e3: bigint | number): string => fromScaled(e3, 3, 3);
/** Grams as kg: exact, at least 2 decimals ("14.50", "0.125"). */
export const kg = (grams: bigint | number): string => fromScaled(grams, 3, 2);
/** A unit price at scale 4, shown with at least `decimals` decimals ("0.33", "0.0525"). */
export const unitPrice = (e4: bigint | number, decimals: number): string => fromScaled(e4, 4, decimals);

export function formatTotals(t: TotalsFigures, quantities: DocumentTotals['quantities']): DocumentTotals {
  return {
    amount: money(t.amountCents),
    discount: money(t.discountCents),
    charges: money(t.chargesCents),
    grandTotal: money(t.grandTotalCents),
    deposit: money(t.depositCents),
    balance: money(t.balanceCents),
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

/** An amount (cents) expressed in CNY exactly: CNY at scale 10 (cents × rate ×10⁸). No rounding. */
export function centsToCnyE10(cents: bigint, rateE8: number): bigint {
  return cents * BigInt(rateE8);
}

/** CNY at scale 10 expressed in a currency, rounded once to cents. */
export function cnyE10ToCents(cnyE10: bigint, rateE8: number): bigint {
  return divideRounded(cnyE10, BigInt(rateE8));
}

/** An amount from one currency to another through CNY, rounded once to cents (reports, dashboards). */
export function convertCents(cents: bigint, fromRateE8: number, toRateE8: number): bigint {
  return cnyE10ToCents(centsToCnyE10(cents, fromRateE8), toRateE8);
}
