import type { Db } from './open';
import { cached } from './statements';

export interface RateRow {
  id: number;
  currency: string;
  cny_per_unit_e8: number;
  effective_on: string;
  note: string;
  created_at: string;
}

export function insertRate(db: Db, rate: Omit<RateRow, 'id' | 'created_at'>): number {
  const info = cached(db, 
      `INSERT INTO exchange_rates (currency, cny_per_unit_e8, effective_on, note)
       VALUES (@currency, @cny_per_unit_e8, @effective_on, @note)`,
    )
    .run(rate);
  return Number(info.lastInsertRowid);
}

export function getRate(db: Db, id: number): RateRow | undefined {
  return cached<[number], RateRow>(db, 'SELECT * FROM exchange_rates WHERE id = ?').get(id);
}

/** The rate of each currency in force on `day`: the latest row on or before it (the last entered wins a tie). */
export function ratesOn(db: Db, day: string): RateRow[] {
  return cached<{ day: string }, RateRow>(db, 
      `SELECT r.* FROM exchange_rates r
        WHERE r.id = (SELECT r2.id FROM exchange_rates r2
                       WHERE r2.currency = r.currency AND r2.effective_on <= @day
                       ORDER BY r2.effective_on DESC, r2.id DESC LIMIT 1)
        ORDER BY r.currency`,
    )
    .all({ day });
}

export function rateOn(db: Db, currency: string, day: string): RateRow | undefined {
  return cached<{ currency: string; day: string }, RateRow>(db, 
      `SELECT * FROM exchange_rates WHERE currency = @currency AND effective_on <= @day
        ORDER BY effective_on DESC, id DESC LIMIT 1`,
    )
    .get({ currency, day });
}

/** Every rate entered for a currency, newest first. */
export function rateHistory(db: Db, currency: string, limit: number): RateRow[] {
  return cached<[string, number], RateRow>(db, 
      `SELECT * FROM exchange_rates WHERE currency = ? ORDER BY effective_on DESC, id DESC LIMIT ?`,
    )
    .all(currency, limit);
}
