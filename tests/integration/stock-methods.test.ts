import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiFailure, invoke } from '../../main/api/invoke';
import * as stock from '../../main/stock/service';
import { tempCore } from '../helpers/tempCore';

describe('stock area', () => {
  let core: ReturnType<typeof tempCore>;
  let clock = new Date('2026-03-01T08:00:00Z');
  let ball: number;
  let cup: number;
  beforeEach(async () => {
    clock = new Date('2026-03-01T08:00:00Z');
    core = tempCore({ now: () => clock });
    ball = (await invoke(core, 'products.create', { itemNo: 'A1', names: { en: 'Ball', zh: '球' }, lowStockAt: 100, packing: { pcsPerCarton: 50 } })).id;
    cup = (await invoke(core, 'products.create', { itemNo: 'B2', names: { en: 'Cup' }, lowStockAt: 10 })).id;
  });
  afterEach(() => core.remove());

  const tick = () => {
    clock = new Date(clock.getTime() + 3600_000);
  };

  it('receives, adjusts with a reason and counts; the history shows each movement with the balance after it', async () => {
    expect(await invoke(core, 'stock.receive', { productId: ball, qty: 500, reference: 'Delivery note 7731', note: 'factory Jinhua' })).toMatchObject({ level: { onHand: 500, available: 500 } });
    tick();
    await invoke(core, 'stock.adjust', { productId: ball, qty: -20, reason: 'broken' });
    tick();
    expect(await invoke(core, 'stock.count', { productId: ball, counted: 470 })).toMatchObject({ level: { onHand: 470 } });
    tick();
    expect((await invoke(core, 'stock.count', { productId: ball, counted: 470 })).moveId).toBeNull();
    const h = await invoke(core, 'stock.history', { productId: ball });
    expect(h.total).toBe(3);
    expect(h.items.map((m) => [m.kind, m.onHandDelta, m.onHandAfter, m.reference, m.reason])).toEqual([
      ['adjust', -10, 470, '', 'stock count'],
      ['adjust', -20, 480, '', 'broken'],
      ['receive', 500, 500, 'Delivery note 7731', ''],
    ]);
    expect(h.items[2]).toMatchObject({ itemNo: 'A1', names: { en: 'Ball', zh: '球' }, note: 'factory Jinhua', movedAt: '2026-03-01T08:00:00.000Z' });
  });

  it('shows reservations and shipments by invoices in the history and in available', async () => {
    await invoke(core, 'stock.receive', { productId: ball, qty: 300 });
    tick();
    stock.reserve(core, { productId: ball, qty: 120, reference: 'PI-2026-001' });
    expect((await invoke(core, 'products.get', { id: ball })).stock).toEqual({ onHand: 300, reserved: 120, available: 180 });
    tick();
    stock.shipReference(core, 'PI-2026-001');
    const h = await invoke(core, 'stock.history', { productId: ball, kinds: ['reserve', 'ship'] });
    expect(h.items.map((m) => [m.kind, m.onHandDelta, m.reservedDelta, m.onHandAfter, m.reservedAfter])).toEqual([
      ['ship', -120, -120, 180, 0],
      ['reserve', 0, 120, 300, 120],
    ]);
  });

  it('lists products at or below their low-stock threshold, the largest shortfall first', async () => {
    await invoke(core, 'stock.receive', { productId: ball, qty: 90 });
    await invoke(core, 'stock.receive', { productId: cup, qty: 11 });
    const third = (await invoke(core, 'products.create', { itemNo: 'C3', names: { en: 'Hat' } })).id;
    let low = await invoke(core, 'stock.lowList', {});
    expect(low.items.map((i) => [i.itemNo, i.level.available, i.lowStockAt, i.shortBy])).toEqual([['A1', 90, 100, 10]]);
    stock.reserve(core, { productId: cup, qty: 5, reference: 'PI-9' });
    await invoke(core, 'stock.setThreshold', { productId: third, lowStockAt: 0 });
    low = await invoke(core, 'stock.lowList', {});
    expect(low.items.map((i) => i.itemNo)).toEqual(['A1', 'B2', 'C3']);
    expect(low.total).toBe(3);
    await invoke(core, 'products.archive', { id: third });
    await invoke(core, 'stock.setThreshold', { productId: ball, lowStockAt: null });
    expect((await invoke(core, 'stock.lowList', {})).items.map((i) => i.itemNo)).toEqual(['B2']);
  });

  it('refuses bad movements, naming the field, and writes nothing', async () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['stock.receive', { productId: ball, qty: 0 }, 'qty'],
      ['stock.receive', { productId: ball, qty: 1.5 }, 'qty'],
      ['stock.receive', { productId: 999, qty: 5 }, 'productId'],
      ['stock.receive', { productId: ball, qty: 5, movedAt: '2030-01-01T00:00:00Z' }, 'movedAt'],
      ['stock.receive', { productId: ball, qty: 5, movedAt: 'yesterday' }, 'movedAt'],
      ['stock.adjust', { productId: ball, qty: -5, reason: '' }, 'reason'],
      ['stock.adjust', { productId: ball, qty: 0, reason: 'x' }, 'qty'],
      ['stock.adjust', { productId: ball, qty: -1, reason: 'lost' }, 'qty'],
      ['stock.count', { productId: ball, counted: -1 }, 'counted'],
      ['stock.setThreshold', { productId: 999, lowStockAt: 5 }, 'productId'],
    ];
    for (const [method, input, field] of cases) {
      const error = (await invoke(core, method as 'stock.receive', input as never).catch((e: unknown) => e)) as ApiFailure;
      expect(error.error, `${method} ${JSON.stringify(input)}`).toMatchObject({ field });
    }
    expect((await invoke(core, 'stock.history', {})).total).toBe(0);
  });

  it('lists movements of every product, newest first, filtered by date', async () => {
    await invoke(core, 'stock.receive', { productId: ball, qty: 10 });
    tick();
    await invoke(core, 'stock.receive', { productId: cup, qty: 20 });
    const all = await invoke(core, 'stock.history', {});
    expect(all.items.map((m) => m.itemNo)).toEqual(['B2', 'A1']);
    const later = await invoke(core, 'stock.history', { from: '2026-03-01T08:30:00Z' });
    expect(later.items.map((m) => m.itemNo)).toEqual(['B2']);
    expect((await invoke(core, 'stock.history', { limit: 1, offset: 5 })).total).toBe(2);
  });
});
