/**
 * GTIN barcodes as printed on retail packaging: EAN-13, UPC-A (12 digits),
 * EAN-8 and GTIN-14, each ending in a mod-10 check digit.
 */
export function isValidGtin(code: string): boolean {
  if (!/^\d{8}$|^\d{12,14}$/.test(code)) return false;
  const digits = [...code].map(Number);
  const check = digits.pop() as number;
  let sum = 0;
  for (let i = digits.length - 1, weight = 3; i >= 0; i -= 1, weight = weight === 3 ? 1 : 3) {
    sum += (digits[i] as number) * weight;
  }
  return (10 - (sum % 10)) % 10 === check;
}

/** Appends the check digit to 7, 11, 12 or 13 digits. */
export function withCheckDigit(body: string): string {
  const digits = [...body].map(Number);
  let sum = 0;
  for (let i = digits.length - 1, weight = 3; i >= 0; i -= 1, weight = weight === 3 ? 1 : 3) {
    sum += (digits[i] as number) * weight;
  }
  return `${body}${(10 - (sum % 10)) % 10}`;
}
