import type { Core } from '../core';
import { AppError, m, notFound } from '../errors/apiError';
import * as q from '../../db/buyers';
import { getImage, insertImage } from '../../db/images';
import { imageUrls, type StoredImage } from '../files/imageStore';
import { formatInternational, phoneStatus, toE164, whatsappLink } from '../phones/e164';
import { countriesIn, regionOf, type Region } from './regions';
import { buyerSearchText, foldText, searchTerms, SEARCH_TEXT_VERSION } from './searchText';
import type { BuyerChanges, BuyerCreate, BuyerFilter, ContactInput, DocLanguage, DuplicateCheck } from './schema';

export interface ImageRef {
  hash: string;
  url: string;
  thumbUrl: string;
}

export interface Contact {
  name: string;
  role: string;
  /** E.164 (+201001234567), or empty. */
  phone: string;
  /** The same number laid out for reading (+20 100 123 4567). */
  phoneDisplay: string;
  whatsapp: string;
  whatsappDisplay: string;
  /** wa.me click-to-chat link, when the contact has WhatsApp. */
  whatsappLink: string | null;
  wechat: string;
  email: string;
  /** mailto: link, when the contact has an email address. */
  mailto: string | null;
  /**
   * Numbers kept although outside libphonenumber's listed ranges (possible, not recognised): the
   * country their calling code points to ("DZ" for +213 58…), shown as "number not recognised for DZ".
   */
  unrecognised: { phone: string | null; whatsapp: string | null };
}

export interface Buyer {
  id: number;
  company: string;
  country: string;
  region: Region;
  city: string;
  address: string;
  currency: string;
  docLanguage: DocLanguage;
  agent: string;
  passportNo: string;
  /** Importer / tax number, printed under the company on documents. */
  taxNo: string;
  nationality: string;
  notes: string;
  tags: string[];
  contacts: Contact[];
  card: ImageRef | null;
  lastVisit: string | null;
  visits: number;
  createdAt: string;
  updatedAt: string;
}

export function imageRef(hash: string): ImageRef {
  return { hash, ...imageUrls(hash) };
}

function toContact(c: q.ContactRow): Contact {
  return {
    name: c.name,
    role: c.role,
    phone: c.phone,
    phoneDisplay: c.phone ? formatInternational(c.phone) : '',
    whatsapp: c.whatsapp,
    whatsappDisplay: c.whatsapp ? formatInternational(c.whatsapp) : '',
    whatsappLink: c.whatsapp ? whatsappLink(c.whatsapp) : null,
    wechat: c.wechat,
    email: c.email,
    mailto: c.email ? `mailto:${c.email}` : null,
    unrecognised: { phone: unrecognisedRegion(c.phone), whatsapp: unrecognisedRegion(c.whatsapp) },
  };
}

function unrecognisedRegion(e164: string): string | null {
  if (!e164) return null;
  const status = phoneStatus(e164);
  return status.recognised ? null : status.region || e164.slice(0, 4);
}

/** Turns rows into API buyers, loading contacts, tags and visit counts for all of them at once. */
export function toBuyers(core: Core, rows: q.BuyerRow[]): Buyer[] {
  const ids = rows.map((r) => r.id);
  const contacts = new Map<number, Contact[]>();
  for (const c of q.contactsFor(core.db, ids)) {
    const list = contacts.get(c.buyer_id) ?? [];
    list.push(toContact(c));
    contacts.set(c.buyer_id, list);
  }
  const tags = new Map<number, string[]>();
  for (const t of q.tagsFor(core.db, ids)) tags.set(t.buyer_id, [...(tags.get(t.buyer_id) ?? []), t.tag]);
  const visits = new Map(q.visitSummaryFor(core.db, ids).map((v) => [v.buyer_id, v]));
  return rows.map((r) => ({
    id: r.id,
    company: r.company,
    country: r.country,
    region: regionOf(r.country),
    city: r.city,
    address: r.address,
    currency: r.currency,
    docLanguage: r.doc_language as DocLanguage,
    agent: r.agent,
    passportNo: r.passport_no,
    taxNo: r.tax_no,
    nationality: r.nationality,
    notes: r.notes,
    tags: tags.get(r.id) ?? [],
    contacts: contacts.get(r.id) ?? [],
    card: r.card_image ? imageRef(r.card_image) : null,
    lastVisit: visits.get(r.id)?.last_visit ?? null,
    visits: visits.get(r.id)?.visits ?? 0,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

/** Validates and normalizes contacts: phones to E.164 read in the buyer's country, emails in lower case. */
export function normalizeContacts(contacts: ContactInput[], country: string): q.ContactWrite[] {
  return contacts
    .map((c, i) => ({
      name: c.name ?? '',
      role: c.role ?? '',
      phone: toE164(c.phone ?? '', country, `contacts.${i}.phone`),
      whatsapp: toE164(c.whatsapp ?? '', country, `contacts.${i}.whatsapp`),
      wechat: c.wechat ?? '',
      email: (c.email ?? '').toLowerCase(),
    }))
    .filter((c) => c.name || c.role || c.phone || c.whatsapp || c.wechat || c.email);
}

export function emptyWrite(company: string, country: string): q.BuyerWrite {
  return {
    company, country, city: '', address: '', currency: 'USD', doc_language: 'en',
    agent: '', passport_no: '', tax_no: '', nationality: '', notes: '', card_image: null,
  };
}

export function applyChanges(base: q.BuyerWrite, c: BuyerChanges): q.BuyerWrite {
  const w = { ...base };
  if (c.company !== undefined) w.company = c.company;
  if (c.country !== undefined) w.country = c.country;
  if (c.city !== undefined) w.city = c.city;
  if (c.address !== undefined) w.address = c.address;
  if (c.currency !== undefined) w.currency = c.currency;
  if (c.docLanguage !== undefined) w.doc_language = c.docLanguage;
  if (c.agent !== undefined) w.agent = c.agent;
  if (c.passportNo !== undefined) w.passport_no = c.passportNo;
  if (c.taxNo !== undefined) w.tax_no = c.taxNo;
  if (c.nationality !== undefined) w.nationality = c.nationality;
  if (c.notes !== undefined) w.notes = c.notes;
  return w;
}

function missing(id: number): AppError {
  return notFound(m('buyers.noBuyerId', { id }), 'id');
}

export function buyerRow(core: Core, id: number, field = 'id'): q.BuyerRow {
  const row = q.getBuyer(core.db, id);
  if (!row) throw notFound(m('common.noBuyerId', { field, id }), field);
  return row;
}

export function getBuyer(core: Core, id: number): Buyer {
  const row = q.getBuyer(core.db, id);
  if (!row) throw missing(id);
  return toBuyers(core, [row])[0] as Buyer;
}

/** Rebuilds the search text of one buyer from what is stored. */
export function indexBuyer(core: Core, id: number): void {
  const row = q.getBuyer(core.db, id);
  if (!row) return;
  const contacts = q.contactsFor(core.db, [id]);
  q.writeSearchText(core.db, id, SEARCH_TEXT_VERSION, buyerSearchText({ company: row.company, city: row.city, agent: row.agent, contacts }));
}

/**
 * Writes the search texts that are missing (new buyers, changes made by the
 * triggers' invalidation, rows from an older normalization). Cheap when
 * nothing is missing: one anti-join on the primary key.
 */
export function refreshSearchIndex(core: Core): number {
  let done = 0;
  for (;;) {
    const stale = q.staleSearchSources(core.db, SEARCH_TEXT_VERSION, 500);
    if (stale.length === 0) return done;
    const contacts = new Map<number, q.ContactRow[]>();
    for (const c of q.contactsFor(core.db, stale.map((r) => r.id))) contacts.set(c.buyer_id, [...(contacts.get(c.buyer_id) ?? []), c]);
    for (const row of stale) {
      const text = buyerSearchText({ company: row.company, city: row.city, agent: row.agent, contacts: contacts.get(row.id) ?? [] });
      q.writeSearchText(core.db, row.id, SEARCH_TEXT_VERSION, text);
    }
    done += stale.length;
  }
}

export interface DuplicateMatch {
  buyerId: number;
  company: string;
  country: string;
  /** What they share: the field of the checked input and the value both have. */
  reasons: Array<{ field: string; kind: 'phone' | 'whatsapp' | 'email' | 'company'; value: string; contactName: string }>;
}

/**
 * Existing buyers that look like the same buyer: a phone or WhatsApp number
 * (compared in E.164, as phone or WhatsApp on either side) or an email in
 * common, or the same company name (case, accents and punctuation aside) in
 * the same country. Numbers that are not valid are skipped here; saving
 * reports them.
 */
export function findDuplicates(core: Core, input: DuplicateCheck): DuplicateMatch[] {
  refreshSearchIndex(core);
  const numbers = new Map<string, string>();
  const emails = new Map<string, string>();
  (input.contacts ?? []).forEach((c, i) => {
    for (const kind of ['phone', 'whatsapp'] as const) {
      const raw = typeof c[kind] === 'string' ? c[kind] : '';
      if (!raw) continue;
      try {
        const e164 = toE164(raw, input.country, `contacts.${i}.${kind}`);
        if (!numbers.has(e164)) numbers.set(e164, `contacts.${i}.${kind}`);
      } catch {
        // An invalid number cannot match; the save names it.
      }
    }
    const email = typeof c.email === 'string' ? c.email.trim().toLowerCase() : '';
    if (email && !emails.has(email)) emails.set(email, `contacts.${i}.email`);
  });
  const byBuyer = new Map<number, DuplicateMatch>();
  const entry = (id: number, company: string, country: string) => {
    let m = byBuyer.get(id);
    if (!m) {
      m = { buyerId: id, company, country, reasons: [] };
      byBuyer.set(id, m);
    }
    return m;
  };
  const exclude = input.id ?? null;
  for (const row of q.contactsSharing(core.db, [...numbers.keys()], [...emails.keys()], exclude)) {
    const m = entry(row.buyer_id, row.company, row.country);
    const add = (kind: 'phone' | 'whatsapp' | 'email', value: string, field: string) => {
      if (!m.reasons.some((r) => r.kind === kind && r.value === value)) m.reasons.push({ field, kind, value, contactName: row.contact_name });
    };
    for (const value of [row.phone, row.whatsapp]) {
      const field = value ? numbers.get(value) : undefined;
      if (field) add(field.endsWith('whatsapp') ? 'whatsapp' : 'phone', value, field);
    }
    const field = row.email ? emails.get(row.email) : undefined;
    if (field) add('email', row.email, field);
  }
  const company = foldText(input.company ?? '');
  if (company) {
    for (const row of q.companyCandidates(core.db, company, exclude)) {
      if (row.country === input.country && foldText(row.company) === company) {
        entry(row.id, row.company, row.country).reasons.push({ field: 'company', kind: 'company', value: row.company, contactName: '' });
      }
    }
  }
  return [...byBuyer.values()].filter((m) => m.reasons.length > 0);
}

export function createBuyer(core: Core, input: BuyerCreate): Buyer & { duplicates: DuplicateMatch[] } {
  const write = applyChanges(emptyWrite(input.company, input.country), input);
  const contacts = normalizeContacts(input.contacts ?? [], write.country);
  const duplicates = findDuplicates(core, { company: write.company, country: write.country, contacts });
  const id = q.insertBuyer(core.db, write, core.now().toISOString());
  q.replaceContacts(core.db, id, contacts);
  q.replaceTags(core.db, id, input.tags ?? []);
  indexBuyer(core, id);
  return { ...getBuyer(core, id), duplicates };
}

export function updateBuyer(core: Core, id: number, changes: BuyerChanges): Buyer & { duplicates: DuplicateMatch[] } {
  const row = q.getBuyer(core.db, id);
  if (!row) throw missing(id);
  const { id: _id, created_at: _c, updated_at: _u, ...base } = row;
  const write = applyChanges(base, changes);
  // Contacts are read in the buyer's country: re-normalize them when it changes.
  const contacts =
    changes.contacts !== undefined
      ? normalizeContacts(changes.contacts, write.country)
      : null;
  q.updateBuyer(core.db, id, write, core.now().toISOString());
  if (contacts) q.replaceContacts(core.db, id, contacts);
  if (changes.tags !== undefined) q.replaceTags(core.db, id, changes.tags);
  indexBuyer(core, id);
  const stored = contacts ?? q.contactsFor(core.db, [id]);
  const duplicates = findDuplicates(core, { id, company: write.company, country: write.country, contacts: stored });
  return { ...getBuyer(core, id), duplicates };
}

export function setCard(core: Core, id: number, image: StoredImage | null): Buyer {
  if (!q.getBuyer(core.db, id)) throw missing(id);
  if (image) insertImage(core.db, image);
  q.setCardImage(core.db, id, image?.hash ?? null, core.now().toISOString());
  return getBuyer(core, id);
}

/** Deletes a buyer and its contacts, tags and visits; refused while other records (quotations…) point at it. */
export function deleteBuyer(core: Core, id: number): { deleted: number } {
  const row = q.getBuyer(core.db, id);
  if (!row) throw missing(id);
  for (const ref of q.buyerReferences(core.db)) {
    if (ref.table === 'visits' || ref.table === 'buyer_merges') continue;
    const n = q.countReferences(core.db, ref, id);
    if (n > 0) {
      throw new AppError(
        'conflict',
        m('buyers.cannotDeleteHasRecords', { company: row.company, n, table: ref.table }),
        'id',
      );
    }
  }
  q.deleteBuyer(core.db, id);
  return { deleted: id };
}

export interface ListInput extends BuyerFilter {
  query?: string;
  sort: q.BuyerSort;
  limit: number;
  offset: number;
}

function countriesFor(filter: BuyerFilter): string[] | undefined {
  if (filter.country && filter.region) {
    return regionOf(filter.country) === filter.region ? [filter.country] : [];
  }
  if (filter.country) return [filter.country];
  if (filter.region) return countriesIn(filter.region);
  return undefined;
}

/** Buyers matching a query in any script and the filters, a page at a time. */
export function searchBuyers(core: Core, input: ListInput): { items: Buyer[]; total: number } {
  const terms = input.query ? searchTerms(input.query) : [];
  if (terms.length > 0) refreshSearchIndex(core);
  const { rows, total } = q.searchBuyers(core.db, {
    terms,
    countries: countriesFor(input),
    tag: input.tag,
    currency: input.currency,
    lastVisitFrom: input.lastVisitFrom,
    lastVisitTo: input.lastVisitTo,
    neverVisited: input.neverVisited,
    sort: input.sort,
    limit: input.limit,
    offset: input.offset,
  });
  return { items: toBuyers(core, rows), total };
}

/** Images are checked to exist before a buyer or visit points at them. */
export function ensureImage(core: Core, hash: string, field: string): void {
  if (!getImage(core.db, hash)) {
    throw new AppError('invalid_input', m('buyers.notStoredImage', { field }), field);
  }
}
