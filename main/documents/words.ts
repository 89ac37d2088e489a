import { toCardinal as enWords } from 'n2words/en-GB';
import { toCardinal as esWords } from 'n2words/es-ES';
import { toCardinal as frWords } from 'n2words/fr-FR';
import { toCardinal as ptWords } from 'n2words/pt-PT';
import { toCardinal as ruWords } from 'n2words/ru-RU';
import { toCardinal as zhWords } from 'n2words/zh-Hans-CN';
import { z } from 'zod';
import { currencyDigits } from '../money/amounts';
import arabicMoneyNouns from './arabicMoneyNouns.json';
import type { DocLang } from './model';

/**
 * Amounts in words, as printed under a PI's total. English in the trade style
 * every bank in Yiwu knows ("SAY US DOLLARS ONE THOUSAND TWO HUNDRED AND FIFTY
 * AND CENTS FIVE ONLY"), and in the document language: Chinese capital
 * numerals (大写), Spanish, French, Portuguese and Russian with n2words for the
 * numbers and Intl's plural currency names; Arabic is spelled here (n2words
 * gets Arabic thousands wrong) with the counted-noun agreement Arabic needs.
 */

interface Split {
  major: bigint;
  minor: number;
  /** Minor-unit digits of the currency (0 for JPY, 3 for KWD), or more when the figure has more. */
  digits: number;
}

/**
 * The major and minor parts of an amount, exactly as its figures show it: the
 * currency's ISO digits (KWD 3, JPY 0), or more when a stored figure has more
 * (a JPY amount kept with cents before version 8): words always equal figures.
 */
export function splitAmount(amount: string, currency: string): Split {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) throw new Error(`amount "${amount}" is not a non-negative decimal`);
  const significant = (match[2] ?? '').replace(/0+$/, '');
  const digits = Math.max(currencyDigits(currency), significant.length);
  const fraction = significant.padEnd(digits, '0');
  return { major: BigInt(match[1] as string), minor: digits === 0 ? 0 : Number(fraction), digits };
}

function currencyName(locale: string, currency: string, n: bigint): string {
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'name', maximumFractionDigits: 0, minimumFractionDigits: 0 }).formatToParts(n);
  return parts
    .filter((p) => p.type === 'currency')
    .map((p) => p.value)
    .join('');
}

// ---- English trade style ------------------------------------------------------------

const SUBUNIT_EN: Record<string, string> = {
  GBP: 'PENCE', CNY: 'FEN', AED: 'FILS', KWD: 'FILS', BHD: 'FILS', IQD: 'FILS', JOD: 'FILS', LYD: 'DIRHAMS', SAR: 'HALALAS', QAR: 'DIRHAMS',
  OMR: 'BAISA', EGP: 'PIASTRES', RUB: 'KOPECKS', INR: 'PAISE', PKR: 'PAISA', NGN: 'KOBO', THB: 'SATANG', BRL: 'CENTAVOS',
  MXN: 'CENTAVOS', ARS: 'CENTAVOS', COP: 'CENTAVOS', PEN: 'CENTIMOS', CLP: 'CENTAVOS', TRY: 'KURUS', MAD: 'CENTIMES', DZD: 'CENTIMES', TND: 'MILLIMES',
  XOF: 'CENTIMES', XAF: 'CENTIMES', UAH: 'KOPIYKAS', KZT: 'TIYN', UZS: 'TIYIN', VND: 'XU', IDR: 'SEN', MYR: 'SEN', PHP: 'CENTAVOS',
};

export function englishTradeWords(amount: string, currency: string): string {
  const { major, minor } = splitAmount(amount, currency);
  const up = (s: string) => s.replace(/-/g, ' ').toUpperCase();
  const name = up(currencyName('en', currency, 2n));
  let out = `SAY ${name} ${up(enWords(major))}`;
  if (minor > 0) out += ` AND ${SUBUNIT_EN[currency] ?? 'CENTS'} ${up(enWords(minor))}`;
  return `${out} ONLY`;
}

// ---- Chinese 大写 -------------------------------------------------------------------------

const DIGITS_ZH = '零壹贰叁肆伍陆柒捌玖';

/** 角 分 厘 毫: the units of the first four decimals. */
const FRACTION_UNITS_ZH = '角分厘毫';

/**
 * 大写: 元 for the whole part, then 角 分 厘 (a fils of KWD is 厘), a 零 for a
 * skipped unit between two written ones, and 整 after 元 or 角.
 */
export function chineseCapitalWords(amount: string, currency: string): string {
  const { major, minor, digits } = splitAmount(amount, currency);
  const name = currency === 'CNY' ? '人民币' : (new Intl.DisplayNames('zh-CN', { type: 'currency' }).of(currency) ?? currency);
  const fraction = digits === 0 ? [] : [...String(minor).padStart(digits, '0')].map(Number);
  let out = name;
  if (major > 0n || minor === 0) out += `${zhWords(major)}元`;
  if (minor === 0) return `${out}整`;
  let written = major > 0n;
  let skipped = false;
  let last = -1;
  fraction.forEach((d, i) => {
    if (d === 0) {
      if (written) skipped = true;
      return;
    }
    if (skipped) out += '零';
    skipped = false;
    out += `${DIGITS_ZH[d]}${FRACTION_UNITS_ZH[i] ?? ''}`;
    written = true;
    last = i;
  });
  return last === 0 ? `${out}整` : out;
}

// ---- Spanish, French, Portuguese ---------------------------------------------------------

/** The dinars and dirhams whose thousandth (or hundredth) is the fils. */
const FILS: Record<string, [string, string]> = Object.fromEntries(['KWD', 'BHD', 'JOD', 'IQD', 'AED'].map((c) => [c, ['fils', 'fils']]));

const SUBUNIT_ROMANCE: Record<'es' | 'fr' | 'pt', { one: string; many: string; byCurrency: Record<string, [string, string]> }> = {
  es: { one: 'centavo', many: 'centavos', byCurrency: { EUR: ['céntimo', 'céntimos'], PEN: ['céntimo', 'céntimos'], ...FILS } },
  fr: { one: 'centime', many: 'centimes', byCurrency: { USD: ['cent', 'cents'], CAD: ['cent', 'cents'], ...FILS } },
  pt: { one: 'centavo', many: 'centavos', byCurrency: { EUR: ['cêntimo', 'cêntimos'], ...FILS } },
};

/** Spanish "uno" shortens before a noun and before "mil": veintiún dólares, un dólar, veintiún mil. */
function spanishApocope(words: string): string {
  return words.replace(/\bveintiuno(?= mil\b)/g, 'veintiún').replace(/\buno(?= mil\b)/g, 'un').replace(/veintiuno$/, 'veintiún').replace(/\buno$/, 'un');
}

function romanceWords(lang: 'es' | 'fr' | 'pt', amount: string, currency: string): string {
  const { major, minor } = splitAmount(amount, currency);
  const spell = (n: bigint | number) => (lang === 'es' ? spanishApocope(esWords(n)) : lang === 'fr' ? frWords(n) : ptWords(n));
  const locale = lang === 'pt' ? 'pt-PT' : lang;
  const parts: string[] = [];
  if (major > 0n || minor === 0) {
    const words = spell(major);
    const noun = lowerFirst(currencyName(locale, currency, major));
    // "un millón de dólares", "un million de dollars", "um milhão de dólares"
    const de = /(millón|millones|million|millions|milliard|milliards|milhão|milhões)$/.test(words) ? 'de ' : '';
    parts.push(`${words} ${de}${noun}`);
  }
  if (minor > 0) {
    const table = SUBUNIT_ROMANCE[lang];
    const [one, many] = table.byCurrency[currency] ?? [table.one, table.many];
    parts.push(`${spell(minor)} ${minor === 1 ? one : many}`);
  }
  const joiner = lang === 'es' ? ' con ' : lang === 'fr' ? ' et ' : ' e ';
  return capitalize(parts.join(joiner));
}

// ---- Russian -------------------------------------------------------------------------------

const SUBUNIT_RU: Record<string, { forms: Record<'one' | 'few' | 'many', string>; feminine: boolean }> = {
  RUB: { forms: { one: 'копейка', few: 'копейки', many: 'копеек' }, feminine: true },
  UAH: { forms: { one: 'копейка', few: 'копейки', many: 'копеек' }, feminine: true },
  KZT: { forms: { one: 'тиын', few: 'тиына', many: 'тиынов' }, feminine: false },
  ...Object.fromEntries(['KWD', 'BHD', 'JOD', 'IQD', 'AED'].map((c) => [c, { forms: { one: 'филс', few: 'филса', many: 'филсов' }, feminine: false }])),
};
const CENT_RU = { forms: { one: 'цент', few: 'цента', many: 'центов' }, feminine: false };

function russianWords(amount: string, currency: string): string {
  const { major, minor } = splitAmount(amount, currency);
  const parts: string[] = [];
  if (major > 0n || minor === 0) parts.push(`${ruWords(major)} ${currencyName('ru', currency, major)}`);
  if (minor > 0) {
    const sub = SUBUNIT_RU[currency] ?? CENT_RU;
    const category = new Intl.PluralRules('ru').select(minor) as 'one' | 'few' | 'many';
    parts.push(`${ruWords(minor, { gender: sub.feminine ? 'feminine' : 'masculine' })} ${sub.forms[category] ?? sub.forms.many}`);
  }
  return capitalize(parts.join(' и '));
}

// ---- Arabic ----------------------------------------------------------------------------------

type Gender = 'm' | 'f';
const AR_ONES: Record<Gender, string[]> = {
  m: ['', 'واحد', 'اثنان', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة', 'عشرة'],
  f: ['', 'واحدة', 'اثنتان', 'ثلاث', 'أربع', 'خمس', 'ست', 'سبع', 'ثماني', 'تسع', 'عشر'],
};
const AR_TEENS_UNIT: Record<Gender, string[]> = {
  m: ['', 'أحد', 'اثنا', 'ثلاثة', 'أربعة', 'خمسة', 'ستة', 'سبعة', 'ثمانية', 'تسعة'],
  f: ['', 'إحدى', 'اثنتا', 'ثلاث', 'أربع', 'خمس', 'ست', 'سبع', 'ثماني', 'تسع'],
};
const AR_TENS = ['', 'عشرة', 'عشرون', 'ثلاثون', 'أربعون', 'خمسون', 'ستون', 'سبعون', 'ثمانون', 'تسعون'];
const AR_HUNDREDS = ['', 'مائة', 'مائتان', 'ثلاثمائة', 'أربعمائة', 'خمسمائة', 'ستمائة', 'سبعمائة', 'ثمانمائة', 'تسعمائة'];

/** 1–999 in words, for a counted noun of the given gender. */
function arabicBelowThousand(n: number, g: Gender): string {
  const parts: string[] = [];
  const h = Math.floor(n / 100);
  const rest = n % 100;
  if (h > 0) parts.push(AR_HUNDREDS[h] as string);
  if (rest > 0) {
    if (rest <= 10) parts.push(AR_ONES[g][rest] as string);
    else if (rest < 20) parts.push(`${AR_TEENS_UNIT[g][rest - 10]} ${g === 'm' ? 'عشر' : 'عشرة'}`);
    else {
      const unit = rest % 10;
      const tens = AR_TENS[Math.floor(rest / 10)] as string;
      parts.push(unit === 0 ? tens : `${unit === 1 ? (g === 'm' ? 'واحد' : 'إحدى') : AR_ONES[g][unit]} و${tens}`);
    }
  }
  return parts.join(' و');
}

/** A noun's forms after a number: 1, 2, 3–10 (plural), 11–99 (accusative), 100+ (singular). */
export interface ArabicNoun {
  one: string;
  two: string;
  few: string;
  many: string;
  other: string;
  gender: Gender;
}

const SCALES: ArabicNoun[] = [
  { one: 'ألف', two: 'ألفان', few: 'آلاف', many: 'ألفا', other: 'ألف', gender: 'm' },
  { one: 'مليون', two: 'مليونان', few: 'ملايين', many: 'مليونا', other: 'مليون', gender: 'm' },
  { one: 'مليار', two: 'ملياران', few: 'مليارات', many: 'مليارا', other: 'مليار', gender: 'm' },
];

/** "n thousands/millions/billions" with Arabic agreement (n from 1 to 999). */
function arabicCount(n: number, noun: ArabicNoun): string {
  if (n === 1) return noun.one;
  if (n === 2) return noun.two;
  const words = arabicBelowThousand(n, noun.gender === 'm' ? 'm' : 'f');
  const last = n % 100;
  if (last >= 3 && last <= 10) return `${words} ${noun.few}`;
  if (last >= 11) return `${words} ${noun.many}`;
  return `${words.replace(/مائتان$/, 'مائتا')} ${noun.other}`;
}

/** An integer (0 < n < 10^12) in Arabic words, numbers agreeing with a noun of gender g. */
export function arabicNumberWords(n: bigint, g: Gender = 'm'): string {
  if (n === 0n) return 'صفر';
  if (n >= 10n ** 12n) throw new Error('amount too large to spell');
  const groups: number[] = [];
  let rest = n;
  while (rest > 0n) {
    groups.push(Number(rest % 1000n));
    rest /= 1000n;
  }
  const parts: string[] = [];
  for (let i = groups.length - 1; i >= 0; i -= 1) {
    const value = groups[i] as number;
    if (value === 0) continue;
    if (i === 0) parts.push(arabicBelowThousand(value, g));
    else parts.push(arabicCount(value, SCALES[i - 1] as ArabicNoun));
  }
  return parts.join(' و');
}

// The Arabic names of currencies and their subunits, in every number form (arabicMoneyNouns.json).
const arabicNoun = z.strictObject({ one: z.string(), two: z.string(), few: z.string(), many: z.string(), other: z.string(), gender: z.enum(['m', 'f']) });
const AR_NOUNS = z.strictObject({ currency: z.record(z.string(), arabicNoun), cent: arabicNoun, subunit: z.record(z.string(), arabicNoun) }).parse(arabicMoneyNouns);
const AR_CURRENCY: Record<string, ArabicNoun> = AR_NOUNS.currency;
const AR_CENT: ArabicNoun = AR_NOUNS.cent;
const AR_SUBUNIT: Record<string, ArabicNoun> = AR_NOUNS.subunit;

/** "n units of a currency" in Arabic: دولار أمريكي واحد، دولاران أمريكيان، ثلاثة دولارات أمريكية، خمسون دولارا أمريكيا، مائة دولار أمريكي. */
function arabicAmount(n: bigint, noun: ArabicNoun): string {
  if (n === 1n) return `${noun.one} ${noun.gender === 'm' ? 'واحد' : 'واحدة'}`;
  if (n === 2n) return noun.two;
  const last = Number(n % 100n);
  let words = arabicNumberWords(n, noun.gender);
  if (last >= 3 && last <= 10) return `${words} ${noun.few}`;
  if (last >= 11) return `${words} ${noun.many}`;
  // A noun right after a dual takes the construct form: مائتا دولار، ألفا دولار.
  // and thousands/millions before a noun are not in the accusative: واحد وعشرون ألف دولار.
  if (last === 0) words = words.replace(/(ألف|مليون|مليار)ا$/, '$1').replace(/(مائتان|ألفان|مليونان|ملياران)$/, (w) => w.slice(0, -1));
  return `${words} ${noun.other}`;
}

function arabicWords(amount: string, currency: string): string {
  const { major, minor } = splitAmount(amount, currency);
  const noun = AR_CURRENCY[currency] ?? (() => {
    const name = new Intl.DisplayNames('ar', { type: 'currency' }).of(currency) ?? currency;
    return { one: name, two: name, few: name, many: name, other: name, gender: 'm' as const };
  })();
  const parts: string[] = [];
  if (major > 0n || minor === 0) parts.push(major === 0n ? `صفر ${noun.other}` : arabicAmount(major, noun));
  if (minor > 0) parts.push(arabicAmount(BigInt(minor), AR_SUBUNIT[currency] ?? AR_CENT));
  return `فقط ${parts.join(' و')} لا غير`;
}

/** "Dólares americanos" → "dólares americanos", but "États-Unis" keeps its capital. */
function lowerFirst(s: string): string {
  return /^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The languages with their own amount in words. */
const WORDS: Record<string, (amount: string, currency: string) => string> = {
  en: englishTradeWords,
  zh: chineseCapitalWords,
  ar: arabicWords,
  ru: russianWords,
  es: (amount, currency) => romanceWords('es', amount, currency),
  fr: (amount, currency) => romanceWords('fr', amount, currency),
  pt: (amount, currency) => romanceWords('pt', amount, currency),
};

/** Whether the language has its own amount in words (a language added by a catalog only has not). */
export function hasOwnWords(lang: DocLang): boolean {
  return Object.hasOwn(WORDS, lang);
}

/**
 * The amount in words in the document language (English documents get the trade style). A
 * language without its own words gets the English trade words, which its documents print once.
 */
export function amountInWords(amount: string, currency: string, lang: DocLang): string {
  return (WORDS[lang] ?? englishTradeWords)(amount, currency);
}
