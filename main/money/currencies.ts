/** Every ISO 4217 code Intl knows, with the ones most used at a Yiwu stall first. */
export const COMMON_CURRENCIES = ['USD', 'EUR', 'CNY', 'AED', 'SAR', 'RUB', 'BRL', 'MXN', 'NGN', 'KES', 'INR', 'THB', 'IDR'] as const;

const known = new Set<string>(Intl.supportedValuesOf('currency'));
for (const c of COMMON_CURRENCIES) known.add(c);

export function isKnownCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && known.has(code);
}

export function allCurrencies(): string[] {
  const rest = [...known].filter((c) => !(COMMON_CURRENCIES as readonly string[]).includes(c)).sort();
  return [...COMMON_CURRENCIES, ...rest];
}
