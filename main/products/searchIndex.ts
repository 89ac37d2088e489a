import type { Core } from '../core';
import * as q from '../../db/products';
import { searchDoc } from './searchText';

/** Re-indexes at most this many products per step (keeps memory flat on a big catalog). */
const INDEX_BATCH = 2000;

/**
 * Writes the search rows of every product marked stale by the triggers on
 * products. Called by every product write (same transaction) and before each
 * search, so the index never lags behind; an upgraded database is indexed here
 * on first use. Returns how many products were indexed.
 */
export function refreshSearchIndex(core: Core): number {
  let done = 0;
  for (;;) {
    const stale = q.staleSearchIds(core.db, INDEX_BATCH);
    if (stale.length === 0) return done;
    const rows = new Map(q.rowsByIds(core.db, stale.map((s) => s.id)).map((r) => [r.id, r]));
    const docs: Parameters<typeof q.writeSearchDocs>[1] = [];
    for (const { id, fresh } of stale) {
      const row = rows.get(id);
      if (row) docs.push({ id, fresh, doc: searchDoc(row) });
      else q.writeSearchDoc(core.db, id, fresh, null);
    }
    q.writeSearchDocs(core.db, docs);
    done += stale.length;
  }
}

/** Re-indexes every product from scratch. */
export function rebuildSearchIndex(core: Core): number {
  q.markAllSearchStale(core.db);
  return refreshSearchIndex(core);
}
