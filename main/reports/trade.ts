import type { Core } from '../core';
import { invalid, m } from '../errors/apiError';
import { buyersByIds, defaultCurrency, interestByCountry, visitsByBuyer } from '../../db/reports';
import { productOptionsByIds } from '../../db/visits';
import * as tv from '../../db/tradeValues';
import { fromScaled } from '../money/decimal';
import { convertAmount, formatAmount as money } from '../money/amounts';
import { regionOf, type Region } from '../buyers/regions';
import { toVisitProduct, type VisitProduct } from '../buyers/visits';

/**
 * The trade picture for a period, by region and by country:
 * - buyers: distinct buyers active in the period (a visit, a quotation or a PI);
 * - visits: visits logged;
 * - quotes / quoted: quotations dated in the period that are their number's
 *   current revision (drafts included), and their grand total;
 * - invoices / confirmed: pro-forma invoices issued in the period and not
 *   cancelled, and their grand total;
 * - conversion: of those quotations, the percentage whose number became a PI
 *   that is not cancelled (so far);
 * - change: against the same dates a year before, in percent (null when the
 *   year before had none); share: percent of the period's total.
 * Values are in one reporting currency: each document's total goes to CNY at
 * the rate that document used, then to the reporting currency at the stored
 * rate in force on the period's last day (or today, if that is later), rounded
 * half away from zero per document; a document already in the reporting
 * currency is taken as it is. Regions, countries and the total are each
 * counted from the documents themselves, so a region's figures equal the sum
 * of its countries' (tested), and the total the sum of the regions'.
 */

export interface Metrics {
  buyers: number;
  visits: number;
  /** Null while the database has no quotation tables. */
  quotes: number | null;
  invoices: number | null;
  /** Null while values are unavailable (no rate for the reporting currency). */
  quoted: string | null;
  confirmed: string | null;
  /** Percent, one decimal. */
  conversion: number | null;
}

export interface Compared {
  current: Metrics;
  previous: Metrics;
  /** Percent change against the year before, one decimal; null when the year before had none. */
  change: { buyers: number | null; visits: number | null; quoted: number | null; confirmed: number | null };
  /** Percent of the period's total, one decimal. */
  share: { buyers: number | null; visits: number | null; quoted: number | null; confirmed: number | null };
}

export interface TopBuyer {
  id: number;
  company: string;
  country: string;
  visits: number;
  quoted: string | null;
  confirmed: string | null;
}

export interface TopProduct extends VisitProduct {
  /** Visits of the period where it was of interest. */
  interest: number;
  /** Quotations of the period that included it. */
  quotes: number;
}

export interface CountryRow extends Compared {
  country: string;
}

export interface RegionRow extends Compared {
  region: Region;
  countries: CountryRow[];
  topBuyers: TopBuyer[];
  topProducts: TopProduct[];
}

export interface TradeReport {
  period: { from: string; to: string };
  previousPeriod: { from: string; to: string };
  currency: string;
  values:
    | { status: 'ok'; rate: { cnyPerUnit: string; effectiveOn: string } }
    | { status: 'missing_rate'; rateDay: string };
  total: Compared;
  regions: RegionRow[];
}

interface Acc {
  buyers: Set<number>;
  visits: number;
  quotes: number;
  converted: number;
  invoices: number;
  quoted: bigint;
  confirmed: bigint;
}

const newAcc = (): Acc => ({ buyers: new Set(), visits: 0, quotes: 0, converted: 0, invoices: 0, quoted: 0n, confirmed: 0n });

/** The same calendar dates a year earlier (29 February becomes the 28th). */
export function yearBefore(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${String(y - 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

function change(current: number, previous: number): number | null {
  return previous === 0 ? null : Math.round(((current - previous) / previous) * 1000) / 10;
}

/**
 * One period's figures at total, region and country level, from the same rows.
 * Quotations and PIs are counted whenever their tables exist; their values only
 * when there is a rate to convert them (`convert`).
 */
function collect(core: Core, from: string, to: string, convert: ((amountE4: number, currency: string, rateE8: number) => bigint) | null) {
  const total = newAcc();
  const regions = new Map<Region, Acc>();
  const countries = new Map<string, Acc>();
  const buyers = new Map<number, { visits: number; quoted: bigint; confirmed: bigint }>();
  const buyerCountry = new Map<number, string>();
  const accs = (country: string): Acc[] => {
    const region = regionOf(country);
    let r = regions.get(region);
    if (!r) regions.set(region, (r = newAcc()));
    let c = countries.get(country);
    if (!c) countries.set(country, (c = newAcc()));
    return [total, r, c];
  };
  const perBuyer = (id: number) => {
    let b = buyers.get(id);
    if (!b) buyers.set(id, (b = { visits: 0, quoted: 0n, confirmed: 0n }));
    return b;
  };

  for (const row of visitsByBuyer(core.db, from, to)) {
    buyerCountry.set(row.buyer_id, row.country);
    for (const a of accs(row.country)) {
      a.buyers.add(row.buyer_id);
      a.visits += row.visits;
    }
    perBuyer(row.buyer_id).visits += row.visits;
  }
  {
    const quotes = tv.quotesInPeriod(core.db, from, to);
    const invoices = tv.invoicesInPeriod(core.db, from, to);
    const unknown = [...new Set([...quotes, ...invoices].map((d) => d.buyer_id))].filter((id) => !buyerCountry.has(id));
    for (const b of buyersByIds(core.db, unknown)) buyerCountry.set(b.id, b.country);
    // Each document counts for its buyer, its buyer's country and region, and the total, at its value converted.
    const count = <D extends { buyer_id: number; grand_total_e4: number; currency: string; rate_e8: number }>(docs: D[], add: (a: Acc, d: D, value: bigint) => void, addToBuyer: (value: bigint, id: number) => void) => {
      for (const d of docs) {
        const country = buyerCountry.get(d.buyer_id);
        if (!country) continue;
        const value = convert ? convert(d.grand_total_e4, d.currency, d.rate_e8) : 0n;
        for (const a of accs(country)) {
          a.buyers.add(d.buyer_id);
          add(a, d, value);
        }
        addToBuyer(value, d.buyer_id);
      }
    };
    count(quotes, (a, q, value) => {
      a.quotes += 1;
      a.converted += q.converted;
      a.quoted += value;
    }, (value, id) => (perBuyer(id).quoted += value));
    count(invoices, (a, _i, value) => {
      a.invoices += 1;
      a.confirmed += value;
    }, (value, id) => (perBuyer(id).confirmed += value));
  }
  return { total, regions, countries, buyers, buyerCountry };
}

interface Shown {
  /** The quotes area's tables exist: counts of quotations and PIs, and conversion. */
  /** A rate converts them: quoted and confirmed values. */
  values: boolean;
  /** The currency values are shown in. */
  currency: string;
}

function metrics(a: Acc | undefined, shown: Shown): Metrics {
  const acc = a ?? newAcc();
  return {
    buyers: acc.buyers.size,
    visits: acc.visits,
    quotes: acc.quotes,
    invoices: acc.invoices,
    quoted: shown.values ? money(acc.quoted, shown.currency) : null,
    confirmed: shown.values ? money(acc.confirmed, shown.currency) : null,
    conversion: percent(acc.converted, acc.quotes),
  };
}

function compared(cur: Acc | undefined, prev: Acc | undefined, total: Acc, shown: Shown): Compared {
  const withValues = shown.values;
  const c = cur ?? newAcc();
  const p = prev ?? newAcc();
  return {
    current: metrics(c, shown),
    previous: metrics(p, shown),
    change: {
      buyers: change(c.buyers.size, p.buyers.size),
      visits: change(c.visits, p.visits),
      quoted: withValues ? change(Number(c.quoted), Number(p.quoted)) : null,
      confirmed: withValues ? change(Number(c.confirmed), Number(p.confirmed)) : null,
    },
    share: {
      buyers: percent(c.buyers.size, total.buyers.size),
      visits: percent(c.visits, total.visits),
      quoted: withValues ? percent(Number(c.quoted), Number(total.quoted)) : null,
      confirmed: withValues ? percent(Number(c.confirmed), Number(total.confirmed)) : null,
    },
  };
}

/** Largest first: confirmed value, then quoted value, then buyers, then visits. */
function byWeight(a: Compared, b: Compared): number {
  const v = (x: string | null) => Number(x ?? 0);
  return (
    v(b.current.confirmed) - v(a.current.confirmed) ||
    v(b.current.quoted) - v(a.current.quoted) ||
    b.current.buyers - a.current.buyers ||
    b.current.visits - a.current.visits ||
    b.previous.visits - a.previous.visits
  );
}

export function tradeReport(core: Core, input: { from: string; to: string; currency?: string | undefined; top: number }): TradeReport {
  const { from, to } = input;
  if (from > to) throw invalid('to', m('reports.endsBeforeStarts', { to, from }));
  const previous = { from: yearBefore(from), to: yearBefore(to) };
  const currency = input.currency ?? defaultCurrency(core.db);
  const today = core.now().toISOString().slice(0, 10);
  const rateDay = to > today ? today : to;

  let values: TradeReport['values'];
  let convert: ((amountE4: number, docCurrency: string, rateE8: number) => bigint) | null = null;
  const rate = tv.rateE8On(core.db, currency, rateDay);
  if (!rate) {
    values = { status: 'missing_rate', rateDay };
  } else {
    values = { status: 'ok', rate: { cnyPerUnit: fromScaled(rate.rate_e8, 8, 0), effectiveOn: rate.effective_on } };
    // Each document converted through CNY and rounded once to the shown currency's digits.
    convert = (amountE4, docCurrency, rateE8) =>
      docCurrency === currency ? BigInt(amountE4) : convertAmount(BigInt(amountE4), rateE8, rate.rate_e8, currency);
  }
  const withValues = convert !== null;
  const shown: Shown = { values: withValues, currency };
  const cur = collect(core, from, to, convert);
  const prev = collect(core, previous.from, previous.to, convert);

  // Top products per region: interest in visits plus presence in quotations.
  const productScores = new Map<Region, Map<number, { interest: number; quotes: number }>>();
  const score = (country: string, productId: number) => {
    const region = regionOf(country);
    let m = productScores.get(region);
    if (!m) productScores.set(region, (m = new Map()));
    let s = m.get(productId);
    if (!s) m.set(productId, (s = { interest: 0, quotes: 0 }));
    return s;
  };
  for (const row of interestByCountry(core.db, from, to)) score(row.country, row.product_id).interest += row.visits;
  for (const row of tv.quotedProducts(core.db, from, to)) score(row.country, row.product_id).quotes += row.quotes;
  const topIds = new Map<Region, Array<{ id: number; interest: number; quotes: number }>>();
  for (const [region, m] of productScores) {
    topIds.set(
      region,
      [...m.entries()]
        .map(([id, s]) => ({ id, ...s }))
        .sort((a, b) => b.quotes + b.interest - (a.quotes + a.interest) || b.quotes - a.quotes || a.id - b.id)
        .slice(0, input.top),
    );
  }
  const products = new Map(productOptionsByIds(core.db, [...topIds.values()].flat().map((p) => p.id)).map((r) => [r.id, toVisitProduct(r)]));
  const companies = new Map(buyersByIds(core.db, [...cur.buyers.keys()]).map((b) => [b.id, b]));

  const regionKeys = new Set<Region>([...cur.regions.keys(), ...prev.regions.keys()]);
  const regions: RegionRow[] = [...regionKeys].map((region) => {
    const countryKeys = new Set([...cur.countries.keys(), ...prev.countries.keys()].filter((c) => regionOf(c) === region));
    const countries = [...countryKeys]
      .map((country) => ({ country, ...compared(cur.countries.get(country), prev.countries.get(country), cur.total, shown) }))
      .sort(byWeight);
    const topBuyers = [...cur.buyers.entries()]
      .filter(([id]) => regionOf(cur.buyerCountry.get(id) ?? '') === region)
      .sort(([ia, a], [ib, b]) => (b.confirmed > a.confirmed ? 1 : b.confirmed < a.confirmed ? -1 : 0) || (b.quoted > a.quoted ? 1 : b.quoted < a.quoted ? -1 : 0) || b.visits - a.visits || ia - ib)
      .slice(0, input.top)
      .map(([id, b]) => ({
        id,
        company: companies.get(id)?.company ?? '',
        country: cur.buyerCountry.get(id) ?? '',
        visits: b.visits,
        quoted: withValues ? money(b.quoted, currency) : null,
        confirmed: withValues ? money(b.confirmed, currency) : null,
      }));
    const topProducts = (topIds.get(region) ?? []).flatMap((p) => {
      const product = products.get(p.id);
      return product ? [{ ...product, interest: p.interest, quotes: p.quotes }] : [];
    });
    return { region, ...compared(cur.regions.get(region), prev.regions.get(region), cur.total, shown), countries, topBuyers, topProducts };
  });
  regions.sort(byWeight);

  return {
    period: { from, to },
    previousPeriod: previous,
    currency,
    values,
    total: compared(cur.total, prev.total, cur.total, shown),
    regions,
  };
}
