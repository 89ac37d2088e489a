import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { MethodName } from '../../main/api/table';
import { apiTable } from '../../main/api/table';
import { areaOf, areasTouchedBy, queryKey, refreshAfter, refreshAll } from '../../renderer/src/api/invalidation';

/** A cache holding one query of each key, as the app would after showing a few screens. */
function cacheWith(keys: QueryKey[]): QueryClient {
  const client = new QueryClient();
  for (const key of keys) client.setQueryData(key, { read: true });
  return client;
}
const stale = (client: QueryClient) =>
  client
    .getQueryCache()
    .getAll()
    .filter((q) => q.state.isInvalidated)
    .map((q) => String(q.queryKey[0]))
    .sort();

const SCREENS: QueryKey[] = [
  queryKey('quotes.get', { id: 1 }),
  queryKey('quotes.list', { limit: 50, offset: 0 }),
  queryKey('invoices.get', { id: 7 }),
  queryKey('invoices.list', { limit: 50, offset: 0 }),
  queryKey('products.get', { id: 3 }),
  queryKey('stock.history', { productId: 3 }),
  queryKey('statements.buyer', { buyerId: 2 }),
  queryKey('receivables.list', {}),
  queryKey('reports.overview', {}),
  queryKey('buyers.get', { id: 2 }),
  queryKey('settings.get', {}),
  queryKey('auth.status', {}),
];

describe('invalidation derived from the method called', () => {
  it('builds every query key from the method name and its input, {} for none', () => {
    expect(queryKey('auth.status')).toEqual(['auth.status', {}]);
    expect(queryKey('quotes.get', { id: 4 })).toEqual(['quotes.get', { id: 4 }]);
    expect(areaOf('receivables.list')).toBe('receivables');
  });

  it('a write refreshes its own area only when it declares no cross-area effect', async () => {
    const client = cacheWith(SCREENS);
    await refreshAfter(client, 'settings.update');
    expect(stale(client)).toEqual(['settings.get']);
  });

  it('a payment refreshes the PI, its statements, receivables and the dashboard, but not the settings', async () => {
    const client = cacheWith(SCREENS);
    await refreshAfter(client, 'invoices.addPayment');
    const touched = stale(client);
    expect(touched).toEqual(expect.arrayContaining(['invoices.get', 'invoices.list', 'statements.buyer', 'receivables.list', 'reports.overview']));
    expect(touched).not.toContain('settings.get');
    expect(touched).not.toContain('auth.status');
  });

  it('making a PI from a quotation refreshes the invoices, the quotation and the stock too', async () => {
    const client = cacheWith(SCREENS);
    await refreshAfter(client, 'invoices.create');
    expect(stale(client)).toEqual(expect.arrayContaining(['invoices.list', 'quotes.get', 'quotes.list', 'stock.history', 'products.get']));
  });

  it('a key whose data the caller has just stored is not read again, the rest of the area is', async () => {
    const client = cacheWith(SCREENS);
    await refreshAfter(client, 'quotes.update', { fresh: [queryKey('quotes.get', { id: 1 })] });
    expect(stale(client)).toEqual(['quotes.list']);
  });

  it('a method that writes nothing (an export) refreshes nothing; a restore refreshes everything', async () => {
    const client = cacheWith(SCREENS);
    await refreshAfter(client, 'products.export');
    expect(stale(client)).toEqual([]);
    await refreshAfter(client, 'backup.restore');
    expect(stale(client)).toHaveLength(SCREENS.length);
  });

  it('a change of role refreshes every page but the auth status just stored', async () => {
    const client = cacheWith(SCREENS);
    await refreshAll(client, { fresh: [queryKey('auth.status', {})] });
    expect(stale(client)).toHaveLength(SCREENS.length - 1);
    expect(stale(client)).not.toContain('auth.status');
  });

  it('every area a write is declared to touch is an area of the API table', () => {
    const areas = new Set(Object.keys(apiTable).map(areaOf));
    for (const method of Object.keys(apiTable) as MethodName[]) {
      const touched = areasTouchedBy(method);
      if (touched === 'all') continue;
      for (const area of touched) expect(areas.has(area), `${method} → ${area}`).toBe(true);
    }
  });
});
