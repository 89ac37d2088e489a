import type { Core } from '../core';
import { invalid, m } from '../errors/apiError';
import * as q from '../../db/buyers';
import { buyerRow, getBuyer, indexBuyer, type Buyer } from './service';

export interface MergeResult {
  buyer: Buyer;
  /** How many rows moved, by kind: contacts, tags, visits, and any other table pointing at buyers (quotes, invoices…). */
  moved: Record<string, number>;
}

type ContactFields = Omit<q.ContactWrite, never>;

function samePerson(a: ContactFields, b: ContactFields): boolean {
  const shared = (x: string, y: string) => x !== '' && x === y;
  return (
    shared(a.phone, b.phone) || shared(a.whatsapp, b.whatsapp) || shared(a.phone, b.whatsapp) || shared(a.whatsapp, b.phone) ||
    shared(a.email, b.email) || shared(a.wechat, b.wechat)
  );
}

/**
 * Merges buyer `mergeId` into buyer `keepId`: the kept buyer's fields win and
 * its empty ones are filled from the other; notes are joined; contacts are
 * added unless they are the same person (a phone, WhatsApp, email or WeChat in
 * common), whose empty fields are then filled; tags are united; visits and
 * every other row that points at the merged buyer (quotations, invoices… read
 * from the schema) move over; the merge is recorded; the merged buyer is deleted.
 * All in the caller's transaction.
 */
export function mergeBuyers(core: Core, keepId: number, mergeId: number): MergeResult {
  if (keepId === mergeId) throw invalid('mergeId', m('buyers.sameBuyerKeepid'));
  const keep = buyerRow(core, keepId, 'keepId');
  const gone = buyerRow(core, mergeId, 'mergeId');
  const now = core.now().toISOString();

  const { id: _k, created_at: _kc, updated_at: _ku, ...fields } = keep;
  const filled: q.BuyerWrite = { ...fields };
  for (const key of ['city', 'address', 'agent', 'passport_no', 'tax_no', 'nationality'] as const) {
    if (filled[key] === '' && gone[key] !== '') filled[key] = gone[key];
  }
  if (!filled.card_image && gone.card_image) filled.card_image = gone.card_image;
  if (gone.notes && gone.notes !== keep.notes) {
    filled.notes = keep.notes ? `${keep.notes}\n\n${gone.company}: ${gone.notes}` : gone.notes;
  }
  q.updateBuyer(core.db, keepId, filled, now);

  const strip = ({ id: _i, buyer_id: _b, position: _p, ...c }: q.ContactRow): ContactFields => c;
  const contacts = q.contactsFor(core.db, [keepId]).map(strip);
  let movedContacts = 0;
  for (const other of q.contactsFor(core.db, [mergeId]).map(strip)) {
    const same = contacts.find((c) => samePerson(c, other));
    if (same) {
      for (const key of ['name', 'role', 'phone', 'whatsapp', 'wechat', 'email'] as const) if (same[key] === '') same[key] = other[key];
    } else {
      contacts.push(other);
      movedContacts += 1;
    }
  }
  q.replaceContacts(core.db, keepId, contacts);

  const moved: Record<string, number> = { contacts: movedContacts, tags: q.moveTags(core.db, mergeId, keepId) };
  for (const ref of q.buyerReferences(core.db)) {
    const n = q.moveReferences(core.db, ref, mergeId, keepId);
    if (ref.table !== 'buyer_merges') moved[ref.table] = (moved[ref.table] ?? 0) + n;
  }
  q.insertMerge(core.db, { buyer_id: keepId, merged_id: mergeId, merged_company: gone.company, merged_country: gone.country, moved, merged_at: now });
  q.deleteBuyer(core.db, mergeId);
  indexBuyer(core, keepId);
  return { buyer: getBuyer(core, keepId), moved };
}
