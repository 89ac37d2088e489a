/**
 * Owner-only fields, by name: anything starting with cost, margin or profit
 * as a whole word in camelCase (costCny, cost, marginPercent, profitCents…;
 * not "costume" nor "shippingCost"). Services leave them out for staff
 * already; dispatch strips them from every staff response as well, so a new
 * method cannot leak one by mistake.
 */
export const OWNER_ONLY_FIELD = /^(?:cost|margin|profit)(?:[A-Z0-9_]|$)/;

export function isOwnerOnlyField(key: string): boolean {
  return OWNER_ONLY_FIELD.test(key);
}

/** A copy of `value` without owner-only fields, at any depth. */
export function stripOwnerFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripOwnerFields);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date || Buffer.isBuffer(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!isOwnerOnlyField(key)) out[key] = stripOwnerFields(v);
  }
  return out;
}

/** The paths of owner-only fields in `value` (for tests and checks): [] when there are none. */
export function ownerFieldPaths(value: unknown, at = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => ownerFieldPaths(v, `${at}[${i}]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) => (isOwnerOnlyField(key) ? [`${at}.${key}`] : ownerFieldPaths(v, `${at}.${key}`)));
}
