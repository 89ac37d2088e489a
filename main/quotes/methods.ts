import { z } from 'zod';
import { method } from '../api/method';
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
import * as quotes from './service';

const id = z.number().int().positive();

export const quotesMethods = {
  'quotes.create': method({
    summary:
      'Starts a quotation for a buyer (buyerId, or newBuyer: company, country, WhatsApp) with optional terms, lines (by itemNo or productId; qty or cartons; typed unitPrice) and charges; returns it with totals and container fill.',
    access: 'staff',
    input: quoteCreateSchema,
    handler: (input, { core }) => quotes.createQuote(core, input),
  }),
  'quotes.update': method({
    summary:
      'Changes a draft: terms, discount, charges, and lines (the list in order; lineId keeps a line, itemNo/productId adds one; unitPrice null goes back to the tier price).',
    access: 'staff',
    input: quoteUpdateSchema,
    handler: (input, { core }) => quotes.updateQuote(core, input.id, input.changes),
  }),
  'quotes.get': method({
    summary: 'One quotation by id, or by number (latest revision unless one is given), with lines, totals, container fill and warnings.',
    access: 'staff',
    readOnly: true,
    input: quoteRefSchema,
    handler: (input, { core }) => ('id' in input ? quotes.getQuote(core, input.id) : quotes.getQuoteByNumber(core, input.number, input.revision)),
  }),
  'quotes.list': method({
    summary: 'Quotations, newest first, filtered by status, buyer, country or a search on number and company.',
    access: 'staff',
    readOnly: true,
    input: quoteListSchema,
    handler: (input, { core }) =>
      quotes.listQuotes(core, {
        statuses: input.status,
        buyerId: input.buyerId,
        country: input.country,
        search: input.search,
        latestOnly: input.latestOnly,
        limit: input.limit,
        offset: input.offset,
      }),
  }),
  'quotes.addLine': method({
    summary: 'Appends a product to a draft as a new line (quantity: the MOQ unless qty or cartons is given; price from the tier unless typed).',
    access: 'staff',
    input: addLineSchema,
    handler: (input, { core }) => {
      const { id: quoteId, ...line } = input;
      return quotes.addLine(core, quoteId, line);
    },
  }),
  'quotes.addByScan': method({
    summary: 'A barcode scan (or a typed item no) on a draft: adds the product as a line at its MOQ, or one more carton when it is already there.',
    access: 'staff',
    input: scanSchema,
    handler: (input, { core }) => quotes.addByScan(core, input.id, input.code),
  }),
  'quotes.lookup': method({
    summary: 'Products for the quote screen search: exact item no or barcode first, then item no prefix, then names; with the price in the quotation currency.',
    access: 'staff',
    readOnly: true,
    searches: true,
    input: lookupSchema,
    handler: (input, { core }) => quotes.lookup(core, input.query, input.quoteId, input.limit),
  }),
  'quotes.send': method({
    summary: 'Marks a draft as sent to the buyer; its seller and buyer blocks are frozen from now on.',
    access: 'staff',
    input: z.strictObject({ id }),
    handler: (input, { core }) => quotes.sendQuote(core, input.id),
  }),
  'quotes.accept': method({
    summary: 'The buyer agreed: a draft or sent quotation (not expired) becomes accepted, ready for a pro-forma invoice.',
    access: 'staff',
    input: z.strictObject({ id }),
    handler: (input, { core }) => quotes.acceptQuote(core, input.id),
  }),
  'quotes.reject': method({
    summary: 'The buyer declined a draft or sent quotation; the reason is kept.',
    access: 'staff',
    input: z.strictObject({ id, reason: z.string().trim().max(500).optional() }),
    handler: (input, { core }) => quotes.rejectQuote(core, input.id, input.reason ?? ''),
  }),
  'quotes.revise': method({
    summary: 'Makes the next revision (same number, rev + 1, a draft dated today) of a sent, accepted, rejected or expired quotation; the old one becomes superseded.',
    access: 'staff',
    input: z.strictObject({ id }),
    handler: (input, { core }) => quotes.reviseQuote(core, input.id),
  }),
  'quotes.delete': method({
    summary:
      'Deletes a draft made by mistake, or one that expired unsent (lines and charges too); its number is never given again. Deleting a revision\'s draft gives the revision before it back its status (returned as reopened). Anything sent stays on record.',
    access: 'staff',
    input: z.strictObject({ id }),
    handler: (input, { core }) => quotes.deleteDraft(core, input.id),
  }),
  'quotes.deletedDrafts': method({
    summary: 'Deleted drafts, the latest first: number, buyer, total, lines and when, kept for the record.',
    access: 'staff',
    readOnly: true,
    input: z.strictObject({ limit: z.number().int().min(1).max(200).default(50), offset: z.number().int().min(0).default(0) }),
    handler: (input, { core }) => quotes.deletedDrafts(core, input.limit, input.offset),
  }),
  'quotes.duplicate': method({
    summary: 'Copies a quotation for another buyer (buyerId or newBuyer) as a new draft, in that buyer\'s currency unless one is given.',
    access: 'staff',
    input: duplicateSchema,
    handler: (input, { core }) => quotes.duplicateQuote(core, input.id, input),
  }),
  'quotes.settings': method({
    summary: 'Quotation settings: default decimals of converted unit prices and the containers of the fill bar (volume, payload).',
    access: 'staff',
    readOnly: true,
    input: z.strictObject({}),
    handler: (_input, { core }) => quotes.quoteSettings(core),
  }),
  'quotes.updateSettings': method({
    summary: 'Changes the default price decimals and/or the container list (code, practical volume in m³, payload in kg).',
    access: 'owner',
    input: quoteSettingsUpdateSchema,
    handler: (input, { core }) => quotes.updateQuoteSettings(core, input),
  }),
};
