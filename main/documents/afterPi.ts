/**
 * The documents after the PI, printed live from the records (never stored): a purchase order to
 * a factory (owner only: it carries cost prices), a delivery note for the forwarder's warehouse,
 * the packing list of one delivery, and a buyer's statement of account over a period.
 */
import type { Core } from '../core';
import { AppError, m, notFound } from '../errors/apiError';
import type { Role } from '../api/method';
import { getBuyer } from '../../db/buyers';
import { thumbFile } from '../files/imageStore';
import { getInvoice, getInvoiceByNumber } from '../invoices/service';
import { getProduct } from '../products/service';
import { getOrder, getOrderByNumber } from '../purchases/service';
import { getSeller } from '../settings/service';
import { forInvoice as deliveriesOf, getShipment } from '../shipments/service';
import type { Shipment } from '../shipments/types';
import { buyerStatement } from '../statements/service';
import { renderAccountStatement } from './accountStatement';
import { renderDeliveryNote } from './deliveryNote';
import { docSeller, fromInvoice } from './fromQuote';
import { isDocLang, type DocLang, type DocumentModel, type Paper } from './model';
import { renderPurchaseOrder } from './purchaseOrder';
import { renderDocument, type RenderedDocument } from './render';

export const AFTER_PI_KINDS = ['purchaseOrder', 'deliveryNote', 'deliveryPacking', 'account'] as const;
export type AfterPiKind = (typeof AFTER_PI_KINDS)[number];

export function isAfterPiKind(kind: string): kind is AfterPiKind {
  return (AFTER_PI_KINDS as readonly string[]).includes(kind);
}

export interface AfterPiRequest {
  kind: AfterPiKind;
  /** Purchase order id, delivery (shipment) id, or buyer id for a statement of account. */
  id: number;
  lang?: DocLang | undefined;
  bilingual?: boolean | undefined;
  paper?: Paper | undefined;
  /** A statement of account's period, YYYY-MM-DD. */
  from?: string | undefined;
  to?: string | undefined;
}

/**
 * The record a printed reference names, for the CLI: a purchase order number ("PO2026-0003"), a
 * delivery number ("JH-PI2026-0012-D2"), a buyer id for a statement; or an id as digits.
 */
export function afterPiIdOf(core: Core, kind: AfterPiKind, ref: string): number {
  const text = ref.trim();
  if (/^\d+$/.test(text)) return Number(text);
  if (kind === 'purchaseOrder') return getOrderByNumber(core, text).id;
  const delivery = /^(.*)-D(\d+)$/.exec(text);
  if ((kind === 'deliveryNote' || kind === 'deliveryPacking') && delivery?.[1]) {
    const found = deliveriesOf(core, getInvoiceByNumber(core, delivery[1]).id).deliveries.find((d) => d.seq === Number(delivery[2]));
    if (found) return found.id;
  }
  throw notFound(m('documents.nothingPrintCalled', { kind, text }));
}

function seller(core: Core) {
  return docSeller(getSeller(core), core.paths.photos);
}

/** The PI's packing list with only this delivery's lines, quantities, carton numbers, CBM and weights. */
export function deliveryPackingModel(core: Core, shipment: Shipment): DocumentModel {
  const model = fromInvoice(getInvoice(core, shipment.invoice.id), core.paths.photos, 'packing');
  const byNo = new Map(model.lines.map((l) => [l.no, l]));
  const lines = shipment.lines.flatMap((s) => {
    const line = byNo.get(s.no);
    return line ? [{ ...line, qty: s.qty, amount: s.value, cartons: s.cartons, cartonRange: s.cartonRange, cbm: s.cbm, grossWeightKg: s.grossWeightKg, netWeightKg: s.netWeightKg }] : [];
  });
  const quantities = new Map<string, number>();
  for (const l of lines) quantities.set(l.unit, (quantities.get(l.unit) ?? 0) + l.qty);
  const ranges = lines.map((l) => l.cartonRange).filter((r): r is { from: number; to: number } => r !== null);
  return {
    ...model,
    number: shipment.number,
    date: shipment.deliveredOn,
    shippingMarks: shipment.shippingMarks || model.shippingMarks,
    lines,
    totals: {
      ...model.totals,
      amount: shipment.totals.value,
      cartons: shipment.totals.cartons,
      cbm: shipment.totals.cbm,
      grossWeightKg: shipment.totals.grossWeightKg,
      netWeightKg: shipment.totals.netWeightKg,
      quantities: [...quantities].map(([unit, qty]) => ({ unit, qty })),
      cartonRange: ranges.length > 0 ? { from: Math.min(...ranges.map((r) => r.from)), to: Math.max(...ranges.map((r) => r.to)) } : null,
    },
  };
}

export async function printAfterPi(core: Core, request: AfterPiRequest, role: Role): Promise<RenderedDocument> {
  const paper = request.paper ?? 'a4';
  switch (request.kind) {
    case 'purchaseOrder': {
      if (role !== 'owner') {
        throw new AppError('forbidden', m('documents.purchaseOrderCarriesCost'));
      }
      const order = getOrder(core, request.id);
      const photos = new Map<number, string | null>();
      for (const line of order.lines) {
        const cover = getProduct(core, line.productId, { includeCost: true }).cover;
        photos.set(line.id, cover ? thumbFile(core.paths.photos, cover.hash) : null);
      }
      return renderPurchaseOrder({ order, seller: seller(core), photos }, { lang: request.lang ?? 'zh', bilingual: request.bilingual === true, paper });
    }
    case 'deliveryNote':
      return renderDeliveryNote({ shipment: getShipment(core, request.id), seller: seller(core) }, { lang: request.lang ?? 'zh', bilingual: request.bilingual === true, paper });
    case 'deliveryPacking': {
      const model = deliveryPackingModel(core, getShipment(core, request.id));
      const lang = request.lang ?? model.lang;
      return renderDocument(model, { kind: 'packing', lang, bilingual: request.bilingual === true, paper });
    }
    case 'account': {
      const statement = buyerStatement(core, { buyerId: request.id, from: request.from, to: request.to });
      const row = getBuyer(core.db, request.id);
      const lang = request.lang ?? (isDocLang(statement.buyer.docLanguage) ? statement.buyer.docLanguage : 'en');
      const buyer = { company: statement.buyer.company, country: statement.buyer.country, city: row?.city ?? '', address: row?.address ?? '', taxNo: row?.tax_no ?? '' };
      return renderAccountStatement({ statement, seller: seller(core), buyer }, { lang, paper });
    }
  }
}
