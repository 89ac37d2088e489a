import { z } from 'zod';
import { owner, staff } from '../api/method';
import { overview } from '../../db/reports';
import { currencySchema, dateSchema } from '../buyers/schema';
import { tradeReport } from './trade';
import { marginReport } from './margin';
import { followUps } from './followUps';
import { dateInput } from '../rates/schema';
import { translate, type Locale } from '../errors/apiError';
import type { LastRun } from '../backup/runtime';

function failedBackup(last: LastRun | null, locale: Locale): { at: string; message: string } | null {
  if (!last || last.ok) return null;
  return { at: last.at, message: last.message ? translate(last.message, locale) : (last.error ?? '') };
}

export const reportsMethods = {
  'reports.overview': staff('Counts for the dashboard: active products, buyers, their countries, visits in the last 30 days, products low on stock; and the last automatic backup when it failed.', z.strictObject({}), (_input, { core, locale }) => {
      const since = new Date(core.now().getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
      const row = overview(core.db, since);
      return {
        products: row.products,
        archivedProducts: row.archived_products,
        buyers: row.buyers,
        countries: row.countries,
        visitsLast30Days: row.visits_since,
        lowStock: row.low_stock,
        /** The last automatic backup, when it failed (the dashboard shows an alert until one succeeds). */
        backupFailed: failedBackup(core.backups.lastAutomatic, locale),
      };
    }, { readOnly: true }),
  'reports.trade': staff('The trade picture for a period (from, to inclusive) by region and country: active buyers, visits, quoted and confirmed (PI) value in one reporting currency, conversion, change against the same dates a year before, share of the total; top buyers and products per region.', z.strictObject({
      from: dateSchema,
      to: dateSchema,
      /** Reporting currency; the default currency of the settings when omitted. */
      currency: currencySchema.optional(),
      top: z.number().int().min(1).max(20).default(5),
    }), (input, { core }) => tradeReport(core, input), { readOnly: true }),
  'reports.margin': owner('Gross margin (owner only), in CNY: per PI issued in the period (not cancelled) the revenue at the PI\'s rate, charges, goods cost from its purchase orders (or the product\'s cost price where none), margin and %; per buyer and per month.', z.strictObject({ from: dateInput.optional(), to: dateInput.optional(), buyerId: z.number().int().positive().optional() }), (input, { core }) => marginReport(core, input)),
  'reports.followUps': staff('What needs doing now: deposits awaited, purchase orders due within dueWithinDays or late (owner only), goods ready to deliver, balances overdue; each with its record\'s kind and id.', z.strictObject({ dueWithinDays: z.number().int().min(0).max(60).default(3) }), (input, { core, session }) => followUps(core, { owner: session.role === 'owner', dueWithinDays: input.dueWithinDays })),
};
