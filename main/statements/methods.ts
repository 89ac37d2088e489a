import { z } from 'zod';
import { staff } from '../api/method';
import { currencySchema } from '../buyers/schema';
import { dateInput } from '../rates/schema';
import { buyerStatement, receivables } from './service';
import { receivablesSheet, statementSheet } from './sheet';

const id = z.number().int().positive();
const sheetLang = z.enum(['zh', 'en', 'bi']).default('bi');
const statementInput = { buyerId: id, from: dateInput.optional(), to: dateInput.optional() };
const receivablesInput = {
  currency: currencySchema.optional(),
  /** Only buyers with something past due. */
  overdueOnly: z.boolean().optional(),
};

/** Statements and receivables show what staff already see on PIs (totals, payments): open to staff; no cost in them. */
export const statementsMethods = {
  'statements.buyer': staff('A buyer\'s statement of account over a period (from, to inclusive; default all of it up to today): per currency (the buyer\'s first) the opening balance, PIs, payments, deliveries and cancellations with a running balance, the closing balance, the PIs with their balance due dates, and what is overdue by age (0–30, 31–60, 61–90, 90+ days after the balance due date) as of `to`.', z.strictObject(statementInput), (input, { core }) => buyerStatement(core, input)),
  'statements.buyerXlsx': staff('A buyer\'s statement of account as an XLSX workbook (one sheet per currency), base64.', z.strictObject({ ...statementInput, lang: sheetLang }), async (input, { core }) => statementSheet(buyerStatement(core, input), input.lang), { kind: 'async' }),
  'receivables.list': staff('Who owes what across buyers, per buyer and currency, oldest first: owed on open PIs, overdue (by the balance due dates, as of today), credit on cancelled PIs, aging buckets. Paged.', z.strictObject({ ...receivablesInput, limit: z.number().int().min(1).max(500).default(50), offset: z.number().int().min(0).default(0) }), (input, { core }) => receivables(core, input)),
  'receivables.exportXlsx': staff('The whole receivables list as an XLSX sheet, base64.', z.strictObject({ ...receivablesInput, lang: sheetLang }), async (input, { core }) => {
      const all = receivables(core, { ...input, limit: 1_000_000, offset: 0 });
      return receivablesSheet(all.items, all.asOf, input.lang);
    }, { kind: 'async' }),
};
