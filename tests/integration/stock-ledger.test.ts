import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { invoke } from '../../main/api/invoke';
import * as stock from '../../main/stock/service';
import { tempCore } from '../helpers/tempCore';

describe('stock ledger rules', () => {
  let core: ReturnType<typeof tempCore>;
  let productId: number;
  beforeEach(async () => {
    core = tempCore();
    productId = (await invoke(core, 'products.create', { itemNo: 'A1', names: { en: 'Ball' } })).id;
  });
  afterEach(() => core.remove());

  it('derives on hand, reserved and available from the movements', () => {
    stock.receive(core, { productId, qty: 1000 });
    expect(stock.reserve(core, { productId, qty: 300, reference: 'PI-1' })).toBeNull();
    expect(stock.level(core, productId)).toEqual({ onHand: 1000, reserved: 300, available: 700 });
    stock.shipReference(core, 'PI-1');
    expect(stock.level(core, productId)).toEqual({ onHand: 700, reserved: 0, available: 700 });
  });

  it('reserves beyond the available stock with a warning, not a refusal', () => {
    stock.receive(core, { productId, qty: 100 });
    expect(stock.reserve(core, { productId, qty: 150, reference: 'PI-2' })).toEqual({ productId, requested: 150, available: 100 });
    expect(stock.level(core, productId).available).toBe(-50);
    expect(stock.releaseReference(core, 'PI-2')).toBe(150);
    expect(stock.level(core, productId)).toEqual({ onHand: 100, reserved: 0, available: 100 });
  });

  it('needs a reason to adjust and never lets on hand go below zero', () => {
    stock.receive(core, { productId, qty: 10 });
    expect(() => stock.adjust(core, { productId, qty: -3 })).toThrow(/reason/);
    expect(() => stock.adjust(core, { productId, qty: -11, reason: 'broken' })).toThrow(/negative/);
    stock.adjust(core, { productId, qty: -3, reason: 'broken' });
    expect(stock.level(core, productId).onHand).toBe(7);
  });
});
