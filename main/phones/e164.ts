import { getCountryCallingCode, isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { invalid, msg } from '../api/errors';

/**
 * Normalizes a phone number to E.164 (+8613800000000). A number typed without
 * a country prefix is read as a number of `defaultCountry` (ISO 3166-1 alpha-2).
 * Empty input stays empty. Throws an invalid_input error naming `field`.
 */
export function toE164(raw: string, defaultCountry: string | undefined, field: string): string {
  const value = raw.trim();
  if (value === '') return '';
  const cleaned = value.replace(/^00/, '+');
  const phone = parsePhoneNumberFromString(cleaned, (defaultCountry?.toUpperCase() as CountryCode | undefined) ?? undefined);
  if (!phone || !phone.isValid()) {
    const country = defaultCountry?.toUpperCase();
    // The example prefix is the country's own (+971 for AE), so the hint fits.
    const prefix = country && isSupportedCountry(country) ? `+${getCountryCallingCode(country as CountryCode)}` : '+86';
    throw invalid(
      field,
      msg(
        `"${value}" is not a valid phone number${country ? ` for ${country}` : ''} (check the digits, or add the country code, e.g. ${prefix}…)`,
        `“${value}” 不是有效的电话号码${country ? `（${country}）` : ''}，请检查号码或加国家代码，如 ${prefix}…`,
      ),
    );
  }
  return phone.number;
}

/** "+201001234567" → "wa.me/201001234567" click-to-chat link. */
export function whatsappLink(e164: string, text?: string): string {
  const digits = e164.replace(/\D/g, '');
  const query = text ? `?text=${encodeURIComponent(text)}` : '';
  return `https://wa.me/${digits}${query}`;
}

/** International display form: +20 100 123 4567. */
export function formatInternational(e164: string): string {
  const phone = parsePhoneNumberFromString(e164);
  return phone ? phone.formatInternational() : e164;
}
