import { z } from 'zod';
import { dateInput } from '../rates/schema';

const id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max);

export const createSchema = z.strictObject({
  invoiceId: id,
  deliveredOn: dateInput.optional(),
  /** A forwarder of the list (shipments.forwarders)… */
  forwarderId: id.optional(),
  /** …or one typed in. */
  forwarder: z.strictObject({ name: z.string().trim().min(1).max(200), phone: text(40).optional(), address: text(500).optional() }).optional(),
  /** 进仓编号: the warehouse's entry number. */
  entryNo: text(60).optional(),
  /** Default: the PI's shipping marks. */
  shippingMarks: text(1000).optional(),
  note: text(500).optional(),
  lines: z
    .array(
      z.strictObject({
        /** The PI's line (invoices.get lines[].id). */
        lineId: id,
        qty: z.number().int().min(1).max(100_000_000),
        /** Default ceil(qty / pcs per carton). */
        cartons: z.number().int().min(0).max(10_000_000).optional(),
      }),
    )
    .min(1)
    .max(300),
});

export const forwarderSchema = z.strictObject({
  /** Omitted: a new forwarder. */
  id: id.optional(),
  name: z.string().trim().min(1).max(200),
  contact: text(120).optional(),
  phone: text(40).optional(),
  address: text(500).optional(),
  notes: text(1000).optional(),
  archived: z.boolean().optional(),
});

export const listSchema = z.strictObject({
  invoiceId: id.optional(),
  buyerId: id.optional(),
  from: dateInput.optional(),
  to: dateInput.optional(),
  limit: z.number().int().min(1).max(500).default(50),
  offset: z.number().int().min(0).default(0),
});
