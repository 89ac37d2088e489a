import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';
import { hashKey } from '@tanstack/react-query';
// Types straight from the API table (not ./client, which needs the DOM): the unit tests load this module in Node.
import type { ApiInput, MethodName } from '../../../main/api/table';

/** The one way a query key is made: the method, then its input (`{}` when it takes none). */
export function queryKey<M extends MethodName>(method: M, input?: ApiInput<M>): [M, ApiInput<M> | Record<string, never>] {
  return [method, input ?? {}];
}

/** A method's area: the part of its name before the dot ("quotes" of "quotes.accept"). */
export function areaOf(method: string): string {
  const dot = method.indexOf('.');
  return dot < 0 ? method : method.slice(0, dot);
}

/** Every cached query (after a restore: everything on screen may have changed). */
const ALL = 'all';
/** Nothing (a method that writes nothing, or whose caller stores the result itself). */
const NONE = 'none';
type Effect = readonly string[] | typeof ALL | typeof NONE;

/**
 * What a write changes besides its own area, by area and, where a method differs from its area,
 * by method. A write always refreshes its own area's queries unless it says NONE. The areas are
 * those of the queries that show the data: `reports` is the dashboard, `receivables` who owes what.
 */
const EFFECTS: Record<string, Effect> = {
  products: ['stock'],
  'products.addPhotos': [],
  'products.setPhotos': [],
  'products.duplicate': [],
  'products.export': NONE,
  'products.sampleTags': NONE,
  stock: ['products'],
  buyers: ['reports'],
  'buyers.setCard': [],
  suppliers: ['products', 'purchases'],
  'suppliers.create': ['products'],
  'suppliers.archive': [],
  rates: ['quotes'],
  // A quotation shows on its buyer's card (and may add the buyer on the spot).
  quotes: ['buyers'],
  // The quote screen's edits, one per key: only the quotation lists and the quote search.
  'quotes.update': [],
  'quotes.addLine': [],
  'quotes.addByScan': [],
  'quotes.updateSettings': [],
  // A PI reserves stock and takes its quotation; its payments move the balances.
  invoices: ['quotes', 'products', 'stock', 'buyers', 'statements', 'receivables', 'reports', 'shipments'],
  'invoices.paymentPreview': NONE,
  purchases: ['invoices', 'reports', 'suppliers'],
  'purchases.create': ['suppliers'],
  'purchases.receive': ['invoices', 'stock', 'products', 'reports', 'shipments'],
  'purchases.exportXlsx': NONE,
  shipments: ['invoices', 'stock', 'products', 'reports', 'statements', 'receivables', 'purchases'],
  'shipments.declarationXlsx': NONE,
  // The caller stores the new auth.status; a change of role refreshes every page (app/OwnerLock.tsx).
  auth: NONE,
  'backup.restore': ALL,
  documents: NONE,
  diagnostics: NONE,
};

/** The areas whose queries a call of `method` refreshes ('all' for every query). */
export function areasTouchedBy(method: MethodName): string[] | typeof ALL {
  const area = areaOf(method);
  const effect = EFFECTS[method] ?? EFFECTS[area] ?? [];
  if (effect === ALL) return ALL;
  if (effect === NONE) return [];
  return [area, ...effect.filter((a) => a !== area)];
}

export interface RefreshOptions {
  /** Keys whose data the caller has just set from the call's result: not read again. */
  fresh?: readonly QueryKey[];
}

/** Whether a call of `method` makes the query with this key stale. */
export function refreshes(method: MethodName, key: QueryKey, options: RefreshOptions = {}): boolean {
  if (options.fresh?.some((k) => hashKey(k) === hashKey(key))) return false;
  const areas = areasTouchedBy(method);
  if (areas === ALL) return true;
  const name = key[0];
  return typeof name === 'string' && areas.includes(areaOf(name));
}

/** After a successful call of `method`: every cached query it touched is stale, the ones on screen read again. */
export function refreshAfter(client: QueryClient, method: MethodName, options: RefreshOptions = {}): Promise<void> {
  return client.invalidateQueries({ predicate: (q: Query) => refreshes(method, q.queryKey, options) });
}

/** Every cached query but the fresh ones is stale (a change of role, a restarted core). */
export function refreshAll(client: QueryClient, options: RefreshOptions = {}): Promise<void> {
  return client.invalidateQueries({ predicate: (q: Query) => !options.fresh?.some((k) => hashKey(k) === hashKey(q.queryKey)) });
}
