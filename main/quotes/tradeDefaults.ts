/**
 * Documents frozen before a field existed (seller and buyer snapshots of sent
 * quotations, the content of issued PIs) are read with that field empty, so
 * every reader gets the current shape. Nothing stored is rewritten: an issued
 * PI stays as it was issued.
 */
import type { SellerSnapshot, BuyerBlock, TradeDocument } from './types';

type Partially<T> = { [K in keyof T]?: T[K] };

/** Seller fields added after the first snapshots were taken (migration 009). */
export function sellerWithDefaults(seller: Partially<SellerSnapshot> & Omit<SellerSnapshot, 'beneficiaryAddress' | 'bankCharges' | 'intermediaryBankName' | 'intermediaryBankSwift' | 'signatoryName' | 'signatoryTitle'>): SellerSnapshot {
  return {
    ...seller,
    beneficiaryAddress: seller.beneficiaryAddress ?? '',
    bankCharges: seller.bankCharges ?? '',
    intermediaryBankName: seller.intermediaryBankName ?? '',
    intermediaryBankSwift: seller.intermediaryBankSwift ?? '',
    signatoryName: seller.signatoryName ?? '',
    signatoryTitle: seller.signatoryTitle ?? '',
  };
}

export function buyerWithDefaults(buyer: Omit<BuyerBlock, 'taxNo'> & { taxNo?: string }): BuyerBlock {
  return { ...buyer, taxNo: buyer.taxNo ?? '' };
}

/** A stored TradeDocument (a PI's content) with the fields of later versions filled in. */
export function tradeWithDefaults<T extends TradeDocument>(doc: T): T {
  const d = doc as T & Partially<TradeDocument>;
  return {
    ...doc,
    seller: sellerWithDefaults(doc.seller),
    buyer: buyerWithDefaults(doc.buyer),
    portOfLoading: d.portOfLoading ?? '',
    portOfDestination: d.portOfDestination ?? '',
    partialShipment: d.partialShipment ?? null,
    transshipment: d.transshipment ?? null,
    insurancePercent: d.insurancePercent ?? null,
    balanceRule: d.balanceRule ?? 'before_shipment',
    balanceDays: d.balanceDays ?? null,
    lines: doc.lines.map((l) => ({ ...l, product: { ...l.product, origin: l.product.origin ?? '' } })),
  };
}
