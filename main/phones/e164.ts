import type { CountryCode } from 'libphonenumber-js/max';
import { invalid, m } from '../errors/apiError';
import { phoneLibrary } from './library';

/**
 * A phone number read from what a person typed: E.164, and whether it falls in
 * the number ranges of libphonenumber's metadata. A number can be *possible*
 * (the right length for its country) but outside the listed ranges: new mobile
 * ranges, a Chinese +86 number of a buyer from elsewhere. Such numbers are kept
 * (`recognised: false`, with the country the calling code points to) and only
 * impossible ones are refused.
 */
export interface CheckedPhone {
  e164: string;
  recognised: boolean;
  /** The country of the number (from its calling code), e.g. DZ for +213…; '' when the code is shared and the number unlisted. */
  region: string;
}

function refuse(value: string, defaultCountry: string | undefined, field: string): never {
  const country = defaultCountry?.toUpperCase();
  // The example prefix is the country's own (+971 for AE), so the hint fits.
  const prefix = country && phoneLibrary().isSupportedCountry(country) ? `+${phoneLibrary().getCountryCallingCode(country as CountryCode)}` : '+86';
  throw invalid(
    field,
    country ? m('phones.notValidForCountry', { value, country, prefix }) : m('phones.notValid', { value, prefix }),
  );
}

/**
 * Reads a phone number: typed without a country prefix it is read as a number
 * of `defaultCountry` (ISO 3166-1 alpha-2). Empty input gives null. Throws an
 * invalid_input error naming `field` for a number that cannot be one (too short,
 * too long, letters, an unknown calling code).
 */
export function checkPhone(raw: string, defaultCountry: string | undefined, field: string): CheckedPhone | null {
  const value = raw.trim();
  if (value === '') return null;
  if (/[a-z]/i.test(value.replace(/\s*(ext\.?|x)\s*\d+$/i, ''))) refuse(value, defaultCountry, field);
  const cleaned = value.replace(/^00/, '+');
  const phone = phoneLibrary().parsePhoneNumberFromString(cleaned, (defaultCountry?.toUpperCase() as CountryCode | undefined) ?? undefined);
  if (!phone || !phone.isPossible()) refuse(value, defaultCountry, field);
  const recognised = phone.isValid();
  return { e164: phone.number, recognised, region: phone.country ?? '' };
}

/**
 * Normalizes a phone number to E.164 (+8613800000000), keeping possible numbers
 * that the metadata does not list (see checkPhone). Empty input stays empty.
 */
export function toE164(raw: string, defaultCountry: string | undefined, field: string): string {
  return checkPhone(raw, defaultCountry, field)?.e164 ?? '';
}

/** Whether a stored E.164 number lies in a listed range; and the country its calling code points to. */
export function phoneStatus(e164: string): { recognised: boolean; region: string } {
  const phone = phoneLibrary().parsePhoneNumberFromString(e164);
  return { recognised: phone?.isValid() ?? false, region: phone?.country ?? '' };
}

/** "+201001234567" → "wa.me/201001234567" click-to-chat link. */
export function whatsappLink(e164: string, text?: string): string {
  const digits = e164.replace(/\D/g, '');
  const query = text ? `?text=${encodeURIComponent(text)}` : '';
  return `https://wa.me/${digits}${query}`;
}

/** International display form: +20 100 123 4567. */
export function formatInternational(e164: string): string {
  const phone = phoneLibrary().parsePhoneNumberFromString(e164);
  return phone ? phone.formatInternational() : e164;
}
