/**
 * Do the typed payment terms say what the deposit % and the balance rule say?
 * A quotation's payment terms are free text ("T/T: 30% deposit with order, 70%
 * balance before loading"), while the deposit % and the balance rule drive the
 * printed figures and sentence. When they contradict each other the buyer's
 * bank and the buyer read two different deals, so the quote screen warns before
 * printing. Pure: text and numbers in, warnings out.
 *
 * Read in English, Chinese, Spanish, French, Portuguese and Russian, the
 * languages staff type terms in.
 */
import type { BalanceRule, TermsWarning } from './types';

export interface PaymentTermsInput {
  paymentTerms: string;
  depositPercent: number;
  balanceRule: BalanceRule;
}

const PERCENT = String.raw`(\d{1,3}(?:[.,]\d+)?)\s*[%％]`;
/** Words that name a deposit (or a payment in advance) right after or before a percent. */
const DEPOSIT_WORDS = String.raw`(?:t\s*/\s*t\s+)?(?:deposit|down\s*-?\s*payment|in\s+advance|advance|prepayment|prepaid|定金|订金|预付款?|首付|anticipo|adelanto|acompte|avance|sinal|entrada|предоплат\p{L}*|аванс\p{L}*)`;
const DEPOSIT_AFTER = new RegExp(`${PERCENT}\\s*(?:de\\s+|d'|of\\s+|的)?${DEPOSIT_WORDS}`, 'giu');
const DEPOSIT_BEFORE = new RegExp(`(?:deposit|down\\s*-?\\s*payment|advance|定金|订金|预付款?|首付|anticipo|acompte|sinal|предоплат\\p{L}*|аванс\\p{L}*)\\s*(?:of|del?|du|в|为|:|：)?\\s*${PERCENT}`, 'giu');
/** "100% T/T in advance", "全款", "款到发货", "100% antes del embarque"… */
const FULL_ADVANCE = [
  /100\s*[%％]\s*(?:t\s*\/\s*t\s+|payment\s+|paid\s+)?(?:in\s+advance|advance|prepa(?:id|yment)|before\s+(?:production|shipment|loading|delivery)|with\s+(?:the\s+)?order)/iu,
  /(?:full|total)\s+payment\s+(?:in\s+advance|before\s+(?:production|shipment|loading|delivery)|with\s+(?:the\s+)?order)/iu,
  /全款|全额(?:预付|付款)|款到发货|100\s*[%％]\s*(?:预付|付款|定金)/u,
  /100\s*[%％]\s*(?:anticipad[oa]|por\s+adelantado|d'avance|à\s+la\s+commande|antecipad[oa]|предоплат\p{L}*)/iu,
];

/** Phrases for each balance rule, the most specific first (so "days after B/L" wins over "B/L"). */
const BALANCE_PHRASES: Array<[BalanceRule, RegExp]> = [
  ['days_after_bl', /\d+\s*days?\s+(?:after|from)\s+(?:the\s+)?(?:b\s*\/\s*l|bill\s+of\s+lading)|提单日?(?:期)?后\s*\d+\s*天|\d+\s*días\s+(?:después|desde)\s+(?:del?\s+)?(?:b\s*\/\s*l|conocimiento)|\d+\s*jours\s+après\s+(?:le\s+)?(?:b\s*\/\s*l|connaissement)|\d+\s*дн\p{L}*\s+после\s+(?:даты\s+)?(?:коносамент\p{L}*|b\s*\/\s*l)/iu],
  ['against_bl_copy', /(?:against|upon|on\s+receipt\s+of|after\s+receiving)\s+(?:the\s+)?(?:copy\s+of\s+(?:the\s+)?)?(?:b\s*\/\s*l|bill\s+of\s+lading)(?:\s+copy)?|b\s*\/\s*l\s+copy|见提单(?:副本|复印件)?|凭提单|提单副本|contra\s+(?:copia\s+(?:del?\s+)?)?(?:b\s*\/\s*l|conocimiento)|contre\s+(?:copie\s+(?:du\s+)?)?(?:b\s*\/\s*l|connaissement)|против\s+копии\s+коносамент\p{L}*/iu],
  ['at_sight_lc', /l\s*\/\s*c\s+at\s+sight|at\s+sight|sight\s+l\s*\/\s*c|letter\s+of\s+credit|即期信用证|信用证|carta\s+de\s+crédito|crédit\s+documentaire|аккредитив\p{L}*/iu],
  ['on_delivery_to_forwarder', /(?:on|upon)\s+delivery\s+(?:of\s+the\s+goods\s+)?to\s+(?:the\s+|your\s+)?(?:buyer'?s?\s+)?forwarder|(?:交|送)(?:货|到)(?:给|至)?货代|货到货代|al\s+entregar\s+(?:la\s+mercancía\s+)?al\s+(?:agente|transitario)|à\s+la\s+livraison\s+au\s+transitaire|при\s+передаче\s+(?:товара\s+)?(?:экспедитор\p{L}*|карго)/iu],
  ['before_shipment', /before\s+(?:shipment|shipping|loading|delivery|dispatch)|prior\s+to\s+(?:shipment|loading|delivery)|(?:出货|发货|装运|装柜|交货)前|antes\s+del?\s+(?:embarque|envío|despacho|la\s+carga)|avant\s+(?:l'|le\s+)?(?:expédition|embarquement|chargement)|antes\s+do\s+embarque|до\s+отгрузки/iu],
];

function parsePercent(text: string): number {
  return Number(text.replace(',', '.'));
}

/** Deposit percents the text names ("30% deposit", "deposit 30%", "定金30%"). */
export function typedDepositPercents(text: string): number[] {
  const found: number[] = [];
  for (const re of [DEPOSIT_AFTER, DEPOSIT_BEFORE]) {
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) found.push(parsePercent(m[1] as string));
  }
  return [...new Set(found)];
}

/** The balance rule the text describes, if it names one. */
export function typedBalanceRule(text: string): BalanceRule | null {
  for (const [rule, re] of BALANCE_PHRASES) if (re.test(text)) return rule;
  return null;
}

export function paymentTermsWarnings(input: PaymentTermsInput): TermsWarning[] {
  const text = input.paymentTerms.trim();
  if (text === '') return [];
  const warnings: TermsWarning[] = [];
  const deposit = input.depositPercent;
  const fullAdvance = FULL_ADVANCE.some((re) => re.test(text));
  if (fullAdvance && deposit < 100) {
    warnings.push({ code: 'full_advance_with_deposit', depositPercent: deposit });
  } else {
    const typed = typedDepositPercents(text).filter((p) => p !== 100 || !fullAdvance);
    const other = typed.find((p) => p !== deposit);
    if (other !== undefined) {
      warnings.push(deposit === 0 ? { code: 'deposit_without_percent', typed: other } : { code: 'deposit_percent_differs', typed: other, depositPercent: deposit });
    }
  }
  // The balance rule matters only when there is a balance.
  if (deposit < 100 && !fullAdvance) {
    const rule = typedBalanceRule(text);
    if (rule !== null && rule !== input.balanceRule) warnings.push({ code: 'balance_rule_differs', typed: rule, balanceRule: input.balanceRule });
  }
  return warnings;
}
