import { phoneLibrary, phoneMetadata } from './library';

/**
 * The country a number typed with its calling code belongs to: +971… → AE,
 * +234… → NG. For a calling code several countries share (+1, +7, +44…) the
 * number's own range decides (+7 701… → KZ), else the code's main country
 * (+1 → US, +7 → RU). Null without a + (or 00) prefix or for an unknown code.
 */
export function countryOfNumber(raw: string): string | null {
  const value = raw.trim().replace(/^00/, '+');
  if (!value.startsWith('+')) return null;
  const phone = phoneLibrary().parsePhoneNumberFromString(value);
  if (phone?.country) return phone.country;
  const digits = value.replace(/\D/g, '');
  const codes = phoneMetadata().country_calling_codes;
  for (const length of [1, 2, 3]) {
    const main = codes[digits.slice(0, length)]?.[0];
    if (main && main !== '001') return main;
  }
  return null;
}
