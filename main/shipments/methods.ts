import { z } from 'zod';
import { invalid, m } from '../errors/apiError';
import { staff } from '../api/method';
import { dateInput } from '../rates/schema';
import { createSchema, forwarderSchema, listSchema } from './schema';
import * as shipments from './service';
import { declarationLines, declarationSheet } from './declaration';

const id = z.number().int().positive();

/** Staff deliver goods and print for the forwarder: every method here is open to them (no cost prices in any result). */
export const shipmentsMethods = {
  'shipments.create': staff('A delivery of a PI\'s goods to the buyer\'s forwarder or agent warehouse (partial shipment): forwarder (from the list or typed), warehouse entry number (进仓编号), date, per PI line the pieces and cartons. Ships that stock through the ledger; refused beyond what is left to deliver, reserved or on hand. Cartons are numbered on from earlier deliveries.', createSchema, (input, { core }) => {
      if (input.forwarderId !== undefined && input.forwarder) throw invalid('forwarder', m('shipments.giveForwarderidForwarderNot'));
      return shipments.createShipment(core, input);
    }),
  'invoices.ship': staff('Delivers everything left on a PI in one delivery (shipments.create for every line\'s remaining pieces); the PI becomes shipped. Refused when the stock is not on hand.', z.strictObject({ id, shippedOn: dateInput.optional() }), (input, { core }) => shipments.shipEverything(core, input.id, input.shippedOn)),
  'shipments.get': staff('One delivery: forwarder, entry number, lines with carton numbers, CBM, weights and value.', z.strictObject({ id }), (input, { core }) => shipments.getShipment(core, input.id)),
  'shipments.list': staff('Deliveries, newest first, by PI, buyer or date.', listSchema, (input, { core }) => shipments.listShipments(core, input)),
  'shipments.forInvoice': staff('A PI\'s deliveries, per line what was delivered and is left, and the next carton number.', z.strictObject({ invoiceId: id }), (input, { core }) => shipments.forInvoice(core, input.invoiceId)),
  'shipments.forwarders': staff('The forwarders and agents\' warehouses goods are delivered to.', z.strictObject({ includeArchived: z.boolean().optional() }), (input, { core }) => ({ items: shipments.listForwarders(core, input.includeArchived ?? false) })),
  'shipments.saveForwarder': staff('Adds a forwarder (no id) or changes one: name, contact, phone (E.164), warehouse address, notes, archived.', forwarderSchema, (input, { core }) => shipments.saveForwarder(core, input)),
  'shipments.declaration': staff('A delivery\'s market-procurement (1039) declaration figures: per line HS code, Chinese and English names, quantity and unit, value in the PI currency and USD, cartons, weights; the buyer and country.', z.strictObject({ id }), (input, { core }) => {
      const shipment = shipments.getShipment(core, input.id);
      return { shipment: { id: shipment.id, number: shipment.number, buyer: shipment.invoice.buyer, currency: shipment.invoice.currency }, ...declarationLines(core, shipment) };
    }),
  'shipments.declarationXlsx': staff('The 1039 declaration of a delivery as an XLSX sheet for the forwarder (base64), in Chinese, English or both (default).', z.strictObject({ id, lang: z.enum(['zh', 'en', 'bi']).default('bi') }), async (input, { core }) => declarationSheet(core, shipments.getShipment(core, input.id), input.lang), { kind: 'async' }),
};
