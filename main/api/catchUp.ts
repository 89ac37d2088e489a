import type { Core } from '../core';
import { refreshSearchIndex as refreshProducts } from '../products/searchIndex';
import { refreshSearchIndex as refreshBuyers } from '../buyers/service';
import { SEARCH_TEXT_VERSION } from '../buyers/searchText';
import { staleSearchIds } from '../../db/products';
import { staleSearchSources } from '../../db/buyers';
import { writeTransaction } from '../../db/transactions';

/**
 * The search indexes of products and buyers are kept current by their
 * writers; rows written another way (an older version, a restore, SQL by
 * hand) are marked stale and rewritten before a search. That rewrite is a
 * write, so it runs here, in its own short write transaction, before a
 * read-only search runs with writes refused. Null when nothing was stale;
 * 'busy' when rows are stale but an import holds the write lock.
 */
export function catchUpSearchIndexes(core: Core): 'done' | 'busy' | null {
  const products = staleSearchIds(core.db, 1).length > 0;
  const buyers = staleSearchSources(core.db, SEARCH_TEXT_VERSION, 1).length > 0;
  if (!products && !buyers) return null;
  if (core.jobs?.writing) return 'busy';
  writeTransaction(core.db, () => {
    if (products) refreshProducts(core);
    if (buyers) refreshBuyers(core);
  });
  return 'done';
}
