/**
 * Deliveries to the buyer's forwarder (partial shipments): each ships part of the stock the PI
 * reserved, line by line through the ledger (a ship movement per line, reference = the PI
 * number), with the forwarder's warehouse, its entry number (进仓编号), cartons numbered on from
 * the PI's earlier deliveries, marks, CBM and weights. When every line is delivered the PI
 * becomes shipped. invoices.ship is "deliver everything left".
 */
import type { Core } from '../core';
import { AppError, invalid, m, notFound } from '../errors/apiError';
import { INVOICE_STATUS } from '../invoices/status';
import * as q from '../../db/shipments';
import { getInvoice as invoiceRow } from '../../db/invoices';
import { shipQty } from '../stock/service';
import { getInvoice, markShipped } from '../invoices/service';
import { toE164 } from '../phones/e164';
import { localDate } from '../calendar/dates';
import { cbm, kg, lineFigures, money, type PackingFigures } from '../quotes/totals';
import { toScaled } from '../money/decimal';
import { AMOUNT_SCALE, roundAmount } from '../money/amounts';
import type { Invoice } from '../invoices/types';
import type { DocumentLine } from '../quotes/types';
import type { Forwarder, InvoiceDeliveries, Shipment, ShipmentLine } from './types';

const today = (core: Core) => localDate(core.now());
const nowIso = (core: Core) => core.now().toISOString();

// ---------------------------------------------------------------------------
// Forwarders

function toForwarder(r: q.ForwarderRow): Forwarder {
  return { id: r.id, name: r.name, contact: r.contact, phone: r.phone, address: r.address, notes: r.notes, archived: r.archived === 1 };
}

export function listForwarders(core: Core, includeArchived: boolean): Forwarder[] {
  return q.listForwarders(core.db, includeArchived).map(toForwarder);
}

export interface ForwarderInput {
  id?: number | undefined;
  name: string;
  contact?: string | undefined;
  phone?: string | undefined;
  address?: string | undefined;
  notes?: string | undefined;
  archived?: boolean | undefined;
}

/** Adds a forwarder (no id) or changes one. */
export function saveForwarder(core: Core, input: ForwarderInput): Forwarder {
  const old = input.id !== undefined ? q.getForwarder(core.db, input.id) : undefined;
  if (input.id !== undefined && !old) throw notFound(m('shipments.noForwarderId', { id: input.id }), 'id');
  const write: q.ForwarderWrite = {
    name: input.name,
    contact: input.contact ?? old?.contact ?? '',
    phone: input.phone !== undefined ? toE164(input.phone, 'CN', 'phone') : (old?.phone ?? ''),
    address: input.address ?? old?.address ?? '',
    notes: input.notes ?? old?.notes ?? '',
    archived: input.archived === undefined ? (old?.archived ?? 0) : input.archived ? 1 : 0,
  };
  const now = nowIso(core);
  const id = old ? (q.updateForwarder(core.db, old.id, write, now), old.id) : q.insertForwarder(core.db, write, now);
  return toForwarder(q.getForwarder(core.db, id) as q.ForwarderRow);
}

// ---------------------------------------------------------------------------
// Reading

/** The PI line's packing snapshot in the units totals.ts counts in. */
export function packingOf(line: DocumentLine): PackingFigures {
  const p = line.product.packing;
  return {
    pcsPerCarton: p.pcsPerCarton,
    cartonLMm: p.cartonCm ? toScaled(p.cartonCm.l, 1) : null,
    cartonWMm: p.cartonCm ? toScaled(p.cartonCm.w, 1) : null,
    cartonHMm: p.cartonCm ? toScaled(p.cartonCm.h, 1) : null,
    gwG: p.gwKg === null ? null : toScaled(p.gwKg, 3),
    nwG: p.nwKg === null ? null : toScaled(p.nwKg, 3),
  };
}

/** CBM and weights of `cartons` cartons of a line, by totals.ts's rules (0 without packing). */
export function cartonFigures(cartons: number, packing: PackingFigures): { cbmE3: number; gwG: number; nwG: number } {
  if (!packing.pcsPerCarton || cartons === 0) return { cbmE3: 0, gwG: 0, nwG: 0 };
  const f = lineFigures({ qty: cartons * packing.pcsPerCarton, unitPriceE4: 0, packing }, 'CNY');
  return { cbmE3: Number(f.cbmE3), gwG: Number(f.gwG), nwG: Number(f.nwG) };
}

/** qty × the line's unit price in the PI currency, rounded to its digits (× 10⁴). */
export function lineValueE4(qty: number, line: DocumentLine, currency: string): number {
  return Number(roundAmount(BigInt(qty) * BigInt(toScaled(line.unitPrice, 4)), AMOUNT_SCALE, currency));
}

function toShipment(row: q.ShipmentRow, lines: q.ShipmentLineRow[], pi: Invoice): Shipment {
  const byId = new Map(pi.lines.map((l) => [l.id, l]));
  let valueE4 = 0;
  const out: ShipmentLine[] = lines.map((l) => {
    const line = byId.get(l.invoice_line_id);
    const value = line ? lineValueE4(l.qty, line, pi.currency) : 0;
    valueE4 += value;
    return {
      lineId: l.invoice_line_id,
      no: line?.no ?? 0,
      productId: l.product_id,
      itemNo: line?.product.itemNo ?? '',
      names: { zh: line?.product.names.zh ?? '', en: line?.product.names.en ?? '' },
      hsCode: line?.product.hsCode ?? '',
      unit: line?.product.unit ?? '',
      qty: l.qty,
      cartons: l.cartons,
      cartonRange: l.carton_from !== null && l.carton_to !== null ? { from: l.carton_from, to: l.carton_to } : null,
      cbm: cbm(l.cbm_e3),
      grossWeightKg: kg(l.gw_g),
      netWeightKg: kg(l.nw_g),
      unitPrice: line?.unitPrice ?? '0',
      value: money(value, pi.currency),
    };
  });
  return {
    id: row.id,
    number: row.number,
    seq: row.seq,
    invoice: { id: pi.id, number: pi.number, currency: pi.currency, buyer: { id: pi.buyer.id, company: pi.buyer.company, country: pi.buyer.country } },
    deliveredOn: row.delivered_on,
    forwarder: { id: row.forwarder_id, name: row.forwarder_name, phone: row.forwarder_phone, address: row.warehouse_address },
    entryNo: row.entry_no,
    shippingMarks: row.shipping_marks,
    note: row.note,
    lines: out,
    totals: { cartons: row.cartons, cbm: cbm(row.cbm_e3), grossWeightKg: kg(row.gw_g), netWeightKg: kg(row.nw_g), value: money(valueE4, pi.currency) },
    createdAt: row.created_at,
  };
}

function requireShipment(core: Core, id: number): q.ShipmentRow {
  const row = q.getShipment(core.db, id);
  if (!row) throw notFound(m('shipments.noDeliveryId', { id }), 'id');
  return row;
}

export function getShipment(core: Core, id: number): Shipment {
  const row = requireShipment(core, id);
  return toShipment(row, q.linesOfShipments(core.db, [row.id]), getInvoice(core, row.invoice_id));
}

export function forInvoice(core: Core, invoiceId: number): InvoiceDeliveries {
  if (!invoiceRow(core.db, invoiceId)) throw notFound(m('common.noProFormaInvoice', { invoiceId }), 'invoiceId');
  const pi = getInvoice(core, invoiceId);
  const rows = q.shipmentsOfInvoice(core.db, invoiceId);
  const lines = q.linesOfShipments(core.db, rows.map((r) => r.id));
  const delivered = new Map(q.deliveredByLine(core.db, invoiceId).map((r) => [r.invoice_line_id, r.qty]));
  return {
    deliveries: rows.map((r) => toShipment(r, lines.filter((l) => l.shipment_id === r.id), pi)),
    lines: pi.lines.map((l) => {
      const done = delivered.get(l.id) ?? 0;
      return { lineId: l.id, no: l.no, itemNo: l.product.itemNo, unit: l.product.unit, qty: l.qty, delivered: done, toDeliver: Math.max(0, l.qty - done) };
    }),
    nextCartonNo: q.lastCartonNo(core.db, invoiceId) + 1,
  };
}

export function listShipments(core: Core, filter: Parameters<typeof q.listShipments>[1]) {
  const { rows, total } = q.listShipments(core.db, filter);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      number: r.number,
      invoice: { id: r.invoice_id, number: r.invoice_number },
      buyer: { id: r.buyer_id, company: r.buyer_company, country: r.buyer_country },
      deliveredOn: r.delivered_on,
      forwarder: r.forwarder_name,
      entryNo: r.entry_no,
      cartons: r.cartons,
      cbm: cbm(r.cbm_e3),
      grossWeightKg: kg(r.gw_g),
    })),
  };
}

// ---------------------------------------------------------------------------
// Delivering

export interface DeliveryInput {
  invoiceId: number;
  deliveredOn?: string | undefined;
  /** A forwarder of the list, or one typed in (name, phone, warehouse address). */
  forwarderId?: number | undefined;
  forwarder?: { name: string; phone?: string | undefined; address?: string | undefined } | undefined;
  entryNo?: string | undefined;
  /** Default: the PI's shipping marks. */
  shippingMarks?: string | undefined;
  note?: string | undefined;
  lines: Array<{ lineId: number; qty: number; cartons?: number | undefined }>;
}

/**
 * One delivery of a PI's goods. Each line: not more than is left to deliver on it; per product,
 * not more than the PI still has reserved nor more than is on hand (goods not yet received
 * cannot leave). Cartons default to ceil(qty / pcs per carton) and are numbered on from the PI's
 * last carton. `fieldOf` names the input a line came from in errors.
 */
export function createShipment(core: Core, input: DeliveryInput, fieldOf: (i: number, key: 'lineId' | 'qty') => string = (i, key) => `lines.${i}.${key}`): Shipment {
  const row = invoiceRow(core.db, input.invoiceId);
  if (!row) throw notFound(m('common.noProFormaInvoice', { invoiceId: input.invoiceId }), 'invoiceId');
  if (row.status === 'cancelled' || row.status === 'shipped') {
    throw new AppError('conflict', m('shipments.nothingLeftToDeliver', { number: row.number, status: INVOICE_STATUS[row.status] }), 'invoiceId');
  }
  const pi = getInvoice(core, input.invoiceId);
  const deliveredOn = input.deliveredOn ?? today(core);
  let forwarder = { id: null as number | null, name: '', phone: '', address: '' };
  if (input.forwarderId !== undefined) {
    const f = q.getForwarder(core.db, input.forwarderId);
    if (!f) throw notFound(m('shipments.noForwarderId2', { forwarderId: input.forwarderId }), 'forwarderId');
    forwarder = { id: f.id, name: f.name, phone: f.phone, address: f.address };
  } else if (input.forwarder) {
    forwarder = { id: null, name: input.forwarder.name, phone: toE164(input.forwarder.phone ?? '', 'CN', 'forwarder.phone'), address: input.forwarder.address ?? '' };
  }

  const byId = new Map(pi.lines.map((l) => [l.id, l]));
  const delivered = new Map(q.deliveredByLine(core.db, row.id).map((r) => [r.invoice_line_id, r.qty]));
  const seen = new Set<number>();
  const checked = input.lines.map((l, i) => {
    const line = byId.get(l.lineId);
    if (!line) throw invalid(fieldOf(i, 'lineId'), m('shipments.notLinePi', { number: row.number }));
    if (seen.has(l.lineId)) throw invalid(fieldOf(i, 'lineId'), m('common.listedTwice'));
    seen.add(l.lineId);
    if (line.product.productId === null) {
      throw invalid(fieldOf(i, 'lineId'), m('shipments.noLongerCatalogStock', { itemNo: line.product.itemNo }));
    }
    const left = line.qty - (delivered.get(line.id) ?? 0);
    if (l.qty > left) {
      throw invalid(
        fieldOf(i, 'qty'),
        m('shipments.moreLeftDeliver', { qty: l.qty, itemNo: line.product.itemNo, left: Math.max(0, left), lineQty: line.qty }),
      );
    }
    const packing = packingOf(line);
    const cartons = l.cartons ?? (packing.pcsPerCarton ? Math.ceil(l.qty / packing.pcsPerCarton) : 0);
    return { line, qty: l.qty, cartons, packing, field: fieldOf(i, 'qty'), productId: line.product.productId };
  });

  const seq = q.nextShipmentSeq(core.db, row.id);
  let carton = q.lastCartonNo(core.db, row.id);
  const figures = checked.map((c) => {
    const f = cartonFigures(c.cartons, c.packing);
    const range = c.cartons > 0 ? { from: carton + 1, to: carton + c.cartons } : null;
    carton += c.cartons;
    return { ...c, ...f, range };
  });
  const totals = figures.reduce((t, f) => ({ cartons: t.cartons + f.cartons, cbm: t.cbm + f.cbmE3, gw: t.gw + f.gwG, nw: t.nw + f.nwG }), { cartons: 0, cbm: 0, gw: 0, nw: 0 });
  const number = `${row.number}-D${seq}`;
  const now = nowIso(core);
  const shipmentId = q.insertShipment(
    core.db,
    {
      invoice_id: row.id,
      seq,
      number,
      delivered_on: deliveredOn,
      forwarder_id: forwarder.id,
      forwarder_name: forwarder.name,
      forwarder_phone: forwarder.phone,
      warehouse_address: forwarder.address,
      entry_no: input.entryNo ?? '',
      shipping_marks: input.shippingMarks ?? pi.shippingMarks,
      note: input.note ?? '',
      cartons: totals.cartons,
      cbm_e3: totals.cbm,
      gw_g: totals.gw,
      nw_g: totals.nw,
    },
    now,
  );
  const movedAt = input.deliveredOn ? `${deliveredOn}T12:00:00.000Z` : now;
  figures.forEach((f, position) => {
    // The ledger checks, per movement, that the PI still has it reserved and that it is on hand.
    const moveId = shipQty(core, { productId: f.productId, qty: f.qty, reference: row.number, reason: 'delivery', note: number, movedAt }, f.field);
    q.insertShipmentLine(core.db, {
      shipment_id: shipmentId,
      position,
      invoice_line_id: f.line.id,
      product_id: f.productId,
      qty: f.qty,
      cartons: f.cartons,
      carton_from: f.range?.from ?? null,
      carton_to: f.range?.to ?? null,
      cbm_e3: f.cbmE3,
      gw_g: f.gwG,
      nw_g: f.nwG,
      move_id: moveId,
    });
    delivered.set(f.line.id, (delivered.get(f.line.id) ?? 0) + f.qty);
  });
  if (pi.lines.every((l) => (delivered.get(l.id) ?? 0) >= l.qty)) markShipped(core, row.id, movedAt);
  return getShipment(core, shipmentId);
}

/**
 * invoices.ship: delivers everything left on the PI in one delivery (without a forwarder unless
 * given). Refused, naming the PI, when stock for it is not on hand.
 */
export function shipEverything(core: Core, invoiceId: number, shippedOn: string | undefined): Invoice {
  const row = invoiceRow(core.db, invoiceId);
  if (!row) throw notFound(m('common.noProFormaInvoice', { invoiceId }), 'id');
  if (row.status === 'cancelled' || row.status === 'shipped') {
    throw new AppError('conflict', m('shipments.cannotShip', { number: row.number, status: INVOICE_STATUS[row.status] }), 'id');
  }
  const left = forInvoice(core, invoiceId).lines.filter((l) => l.toDeliver > 0);
  if (left.length === 0) {
    markShipped(core, invoiceId, shippedOn ? `${shippedOn}T12:00:00.000Z` : nowIso(core));
  } else {
    createShipment(core, { invoiceId, deliveredOn: shippedOn, lines: left.map((l) => ({ lineId: l.lineId, qty: l.toDeliver })) }, () => 'id');
  }
  return getInvoice(core, invoiceId);
}
