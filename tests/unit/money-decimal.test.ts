import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divideRounded, fromScaled, roundHalfAwayFromZero, toScaled } from '../../main/money/decimal';

describe('exact decimals', () => {
  it('parses text and numbers exactly into scaled integers', () => {
    expect(toScaled('0.0525', 4)).toBe(525);
    expect(toScaled(0.145, 4)).toBe(1450);
    expect(toScaled('12', 2)).toBe(1200);
    expect(toScaled('-1.5', 2)).toBe(-150);
    expect(toScaled('1,250.50', 2)).toBe(125050);
    expect(toScaled(1e-7, 7)).toBe(1);
  });

  it('rejects more decimal places than the scale instead of rounding silently', () => {
    expect(() => toScaled('0.00001', 4)).toThrow(/more than 4 decimal places/);
    expect(() => toScaled('abc', 2)).toThrow(/not a decimal/);
    expect(() => toScaled(Number.NaN, 2)).toThrow(/finite/);
  });

  it('formats scaled integers with the minimum number of decimals asked for', () => {
    expect(fromScaled(1234500, 4, 2)).toBe('123.45');
    expect(fromScaled(1234567, 4, 2)).toBe('123.4567');
    expect(fromScaled(5, 2)).toBe('0.05');
    expect(fromScaled(-5, 2)).toBe('-0.05');
    expect(fromScaled(100, 2, 0)).toBe('1');
  });

  it('rounds half away from zero: 3 × 0.145 = 0.435 → 0.44, not the 0.43 of floating point', () => {
    const amountE4 = BigInt(3 * toScaled('0.145', 4));
    expect(fromScaled(roundHalfAwayFromZero(amountE4, 4, 2), 2)).toBe('0.44');
    expect(roundHalfAwayFromZero(-4350n, 4, 2)).toBe(-44n);
    expect(roundHalfAwayFromZero(4349n, 4, 2)).toBe(43n);
    expect(divideRounded(10n, 4n)).toBe(3n);
    expect(divideRounded(-10n, 4n)).toBe(-3n);
  });

  it('round-trips any 4-decimal value through text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        expect(toScaled(fromScaled(n, 4), 4)).toBe(n);
      }),
    );
  });

  it('rounding never moves a value by more than half a unit of the target scale', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (v) => {
        const r = roundHalfAwayFromZero(v, 4, 2);
        const diff = v - r * 100n;
        expect(diff <= 50n && diff >= -50n).toBe(true);
      }),
    );
  });
});
