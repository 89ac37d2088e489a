/**
 * The date a factory is asked to deliver by, from a PI's delivery time as the buyer was
 * told it ("35 days after deposit", "30-35 working days", "收到定金后35天", "4 weeks"):
 * counted from the day the deposit was received when it has been, else from the PI's
 * issue date. The purchase order's date stays editable; text without a number of days or
 * weeks gives none.
 */
import { addDays } from '../calendar/dates';

const UNIT = String.raw`(working\s+|business\s+|个?工作)?\s*(days?|天|日|weeks?|个?星期|周)`;
const RANGE = new RegExp(String.raw`(\d{1,3})\s*(?:-|–|—|~|～|to|至|到)\s*(\d{1,3})\s*` + UNIT, 'i');
const SINGLE = new RegExp(String.raw`(\d{1,3})\s*` + UNIT, 'i');

/** Calendar days in a delivery time ("30-35 days" → 35; "4 weeks" → 28; working days × 7/5, rounded up), or null. */
export function deliveryDays(text: string): number | null {
  const range = RANGE.exec(text);
  const match = range ?? SINGLE.exec(text);
  if (!match) return null;
  const n = range ? Math.max(Number(range[1]), Number(range[2])) : Number(match[1]);
  const working = Boolean(range ? range[3] : match[2]);
  const unit = (range ? range[4] : match[3]) ?? '';
  const weeks = /week|星期|周/i.test(unit);
  if (weeks) return n * 7;
  return working ? Math.ceil((n * 7) / 5) : n;
}

export interface DepositPayment {
  paidOn: string;
  amountE4: number;
}

/** The day the payments first covered the deposit (in date order), or null while they do not. */
export function depositReceivedOn(depositE4: number, payments: DepositPayment[]): string | null {
  if (depositE4 <= 0) return null;
  let paid = 0;
  for (const p of [...payments].sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0))) {
    paid += p.amountE4;
    if (paid >= depositE4) return p.paidOn;
  }
  return null;
}

/** The delivery date asked of the factory, and what it was counted from. */
export function factoryDeliveryDate(
  deliveryTime: string,
  issuedOn: string,
  depositE4: number,
  payments: DepositPayment[],
): { date: string | null; from: 'deposit' | 'issue'; days: number | null } {
  const deposit = depositReceivedOn(depositE4, payments);
  const from = deposit ? 'deposit' : 'issue';
  const days = deliveryDays(deliveryTime);
  return { date: days === null ? null : addDays(deposit ?? issuedOn, days), from, days };
}
