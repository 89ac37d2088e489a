import { z } from 'zod';
import { method } from '../api/method';
import { msg } from '../api/errors';
import { currencySchema } from '../buyers/schema';
import { dateInput, rateInput } from './schema';
import * as rates from './service';

export const ratesMethods = {
  'rates.list': method({
    summary: 'Every ISO 4217 currency (common ones at a Yiwu stall first) with its rate to CNY in force today, or null.',
    access: 'staff',
    readOnly: true,
    input: z.strictObject({}),
    handler: (_input, { core }) => rates.listRates(core),
  }),
  'rates.set': method({
    summary: 'Enters a rate (1 unit = cnyPerUnit CNY, up to 8 decimals) from a date (default today); the old ones stay as history.',
    access: 'owner',
    ownerOnly: msg('Only the owner changes exchange rates', '只有店主可以修改汇率'),
    input: z.strictObject({
      currency: currencySchema,
      cnyPerUnit: rateInput,
      effectiveOn: dateInput.optional(),
      note: z.string().trim().max(200).optional(),
    }),
    handler: (input, { core }) =>
      rates.setRate(core, { currency: input.currency, cnyPerUnitE8: input.cnyPerUnit, effectiveOn: input.effectiveOn, note: input.note }),
  }),
  'rates.history': method({
    summary: 'The rates entered for one currency, newest first.',
    access: 'staff',
    readOnly: true,
    input: z.strictObject({ currency: currencySchema, limit: z.number().int().min(1).max(1000).default(100) }),
    handler: (input, { core }) => rates.history(core, input.currency, input.limit),
  }),
};
