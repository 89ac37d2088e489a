import type { Db } from './open';

export interface OverviewRow {
  products: number;
  archived_products: number;
  buyers: number;
  countries: number;
  visits_since: number;
  low_stock: number;
}

/** Counts for the dashboard's first glance. */
export function overview(db: Db, since: string): OverviewRow {
  return db
    .prepare<{ since: string }, OverviewRow>(
      `SELECT
         (SELECT count(*) FROM products WHERE archived = 0) AS products,
         (SELECT count(*) FROM products WHERE archived = 1) AS archived_products,
         (SELECT count(*) FROM buyers) AS buyers,
         (SELECT count(DISTINCT country) FROM buyers) AS countries,
         (SELECT count(*) FROM visits WHERE visited_on >= @since) AS visits_since,
         (SELECT count(*) FROM products p
            WHERE p.archived = 0 AND p.low_stock_at IS NOT NULL
              AND COALESCE((SELECT SUM(on_hand_delta) - SUM(reserved_delta) FROM stock_moves m WHERE m.product_id = p.id), 0) <= p.low_stock_at
         ) AS low_stock`,
    )
    .get({ since }) as OverviewRow;
}

/** Products plus buyers: zero for a new, empty stall. */
export function countRecords(db: Db): number {
  return (db.prepare<[], { n: number }>('SELECT (SELECT count(*) FROM products) + (SELECT count(*) FROM buyers) AS n').get() as { n: number }).n;
}
