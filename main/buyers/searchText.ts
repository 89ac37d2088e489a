import { phoneLibrary } from '../phones/library';

/**
 * Search text for buyers, the same fold on both sides (what is stored and what
 * is typed), so one substring test finds a buyer in any script:
 * - Unicode compatibility decomposition, then every combining mark removed:
 *   "Muñoz" → "munoz", "Jürgen" → "jurgen", "İstanbul" → "istanbul", and the
 *   Arabic short vowels and hamza marks (أحمد → احمد, إبراهيم → ابراهيم);
 *   full-width Latin and digits become ASCII.
 * - Letters that do not decompose: ß → ss, æ → ae, ø → o, ł → l, đ → d, ı → i;
 *   Arabic ة → ه and ى → ي, Persian ی/ک → ي/ك, tatweel removed; Arabic-Indic
 *   digits → 0-9. Cyrillic й/ё lose their marks on both sides alike.
 * - Lower case; everything that is not a letter or a digit becomes one space.
 * Chinese needs no folding: it is matched as typed, one character is enough.
 * Bump SEARCH_TEXT_VERSION when this changes: stored texts are then rebuilt.
 */
export const SEARCH_TEXT_VERSION = 1;

const LETTERS: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h',
  ة: 'ه', ى: 'ي', ی: 'ي', ک: 'ك', ـ: '',
};

export function foldText(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþıħةىیکـ]/g, (c) => LETTERS[c] ?? c)
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** E.164 digits and the national digits ("+201001234567" → ["201001234567", "01001234567"]). */
export function phoneDigits(e164: string): string[] {
  if (!e164) return [];
  const out = [e164.replace(/\D/g, '')];
  const phone = phoneLibrary().parsePhoneNumberFromString(e164);
  if (phone) {
    const national = phone.formatNational().replace(/\D/g, '');
    if (national && !out.includes(national)) out.push(national);
  }
  return out;
}

export interface SearchSource {
  company: string;
  city: string;
  agent: string;
  contacts: Array<{ name: string; phone: string; whatsapp: string; wechat: string; email: string }>;
}

/** The stored text: folded fields between "|" (which folding never produces, so a match never spans two fields). */
export function buyerSearchText(b: SearchSource): string {
  const parts = [b.company, b.city, b.agent];
  for (const c of b.contacts) {
    parts.push(c.name, c.wechat, c.email);
    for (const p of new Set([c.phone, c.whatsapp])) parts.push(...phoneDigits(p));
  }
  return `|${parts.map(foldText).filter(Boolean).join('|')}|`;
}

/**
 * What a typed query looks for: a phone number typed in any layout
 * ("0100 123 4567", "+20 100-123-4567", "00201001234567") becomes its digits;
 * anything else becomes folded words that must all occur, in any order.
 */
export function searchTerms(query: string): string[] {
  const western = query
    .trim()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  if (/^\+?[\d\s().\-/]+$/.test(western)) {
    const digits = western.replace(/\D/g, '').replace(/^00/, '');
    if (digits.length >= 3) return [digits];
  }
  return [...new Set(foldText(western).split(' ').filter(Boolean))];
}
