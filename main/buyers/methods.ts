import { z } from 'zod';
import { method } from '../api/method';
import { buyerFieldsSchema, buyerUpdateSchema, countrySchema } from './schema';
import { countriesIn, REGION_CODES } from './regions';
import * as buyers from './service';

const id = z.number().int().positive();

export const buyersMethods = {
  'buyers.create': method({
    summary: 'Adds a buyer: company, country (ISO alpha-2), contacts with phones stored as E.164, tags…',
    access: 'staff',
    input: buyerFieldsSchema,
    handler: (input, { core }) => buyers.createBuyer(core, input),
  }),
  'buyers.update': method({
    summary: 'Changes fields of a buyer; contacts and tags, when given, replace the old ones.',
    access: 'staff',
    input: buyerUpdateSchema,
    handler: (input, { core }) => buyers.updateBuyer(core, input.id, input.changes),
  }),
  'buyers.get': method({
    summary: 'One buyer with contacts, tags, region and last visit.',
    access: 'staff',
    input: z.strictObject({ id }),
    handler: (input, { core }) => buyers.getBuyer(core, input.id),
  }),
  'buyers.list': method({
    summary: 'Buyers by company name, a page at a time, optionally one country or region.',
    access: 'staff',
    input: z.strictObject({
      country: countrySchema.optional(),
      region: z.enum(REGION_CODES as [string, ...string[]]).optional(),
      limit: z.number().int().min(1).max(500).default(50),
      offset: z.number().int().min(0).default(0),
    }),
    handler: (input, { core }) => {
      const countries = input.country
        ? [input.country]
        : input.region
          ? countriesIn(input.region as (typeof REGION_CODES)[number])
          : undefined;
      return buyers.listBuyers(core, { countries, limit: input.limit, offset: input.offset });
    },
  }),
};
