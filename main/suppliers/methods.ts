import { z } from 'zod';
import { type MethodContext, owner, staff } from '../api/method';
import { supplierFieldsSchema, supplierListSchema, supplierUpdateSchema } from './schema';
import * as suppliers from './service';

const id = z.number().int().positive();
const view = (ctx: MethodContext) => ({ includeCost: ctx.session.role === 'owner' });

/**
 * Access: staff read suppliers (they phone and WeChat the factories to chase orders) but never
 * see cost prices (left out here, and stripped by dispatch); creating, changing and archiving
 * a supplier (its payment terms are the owner's deal) is the owner's.
 */
export const suppliersMethods = {
  'suppliers.list': staff('Suppliers (factories, workshops) by name, with how many products each makes and its open purchase orders; a search on names, contact, phone and WeChat.', supplierListSchema, (input, { core }) => suppliers.listSuppliers(core, input)),
  'suppliers.get': staff('One supplier with its contact, payment terms and the products it makes (their factory item nos; cost prices for the owner).', z.strictObject({ id }), (input, ctx) => suppliers.getSupplier(ctx.core, input.id, view(ctx))),
  'suppliers.create': owner('Adds a supplier: names (zh, optional en), contact, phone (E.164), WeChat, address, payment terms (text, % at order, balance at delivery / monthly / N days), notes. Owner only.', supplierFieldsSchema, (input, { core }) => suppliers.createSupplier(core, input)),
  'suppliers.update': owner('Changes fields of a supplier (omitted ones keep their value); a new name is carried onto its products. Owner only.', supplierUpdateSchema, (input, ctx) => suppliers.updateSupplier(ctx.core, input.id, input.changes, view(ctx))),
  'suppliers.archive': owner('Archives a supplier (archived: false brings it back): it leaves the pickers and new purchase orders; its products and orders stay. Owner only.', z.strictObject({ id, archived: z.boolean().default(true) }), (input, ctx) => suppliers.setArchived(ctx.core, input.id, input.archived, view(ctx))),
};
