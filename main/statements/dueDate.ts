/**
 * When a PI's balance is due, read from its payment terms (the words the buyer agreed to):
 *
 * - "N days after (the) invoice / PI / issue / order date", "net N", "开票后N天" → the issue date + N;
 * - "N days after B/L / shipment / delivery / loading / arrival / receipt of goods", "发货后N天",
 *   "到货后N天", "提单后N天" → the first delivery's date + N;
 * - anything else ("balance before shipment", "at delivery", "against copy of B/L", "出货前付清",
 *   no terms) → the first delivery's date: the balance is due when the goods start to leave.
 *
 * Until a delivery-based balance has a delivery it is not due. (A structured payment-terms
 * rule, when PIs carry one, replaces the reading of words here: balanceRule is the one place.)
 */

export interface BalanceRule {
  from: 'issue' | 'delivery';
  days: number;
}

const ISSUE_EN = /(\d{1,3})\s*(?:calendar\s+)?days?\s*(?:after|from|of)\s*(?:the\s+)?(?:date\s+of\s+(?:the\s+)?)?(?:invoice|pi\b|proforma|pro-forma|issue|order)/i;
const DELIVERY_EN = /(\d{1,3})\s*(?:calendar\s+)?days?\s*(?:after|from|of)\s*(?:the\s+)?(?:date\s+of\s+(?:the\s+)?)?(?:b\s*\/\s*l|bl\b|bill\s+of\s+lading|shipment|shipping|delivery|loading|arrival|receipt)/i;
const NET = /\bnet\s*(\d{1,3})\b/i;
const ISSUE_ZH = /(?:开票|发票|下单|签约|订单)(?:日期)?(?:后|起)\s*(\d{1,3})\s*(?:个)?[天日]/;
const DELIVERY_ZH = /(?:发货|出货|交货|送货|装运|装船|提单|到货|收货|进仓)(?:日期)?(?:后|起)\s*(\d{1,3})\s*(?:个)?[天日]/;

const cache = new Map<string, BalanceRule>();

export function balanceRule(paymentTerms: string): BalanceRule {
  const hit = cache.get(paymentTerms);
  if (hit) return hit;
  let rule: BalanceRule = { from: 'delivery', days: 0 };
  const issue = ISSUE_EN.exec(paymentTerms) ?? ISSUE_ZH.exec(paymentTerms) ?? NET.exec(paymentTerms);
  const delivery = DELIVERY_EN.exec(paymentTerms) ?? DELIVERY_ZH.exec(paymentTerms);
  if (delivery) rule = { from: 'delivery', days: Number(delivery[1]) };
  else if (issue) rule = { from: 'issue', days: Number(issue[1]) };
  if (cache.size > 1000) cache.clear();
  cache.set(paymentTerms, rule);
  return rule;
}

const dayCache = new Map<string, number>();

/** Days since 1970-01-01 of a YYYY-MM-DD date (cached: statements and lists meet the same dates again and again). */
function epochDay(date: string): number {
  let day = dayCache.get(date);
  if (day === undefined) {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    day = Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
    if (dayCache.size > 20_000) dayCache.clear();
    dayCache.set(date, day);
  }
  return day;
}

function addDays(date: string, days: number): string {
  return days === 0 ? date : new Date((epochDay(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** The balance's due date, or null while it waits for a delivery. */
export function balanceDueOn(paymentTerms: string, issuedOn: string, firstDeliveryOn: string | null): string | null {
  const rule = balanceRule(paymentTerms);
  if (rule.from === 'issue') return addDays(issuedOn, rule.days);
  return firstDeliveryOn === null ? null : addDays(firstDeliveryOn, rule.days);
}

/** Whole days from `from` to `to` (YYYY-MM-DD), negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

export const AGING_BUCKETS = ['notDue', 'days0to30', 'days31to60', 'days61to90', 'days90plus'] as const;
export type AgingBucket = (typeof AGING_BUCKETS)[number];

/** The bucket of a balance `age` days past its due date (negative or no due date: not yet due). */
export function bucketOf(age: number | null): AgingBucket {
  if (age === null || age < 0) return 'notDue';
  if (age <= 30) return 'days0to30';
  if (age <= 60) return 'days31to60';
  if (age <= 90) return 'days61to90';
  return 'days90plus';
}
