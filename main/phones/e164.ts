import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
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
    throw invalid(
      field,
      msg(
        `"${value}" is not a valid phone number${defaultCountry ? ` for ${defaultCountry.toUpperCase()} (add the country code, e.g. +20…)` : ' (add the country code, e.g. +86…)'}`,
        `“${value}” 不是有效的电话号码${defaultCountry ? `（${defaultCountry.toUpperCase()}；请加国家代码，如 +20…）` : '（请加国家代码，如 +86…）'}`,
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
