/**
 * The demo stall's trade: exchange rates with some history, quotations in
 * several currencies spread over the last three months in every status, a
 * revision, and pro-forma invoices with deposits, payments, a shipment and a
 * cancellation, all made through the API so they obey the same rules.
 */
import type { Core } from '../core';
import { invoke } from '../api/invoke';
import { localDate } from '../calendar/dates';

const RATES: Array<[string, string[]]> = [
  ['USD', ['7.2450', '7.1850', '7.1234']],
  ['EUR', ['7.8120', '7.7520']],
  ['AED', ['1.9720', '1.9395']],
  ['SAR', ['1.8995']],
  ['RUB', ['0.0812', '0.0785']],
  ['BRL', ['1.2510']],
  ['MXN', ['0.3725']],
  ['NGN', ['0.0046']],
  ['KES', ['0.0551']],
  ['INR', ['0.0852']],
  ['THB', ['0.2050']],
  ['IDR', ['0.000452']],
];

type Plan = {
  company: string;
  daysAgo: number;
  lines: Array<{ pick: number; cartons?: number; qty?: number; price?: string; note?: string }>;
  /** What happened next. */
  outcome: 'draft' | 'sent' | 'expired' | 'accepted' | 'rejected' | 'pi' | 'deposit' | 'paid' | 'shipped' | 'cancelled' | 'revised';
  incoterm?: 'EXW' | 'FOB' | 'CIF' | 'CFR' | 'DDP';
  place?: string;
  freight?: string;
  discountPercent?: string;
  priceDecimals?: number;
  validityDays?: number;
};

const PLANS: Plan[] = [
  { company: 'Lagos Mega Stores Ltd', daysAgo: 84, outcome: 'shipped', incoterm: 'CIF', place: 'Lagos Apapa', freight: '2350', lines: [{ pick: 0, cartons: 40 }, { pick: 6, cartons: 20, price: '0.0440' }, { pick: 3, cartons: 30 }, { pick: 13, cartons: 10 }, { pick: 15, cartons: 6, note: 'mixed cartoon designs' }], priceDecimals: 4 },
  { company: 'Al Noor General Trading LLC', daysAgo: 76, outcome: 'paid', incoterm: 'FOB', place: 'Ningbo', lines: [{ pick: 8, cartons: 3 }, { pick: 9, cartons: 4 }, { pick: 12, cartons: 2 }, { pick: 10, cartons: 2, note: 'gold colour only' }] },
  { company: 'Nairobi Smart Traders', daysAgo: 70, outcome: 'rejected', lines: [{ pick: 24, cartons: 10 }, { pick: 25, cartons: 8 }] },
  { company: 'ООО «Восток Трейд»', daysAgo: 66, outcome: 'deposit', incoterm: 'FOB', place: 'Ningbo', lines: [{ pick: 16, cartons: 20 }, { pick: 17, cartons: 15 }, { pick: 18, cartons: 12 }, { pick: 19, cartons: 10 }] },
  { company: 'Distribuidora El Sol S.A. de C.V.', daysAgo: 61, outcome: 'expired', lines: [{ pick: 1, cartons: 5 }, { pick: 2, cartons: 6 }, { pick: 4, cartons: 8 }] },
  { company: 'Cairo Star Import & Export', daysAgo: 55, outcome: 'cancelled', incoterm: 'CFR', place: 'Alexandria', freight: '1800', lines: [{ pick: 30, cartons: 12 }, { pick: 31, cartons: 10 }, { pick: 33, cartons: 8 }] },
  { company: 'Kano Household Supplies', daysAgo: 48, outcome: 'pi', incoterm: 'FOB', place: 'Ningbo', discountPercent: '2', lines: [{ pick: 26, cartons: 30 }, { pick: 27, cartons: 25 }, { pick: 28, cartons: 20 }, { pick: 29, cartons: 18 }, { pick: 21, cartons: 10 }] },
  { company: 'Importadora Andina SAC', daysAgo: 33, outcome: 'deposit', incoterm: 'CIF', place: 'Callao', freight: '3100', lines: [{ pick: 40, cartons: 20 }, { pick: 41, cartons: 15 }, { pick: 44, cartons: 10 }, { pick: 45, cartons: 10 }] },
  { company: 'شركة الفجر للتجارة', daysAgo: 26, outcome: 'sent', lines: [{ pick: 48, cartons: 6 }, { pick: 49, cartons: 6 }, { pick: 50, cartons: 4 }] },
  { company: 'ТОО «Алматы Импорт»', daysAgo: 20, outcome: 'accepted', lines: [{ pick: 16, cartons: 8 }, { pick: 20, cartons: 12 }] },
  { company: 'Dakar Bazar SARL', daysAgo: 17, outcome: 'revised', lines: [{ pick: 56, cartons: 15 }, { pick: 57, cartons: 10 }, { pick: 58, cartons: 12 }] },
  { company: 'Accra Fashion Hub', daysAgo: 14, outcome: 'pi', lines: [{ pick: 8, cartons: 2 }, { pick: 11, cartons: 3 }, { pick: 14, cartons: 2 }, { pick: 34, cartons: 5 }] },
  { company: 'Casablanca Déco', daysAgo: 9, outcome: 'sent', validityDays: 15, lines: [{ pick: 60, cartons: 20 }, { pick: 61, cartons: 15 }, { pick: 62, cartons: 10 }] },
  { company: 'Luanda Comercial Lda', daysAgo: 5, outcome: 'accepted', incoterm: 'CIF', place: 'Luanda', freight: '2800', lines: [{ pick: 36, cartons: 40 }, { pick: 37, cartons: 30 }, { pick: 38, cartons: 20 }] },
  { company: 'Lagos Mega Stores Ltd', daysAgo: 2, outcome: 'draft', lines: [{ pick: 5, cartons: 10 }, { pick: 7, cartons: 5 }, { pick: 63, qty: 100, note: 'samples for the new shop' }] },
  { company: 'Al Noor General Trading LLC', daysAgo: 0, outcome: 'draft', lines: [{ pick: 46, cartons: 4 }, { pick: 47, cartons: 4 }] },
];

export interface QuotesDemoSummary {
  quotes: number;
  invoices: number;
}

export async function fillQuotesDemo(core: Core, log: (line: string) => void = () => {}): Promise<QuotesDemoSummary> {
  const today = core.now();
  /** The same core, its clock set to `days` ago at 10:00 local time. */
  const at = (daysAgo: number, hour = 10): Core => {
    const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() - daysAgo, hour, 0, 0);
    return { ...core, now: () => d };
  };
  const dayOf = (daysAgo: number) => localDate(at(daysAgo).now());

  log('exchange rates');
  for (const [currency, history] of RATES) {
    for (const [i, rate] of history.entries()) {
      await invoke(core, 'rates.set', { currency, cnyPerUnit: rate, effectiveOn: dayOf(120 - i * 45), note: i === history.length - 1 ? 'Bank of China selling rate' : '' });
    }
  }

  const products = (await invoke(core, 'products.list', { limit: 500 })).items;
  const buyers = (await invoke(core, 'buyers.list', { limit: 500 })).items;
  const byCompany = new Map(buyers.map((b) => [b.company, b]));

  // The same counts the summary gives at the end: a revised plan is two quotations; PIs for the plans that get one.
  const revisions = PLANS.filter((p) => p.outcome === 'revised').length;
  const withPi = PLANS.filter((p) => ['pi', 'deposit', 'paid', 'shipped', 'cancelled'].includes(p.outcome)).length;
  log(`${PLANS.length + revisions} quotations (${revisions} of them a revision), ${withPi} pro-forma invoices`);
  let quotes = 0;
  let invoices = 0;
  for (const plan of PLANS) {
    const buyer = byCompany.get(plan.company);
    if (!buyer) continue;
    const then = at(plan.daysAgo);
    const lines = plan.lines
      .map((l) => ({ l, p: products[l.pick % products.length] }))
      .filter((x): x is { l: Plan['lines'][number]; p: NonNullable<typeof x.p> } => x.p !== undefined)
      .map(({ l, p }) => ({
        itemNo: p.itemNo,
        ...(l.cartons && p.packing.pcsPerCarton ? { cartons: l.cartons } : { qty: l.qty ?? Math.max(1, p.moq) }),
        ...(l.price ? { unitPrice: l.price } : {}),
        ...(l.note ? { note: l.note } : {}),
      }));
    let quote = await invoke(then, 'quotes.create', {
      buyerId: buyer.id,
      date: dayOf(plan.daysAgo),
      incoterm: plan.incoterm ?? 'FOB',
      incotermPlace: plan.place ?? 'Ningbo',
      deliveryTime: '30–35 days after deposit',
      notes: 'Prices valid for the quantities quoted. Colours as per samples.',
      shippingMarks: `${buyer.company.toUpperCase()}\n${buyer.city.toUpperCase()}\nC/NO. 1-UP\nMADE IN CHINA`,
      ...(plan.validityDays ? { validityDays: plan.validityDays } : {}),
      ...(plan.priceDecimals !== undefined ? { priceDecimals: plan.priceDecimals } : {}),
      ...(plan.discountPercent ? { discount: { kind: 'percent' as const, percent: plan.discountPercent } } : {}),
      ...(plan.freight ? { charges: [{ kind: 'freight' as const, description: `Sea freight to ${plan.place ?? ''}`, amount: plan.freight }] } : {}),
      lines,
    });
    quotes += 1;
    if (plan.outcome === 'draft') continue;
    const sentAt = at(plan.daysAgo, 16);
    if (plan.outcome === 'expired') {
      await invoke(sentAt, 'quotes.send', { id: quote.id });
      continue;
    }
    if (plan.outcome === 'sent') {
      await invoke(sentAt, 'quotes.send', { id: quote.id });
      continue;
    }
    if (plan.outcome === 'rejected') {
      await invoke(sentAt, 'quotes.send', { id: quote.id });
      await invoke(at(plan.daysAgo - 3), 'quotes.reject', { id: quote.id, reason: 'Found a cheaper supplier' });
      continue;
    }
    if (plan.outcome === 'revised') {
      await invoke(sentAt, 'quotes.send', { id: quote.id });
      const revised = await invoke(at(plan.daysAgo - 4), 'quotes.revise', { id: quote.id });
      const first = revised.lines[0];
      quote = await invoke(at(plan.daysAgo - 4), 'quotes.update', {
        id: revised.id,
        changes: { discount: { kind: 'percent', percent: '3' }, lines: revised.lines.map((l) => (l === first ? { lineId: l.id, cartons: l.cartons * 2 } : { lineId: l.id })) },
      });
      quotes += 1;
      await invoke(at(plan.daysAgo - 4, 15), 'quotes.send', { id: quote.id });
      continue;
    }
    await invoke(at(plan.daysAgo, 17), 'quotes.accept', { id: quote.id });
    if (plan.outcome === 'accepted') continue;
    const issuedDaysAgo = Math.max(0, plan.daysAgo - 1);
    // The factory delivers what the stall lacks before the PI reserves it (whole cartons).
    for (const line of quote.lines) {
      const productId = line.product.productId;
      if (productId === null) continue;
      const { available } = (await invoke(core, 'products.get', { id: productId })).stock;
      const carton = line.product.packing.pcsPerCarton ?? 1;
      const short = line.qty - available;
      if (short > 0) {
        await invoke(at(issuedDaysAgo + 1), 'stock.receive', {
          productId,
          qty: Math.ceil(short / carton) * carton,
          reference: `Factory delivery for ${quote.displayNumber}`,
          movedAt: at(issuedDaysAgo + 1).now().toISOString(),
        });
      }
    }
    const pi = await invoke(at(issuedDaysAgo), 'invoices.create', { quoteId: quote.id });
    invoices += 1;
    if (plan.outcome === 'cancelled') {
      await invoke(at(issuedDaysAgo - 2), 'invoices.cancel', { id: pi.id, reason: 'Buyer changed the order; a new revision follows' });
      continue;
    }
    if (plan.outcome === 'pi') continue;
    const paidOn = (daysAgo: number) => dayOf(Math.max(0, daysAgo));
    await invoke(at(issuedDaysAgo - 2), 'invoices.addPayment', {
      id: pi.id, amount: pi.totals.deposit, method: plan.company.includes('Al Noor') ? 'cash' : 'tt', kind: 'deposit',
      paidOn: paidOn(issuedDaysAgo - 2), reference: `TT${dayOf(issuedDaysAgo - 2).replace(/-/g, '')}${String(pi.id).padStart(3, '0')}`,
    });
    if (plan.outcome === 'deposit') continue;
    await invoke(at(issuedDaysAgo - 30), 'invoices.addPayment', {
      id: pi.id, amount: pi.totals.balance, method: 'tt', kind: 'balance', paidOn: paidOn(issuedDaysAgo - 30), reference: 'Balance before loading',
    });
    if (plan.outcome === 'shipped') await invoke(at(issuedDaysAgo - 35), 'invoices.ship', { id: pi.id, shippedOn: paidOn(issuedDaysAgo - 35) });
  }
  return { quotes, invoices };
}

