import { z } from 'zod';
import { invalid, msg } from '../errors/apiError';
import { method } from '../api/method';
import { dateInput } from '../rates/schema';
import { createSchema, forwarderSchema, listSchema } from './schema';
import * as shipments from './service';
import { declarationLines, declarationSheet } from './declaration';

const id = z.number().int().positive();

/** Staff deliver goods and print for the forwarder: every method here is open to them (no cost prices in any result). */
export const shipmentsMethods = {
  'shipments.create': method({
    summary:
      'A delivery of a PI\'s goods to the buyer\'s forwarder or agent warehouse (partial shipment): forwarder (from the list or typed), warehouse entry number (进仓编号), date, per PI line the pieces and cartons. Ships that stock through the ledger; refused beyond what is left to deliver, reserved or on hand. Cartons are numbered on from earlier deliveries.',
    access: 'staff',
    input: createSchema,
    handler: (input, { core }) => {
      if (input.forwarderId !== undefined && input.forwarder) throw invalid('forwarder', msg('give forwarderId or forwarder, not both', '请只选择货代或只填写货代，不要同时填写'));
      return shipments.createShipment(core, input);
    },
  }),
  'invoices.ship': method({
    summary: 'Delivers everything left on a PI in one delivery (shipments.create for every line\'s remaining pieces); the PI becomes shipped. Refused when the stock is not on hand.',
    access: 'staff',
    input: z.strictObject({ id, shippedOn: dateInput.optional() }),
    handler: (input, { core }) => shipments.shipEverything(core, input.id, input.shippedOn),
  }),
  'shipments.get': method({
    summary: 'One delivery: forwarder, entry number, lines with carton numbers, CBM, weights and value.',
    access: 'staff',
    input: z.strictObject({ id }),
    handler: (input, { core }) => shipments.getShipment(core, input.id),
  }),
  'shipments.list': method({
    summary: 'Deliveries, newest first, by PI, buyer or date.',
    access: 'staff',
    input: listSchema,
    handler: (input, { core }) => shipments.listShipments(core, input),
  }),
  'shipments.forInvoice': method({
    summary: 'A PI\'s deliveries, per line what was delivered and is left, and the next carton number.',
    access: 'staff',
    input: z.strictObject({ invoiceId: id }),
    handler: (input, { core }) => shipments.forInvoice(core, input.invoiceId),
  }),
  'shipments.forwarders': method({
    summary: 'The forwarders and agents\' warehouses goods are delivered to.',
    access: 'staff',
    input: z.strictObject({ includeArchived: z.boolean().optional() }),
    handler: (input, { core }) => ({ items: shipments.listForwarders(core, input.includeArchived ?? false) }),
  }),
  'shipments.saveForwarder': method({
    summary: 'Adds a forwarder (no id) or changes one: name, contact, phone (E.164), warehouse address, notes, archived.',
    access: 'staff',
    input: forwarderSchema,
    handler: (input, { core }) => shipments.saveForwarder(core, input),
  }),
  'shipments.declaration': method({
    summary: 'A delivery\'s market-procurement (1039) declaration figures: per line HS code, Chinese and English names, quantity and unit, value in the PI currency and USD, cartons, weights; the buyer and country.',
    access: 'staff',
    input: z.strictObject({ id }),
    handler: (input, { core }) => {
      const shipment = shipments.getShipment(core, input.id);
      return { shipment: { id: shipment.id, number: shipment.number, buyer: shipment.invoice.buyer, currency: shipment.invoice.currency }, ...declarationLines(core, shipment) };
    },
  }),
  'shipments.declarationXlsx': method({
    summary: 'The 1039 declaration of a delivery as an XLSX sheet for the forwarder (base64), in Chinese, English or both (default).',
    access: 'staff',
    kind: 'async',
    input: z.strictObject({ id, lang: z.enum(['zh', 'en', 'bi']).default('bi') }),
    handler: async (input, { core }) => declarationSheet(core, shipments.getShipment(core, input.id), input.lang),
  }),
};
