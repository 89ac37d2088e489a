import { z } from 'zod';
import { owner, staff } from '../api/method';
import {
  addLineSchema,
  duplicateSchema,
  lookupSchema,
  quoteCreateSchema,
  quoteListSchema,
  quoteRefSchema,
  quoteSettingsUpdateSchema,
  quoteUpdateSchema,
  scanSchema,
} from './schema';
import { createQuote, updateQuote, addLine, addByScan } from './drafts';
import { getQuote, getQuoteByNumber, listQuotes } from './view';
import { lookup } from './lookup';
import { sendQuote, acceptQuote, rejectQuote, deleteDraft, deletedDrafts, reviseQuote, duplicateQuote } from './workflow';
import { quoteSettings, updateQuoteSettings } from './settings';

const id = z.number().int().positive();

export const quotesMethods = {
  'quotes.create': staff('Starts a quotation for a buyer (buyerId, or newBuyer: company, country, WhatsApp) with optional terms, lines (by itemNo or productId; qty or cartons; typed unitPrice) and charges; returns it with totals and container fill.', quoteCreateSchema, (input, { core }) => createQuote(core, input)),
  'quotes.update': staff('Changes a draft: terms, discount, charges, and lines (the list in order; lineId keeps a line, itemNo/productId adds one; unitPrice null goes back to the tier price).', quoteUpdateSchema, (input, { core }) => updateQuote(core, input.id, input.changes)),
  'quotes.get': staff('One quotation by id, or by number (latest revision unless one is given), with lines, totals, container fill and warnings.', quoteRefSchema, (input, { core }) => ('id' in input ? getQuote(core, input.id) : getQuoteByNumber(core, input.number, input.revision)), { readOnly: true }),
  'quotes.list': staff('Quotations, newest first, filtered by status, buyer, country or a search on number and company.', quoteListSchema, (input, { core }) =>
      listQuotes(core, {
        statuses: input.status,
        buyerId: input.buyerId,
        country: input.country,
        search: input.search,
        latestOnly: input.latestOnly,
        limit: input.limit,
        offset: input.offset,
      }), { readOnly: true }),
  'quotes.addLine': staff('Appends a product to a draft as a new line (quantity: the MOQ unless qty or cartons is given; price from the tier unless typed).', addLineSchema, (input, { core }) => {
      const { id: quoteId, ...line } = input;
      return addLine(core, quoteId, line);
    }),
  'quotes.addByScan': staff('A barcode scan (or a typed item no) on a draft: adds the product as a line at its MOQ, or one more carton when it is already there.', scanSchema, (input, { core }) => addByScan(core, input.id, input.code)),
  'quotes.lookup': staff('Products for the quote screen search: exact item no or barcode first, then item no prefix, then names; with the price in the quotation currency.', lookupSchema, (input, { core }) => lookup(core, input.query, input.quoteId, input.limit), { readOnly: true, searches: true }),
  'quotes.send': staff('Marks a draft as sent to the buyer; its seller and buyer blocks are frozen from now on.', z.strictObject({ id }), (input, { core }) => sendQuote(core, input.id)),
  'quotes.accept': staff('The buyer agreed: a draft or sent quotation (not expired) becomes accepted, ready for a pro-forma invoice.', z.strictObject({ id }), (input, { core }) => acceptQuote(core, input.id)),
  'quotes.reject': staff('The buyer declined a draft or sent quotation; the reason is kept.', z.strictObject({ id, reason: z.string().trim().max(500).optional() }), (input, { core }) => rejectQuote(core, input.id, input.reason ?? '')),
  'quotes.revise': staff('Makes the next revision (same number, rev + 1, a draft dated today) of a sent, accepted, rejected or expired quotation; the old one becomes superseded.', z.strictObject({ id }), (input, { core }) => reviseQuote(core, input.id)),
  'quotes.delete': staff('Deletes a draft made by mistake, or one that expired unsent (lines and charges too); its number is never given again. Deleting a revision\'s draft gives the revision before it back its status (returned as reopened). Anything sent stays on record.', z.strictObject({ id }), (input, { core }) => deleteDraft(core, input.id)),
  'quotes.deletedDrafts': staff('Deleted drafts, the latest first: number, buyer, total, lines and when, kept for the record.', z.strictObject({ limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) }), (input, { core }) => deletedDrafts(core, input.limit, input.offset), { readOnly: true }),
  'quotes.duplicate': staff('Copies a quotation for another buyer (buyerId or newBuyer) as a new draft, in that buyer\'s currency unless one is given.', duplicateSchema, (input, { core }) => duplicateQuote(core, input.id, input)),
  'quotes.settings': staff('Quotation settings: default decimals of converted unit prices and the containers of the fill bar (volume, payload).', z.strictObject({}), (_input, { core }) => quoteSettings(core), { readOnly: true }),
  'quotes.updateSettings': owner('Changes the default price decimals and/or the container list (code, practical volume in m³, payload in kg).', quoteSettingsUpdateSchema, (input, { core }) => updateQuoteSettings(core, input)),
};
