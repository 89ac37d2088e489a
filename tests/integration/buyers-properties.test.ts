import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import { foldText, searchTerms } from '../../main/buyers/searchText';
import { tempCore } from '../helpers/tempCore';

/** Text as people type it in a spreadsheet cell: any script, quotes, commas, semicolons, line breaks; no spaces at the ends. */
const cell = fc
  .array(fc.constantFrom('a', 'Z', 'ñ', 'ü', 'ß', 'ا', 'ة', 'أ', 'ж', 'Ё', '王', '丽', '"', ',', ';', '\n', ' ', '-', '&', '1', '0', 'é'), { minLength: 1, maxLength: 14 })
  .map((chars) => chars.join('').trim())
  .filter((s) => s.length > 0);

const COUNTRIES = ['EG', 'AE', 'RU', 'CN', 'BR', 'NG', 'MX', 'DE', 'TR', 'KZ'] as const;

describe('buyers: properties', () => {
  it('exports, imports into an empty stall and exports again to the same CSV, whatever the text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            company: cell,
            country: fc.constantFrom(...COUNTRIES),
            city: fc.option(cell, { nil: '' }),
            notes: fc.option(cell, { nil: '' }),
            tags: fc.uniqueArray(cell.filter((t) => !t.includes(';') && t.length <= 40), { maxLength: 3 }),
            contacts: fc.array(fc.record({ name: fc.option(cell, { nil: '' }), wechat: fc.option(cell.filter((w) => w.length <= 60), { nil: '' }) }), { maxLength: 3 }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        async (buyers) => {
          const a = tempCore();
          const b = tempCore();
          try {
            const seen = new Set<string>();
            for (const buyer of buyers) {
              const key = `${buyer.country}|${foldText(buyer.company) || buyer.company.toLowerCase()}`;
              if (seen.has(key)) continue; // the import's natural key: one buyer per company and country
              seen.add(key);
              await invoke(a, 'buyers.create', buyer);
            }
            const first = await invoke(a, 'buyers.export', {});
            const imported = await invoke(b, 'buyers.import', { csv: first.csv });
            expect(imported.errors).toEqual([]);
            const second = await invoke(b, 'buyers.export', {});
            expect(second.csv).toBe(first.csv);
          } finally {
            a.remove();
            b.remove();
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('finds a buyer by any word of its company name, folded or not', async () => {
    const core = tempCore();
    try {
      await fc.assert(
        fc.asyncProperty(cell, async (company) => {
          const created = await invoke(core, 'buyers.create', { company, country: 'EG' });
          for (const word of foldText(company).split(' ').filter(Boolean)) {
            const found = await invoke(core, 'buyers.search', { query: word, limit: 500 });
            expect(found.items.map((x) => x.id), `${company} by ${word}`).toContain(created.id);
          }
          // The original spelling (accents, hamza, case) finds it too, unless it is a phone-like string.
          if (searchTerms(company).length > 0 && !/^\+?[\d\s().\-/]+$/.test(company)) {
            const found = await invoke(core, 'buyers.search', { query: company, limit: 500 });
            expect(found.items.map((x) => x.id)).toContain(created.id);
          }
        }),
        { numRuns: 60 },
      );
    } finally {
      core.remove();
    }
  }, 60_000);

  it('keeps every region equal to the sum of its countries and the total equal to the sum of the regions', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ buyer: fc.nat({ max: 9 }), day: fc.integer({ min: 0, max: 700 }) }), { maxLength: 40 }),
        async (visits) => {
          const core = tempCore({ now: () => new Date('2026-06-15T10:00:00Z') });
          try {
            const ids: number[] = [];
            for (const [i, country] of COUNTRIES.entries()) ids.push((await invoke(core, 'buyers.create', { company: `B${i}`, country })).id);
            for (const v of visits) {
              const day = new Date(Date.UTC(2026, 5, 15) - v.day * 86_400_000).toISOString().slice(0, 10);
              await invoke(core, 'buyers.addVisit', { buyerId: ids[v.buyer] as number, visitedOn: day });
            }
            const report = await invoke(core, 'reports.trade', { from: '2025-06-16', to: '2026-06-15' });
            let buyers = 0;
            let count = 0;
            for (const region of report.regions) {
              expect(region.countries.reduce((s, c) => s + c.current.visits, 0)).toBe(region.current.visits);
              expect(region.countries.reduce((s, c) => s + c.current.buyers, 0)).toBe(region.current.buyers);
              expect(region.countries.reduce((s, c) => s + c.previous.visits, 0)).toBe(region.previous.visits);
              buyers += region.current.buyers;
              count += region.current.visits;
            }
            expect(buyers).toBe(report.total.current.buyers);
            expect(count).toBe(report.total.current.visits);
            expect(count).toBe(visits.filter((v) => v.day < 365).length);
          } finally {
            core.remove();
          }
        },
      ),
      { numRuns: 15 },
    );
  }, 120_000);
});
