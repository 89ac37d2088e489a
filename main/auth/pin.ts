import crypto from 'node:crypto';
import { z } from 'zod';
import { because } from '../errors/validation';
import { m } from '../errors/apiError';

/** Owner PINs and pairing PINs are digits only, so a phone shows its number pad. */
export const ownerPinSchema = z
  .string()
  .regex(/^\d{4,8}$/, because(m('auth.mustDigits')));

// scrypt cost: about 50 ms on the shop PC, so guessing offline is slow too.
const N = 16384;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

/** 'scrypt$N$r$p$<salt>$<hash>' (base64), what security_settings.owner_pin_hash stores. */
export function hashPin(pin: string): string {
  const salt = crypto.randomBytes(16);
  const hash = crypto.scryptSync(pin, salt, KEY_BYTES, { N, r: R, p: P });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

/** Compares in constant time; a malformed stored value never matches. */
export function verifyPin(pin: string, stored: string): boolean {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = parts.slice(1, 4).map(Number);
  if (!n || !r || !p || n > 2 ** 20 || r > 16 || p > 4) return false;
  const salt = Buffer.from(parts[4] ?? '', 'base64');
  const expected = Buffer.from(parts[5] ?? '', 'base64');
  if (salt.length === 0 || expected.length !== KEY_BYTES) return false;
  const actual = crypto.scryptSync(pin, salt, KEY_BYTES, { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 });
  return crypto.timingSafeEqual(actual, expected);
}
