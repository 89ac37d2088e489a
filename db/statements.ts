import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

const cache = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement, prepared once per connection: for statements run
 * thousands of times in a row (imports, the search index).
 */
export function prepared<P extends unknown[] | object = unknown[], R = unknown>(db: Db, sql: string): Statement<P, R> {
  let forDb = cache.get(db);
  if (!forDb) {
    forDb = new Map();
    cache.set(db, forDb);
  }
  let stmt = forDb.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    forDb.set(sql, stmt);
  }
  return stmt as unknown as Statement<P, R>;
}
