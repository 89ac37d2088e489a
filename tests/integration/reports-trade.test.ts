import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import type { Core } from '../../main/core';
import { yearBefore, type Compared, type TradeReport } from '../../main/reports/trade';
import { tempCore } from '../helpers/tempCore';

let seq = 0;
function quote(core: Core, q: { buyer: number; date: string; currency: string; rateE8: number; totalCents: number; status?: string; revision?: number; seq?: number; supersedes?: number }): number {
  const s = q.seq ?? ++seq + 100;
  const info = core.db
    .prepare(
      `INSERT INTO quotes (year, seq, number, revision, supersedes_id, buyer_id, quote_date, validity_days, valid_until, currency, rate_e8, status, grand_total_e4, amount_e4)
       VALUES (2026, ?, ?, ?, ?, ?, ?, 30, date(?, '+30 days'), ?, ?, ?, ?, ?)`,
    )
    .run(s, `Q-${s}`, q.revision ?? 1, q.supersedes ?? null, q.buyer, q.date, q.date, q.currency, q.rateE8, q.status ?? 'sent', q.totalCents * 100, q.totalCents * 100);
  return Number(info.lastInsertRowid);
}

let piSeq = 0;
function invoice(core: Core, i: { quote: number; buyer: number; date: string; currency: string; rateE8: number; totalCents: number; status?: string }): number {
  piSeq += 1;
  const info = core.db
    .prepare(
      `INSERT INTO invoices (year, seq, number, quote_id, buyer_id, issued_on, currency, rate_e8, grand_total_e4, deposit_e4, content, status)
       VALUES (2026, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{}', ?)`,
    )
    .run(piSeq, `PI-${piSeq}`, i.quote, i.buyer, i.date, i.currency, i.rateE8, i.totalCents * 100, Math.round(i.totalCents * 0.3) * 100, i.status ?? 'issued');
  return Number(info.lastInsertRowid);
}

const USD = 710_000_000;
const EUR = 780_000_000;

function sumOf(rows: Compared[], pick: (c: Compared) => number | string | null): number {
  return rows.reduce((s, r) => s + Number(pick(r) ?? 0), 0);
}

/** Every figure of a region equals the sum over its countries, and the total the sum over the regions. */
function expectConsistent(report: TradeReport): void {
  const figures: Array<[string, (c: Compared) => number | string | null]> = [
    ['buyers', (c) => c.current.buyers],
    ['visits', (c) => c.current.visits],
    ['quotes', (c) => c.current.quotes],
    ['invoices', (c) => c.current.invoices],
    ['quoted', (c) => c.current.quoted],
    ['confirmed', (c) => c.current.confirmed],
    ['previous buyers', (c) => c.previous.buyers],
    ['previous visits', (c) => c.previous.visits],
    ['previous quoted', (c) => c.previous.quoted],
  ];
  for (const [name, pick] of figures) {
    for (const region of report.regions) {
      expect(sumOf(region.countries, pick), `${region.region} ${name}`).toBeCloseTo(Number(pick(region) ?? 0), 2);
    }
    expect(sumOf(report.regions, pick), `total ${name}`).toBeCloseTo(Number(pick(report.total) ?? 0), 2);
  }
}

describe('reports.trade: the dashboard by region and country', () => {
  let core: ReturnType<typeof tempCore>;
  const b: Record<string, number> = {};

  beforeEach(async () => {
    core = tempCore({ now: () => new Date('2026-06-15T09:00:00Z') });
    for (const [key, company, country] of [
      ['A', 'Cairo Star', 'EG'], ['B', 'Lagos Mega', 'NG'], ['C', 'Al Noor', 'AE'], ['D', 'Al Fajr', 'SA'], ['E', 'Hamburg Handel', 'DE'], ['F', 'Vostok', 'RU'],
    ] as const) {
      b[key] = (await invoke(core, 'buyers.create', { company, country })).id;
    }
    const visit = (key: string, visitedOn: string) => invoke(core, 'buyers.addVisit', { buyerId: b[key] as number, visitedOn });
    for (const [key, day] of [['A', '2026-01-10'], ['A', '2026-05-02'], ['B', '2026-03-03'], ['C', '2026-02-01'], ['C', '2026-02-20'], ['C', '2026-06-15'], ['E', '2026-04-04'], ['A', '2025-02-02'], ['C', '2025-05-05'], ['F', '2025-03-03'], ['F', '2025-06-30'], ['B', '2025-07-01']]) {
      await visit(key as string, day as string);
    }
  });
  afterEach(() => core.remove());

  it('counts active buyers and visits by region and country, and says values are missing while the reporting currency has no rate', async () => {
    const report = await invoke(core, 'reports.trade', { from: '2026-01-01', to: '2026-06-30' });
    // A new stall has no USD rate yet: counts, no values.
    expect(report.values.status).toBe('missing_rate');
    expect(report.previousPeriod).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(report.total.current).toEqual({ buyers: 4, visits: 7, quotes: 0, invoices: 0, quoted: null, confirmed: null, conversion: null });
    expect(report.total.previous).toMatchObject({ buyers: 3, visits: 4 });
    expect(report.total.change).toEqual({ buyers: 33.3, visits: 75, quoted: null, confirmed: null });
    const africa = report.regions.find((r) => r.region === 'africa');
    expect(africa?.current).toMatchObject({ buyers: 2, visits: 3 });
    expect(africa?.share).toMatchObject({ buyers: 50, visits: 42.9 });
    expect(africa?.countries.map((c) => [c.country, c.current.visits])).toEqual([['EG', 2], ['NG', 1]]);
    expect(report.regions.find((r) => r.region === 'cis')?.current.visits).toBe(0);
    expect(report.regions.find((r) => r.region === 'cis')?.previous.visits).toBe(2);
    expectConsistent(report);
  });

  it('adds quoted and confirmed value in one reporting currency, conversion, change and share, and keeps regions equal to the sum of their countries', async () => {
    core.db.prepare("INSERT INTO exchange_rates (currency, cny_per_unit_e8, effective_on) VALUES ('USD', ?, '2026-01-01'), ('EUR', ?, '2026-01-01'), ('USD', 690000000, '2025-01-01')").run(USD, EUR);
    const q1 = quote(core, { buyer: b.A as number, date: '2026-01-11', currency: 'USD', rateE8: USD, totalCents: 100_000, status: 'accepted' });
    const q2 = quote(core, { buyer: b.C as number, date: '2026-02-02', currency: 'EUR', rateE8: EUR, totalCents: 50_000, status: 'accepted' });
    const q3 = quote(core, { buyer: b.D as number, date: '2026-03-15', currency: 'CNY', rateE8: 100_000_000, totalCents: 710_000, status: 'accepted' });
    const q4a = quote(core, { buyer: b.C as number, date: '2026-02-20', currency: 'USD', rateE8: USD, totalCents: 20_000, status: 'superseded', seq: 50 });
    quote(core, { buyer: b.C as number, date: '2026-02-21', currency: 'USD', rateE8: USD, totalCents: 25_000, status: 'sent', seq: 50, revision: 2, supersedes: q4a });
    quote(core, { buyer: b.E as number, date: '2025-03-01', currency: 'USD', rateE8: 690_000_000, totalCents: 30_000, status: 'expired' });
    quote(core, { buyer: b.A as number, date: '2026-07-05', currency: 'USD', rateE8: USD, totalCents: 99_900, status: 'draft' });
    invoice(core, { quote: q1, buyer: b.A as number, date: '2026-02-01', currency: 'USD', rateE8: USD, totalCents: 100_000, status: 'deposit_received' });
    invoice(core, { quote: q2, buyer: b.C as number, date: '2026-03-01', currency: 'EUR', rateE8: EUR, totalCents: 50_000 });
    invoice(core, { quote: q3, buyer: b.D as number, date: '2026-03-20', currency: 'CNY', rateE8: 100_000_000, totalCents: 710_000, status: 'cancelled' });

    const report = await invoke(core, 'reports.trade', { from: '2026-01-01', to: '2026-06-30', currency: 'USD' });
    expect(report.values).toEqual({ status: 'ok', rate: { cnyPerUnit: '7.1', effectiveOn: '2026-01-01' } });
    // EUR 500.00 at 7.80 = CNY 3,900.00 = USD 549.2957… → 549.30; CNY 7,100.00 = USD 1,000.00.
    expect(report.total.current).toEqual({ buyers: 5, visits: 7, quotes: 4, invoices: 2, quoted: '2799.30', confirmed: '1549.30', conversion: 50 });
    expect(report.total.previous).toEqual({ buyers: 4, visits: 4, quotes: 1, invoices: 0, quoted: '300.00', confirmed: '0.00', conversion: 0 });
    expect(report.total.change).toEqual({ buyers: 25, visits: 75, quoted: 833.1, confirmed: null });
    const me = report.regions.find((r) => r.region === 'middle_east');
    expect(me?.current).toEqual({ buyers: 2, visits: 3, quotes: 3, invoices: 1, quoted: '1799.30', confirmed: '549.30', conversion: 33.3 });
    expect(me?.share).toEqual({ buyers: 40, visits: 42.9, quoted: 64.3, confirmed: 35.5 });
    expect(me?.countries.map((c) => [c.country, c.current.quoted, c.current.confirmed])).toEqual([['AE', '799.30', '549.30'], ['SA', '1000.00', '0.00']]);
    expect(me?.topBuyers.map((t) => [t.company, t.confirmed, t.quoted, t.visits])).toEqual([['Al Noor', '549.30', '799.30', 3], ['Al Fajr', '0.00', '1000.00', 0]]);
    expect(report.regions.map((r) => r.region)).toEqual(['africa', 'middle_east', 'eu', 'cis']);
    expectConsistent(report);

    const inCny = await invoke(core, 'reports.trade', { from: '2026-01-01', to: '2026-06-30', currency: 'CNY' });
    expect(inCny.total.current).toMatchObject({ quoted: '19875.00', confirmed: '11000.00' });
    expectConsistent(inCny);

    const noRate = await invoke(core, 'reports.trade', { from: '2026-01-01', to: '2026-06-30', currency: 'BRL' });
    expect(noRate.values).toEqual({ status: 'missing_rate', rateDay: '2026-06-15' });
    expect(noRate.total.current).toEqual({ buyers: 5, visits: 7, quotes: 4, invoices: 2, quoted: null, confirmed: null, conversion: 50 });
    expectConsistent(noRate);
  });

  it('lists the top products of interest per region, counting visits and quotations', async () => {
    const car = await invoke(core, 'products.create', { itemNo: '00123', names: { zh: '回力车', en: 'Pull-back car' } });
    const pot = await invoke(core, 'products.create', { itemNo: '04107', names: { en: 'Stock pot' } });
    await invoke(core, 'buyers.addVisit', { buyerId: b.A as number, visitedOn: '2026-03-01', productIds: [car.id, pot.id] });
    await invoke(core, 'buyers.addVisit', { buyerId: b.B as number, visitedOn: '2026-03-02', productIds: [car.id] });
    await invoke(core, 'buyers.addVisit', { buyerId: b.C as number, visitedOn: '2026-03-02', productIds: [pot.id] });
    const report = await invoke(core, 'reports.trade', { from: '2026-01-01', to: '2026-06-30', currency: 'CNY' });
    expect(report.regions.find((r) => r.region === 'africa')?.topProducts.map((p) => [p.itemNo, p.interest])).toEqual([['00123', 2], ['04107', 1]]);
    expect(report.regions.find((r) => r.region === 'middle_east')?.topProducts.map((p) => [p.itemNo, p.interest])).toEqual([['04107', 1]]);
  });

  it('names the field when the period ends before it starts or a date does not exist', async () => {
    const bad = await invoke(core, 'reports.trade', { from: '2026-06-01', to: '2026-05-01' }).catch((e: { error: unknown }) => e.error);
    expect(bad).toMatchObject({ code: 'invalid_input', field: 'to' });
    const noDay = await invoke(core, 'reports.trade', { from: '2026-02-30', to: '2026-05-01' }).catch((e: { error: unknown }) => e.error);
    expect(noDay).toMatchObject({ code: 'invalid_input', field: 'from' });
  });

  it('compares with the same dates a year before, 29 February becoming the 28th', () => {
    expect(yearBefore('2024-02-29')).toBe('2023-02-28');
    expect(yearBefore('2026-12-31')).toBe('2025-12-31');
  });
});

describe('buyers with the quotes tables: timeline, merge and total business', () => {
  let core: ReturnType<typeof tempCore>;
  beforeEach(() => {
    core = tempCore({ now: () => new Date('2026-06-15T09:00:00Z') });
  });
  afterEach(() => core.remove());

  it('shows quotations and invoices on the timeline, moves them on a merge, and sorts buyers by confirmed business', async () => {
    const keep = await invoke(core, 'buyers.create', { company: 'Lagos Mega Stores Ltd', country: 'NG' });
    const dup = await invoke(core, 'buyers.create', { company: 'Lagos Mega Stores', country: 'NG' });
    const small = await invoke(core, 'buyers.create', { company: 'Kano Household', country: 'NG' });
    await invoke(core, 'buyers.addVisit', { buyerId: dup.id, visitedOn: '2026-05-01' });
    const q = quote(core, { buyer: dup.id, date: '2026-05-02', currency: 'USD', rateE8: USD, totalCents: 1_250_005, status: 'accepted' });
    invoice(core, { quote: q, buyer: dup.id, date: '2026-05-03', currency: 'USD', rateE8: USD, totalCents: 1_250_005 });
    const q2 = quote(core, { buyer: small.id, date: '2026-05-02', currency: 'CNY', rateE8: 100_000_000, totalCents: 100_000, status: 'accepted' });
    invoice(core, { quote: q2, buyer: small.id, date: '2026-05-04', currency: 'CNY', rateE8: 100_000_000, totalCents: 100_000 });

    const sorted = await invoke(core, 'buyers.list', { sort: 'totalBusiness' });
    expect(sorted.items.map((x) => x.company)).toEqual(['Lagos Mega Stores', 'Kano Household', 'Lagos Mega Stores Ltd']);

    const timeline = await invoke(core, 'buyers.timeline', { id: dup.id });
    expect(timeline.map((e) => e.kind)).toEqual(['invoice', 'quote', 'visit']);
    expect(timeline[0]).toMatchObject({ kind: 'invoice', invoice: { currency: 'USD', grandTotal: '12500.05', deposit: '3750.02', paid: '0.00' } });

    const { moved } = await invoke(core, 'buyers.merge', { keepId: keep.id, mergeId: dup.id });
    expect(moved).toMatchObject({ visits: 1, quotes: 1, invoices: 1 });
    expect((await invoke(core, 'buyers.timeline', { id: keep.id })).map((e) => e.kind)).toEqual(['merge', 'invoice', 'quote', 'visit']);
    const refused = await invoke(core, 'buyers.delete', { id: keep.id }).catch((e: { error: unknown }) => e.error);
    expect(refused).toMatchObject({ code: 'conflict', field: 'id' });
  });
});
