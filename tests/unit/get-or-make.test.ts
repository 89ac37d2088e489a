import { describe, expect, it } from 'vitest';
import { getOrMake } from '../../main/collections/getOrMake';

describe('getOrMake', () => {
  it('makes a value once per key and keeps null, false and 0 like any other value', () => {
    const map = new Map<string, number | boolean | null>();
    let made = 0;
    for (const [key, value] of [['a', null], ['b', false], ['c', 0]] as const) {
      for (let i = 0; i < 3; i += 1) {
        expect(getOrMake(map, key, () => ((made += 1), value))).toBe(value);
      }
    }
    expect(made).toBe(3);
  });

  it('keeps values by object in a WeakMap', () => {
    const owner = {};
    const map = new WeakMap<object, string[]>();
    getOrMake(map, owner, () => []).push('x');
    expect(getOrMake(map, owner, () => [])).toEqual(['x']);
  });
});
