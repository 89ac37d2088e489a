/** The seller and the buyer on a quotation: live while a draft, frozen once it leaves the stall; buyers added on the spot. */
import type { Core } from '../core';
import { m, notFound } from '../errors/apiError';
import type * as q from '../../db/quotes';
import { getBuyer as getBuyerRow } from '../../db/buyers';
import { createBuyer, getBuyer } from '../buyers/service';
import { getDefaults, getSeller } from '../settings/service';
import { walkInDefaults } from '../buyers/walkIn';
import { rateE8On } from '../rates/service';
import { type QuickBuyer } from './schema';
import { type BuyerBlock, type SellerSnapshot } from './types';
import { today } from './records';


export function sellerSnapshot(core: Core): SellerSnapshot {
  const { updatedAt: _u, ...seller } = getSeller(core);
  return seller;
}

export function buyerBlock(core: Core, buyerId: number): BuyerBlock {
  const b = getBuyer(core, buyerId);
  const c = b.contacts[0];
  return {
    id: b.id,
    company: b.company,
    country: b.country,
    city: b.city,
    address: b.address,
    currency: b.currency,
    docLanguage: b.docLanguage,
    taxNo: b.taxNo,
    contact: c ? { name: c.name, role: c.role, phone: c.phone, whatsapp: c.whatsapp, wechat: c.wechat, email: c.email } : null,
  };
}


/**
 * A buyer added on the spot, from a WhatsApp number alone if need be: country from the calling code,
 * document language and currency from the country (main/buyers/walkIn.ts). Returns the buyer and the
 * currency to quote in (the one given, else the buyer's).
 */
export function quickAddBuyer(core: Core, input: QuickBuyer, currency: string | undefined, field: string): { buyerId: number; currency: string } {
  const derived = walkInDefaults(input, {
    defaultCurrency: getDefaults(core).defaultCurrency,
    quotable: (c) => c === 'CNY' || rateE8On(core, c, today(core)) !== null,
    field,
  });
  const buyer = createBuyer(core, {
    company: derived.company,
    country: derived.country,
    currency: currency ?? derived.currency,
    docLanguage: derived.docLanguage,
    contacts: derived.whatsapp || input.contactName ? [{ name: input.contactName ?? '', whatsapp: derived.whatsapp, phone: derived.whatsapp }] : [],
  });
  return { buyerId: buyer.id, currency: currency ?? derived.currency };
}

export function requireBuyer(core: Core, id: number, field: string): void {
  if (!getBuyerRow(core.db, id)) throw notFound(m('common.noBuyerId', { field, id }), field);
}

export function freezeSnapshots(core: Core, row: q.QuoteRow): Pick<q.StatusChange, 'seller_snapshot' | 'buyer_snapshot'> {
  return {
    seller_snapshot: row.seller_snapshot ?? JSON.stringify(sellerSnapshot(core)),
    buyer_snapshot: row.buyer_snapshot ?? JSON.stringify(buyerBlock(core, row.buyer_id)),
  };
}
