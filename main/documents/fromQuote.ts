/**
 * The one step from the quotes area to the documents area: a `Quote` (main/quotes/types.ts) or an
 * `Invoice` (main/invoices/types.ts, the PI's TradeDocument frozen at issue) → the document model.
 * The path of a quote line to paper: QuoteLineRow (db/quotes.ts) → DocumentLine (quotes area) →
 * DocLine (model.ts, below) → the items table (sections/itemsTable.ts).
 */
import { imageFile, thumbFile } from '../files/imageStore';
import type { Invoice } from '../invoices/types';
import type { Quote, SellerSnapshot, TradeDocument } from '../quotes/types';
import { nameWarnings, type SellerProfile } from '../settings/service';
import { BALANCE_RULES, CHARGE_KINDS, isDocLang, type BalanceRule, type ChargeKind, type DocKind, type DocSeller, type DocStatement, type DocumentModel } from './model';

/** The seller block as printed, from a PI's frozen snapshot or the current profile (settings). */
export function docSeller(s: SellerSnapshot, photosDir: string): DocSeller {
  return {
    companyNameEn: s.companyNameEn,
    companyNameZh: s.companyNameZh,
    legalName: s.legalName,
    stallNumber: s.stallNumber,
    marketAddress: s.marketAddress,
    phones: s.phones,
    whatsapp: s.whatsapp,
    wechat: s.wechat,
    email: s.email,
    website: s.website,
    bank: {
      beneficiary: s.bankBeneficiary,
      beneficiaryAddress: s.beneficiaryAddress,
      bankName: s.bankName,
      account: s.bankAccount,
      swift: s.bankSwift,
      address: s.bankAddress,
      charges: s.bankCharges,
      intermediary: s.intermediaryBankName || s.intermediaryBankSwift ? { name: s.intermediaryBankName, swift: s.intermediaryBankSwift } : null,
    },
    signatoryName: s.signatoryName,
    signatoryTitle: s.signatoryTitle,
    // Logos and chops are stored as PNG (imageStore 'graphic').
    logoFile: s.logo ? imageFile(photosDir, s.logo.hash, 'image/png') : null,
    chopFile: s.chop ? imageFile(photosDir, s.chop.hash, 'image/png') : null,
  };
}

function toModel(doc: TradeDocument, photosDir: string, kind: DocKind, number: string, quoteNumber: string | null, statement: DocStatement | null = null): DocumentModel {
  const s = doc.seller;
  const contact = doc.buyer.contact;
  return {
    kind,
    lang: isDocLang(doc.buyer.docLanguage) ? doc.buyer.docLanguage : 'en',
    number,
    quoteNumber,
    date: doc.date,
    validUntil: doc.validUntil || null,
    validityDays: doc.validityDays,
    currency: doc.currency,
    incoterm: doc.incoterm,
    incotermPlace: doc.incotermPlace,
    portOfLoading: doc.portOfLoading ?? '',
    portOfDestination: doc.portOfDestination ?? '',
    partialShipment: doc.partialShipment ?? null,
    transshipment: doc.transshipment ?? null,
    insurancePercent: doc.insurancePercent ?? null,
    seller: docSeller(s, photosDir),
    buyer: {
      company: doc.buyer.company,
      country: doc.buyer.country,
      city: doc.buyer.city,
      address: doc.buyer.address,
      contactName: contact?.name ?? '',
      phone: contact?.phone ?? '',
      whatsapp: contact?.whatsapp ?? '',
      wechat: contact?.wechat ?? '',
      email: contact?.email ?? '',
      taxNo: doc.buyer.taxNo ?? '',
    },
    lines: doc.lines.map((l) => ({
      no: l.no,
      itemNo: l.product.itemNo,
      names: l.product.names,
      colors: l.product.colors,
      material: l.product.material,
      hsCode: l.product.hsCode,
      origin: l.product.origin ?? '',
      note: l.note,
      photoFile: l.product.cover ? thumbFile(photosDir, l.product.cover.hash) : null,
      unit: l.product.unit,
      qty: l.qty,
      unitPrice: l.unitPrice,
      amount: l.amount,
      pcsPerCarton: l.product.packing.pcsPerCarton,
      cartonCm: l.product.packing.cartonCm,
      gwPerCartonKg: l.product.packing.gwKg,
      nwPerCartonKg: l.product.packing.nwKg,
      cartons: l.cartons,
      cartonRange: l.cartonRange,
      cbm: l.cbm,
      grossWeightKg: l.grossWeightKg,
      netWeightKg: l.netWeightKg,
    })),
    totals: {
      amount: doc.totals.amount,
      discount: doc.totals.discount,
      discountPercent: doc.discount.kind === 'percent' ? doc.discount.percent : null,
      charges: doc.charges.map((c) => ({
        kind: (CHARGE_KINDS as readonly string[]).includes(c.kind) ? (c.kind as ChargeKind) : 'other',
        description: c.description,
        amount: c.amount,
      })),
      grandTotal: doc.totals.grandTotal,
      deposit: doc.totals.deposit,
      balance: doc.totals.balance,
      cartons: doc.totals.cartons,
      cbm: doc.totals.cbm,
      grossWeightKg: doc.totals.grossWeightKg,
      netWeightKg: doc.totals.netWeightKg,
      quantities: doc.totals.quantities,
    },
    paymentTerms: doc.paymentTerms,
    depositPercent: doc.depositPercent,
    balanceRule: (BALANCE_RULES as readonly string[]).includes(doc.balanceRule ?? '') ? (doc.balanceRule as BalanceRule) : 'before_shipment',
    balanceDays: doc.balanceDays ?? null,
    deliveryTime: doc.deliveryTime,
    remarks: doc.notes,
    shippingMarks: doc.shippingMarks,
    nameWarnings: nameWarnings({ ...s, logo: null, chop: null, updatedAt: null } as SellerProfile),
    statement,
  };
}

/** A quotation as a printed quotation (or its packing list). */
export function fromQuote(quote: Quote, photosDir: string, kind: 'quotation' | 'packing' = 'quotation'): DocumentModel {
  return toModel(quote, photosDir, kind, quote.displayNumber, null);
}

/** A pro-forma invoice as printed (or its packing list, or its statement of payments as of `today`). */
export function fromInvoice(invoice: Invoice, photosDir: string, kind: 'proforma' | 'packing' | 'statement' = 'proforma', today?: string): DocumentModel {
  const statement: DocStatement | null =
    kind === 'statement'
      ? {
          asOf: today ?? invoice.date,
          piDate: invoice.issuedOn ?? invoice.date,
          payments: (invoice.payments ?? []).map((p) => ({ paidOn: p.paidOn, amount: p.amount, method: p.method, reference: p.reference, received: p.received })),
          paid: invoice.paid ?? '0',
          balanceDue: invoice.balanceDue ?? invoice.totals.grandTotal,
        }
      : null;
  return toModel(invoice, photosDir, kind, invoice.number, invoice.quote.displayNumber, statement);
}
