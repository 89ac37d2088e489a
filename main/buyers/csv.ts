import { parse } from 'csv-parse/sync';
import type { Core } from '../core';
import { AppError, type Locale } from '../errors/apiError';
import { reasonFor } from '../errors/validation';
import * as q from '../../db/buyers';
import { checkPhone, formatInternational } from '../phones/e164';
import { countryCodeOf } from './countries';
import { buyerFieldsSchema, DOC_LANGUAGES, type BuyerChanges, type BuyerCreate, type BuyerFilter } from './schema';
import { foldText } from './searchText';
import { escapeCell, unescapeCell } from '../csv/formulaGuard';
import { applyChanges, emptyWrite, indexBuyer, normalizeContacts, searchBuyers, type Buyer } from './service';

/**
 * Buyers as CSV (RFC 4180), one row per buyer, for spreadsheets and other tools.
 *
 * Columns (export order; import accepts any order, the English names below or
 * the Chinese ones in HEADER_ALIASES, case and spaces aside):
 *   company, country, city, address, currency, doc_language, agent,
 *   passport_no, tax_no, nationality, tags, notes,
 *   contact1_name, contact1_role, contact1_phone, contact1_whatsapp,
 *   contact1_wechat, contact1_email, contact2_… (as many contacts as needed)
 * - country and nationality: ISO 3166-1 alpha-2 (EG) or an exact country name
 *   in en/zh/ar/ru/es/fr/pt ("Egypt", "埃及", "مصر"); exported as the code.
 * - tags: separated by ";" (exported sorted, "; " between).
 * - phones: any common format, read in the buyer's country when there is no
 *   +prefix; exported in international format (+20 100 123 4567).
 * Export: UTF-8 with a BOM (so Excel shows Arabic and Chinese), "\n" between
 * rows, a field quoted only when it holds a quote, the delimiter, a line break
 * or leading/trailing spaces. Import: UTF-8 with or without BOM, UTF-16 with a
 * BOM, or GB18030 (Chinese Excel); comma, semicolon or tab, detected from the
 * header line; CRLF or LF; quoted fields may hold line breaks.
 *
 * Import rules (the same as the product import): every problem is reported as
 * `row N: field: reason`, N counting data rows from 1; if any row is invalid
 * nothing is written, unless skipInvalid, which writes the valid rows. A row
 * whose company (case, accents and punctuation aside) and country match an
 * existing buyer updates that buyer; columns absent from the file leave its
 * fields as they are. Importing the same file twice changes nothing.
 */

export const BASE_COLUMNS = [
  'company', 'country', 'city', 'address', 'currency', 'doc_language', 'agent', 'passport_no', 'tax_no', 'nationality', 'tags', 'notes',
] as const;
export const CONTACT_FIELDS = ['name', 'role', 'phone', 'whatsapp', 'wechat', 'email'] as const;
type BaseColumn = (typeof BASE_COLUMNS)[number];
type ContactField = (typeof CONTACT_FIELDS)[number];

/** Header names accepted besides the canonical ones (folded: lower case, spaces and dashes as "_"). */
export const HEADER_ALIASES: Record<string, BaseColumn> = {
  公司: 'company', 公司名称: 'company', 客户: 'company', 客户名称: 'company', company_name: 'company',
  国家: 'country', 国家代码: 'country', country_code: 'country',
  城市: 'city', 地址: 'address',
  币种: 'currency', 货币: 'currency', preferred_currency: 'currency', currency_code: 'currency', 首选币种: 'currency', 常用币种: 'currency', 结算币种: 'currency',
  单据语言: 'doc_language', 文件语言: 'doc_language', 语言: 'doc_language', language: 'doc_language', document_language: 'doc_language',
  preferred_language: 'doc_language', lang: 'doc_language', 首选语言: 'doc_language', 语种: 'doc_language',
  代理: 'agent', 采购代理: 'agent', buying_agent: 'agent',
  护照号: 'passport_no', 护照号码: 'passport_no', passport: 'passport_no', passport_number: 'passport_no',
  税号: 'tax_no', 纳税人识别号: 'tax_no', tax_number: 'tax_no', tax_id: 'tax_no', vat_no: 'tax_no', trn: 'tax_no',
  国籍: 'nationality', 标签: 'tags', tag: 'tags', 备注: 'notes', note: 'notes',
};

const CONTACT_ALIASES: Record<string, ContactField> = {
  name: 'name', contact: 'name', contact_name: 'name', contact_person: 'name', 联系人: 'name', 姓名: 'name', 联系人姓名: 'name', 联系人名称: 'name',
  role: 'role', title: 'role', position: 'role', 职位: 'role', 职务: 'role',
  phone: 'phone', tel: 'phone', telephone: 'phone', mobile: 'phone', phone_number: 'phone', mobile_phone: 'phone', 电话: 'phone', 手机: 'phone', 手机号: 'phone', 手机号码: 'phone', 电话号码: 'phone', 联系电话: 'phone',
  whatsapp: 'whatsapp', whatsapp_number: 'whatsapp', wa: 'whatsapp', whatsapp号: 'whatsapp', whatsapp号码: 'whatsapp',
  wechat: 'wechat', wechat_id: 'wechat', 微信: 'wechat', 微信号: 'wechat',
  email: 'email', e_mail: 'email', mail: 'email', email_address: 'email', 邮箱: 'email', 电子邮件: 'email', 电子邮箱: 'email', 邮件: 'email',
};

type ColumnKey = { kind: 'base'; column: BaseColumn } | { kind: 'contact'; group: number; field: ContactField };

function headerKey(raw: string): ColumnKey | null {
  const h = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
  if ((BASE_COLUMNS as readonly string[]).includes(h)) return { kind: 'base', column: h as BaseColumn };
  const alias = HEADER_ALIASES[h];
  if (alias) return { kind: 'base', column: alias };
  const numbered = /^contact(\d+)_(.+)$/.exec(h);
  if (numbered) {
    const field = CONTACT_ALIASES[numbered[2] as string];
    const group = Number(numbered[1]);
    return field && group >= 1 && group <= 20 ? { kind: 'contact', group, field } : null;
  }
  const suffixed = /^(.+?)_?(\d*)$/.exec(h);
  const field = suffixed ? CONTACT_ALIASES[suffixed[1] as string] : undefined;
  if (field) {
    const group = suffixed?.[2] ? Number(suffixed[2]) : 1;
    return group >= 1 && group <= 20 ? { kind: 'contact', group, field } : null;
  }
  return null;
}

function columnName(key: ColumnKey): string {
  return key.kind === 'base' ? key.column : `contact${key.group}_${key.field}`;
}

/** Bytes of a file as text: UTF-8 (BOM or not), UTF-16 with a BOM, or else GB18030 as Chinese Excel writes. */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: string } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16LE' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'UTF-16BE' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}

function detectDelimiter(text: string): string {
  const first = (text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0] ?? '').replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => ({ d, n: first.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0] && counts[0].n > 0 ? counts[0].d : ',';
}

export interface RowProblem {
  /** Data row, counted from 1; null for the file as a whole (its header). */
  row: number | null;
  /** The CSV column. */
  field: string;
  reason: string;
  /** "row N: field: reason" ("第 N 行：field：reason"), or "field: reason" for the file; as the product import writes them. */
  text: string;
}

function problem(locale: Locale, row: number | null, field: string, reason: string): RowProblem {
  const zh = locale === 'zh';
  const text = row === null ? (zh ? `${field}：${reason}` : `${field}: ${reason}`) : zh ? `第 ${row} 行：${field}：${reason}` : `row ${row}: ${field}: ${reason}`;
  return { row, field, reason, text };
}

export interface ImportResult {
  dryRun: boolean;
  /** Data rows in the file. */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Invalid rows left out (only with skipInvalid). */
  skipped: number;
  /** Whether anything was written. */
  written: boolean;
  errors: RowProblem[];
  /** Not blocking: numbers or emails that other buyers (or other rows) have too. */
  warnings: RowProblem[];
  /** How each column of the file was read (the import wizard shows it to map columns by hand). */
  columns: ColumnReport[];
  /** How the bytes were read, when they came as a file. */
  encoding?: string;
}

interface ParsedRow {
  row: number;
  input: BuyerCreate;
  /** Columns present in the file: only these change an existing buyer. */
  present: Set<BaseColumn>;
  hasContacts: boolean;
}

const FIELD_COLUMN: Record<string, BaseColumn> = {
  company: 'company', country: 'country', city: 'city', address: 'address', currency: 'currency', docLanguage: 'doc_language',
  agent: 'agent', passportNo: 'passport_no', taxNo: 'tax_no', nationality: 'nationality', tags: 'tags', notes: 'notes',
};

/** API field path (contacts.0.phone, docLanguage) → CSV column (contact1_phone, doc_language). */
function columnOfPath(path: string): string {
  const contact = /^contacts\.(\d+)\.(\w+)/.exec(path);
  if (contact) return `contact${Number(contact[1]) + 1}_${contact[2]}`;
  const head = path.split('.')[0] ?? path;
  return FIELD_COLUMN[head] ?? head;
}

function tr(locale: Locale, en: string, zh: string): string {
  return locale === 'zh' ? zh : en;
}

/** Every column name the import knows (contact columns for three contacts), for a mapping by hand. */
export function knownColumns(groups = 3): string[] {
  return exportHeader(groups);
}

/** How each column of the file is read: the header, the column it fills (null: ignored) and its first value. */
export interface ColumnReport {
  index: number;
  header: string;
  column: string | null;
  sample: string;
}

/** Parses and checks every row; writes nothing. `mapping`: per file column, a column name or null (ignore), instead of the headers. */
function readRows(text: string, locale: Locale, mapping?: Array<string | null>): { rows: ParsedRow[]; errors: RowProblem[]; warnings: RowProblem[]; count: number; columns: ColumnReport[] } {
  const errors: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  let records: string[][];
  try {
    records = (parse(text, { bom: true, delimiter: detectDelimiter(text), relax_column_count: true, skip_empty_lines: true }) as string[][]).map((r) => r.map(unescapeCell));
  } catch (error) {
    const e = error as Error & { lines?: number; records?: number };
    const row = typeof e.records === 'number' && e.records > 0 ? e.records : null;
    errors.push(problem(locale, row, 'file', tr(locale, `the file is not valid CSV (${e.message})`, `文件不是有效的 CSV（${e.message}）`)));
    return { rows: [], errors, warnings, count: 0, columns: [] };
  }
  const [header, ...data] = records;
  if (!header) {
    errors.push(problem(locale, null, 'file', tr(locale, 'the file is empty', '文件为空')));
    return { rows: [], errors, warnings, count: 0, columns: [] };
  }
  if (mapping && mapping.length !== header.length) {
    errors.push(problem(locale, null, 'columns', tr(locale, `the mapping has ${mapping.length} entries but the file has ${header.length} columns`, `映射有 ${mapping.length} 项，但文件有 ${header.length} 列`)));
    return { rows: [], errors, warnings, count: data.length, columns: [] };
  }
  const keys: Array<ColumnKey | null> = header.map((h, i) => {
    if (!mapping) return headerKey(h);
    const name = mapping[i];
    if (name === null || name === undefined || name === '') return null;
    const key = headerKey(name);
    if (!key) errors.push(problem(locale, null, `columns.${i}`, tr(locale, `"${name}" is not a column name`, `“${name}” 不是列名`)));
    return key;
  });
  const columns: ColumnReport[] = header.map((h, i) => {
    const key = keys[i];
    return { index: i, header: h.trim(), column: key ? columnName(key) : null, sample: (data.find((r) => (r[i] ?? '').trim() !== '')?.[i] ?? '').trim().slice(0, 80) };
  });
  const seen = new Map<string, number>();
  header.forEach((h, i) => {
    const key = keys[i];
    if (!key) {
      // Never a silent drop: a column the import does not read is named, with what it could be mapped to.
      if (h.trim() !== '' && !(mapping && mapping[i] === null)) {
        warnings.push(problem(locale, null, h.trim(), tr(locale, `not a known column; ignored unless mapped to one (the columns are ${BASE_COLUMNS.join(', ')}, contact1_name, contact1_phone…)`, `不是已知的列，未映射则忽略（可用的列：${BASE_COLUMNS.join('、')}、contact1_name、contact1_phone…）`)));
      } else if (h.trim() !== '') {
        warnings.push(problem(locale, null, h.trim(), tr(locale, 'ignored, as chosen in the mapping', '按映射设置忽略')));
      }
      return;
    }
    const name = columnName(key);
    if (seen.has(name)) errors.push(problem(locale, null, h.trim(), tr(locale, `is the same column as column ${(seen.get(name) ?? 0) + 1}`, `与第 ${(seen.get(name) ?? 0) + 1} 列重复`)));
    seen.set(name, i);
  });
  for (const required of ['company', 'country'] as const) {
    if (!seen.has(required)) errors.push(problem(locale, null, required, tr(locale, 'the column is missing', '缺少此列')));
  }
  if (errors.length > 0) return { rows: [], errors, warnings, count: data.length, columns };

  const present = new Set(keys.filter((k): k is ColumnKey & { kind: 'base' } => k?.kind === 'base').map((k) => k.column));
  const groups = Math.max(0, ...keys.map((k) => (k?.kind === 'contact' ? k.group : 0)));
  const rows: ParsedRow[] = [];
  data.forEach((cells, index) => {
    const row = index + 1;
    if (cells.length !== header.length) {
      errors.push(problem(locale, row, 'columns', tr(locale, `has ${cells.length} values, the header has ${header.length}`, `有 ${cells.length} 个值，表头有 ${header.length} 列`)));
      return;
    }
    const base: Partial<Record<BaseColumn, string>> = {};
    const contacts: Array<Partial<Record<ContactField, string>>> = Array.from({ length: groups }, () => ({}));
    keys.forEach((key, i) => {
      if (!key) return;
      const value = (cells[i] ?? '').trim();
      if (key.kind === 'base') base[key.column] = value;
      else (contacts[key.group - 1] as Partial<Record<ContactField, string>>)[key.field] = value;
    });
    const rowErrors: RowProblem[] = [];
    const country = countryCodeOf(base.country ?? '');
    if (!country) {
      rowErrors.push(problem(locale, row, 'country', base.country
        ? tr(locale, `"${base.country}" is not an ISO 3166-1 country code or a country name`, `“${base.country}” 不是 ISO 3166-1 国家代码或国家名称`)
        : tr(locale, 'is required', '必填')));
    }
    let nationality = base.nationality;
    if (nationality) {
      const code = countryCodeOf(nationality);
      if (!code) rowErrors.push(problem(locale, row, 'nationality', tr(locale, `"${nationality}" is not an ISO 3166-1 country code or a country name`, `“${nationality}” 不是 ISO 3166-1 国家代码或国家名称`)));
      nationality = code ?? nationality;
    }
    const candidate: Record<string, unknown> = {
      company: base.company ?? '',
      country: country ?? 'ZZ',
      ...(base.city !== undefined ? { city: base.city } : {}),
      ...(base.address !== undefined ? { address: base.address } : {}),
      ...(base.currency ? { currency: base.currency } : {}),
      ...(base.doc_language ? { docLanguage: base.doc_language.toLowerCase() } : {}),
      ...(base.agent !== undefined ? { agent: base.agent } : {}),
      ...(base.passport_no !== undefined ? { passportNo: base.passport_no } : {}),
      ...(base.tax_no !== undefined ? { taxNo: base.tax_no } : {}),
      ...(nationality !== undefined ? { nationality } : {}),
      ...(base.notes !== undefined ? { notes: base.notes } : {}),
      ...(base.tags !== undefined ? { tags: [...new Set(base.tags.split(/[;；]/).map((t) => t.trim()).filter(Boolean))] } : {}),
      ...(groups > 0 ? { contacts } : {}),
    };
    const parsed = buyerFieldsSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = columnOfPath(issue.path.map(String).join('.'));
        if (rowErrors.some((e) => e.field === field)) continue;
        if (field === 'doc_language') {
          rowErrors.push(problem(locale, row, field, tr(locale, `"${base.doc_language}" is not one of ${DOC_LANGUAGES.join(', ')}`, `“${base.doc_language}” 不是 ${DOC_LANGUAGES.join('、')} 之一`)));
          continue;
        }
        rowErrors.push(problem(locale, row, field, reasonFor(issue as never, locale)));
      }
    } else if (country) {
      const contactList = parsed.data.contacts ?? [];
      contactList.forEach((c, i) => {
        for (const kind of ['phone', 'whatsapp'] as const) {
          try {
            const checked = checkPhone(c[kind] ?? '', country, `contacts.0.${kind}`);
            // A possible number outside the listed ranges is kept, with a warning on its row.
            if (checked && !checked.recognised) {
              const where = checked.region || country;
              warnings.push(problem(locale, row, `contact${i + 1}_${kind}`, tr(locale, `number not recognised for ${where}; kept as ${checked.e164}`, `号码不在 ${where} 的已知号段内，按 ${checked.e164} 保存`)));
            }
          } catch (error) {
            if (error instanceof AppError) {
              const message = error.textIn(locale);
              rowErrors.push(problem(locale, row, `contact${i + 1}_${kind}`, message.replace(/^contacts\.0\.\w+[:：]\s*/, '')));
            } else throw error;
          }
        }
      });
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      return;
    }
    if (parsed.success) rows.push({ row, input: parsed.data, present, hasContacts: groups > 0 });
  });
  return { rows, errors, warnings, count: data.length, columns };
}

/** A company's identity for the import: folded, or as written when folding leaves nothing ("???"). */
function companyKey(company: string): string {
  return foldText(company) || company.trim().toLowerCase();
}

interface Comparable {
  fields: q.BuyerWrite;
  tags: string[];
  contacts: q.ContactWrite[];
}

function sameBuyer(a: Comparable, b: Comparable): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Imports buyers from CSV text inside the caller's transaction. Nothing is
 * written on a dry run, or when any row is invalid unless skipInvalid.
 */
export function importBuyers(core: Core, text: string, options: { dryRun: boolean; skipInvalid: boolean; locale: Locale; columns?: Array<string | null> | undefined }): ImportResult {
  const { locale } = options;
  const { rows, errors, warnings, count, columns } = readRows(text, locale, options.columns);
  const result: ImportResult = { dryRun: options.dryRun, rows: count, created: 0, updated: 0, unchanged: 0, skipped: 0, written: false, errors, warnings, columns };
  const headerBroken = errors.some((e) => e.row === null);

  // The natural key: company (folded) + country, unique within the file and among stored buyers.
  const firstRow = new Map<string, number>();
  const existing = new Map<string, q.BuyerRow[]>();
  const byCountry = (country: string) => {
    let list = existing.get(country);
    if (!list) {
      list = q.buyersByCountry(core.db, country);
      existing.set(country, list);
    }
    return list;
  };
  const numbers = new Map<string, number>();
  const plans: Array<{ row: ParsedRow; target: q.BuyerRow | null; write: q.BuyerWrite; contacts: q.ContactWrite[] | null; tags: string[] | null }> = [];
  for (const r of rows) {
    const key = `${r.input.country}|${companyKey(r.input.company)}`;
    const earlier = firstRow.get(key);
    if (earlier !== undefined) {
      errors.push(problem(locale, r.row, 'company', tr(locale, `same company and country as row ${earlier}`, `公司和国家与第 ${earlier} 行相同`)));
      continue;
    }
    firstRow.set(key, r.row);
    const matches = byCountry(r.input.country).filter((b) => companyKey(b.company) === companyKey(r.input.company));
    if (matches.length > 1) {
      errors.push(problem(locale, r.row, 'company', tr(locale, `matches ${matches.length} stored buyers (${matches.map((m) => `#${m.id}`).join(', ')}); merge them first`, `与 ${matches.length} 个已有客户相同（${matches.map((m) => `#${m.id}`).join('、')}），请先合并`)));
      continue;
    }
    const target = matches[0] ?? null;
    const contacts = r.hasContacts ? normalizeContacts(r.input.contacts ?? [], r.input.country) : null;
    let write: q.BuyerWrite;
    if (target) {
      const { id: _i, created_at: _c, updated_at: _u, ...base } = target;
      const changes: BuyerChanges = {};
      for (const [field, column] of Object.entries(FIELD_COLUMN)) {
        if (column === 'tags' || !r.present.has(column)) continue;
        const value = (r.input as Record<string, unknown>)[field];
        if (value !== undefined) (changes as Record<string, unknown>)[field] = value;
      }
      write = applyChanges(base, changes);
    } else {
      write = applyChanges(emptyWrite(r.input.company, r.input.country), r.input);
    }
    const tags = r.present.has('tags') ? [...new Set(r.input.tags ?? [])].sort() : null;
    plans.push({ row: r, target, write, contacts, tags });
    for (const [i, c] of (contacts ?? []).entries()) {
      for (const [kind, value] of [['phone', c.phone], ['whatsapp', c.whatsapp], ['email', c.email]] as const) {
        if (!value) continue;
        const other = numbers.get(value);
        if (other !== undefined && other !== r.row) {
          warnings.push(problem(locale, r.row, `contact${i + 1}_${kind}`, tr(locale, `${value} is also in row ${other}`, `${value} 也出现在第 ${other} 行`)));
        } else numbers.set(value, r.row);
      }
    }
    const shared = q.contactsSharing(core.db, (contacts ?? []).flatMap((c) => [c.phone, c.whatsapp]).filter(Boolean), (contacts ?? []).map((c) => c.email).filter(Boolean), target?.id ?? null);
    for (const s of shared) {
      warnings.push(problem(locale, r.row, 'contacts', tr(locale, `shares a phone, WhatsApp or email with the stored buyer "${s.company}" (#${s.buyer_id})`, `电话、WhatsApp 或邮箱与已有客户“${s.company}”（#${s.buyer_id}）相同`)));
    }
  }

  const invalidRows = new Set(errors.flatMap((e) => (e.row === null ? [] : [e.row])));
  if (headerBroken || (errors.length > 0 && !options.skipInvalid)) {
    errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    return result;
  }
  result.skipped = options.skipInvalid ? invalidRows.size : 0;
  const now = core.now().toISOString();
  for (const plan of plans) {
    if (invalidRows.has(plan.row.row)) continue;
    if (plan.target) {
      const id = plan.target.id;
      const { id: _i, created_at: _c, updated_at: _u, ...before } = plan.target;
      const current: Comparable = { fields: before, tags: q.tagsFor(core.db, [id]).map((t) => t.tag), contacts: q.contactsFor(core.db, [id]).map(({ id: _x, buyer_id: _b, position: _p, ...c }) => c) };
      const next: Comparable = { fields: plan.write, tags: plan.tags ?? current.tags, contacts: plan.contacts ?? current.contacts };
      if (sameBuyer(current, next)) {
        result.unchanged += 1;
        continue;
      }
      result.updated += 1;
      if (options.dryRun) continue;
      q.updateBuyer(core.db, id, plan.write, now);
      if (plan.contacts) q.replaceContacts(core.db, id, plan.contacts);
      if (plan.tags) q.replaceTags(core.db, id, plan.tags);
      indexBuyer(core, id);
    } else {
      result.created += 1;
      if (options.dryRun) continue;
      const id = q.insertBuyer(core.db, plan.write, now);
      q.replaceContacts(core.db, id, plan.contacts ?? []);
      q.replaceTags(core.db, id, plan.tags ?? []);
      indexBuyer(core, id);
    }
  }
  errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  warnings.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  result.written = !options.dryRun && result.created + result.updated > 0;
  return result;
}

function csvField(value: string, delimiter: string): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV line (without its line break). */
export function csvLine(cells: string[], delimiter = ','): string {
  return cells.map((c) => csvField(c, delimiter)).join(delimiter);
}

export function exportHeader(groups: number): string[] {
  const header: string[] = [...BASE_COLUMNS];
  for (let g = 1; g <= groups; g += 1) for (const f of CONTACT_FIELDS) header.push(`contact${g}_${f}`);
  return header;
}

function buyerCells(b: Buyer, groups: number): string[] {
  const cells = [b.company, b.country, b.city, b.address, b.currency, b.docLanguage, b.agent, b.passportNo, b.taxNo, b.nationality, [...b.tags].sort().join('; '), b.notes];
  for (let g = 0; g < groups; g += 1) {
    const c = b.contacts[g];
    cells.push(
      c?.name ?? '',
      c?.role ?? '',
      c?.phone ? formatInternational(c.phone) : '',
      c?.whatsapp ? formatInternational(c.whatsapp) : '',
      c?.wechat ?? '',
      c?.email ?? '',
    );
  }
  return cells;
}

/** Buyers as CSV text, in the order they were added, with a BOM and as many contact columns as the most contacts any has. */
export function exportBuyers(core: Core, filter: BuyerFilter & { query?: string | undefined }): { csv: string; count: number } {
  const rows = searchBuyers(core, { ...filter, sort: 'added', limit: Number.MAX_SAFE_INTEGER, offset: 0 }).items;
  const chosen = rows;
  const groups = Math.max(1, ...chosen.map((b) => b.contacts.length));
  const lines = [csvLine(exportHeader(groups)), ...chosen.map((b) => csvLine(buyerCells(b, groups).map(escapeCell)))];
  return { csv: `\ufeff${lines.join('\n')}\n`, count: chosen.length };
}
