import type { Core } from '../core';
import { AppError, m, translate, type Locale, type Message } from '../errors/apiError';
import { reasonFor } from '../errors/validation';
import * as q from '../../db/buyers';
import { checkPhone } from '../phones/e164';
import { countryCodeOf } from './countries';
import { BASE_COLUMNS, columnName, columnOfPath, FIELD_COLUMN, headerKey, type BaseColumn, type ColumnKey, type ContactField } from './csvColumns';
import { buyerFieldsSchema, DOC_LANGUAGES, type BuyerChanges, type BuyerCreate } from './schema';
import { foldText } from './searchText';
import { decodeCsvBytes as decodeCsv } from '../csv/decode';
import { rowProblemMessage } from '../csv/rowProblem';
import { CsvSyntaxError, raggedRows, readCsv, type CsvTable } from '../csv/read';
import type { ColumnReport, ImportResult, RowProblem } from './csvReport';
import { applyChanges, emptyWrite, indexBuyer, normalizeContacts } from './service';

export { exportBuyers } from './csvExport';
export { BASE_COLUMNS, CONTACT_FIELDS, HEADER_ALIASES, exportHeader, knownColumns } from './csvColumns';

/**
 * Buyers as CSV (RFC 4180), one row per buyer, for spreadsheets and other tools.
 *
 * Columns (export order; import accepts any order, the English names below or
 * the Chinese ones in HEADER_ALIASES of csvColumns.ts, case and spaces aside):
 *   company, country, city, address, currency, doc_language, agent,
 *   passport_no, tax_no, nationality, tags, notes,
 *   contact1_name, contact1_role, contact1_phone, contact1_whatsapp,
 *   contact1_wechat, contact1_email, contact2_… (as many contacts as needed)
 * - country and nationality: ISO 3166-1 alpha-2 (EG) or an exact country name
 *   in en/zh/ar/ru/es/fr/pt ("Egypt", "埃及", "مصر"); exported as the code.
 * - tags: separated by ";" (exported sorted, "; " between).
 * - phones: any common format, read in the buyer's country when there is no
 *   +prefix; exported in international format (+20 100 123 4567).
 * Reading and writing CSV is main/csv/ (shared with the product import):
 * export is UTF-8 with a BOM, CRLF, formula-looking cells guarded; import reads
 * UTF-8 (BOM or not), UTF-16 with a BOM or GB18030, comma, semicolon or tab.
 *
 * Import rules (the same as the product import): every problem is reported as
 * `row N: field: reason`, N counting data rows from 1; if any row is invalid
 * nothing is written, unless skipInvalid, which writes the valid rows. A row
 * whose company (case, accents and punctuation aside) and country match an
 * existing buyer updates that buyer; columns absent from the file leave its
 * fields as they are. Importing the same file twice changes nothing.
 */

/** Bytes of a file as text (main/csv/decode.ts), the encoding named as the import reports it (UTF-8, UTF-16LE, UTF-16BE, GB18030). */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: string } {
  const { text, encoding } = decodeCsv(bytes);
  return { text, encoding: encoding.toUpperCase() };
}

/** A problem as the product import writes them: "row N: field: reason", or "field: reason" for the file. */
function problem(locale: Locale, row: number | null, field: string, reason: Message): RowProblem {
  return { row, field, reason: translate(reason, locale), text: translate(rowProblemMessage(row, field, reason), locale) };
}

interface ParsedRow {
  row: number;
  input: BuyerCreate;
  /** Columns present in the file: only these change an existing buyer. */
  present: Set<BaseColumn>;
  hasContacts: boolean;
}

/** Parses and checks every row; writes nothing. `mapping`: per file column, a column name or null (ignore), instead of the headers. */
function readRows(text: string, locale: Locale, mapping?: Array<string | null>): { rows: ParsedRow[]; errors: RowProblem[]; warnings: RowProblem[]; count: number; columns: ColumnReport[] } {
  const errors: RowProblem[] = [];
  const warnings: RowProblem[] = [];
  let table: CsvTable | null;
  try {
    table = readCsv(text, { skipEmptyLines: true });
  } catch (error) {
    const e = error instanceof CsvSyntaxError ? error : new CsvSyntaxError(String(error), null);
    errors.push(problem(locale, e.row, 'file', m('buyers.fileNotValidCsv', { reason: e.message })));
    return { rows: [], errors, warnings, count: 0, columns: [] };
  }
  if (!table) {
    errors.push(problem(locale, null, 'file', m('buyers.fileEmpty')));
    return { rows: [], errors, warnings, count: 0, columns: [] };
  }
  const { header, rows: data } = table;
  if (mapping && mapping.length !== header.length) {
    errors.push(problem(locale, null, 'columns', m('buyers.mappingEntriesButFile', { entries: mapping.length, columns: header.length })));
    return { rows: [], errors, warnings, count: data.length, columns: [] };
  }
  const keys: Array<ColumnKey | null> = header.map((h, i) => {
    if (!mapping) return headerKey(h);
    const name = mapping[i];
    if (name === null || name === undefined || name === '') return null;
    const key = headerKey(name);
    if (!key) errors.push(problem(locale, null, `columns.${i}`, m('buyers.notColumnName', { name })));
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
        warnings.push(problem(locale, null, h.trim(), m('buyers.unknownColumn', { columns: BASE_COLUMNS })));
      } else if (h.trim() !== '') {
        warnings.push(problem(locale, null, h.trim(), m('buyers.ignoredChosenMapping')));
      }
      return;
    }
    const name = columnName(key);
    if (seen.has(name)) errors.push(problem(locale, null, h.trim(), m('buyers.sameColumnColumn', { column: (seen.get(name) ?? 0) + 1 })));
    seen.set(name, i);
  });
  for (const required of ['company', 'country'] as const) {
    if (!seen.has(required)) errors.push(problem(locale, null, required, m('buyers.columnMissing')));
  }
  if (errors.length > 0) return { rows: [], errors, warnings, count: data.length, columns };

  const present = new Set(keys.filter((k): k is ColumnKey & { kind: 'base' } => k?.kind === 'base').map((k) => k.column));
  const groups = Math.max(0, ...keys.map((k) => (k?.kind === 'contact' ? k.group : 0)));
  const rows: ParsedRow[] = [];
  const ragged = new Map(raggedRows(table).map((r) => [r.row, r]));
  data.forEach((cells, index) => {
    const row = index + 1;
    const short = ragged.get(row);
    if (short) {
      errors.push(problem(locale, row, 'columns', m('buyers.valuesHeader', { fields: short.fields, header: short.header })));
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
        ? m('buyers.notIsoCountryCode2', { country: base.country })
        : m('buyers.required')));
    }
    let nationality = base.nationality;
    if (nationality) {
      const code = countryCodeOf(nationality);
      if (!code) rowErrors.push(problem(locale, row, 'nationality', m('buyers.notIsoCountryCode3', { nationality })));
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
          rowErrors.push(problem(locale, row, field, m('buyers.notDocLanguage', { value: base.doc_language ?? '', languages: DOC_LANGUAGES })));
          continue;
        }
        rowErrors.push(problem(locale, row, field, reasonFor(issue as never)));
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
              warnings.push(problem(locale, row, `contact${i + 1}_${kind}`, m('buyers.numberNotRecognisedKept', { where, e164: checked.e164 })));
            }
          } catch (error) {
            if (error instanceof AppError) {
              rowErrors.push(problem(locale, row, `contact${i + 1}_${kind}`, error.reason));
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
      errors.push(problem(locale, r.row, 'company', m('buyers.sameCompanyCountryRow', { earlier })));
      continue;
    }
    firstRow.set(key, r.row);
    const matches = byCountry(r.input.country).filter((b) => companyKey(b.company) === companyKey(r.input.company));
    if (matches.length > 1) {
      errors.push(problem(locale, r.row, 'company', m('buyers.matchesStoredBuyers', { count: matches.length, ids: matches.map((b) => `#${b.id}`) })));
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
          warnings.push(problem(locale, r.row, `contact${i + 1}_${kind}`, m('buyers.alsoRow', { value, other })));
        } else numbers.set(value, r.row);
      }
    }
    const shared = q.contactsSharing(core.db, (contacts ?? []).flatMap((c) => [c.phone, c.whatsapp]).filter(Boolean), (contacts ?? []).map((c) => c.email).filter(Boolean), target?.id ?? null);
    for (const s of shared) {
      warnings.push(problem(locale, r.row, 'contacts', m('buyers.sharesPhoneWhatsappEmail', { company: s.company, buyerId: s.buyer_id })));
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
