import type { Core } from '../core';
import { msg, notFound } from '../api/errors';
import * as q from '../../db/buyers';
import { imageUrls } from '../files/imageStore';
import { toE164, whatsappLink } from '../phones/e164';
import { regionOf, type Region } from './regions';
import type { BuyerChanges, BuyerCreate, ContactInput, DocLanguage } from './schema';

export interface Contact {
  name: string;
  role: string;
  phone: string;
  whatsapp: string;
  /** wa.me click-to-chat link, when the contact has WhatsApp. */
  whatsappLink: string | null;
  wechat: string;
  email: string;
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
  nationality: string;
  notes: string;
  tags: string[];
  contacts: Contact[];
  card: { hash: string; url: string; thumbUrl: string } | null;
  lastVisit: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toBuyers(core: Core, rows: q.BuyerRow[]): Buyer[] {
  const ids = rows.map((r) => r.id);
  const contacts = new Map<number, Contact[]>();
  for (const c of q.contactsFor(core.db, ids)) {
    const list = contacts.get(c.buyer_id) ?? [];
    list.push({
      name: c.name,
      role: c.role,
      phone: c.phone,
      whatsapp: c.whatsapp,
      whatsappLink: c.whatsapp ? whatsappLink(c.whatsapp) : null,
      wechat: c.wechat,
      email: c.email,
    });
    contacts.set(c.buyer_id, list);
  }
  const tags = new Map<number, string[]>();
  for (const t of q.tagsFor(core.db, ids)) tags.set(t.buyer_id, [...(tags.get(t.buyer_id) ?? []), t.tag]);
  const visits = new Map(q.lastVisitFor(core.db, ids).map((v) => [v.buyer_id, v.last_visit]));
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
    nationality: r.nationality,
    notes: r.notes,
    tags: tags.get(r.id) ?? [],
    contacts: contacts.get(r.id) ?? [],
    card: r.card_image ? { hash: r.card_image, ...imageUrls(r.card_image) } : null,
    lastVisit: visits.get(r.id) ?? null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  }));
}

function normalizeContacts(contacts: ContactInput[], country: string): q.ContactWrite[] {
  return contacts.map((c, i) => ({
    name: c.name ?? '',
    role: c.role ?? '',
    phone: toE164(c.phone ?? '', country, `contacts.${i}.phone`),
    whatsapp: toE164(c.whatsapp ?? '', country, `contacts.${i}.whatsapp`),
    wechat: c.wechat ?? '',
    email: (c.email ?? '').toLowerCase(),
  }));
}

function applyChanges(base: q.BuyerWrite, c: BuyerChanges): q.BuyerWrite {
  const w = { ...base };
  if (c.company !== undefined) w.company = c.company;
  if (c.country !== undefined) w.country = c.country;
  if (c.city !== undefined) w.city = c.city;
  if (c.address !== undefined) w.address = c.address;
  if (c.currency !== undefined) w.currency = c.currency;
  if (c.docLanguage !== undefined) w.doc_language = c.docLanguage;
  if (c.agent !== undefined) w.agent = c.agent;
  if (c.passportNo !== undefined) w.passport_no = c.passportNo;
  if (c.nationality !== undefined) w.nationality = c.nationality;
  if (c.notes !== undefined) w.notes = c.notes;
  return w;
}

export function getBuyer(core: Core, id: number): Buyer {
  const row = q.getBuyer(core.db, id);
  if (!row) throw notFound(msg(`There is no buyer with id ${id}`, `没有 id 为 ${id} 的客户`), 'id');
  return toBuyers(core, [row])[0] as Buyer;
}

export function createBuyer(core: Core, input: BuyerCreate): Buyer {
  const write = applyChanges(
    {
      company: input.company, country: input.country, city: '', address: '', currency: 'USD', doc_language: 'en',
      agent: '', passport_no: '', nationality: '', notes: '', card_image: null,
    },
    input,
  );
  const contacts = normalizeContacts(input.contacts ?? [], write.country);
  const id = q.insertBuyer(core.db, write, core.now().toISOString());
  q.replaceContacts(core.db, id, contacts);
  q.replaceTags(core.db, id, input.tags ?? []);
  return getBuyer(core, id);
}

export function updateBuyer(core: Core, id: number, changes: BuyerChanges): Buyer {
  const row = q.getBuyer(core.db, id);
  if (!row) throw notFound(msg(`There is no buyer with id ${id}`, `没有 id 为 ${id} 的客户`), 'id');
  const { id: _id, created_at: _c, updated_at: _u, ...base } = row;
  const write = applyChanges(base, changes);
  q.updateBuyer(core.db, id, write, core.now().toISOString());
  if (changes.contacts !== undefined) q.replaceContacts(core.db, id, normalizeContacts(changes.contacts, write.country));
  if (changes.tags !== undefined) q.replaceTags(core.db, id, changes.tags);
  return getBuyer(core, id);
}

export function listBuyers(core: Core, filter: q.BuyerListFilter): { items: Buyer[]; total: number } {
  const { rows, total } = q.listBuyers(core.db, filter);
  return { items: toBuyers(core, rows), total };
}
