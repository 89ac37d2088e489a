import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

type AnyStatement = Statement<unknown[], unknown>;
const caches = new WeakMap<Db, Map<string, AnyStatement>>();

/**
 * A prepared statement, prepared once per connection and reused: for the
 * quote screen (recalculated on every change), imports and the search index
 * (statements run thousands of times in a row), where preparing the same SQL
 * again each time costs more than running it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export function cached<P extends unknown[] | {} = unknown[], R = unknown>(db: Db, sql: string): Statement<P, R> {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map<string, AnyStatement>();
    caches.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare<unknown[], unknown>(sql);
    cache.set(sql, statement);
  }
  return statement as unknown as Statement<P, R>;
}
