/**
 * Exact decimals as scaled integers. A value with scale s is stored as the
 * integer value × 10^s: unit prices use scale 4 (*_e4 columns), amounts scale 2
 * (*_cents). The one rounding rule of the app is roundHalfAwayFromZero.
 */

export class DecimalError extends Error {}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d*))?$/;

/**
 * Parses "12.5", "0.0525", 3 or -1.25 into an integer at `scale`, exactly.
 * Rejects more decimals than the scale allows rather than rounding silently.
 */
export function toScaled(value: string | number, scale: number): number {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new DecimalError('is not a finite number');
    text = numberToPlainString(value);
  } else {
    text = value.trim().replace(/,/g, '');
  }
  const match = DECIMAL.exec(text);
  if (!match) throw new DecimalError(`"${String(value)}" is not a decimal number`);
  const [, sign, whole = '0', fraction = ''] = match;
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed.length > scale) throw new DecimalError(`has more than ${scale} decimal places`);
  const digits = BigInt(whole + trimmed.padEnd(scale, '0'));
  const result = sign === '-' ? -digits : digits;
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new DecimalError('is too large');
  }
  return Number(result);
}

/** 1e-7 → "0.0000001": a number's shortest exact decimal text, without exponent. */
function numberToPlainString(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  const [mantissa = '0', exp = '0'] = s.toLowerCase().split('e');
  const e = Number(exp);
  const negative = mantissa.startsWith('-');
  const [int = '0', frac = ''] = mantissa.replace('-', '').split('.');
  const digits = int + frac;
  const point = int.length + e;
  let out: string;
  if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  return negative ? `-${out}` : out;
}

/** 1234500 at scale 4 → "123.45" (at least minDecimals decimals, trailing zeros beyond trimmed). */
export function fromScaled(value: number | bigint, scale: number, minDecimals = scale): string {
  const big = BigInt(value);
  const negative = big < 0n;
  const digits = (negative ? -big : big).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  let fraction = scale > 0 ? digits.slice(digits.length - scale) : '';
  while (fraction.length > minDecimals && fraction.endsWith('0')) fraction = fraction.slice(0, -1);
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/**
 * The app's one rounding rule: half away from zero (0.445 → 0.45, -0.445 → -0.45),
 * applied to exact integers: `value` at `fromScale` becomes an integer at `toScale`.
 */
export function roundHalfAwayFromZero(value: bigint, fromScale: number, toScale: number): bigint {
  if (toScale >= fromScale) return value * 10n ** BigInt(toScale - fromScale);
  const divisor = 10n ** BigInt(fromScale - toScale);
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const quotient = abs / divisor;
  const remainder = abs % divisor;
  const rounded = remainder * 2n >= divisor ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}

/**
 * Rounds an exact quotient numerator / denominator (both integers) half away
 * from zero: the result of a division at the caller's scale.
 */
export function divideRounded(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new DecimalError('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const rounded = (n % d) * 2n >= d ? quotient + 1n : quotient;
  return negative ? -rounded : rounded;
}
