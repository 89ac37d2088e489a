import { describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../main/demo/catalogData';

const byName = (en: string) => DEMO_PRODUCTS.find((p) => p.en === en)?.hsCode;

describe('the demo catalogue\'s HS codes (printed on every PI line)', () => {
  it('gives every product a 6-digit HS subheading of its own kind, not one per category', () => {
    for (const p of DEMO_PRODUCTS) expect(p.hsCode, p.en).toMatch(/^\d{4}\.\d{2}$/);
    // The cases a customs broker sent back.
    expect(byName('Power bank 10,000 mAh')).toBe('8507.60');
    expect(byName('TWS Bluetooth earbuds')).toBe('8518.30');
    expect(byName('Padlock 40 mm')).toBe('8301.10');
    expect(byName('Fast-charge USB-C cable 1 m')).toBe('8544.42');
    // And others whose heading is not their category's.
    expect(byName('Tape measure 5 m')).toBe('9017.80');
    expect(byName('Vacuum flask 500 ml')).toBe('9617.00');
    expect(byName('Smart band with heart rate')).toBe('8517.62');
    expect(byName('Inflatable beach ball')).toBe('9506.62');
    expect(byName('Reading glasses +1.0 to +4.0')).toBe('9004.90');
    for (const category of ['Phone accessories', 'Hardware', 'Kitchen', 'Accessories']) {
      expect(new Set(DEMO_PRODUCTS.filter((p) => p.category === category).map((p) => p.hsCode)).size, category).toBeGreaterThan(3);
    }
  });
});
