/**
 * How product text is prepared for the full-text index (db table
 * product_search, FTS5 with the unicode61 tokenizer) and how a search box
 * query becomes an FTS5 expression. The same normalization runs on both
 * sides, so what is typed matches what was stored:
 *
 * - NFKC: full-width letters and digits from a Chinese input method ("ＡＢ１２")
 *   become ASCII.
 * - Arabic: short vowels, shadda, sukun and tatweel are dropped; أ إ آ ٱ → ا,
 *   ى → ي, ة → ه, so "السَّاعة" and "الساعه" are the same word; a leading
 *   article "ال" is optional in queries.
 * - Chinese (and Japanese) characters become one token each, so a phrase query
 *   of their characters finds a substring of any length, one character included.
 * - Case and Latin accents are folded by the tokenizer (remove_diacritics 2).
 * - Item numbers and barcodes are single opaque tokens (hex of the lower-cased
 *   item no), so an FTS prefix query on them equals an item-no prefix.
 */

const ARABIC_MARKS = /[\u064b-\u0652\u0670\u0640]/g;
const CJK_CHAR = /[\u2e80-\u9fff\uf900-\ufaff\u{20000}-\u{3ffff}]/u;
const CJK_CHARS = /([\u2e80-\u9fff\uf900-\ufaff\u{20000}-\u{3ffff}])/gu;
/** What the unicode61 tokenizer (categories L* N* Co M*) keeps inside a token. */
const TOKEN = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const ARABIC_LETTER = /[\u0621-\u064a]/;

export function normalizeArabic(text: string): string {
  return text
    .replace(ARABIC_MARKS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه');
}

/** Text as stored in the index: normalized, every CJK character standing alone. */
export function indexText(text: string): string {
  return normalizeArabic(text.normalize('NFKC')).replace(CJK_CHARS, ' $1 ');
}

/** Lower-cases A–Z only, as SQLite's NOCASE and LIKE do. */
export function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function hex(text: string): string {
  return Buffer.from(text, 'utf8').toString('hex');
}

/** The single token an item no is indexed as; a prefix of it is the token prefix of an item-no prefix. */
export function itemToken(itemNo: string): string {
  return `x${hex(asciiLower(itemNo))}`;
}

export function barcodeToken(barcode: string): string {
  return `b${barcode}`;
}

export function categoryToken(category: string): string {
  return `c${hex(category)}`;
}

export interface SearchSource {
  item_no: string;
  barcode: string;
  name_zh: string;
  name_en: string;
  name_ar: string;
  name_es: string;
  name_ru: string;
  name_fr: string;
  name_pt: string;
  category: string;
  material: string;
  colors: string;
  sizes: string;
  supplier: string;
  hs_code: string;
  notes: string;
  archived: 0 | 1;
}

export interface SearchDoc {
  item: string;
  code: string;
  names: string;
  extra: string;
  flags: string;
}

/** The index row of one product. */
export function searchDoc(p: SearchSource): SearchDoc {
  return {
    item: itemToken(p.item_no),
    code: p.barcode ? barcodeToken(p.barcode) : '',
    names: indexText([p.name_zh, p.name_en, p.name_ar, p.name_es, p.name_ru, p.name_fr, p.name_pt].join('\n')),
    extra: indexText([p.category, p.material, p.colors, p.sizes, p.supplier, p.hs_code, p.notes].join('\n')),
    flags: [p.archived ? 'archived' : 'active', p.category ? categoryToken(p.category) : ''].join(' ').trim(),
  };
}

function quote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

/** One word of the query as FTS5 phrase alternatives: whole-word and prefix forms. */
interface Term {
  whole: string;
  prefix: string;
}

function phrase(tokens: string[], prefix: boolean): string {
  const last = tokens[tokens.length - 1] as string;
  // A CJK character is a whole token already; a prefix of it means nothing more.
  const open = prefix && !CJK_CHAR.test(last);
  return `${quote(tokens.join(' '))}${open ? '*' : ''}`;
}

function termOf(word: string): Term | null {
  const tokens = (indexText(word).match(TOKEN) ?? []).flatMap((t) => t.split(/\s+/)).filter(Boolean);
  if (tokens.length === 0) return null;
  const variants: string[][] = [tokens];
  // Arabic: the article is optional, both ways ("ساعة" finds "الساعة" and back).
  const first = tokens[0] as string;
  if (ARABIC_LETTER.test(first)) {
    if (first.startsWith('ال') && first.length > 3) variants.push([first.slice(2), ...tokens.slice(1)]);
    else variants.push([`ال${first}`, ...tokens.slice(1)]);
  }
  const either = (prefix: boolean) => {
    const forms = variants.map((v) => phrase(v, prefix));
    return forms.length === 1 ? (forms[0] as string) : `(${forms.join(' OR ')})`;
  };
  return { whole: either(false), prefix: either(true) };
}

export interface TextQuery {
  /** Every word, as whole words. */
  whole: string;
  /** Every word, the last token of each as a prefix. */
  prefix: string;
}

/** The words of a search box query as FTS5 expressions, or null when it has no word characters. */
export function textQuery(query: string): TextQuery | null {
  const terms = query
    .split(/\s+/)
    .map(termOf)
    .filter((t): t is Term => t !== null);
  if (terms.length === 0) return null;
  return {
    whole: terms.map((t) => t.whole).join(' AND '),
    prefix: terms.map((t) => t.prefix).join(' AND '),
  };
}
