import { isCjk } from './fonts';

/** Line breaking: where a line may end (after spaces, between Chinese characters, not before closing punctuation…). */

export const NO_LINE_START = new Set([...'，。、；：？！）」』】〉》〕…％‰·,.;:!?)]}%']);
export const NO_LINE_END = new Set([...'（「『【〈《〔([{']);

export function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000';
}

export function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isSpace(text[e - 1] as string)) e -= 1;
  return e;
}

/**
 * Splits a paragraph into unbreakable pieces ("atoms"), each keeping its
 * trailing spaces: a line may break only between atoms.
 */
export function breakAtoms(text: string): Array<[number, number]> {
  const atoms: Array<[number, number]> = [];
  let start = 0;
  let prev = '';
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    if (i > start && canBreakBetween(prev, ch, text.codePointAt(i + ch.length))) {
      atoms.push([start, i]);
      start = i;
    }
    prev = ch;
    i += ch.length;
  }
  if (start < text.length) atoms.push([start, text.length]);
  return atoms;
}

export function canBreakBetween(a: string, b: string, after: number | undefined): boolean {
  if (isSpace(b)) return false;
  if (NO_LINE_START.has(b) || NO_LINE_END.has(a)) return false;
  if (isSpace(a)) return true;
  const ca = a.codePointAt(0) ?? 0;
  const cb = b.codePointAt(0) ?? 0;
  if (isCjk(ca) || isCjk(cb)) return true;
  // After a hyphen or slash inside a word ("pull-|back"), not inside a short code ("B/L", "L/C", "USB-C").
  if ((a === '-' || a === '/') && /\p{L}/u.test(b) && after !== undefined && /\p{L}/u.test(String.fromCodePoint(after))) return true;
  return false;
}
