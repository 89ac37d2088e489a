import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo, useSyncExternalStore } from 'react';
import { call, type ApiInput, type ApiOutput } from '../../api/client';

export type SearchHit = ApiOutput<'products.search'>['items'][number];
export type SearchFilters = Omit<ApiInput<'products.search'>, 'limit' | 'offset'>;

/** Rows fetched per request; the list asks for the pages around what is on screen. */
export const PAGE_SIZE = 100;

interface Snapshot {
  total: number | null;
  pages: ReadonlyMap<number, SearchHit[]>;
  error: Error | null;
}

/**
 * A product search as one long list of `total` rows, loaded a page at a time
 * as rows come into view (lists of 100,000 products). Pages go through
 * react-query's cache under ['products.search', input]; when a mutation
 * refreshes the products area, the pages held are fetched again (and stay on
 * screen meanwhile).
 */
class SearchPages {
  private pages = new Map<number, SearchHit[]>();
  private total: number | null = null;
  private error: Error | null = null;
  private snapshot: Snapshot = { total: null, pages: new Map(), error: null };
  private listeners = new Set<() => void>();
  private inFlight = new Set<number>();
  private generation = 0;
  private unsubscribeCache: (() => void) | null = null;

  constructor(
    private readonly client: QueryClient,
    private readonly filters: SearchFilters,
  ) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) {
      this.unsubscribeCache = this.client.getQueryCache().subscribe((event) => {
        if (event.type === 'updated' && event.action.type === 'invalidate' && event.query.queryKey[0] === 'products.search') this.reload();
      });
      if (!this.pages.has(0)) void this.load(0, false);
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.unsubscribeCache?.();
    };
  };

  getSnapshot = (): Snapshot => this.snapshot;

  /** Loads the pages holding rows first..last, and one page either side. */
  ensureRange = (first: number, last: number): void => {
    const from = Math.max(0, Math.floor(first / PAGE_SIZE) - 1);
    const to = Math.floor(Math.max(first, last) / PAGE_SIZE) + 1;
    for (let page = from; page <= to; page += 1) {
      if (this.total !== null && page * PAGE_SIZE >= this.total) break;
      if (!this.pages.has(page)) void this.load(page, false);
    }
  };

  private reloading = false;
  private reload(): void {
    // Many queries are invalidated at once: reload once.
    if (this.reloading) return;
    this.reloading = true;
    queueMicrotask(() => {
      this.reloading = false;
      this.generation += 1;
      this.inFlight.clear();
      const held = [...this.pages.keys()];
      for (const page of held.length ? held : [0]) void this.load(page, true);
    });
  }

  private async load(page: number, fresh: boolean): Promise<void> {
    if (this.inFlight.has(page)) return;
    this.inFlight.add(page);
    const generation = this.generation;
    const input = { ...this.filters, limit: PAGE_SIZE, offset: page * PAGE_SIZE };
    try {
      const result = await this.client.fetchQuery({
        queryKey: ['products.search', input],
        queryFn: () => call('products.search', input),
        staleTime: fresh ? 0 : 30_000,
      });
      if (generation !== this.generation) return;
      this.total = result.total;
      this.pages.set(page, result.items);
      this.error = null;
    } catch (e) {
      this.error = e as Error;
    } finally {
      if (generation === this.generation) this.inFlight.delete(page);
    }
    this.snapshot = { total: this.total, pages: new Map(this.pages), error: this.error };
    for (const l of this.listeners) l();
  }
}

export function usePagedSearch(filters: SearchFilters) {
  const client = useQueryClient();
  const key = JSON.stringify(filters);
  const store = useMemo(() => new SearchPages(client, JSON.parse(key) as SearchFilters), [client, key]);
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return useMemo(
    () => ({
      total: snapshot.total,
      error: snapshot.error,
      loading: snapshot.total === null && !snapshot.error,
      rowAt: (index: number): SearchHit | undefined => snapshot.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
      ensureRange: store.ensureRange,
    }),
    [snapshot, store],
  );
}
