import { z } from 'zod';
import { method } from '../api/method';
import { overview } from '../../db/reports';

export const reportsMethods = {
  'reports.overview': method({
    summary: 'Counts for the dashboard: active products, buyers, their countries, visits in the last 30 days, products low on stock.',
    access: 'staff',
    input: z.strictObject({}),
    handler: (_input, { core }) => {
      const since = new Date(core.now().getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
      const row = overview(core.db, since);
      return {
        products: row.products,
        archivedProducts: row.archived_products,
        buyers: row.buyers,
        countries: row.countries,
        visitsLast30Days: row.visits_since,
        lowStock: row.low_stock,
      };
    },
  }),
};
