import { z } from 'zod';
import { owner, staff } from '../api/method';
import { m } from '../errors/apiError';
import { currencySchema } from '../buyers/schema';
import { dateInput, rateInput } from './schema';
import * as rates from './service';

export const ratesMethods = {
  'rates.list': staff('Every ISO 4217 currency (common ones at a Yiwu stall first) with its rate to CNY in force today, or null.', z.strictObject({}), (_input, { core }) => rates.listRates(core), { readOnly: true }),
  'rates.set': owner('Enters a rate (1 unit = cnyPerUnit CNY, up to 8 decimals) from a date (default today); the old ones stay as history.', z.strictObject({
      currency: currencySchema,
      cnyPerUnit: rateInput,
      effectiveOn: dateInput.optional(),
      note: z.string().trim().max(200).optional(),
    }), (input, { core }) =>
      rates.setRate(core, { currency: input.currency, cnyPerUnitE8: input.cnyPerUnit, effectiveOn: input.effectiveOn, note: input.note }), { ownerOnly: m('rates.onlyOwnerChangesExchange') }),
  'rates.history': staff('The rates entered for one currency, newest first.', z.strictObject({ currency: currencySchema, limit: z.number().int().min(1).max(1000).default(100) }), (input, { core }) => rates.history(core, input.currency, input.limit), { readOnly: true }),
};
