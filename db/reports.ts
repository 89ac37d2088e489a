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

/** Visits in [from, to] per buyer, with the buyer's country and company. */
export function visitsByBuyer(db: Db, from: string, to: string): Array<{ buyer_id: number; country: string; company: string; visits: number }> {
  return db
    .prepare<{ from: string; to: string }, { buyer_id: number; country: string; company: string; visits: number }>(
      `SELECT v.buyer_id, b.country, b.company, v.visits
         FROM (SELECT buyer_id, count(*) AS visits FROM visits
                WHERE visited_on BETWEEN @from AND @to GROUP BY buyer_id) v
         JOIN buyers b ON b.id = v.buyer_id`,
    )
    .all({ from, to });
}

/** Per buyer's country and product: in how many visits of [from, to] the product was of interest. */
export function interestByCountry(db: Db, from: string, to: string): Array<{ country: string; product_id: number; visits: number }> {
  return db
    .prepare<{ from: string; to: string }, { country: string; product_id: number; visits: number }>(
      `SELECT b.country, vp.product_id, count(*) AS visits
         FROM visits v JOIN visit_products vp ON vp.visit_id = v.id JOIN buyers b ON b.id = v.buyer_id
        WHERE v.visited_on BETWEEN @from AND @to
        GROUP BY b.country, vp.product_id`,
    )
    .all({ from, to });
}

export function buyersByIds(db: Db, ids: number[]): Array<{ id: number; company: string; country: string }> {
  return db
    .prepare<[string], { id: number; company: string; country: string }>(
      'SELECT id, company, country FROM buyers WHERE id IN (SELECT value FROM json_each(?))',
    )
    .all(JSON.stringify(ids));
}

export function defaultCurrency(db: Db): string {
  return (db.prepare<[], { c: string }>('SELECT default_currency AS c FROM app_settings WHERE id = 1').get() as { c: string } | undefined)?.c ?? 'USD';
}
