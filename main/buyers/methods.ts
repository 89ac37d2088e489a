import { z } from 'zod';
import { method, owner, staff } from '../api/method';
import { m, translate } from '../errors/apiError';
import { because } from '../errors/validation';
import { imageUploadSchema } from '../settings/schema';
import { decodeBase64Image, storeImage, type StoredImage } from '../files/imageStore';
import { allTags } from '../../db/buyers';
import { staffNames } from '../../db/visits';
import { COUNTRY_NAME_LANGUAGES, countryName, searchCountries } from './countries';
import { decodeCsvBytes, exportBuyers, importBuyers, knownColumns } from './csv';
import { mergeBuyers } from './merge';
import { regionOf } from './regions';
import { docLanguageOf, walkInDefaults } from './walkIn';
import { AppError } from '../errors/apiError';
import { phoneStatus } from '../phones/e164';
import { rateE8On } from '../rates/service';
import { getDefaults } from '../settings/service';
import { localDate } from '../calendar/dates';
import {
  buyerFieldsSchema,
  buyerFilterShape,
  buyerListSchema,
  buyerSearchSchema,
  buyerUpdateSchema,
  countrySchema,
  duplicateCheckSchema,
  visitAddSchema,
  visitUpdateSchema,
} from './schema';
import * as buyers from './service';
import { buyerTimeline } from './timeline';
import * as visits from './visits';

const id = z.number().int().positive();

export const buyersMethods = {
  'buyers.create': staff('Adds a buyer: company, country (ISO alpha-2), contacts with phones stored as E.164, tags… The result lists `duplicates`: stored buyers with the same phone/WhatsApp/email or company and country (a warning; the buyer is saved).', buyerFieldsSchema, (input, { core }) => buyers.createBuyer(core, input)),
  'buyers.update': staff('Changes fields of a buyer; contacts and tags, when given, replace the old ones. The result lists `duplicates` like buyers.create.', buyerUpdateSchema, (input, { core }) => buyers.updateBuyer(core, input.id, input.changes)),
  'buyers.get': staff('One buyer with contacts (E.164, display form, wa.me and mailto links), tags, region, card and last visit.', z.strictObject({ id }), (input, { core }) => buyers.getBuyer(core, input.id), { readOnly: true }),
  'buyers.list': staff('Buyers a page at a time, filtered by country, region, tag, currency or last visit; sorted by company (default), last visit, newest or country.', buyerListSchema, (input, { core }) => buyers.searchBuyers(core, input), { readOnly: true, searches: true }),
  'buyers.search': staff('Finds buyers by company, contact name, city, agent, WeChat, email or phone in any script (Arabic, Cyrillic, Chinese, accents ignored), with the filters of buyers.list; most recently visited first.', buyerSearchSchema, (input, { core }) => buyers.searchBuyers(core, input), { readOnly: true, searches: true }),
  'buyers.checkDuplicates': staff('Stored buyers sharing a phone/WhatsApp number or email with these contacts, or the same company in the same country: what the editor asks before saving.', duplicateCheckSchema, (input, { core }) => buyers.findDuplicates(core, input), { readOnly: true, searches: true }),
  'buyers.setCard': method({
    summary: "Sets or removes the buyer's business card photo (JPEG, PNG or WebP, base64).",
    access: 'staff',
    input: z.strictObject({ id, image: imageUploadSchema.nullable() }),
    prepare: async (input, { core }): Promise<StoredImage | null> =>
      input.image ? storeImage(core.paths.photos, decodeBase64Image(input.image.dataBase64, 'image.dataBase64'), 'photo', 'image.dataBase64') : null,
    handler: (input, { core }, image) => buyers.setCard(core, input.id, image),
  }),
  'buyers.delete': owner('Deletes a buyer with its contacts and visits; refused while quotations or invoices belong to it (merge instead).', z.strictObject({ id }), (input, { core }) => buyers.deleteBuyer(core, input.id), { ownerOnly: m('buyers.onlyOwnerDeletesBuyer') }),
  'buyers.merge': owner('Merges buyer mergeId into keepId: contacts (same person joined), tags, visits, quotations, invoices and every other record move over; empty fields are filled; mergeId is deleted.', z.strictObject({ keepId: id, mergeId: id }), (input, { core }) => mergeBuyers(core, input.keepId, input.mergeId), { ownerOnly: m('buyers.onlyOwnerMergesBuyers') }),
  'buyers.tags': staff('The tags in use, with how many buyers have each, most used first.', z.strictObject({}), (_input, { core }) => allTags(core.db), { readOnly: true }),
  'buyers.walkInDefaults': staff('What a buyer quick-added from a WhatsApp number would get: the country from the calling code (+971 → AE), the document language and currency from the country (a currency the stall has a rate for, else the default), the company "walk-in, +971…"; `problem` says what is missing or wrong instead of failing.', z.strictObject({
      whatsapp: z.string().trim().max(40).default(''),
      country: z.union([z.literal(''), countrySchema]).default(''),
      company: z.string().trim().max(200).default(''),
    }), (input, { core, locale }) => {
      const defaultCurrency = getDefaults(core).defaultCurrency;
      const day = localDate(core.now());
      try {
        const d = walkInDefaults(input, { defaultCurrency, quotable: (c) => c === 'CNY' || rateE8On(core, c, day) !== null, field: 'newBuyer' });
        const status = d.whatsapp ? phoneStatus(d.whatsapp) : null;
        return { ...d, recognised: status?.recognised ?? true, problem: null as string | null };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        return { country: input.country, company: input.company, docLanguage: input.country ? docLanguageOf(input.country) : 'en', currency: defaultCurrency, whatsapp: '', recognised: true, problem: translate(error.reason, locale) };
      }
    }),
  'buyers.countries': staff('Countries for a picker: by name in en/zh/ar/ru/es/fr/pt, common abbreviation or code ("阿联酋", "UAE", "ОАЭ" all find AE), best first; names in the given language.', z.strictObject({
      query: z.string().max(100).default(''),
      lang: z.enum(COUNTRY_NAME_LANGUAGES).default('en'),
      limit: z.number().int().min(1).max(300).default(300),
    }), (input) => {
      const codes = searchCountries(input.query, input.limit);
      const items = codes.map((code) => ({ code, name: countryName(code, input.lang), nameEn: countryName(code, 'en'), region: regionOf(code) }));
      if (!input.query.trim()) items.sort((a, b) => a.name.localeCompare(b.name, input.lang));
      return items;
    }, { readOnly: true }),
  'buyers.addVisit': method({
    summary: 'Logs a visit: date, staff member, notes, products of interest (product ids) and photos (uploads).',
    access: 'staff',
    input: visitAddSchema,
    prepare: (input, { core }) => visits.prepareVisitPhotos(core, input.photos),
    handler: (input, { core }, stored) => visits.addVisit(core, input.buyerId, input, stored),
  }),
  'buyers.updateVisit': method({
    summary: 'Changes a visit; products and photos, when given, replace the old ones (photos: stored hashes to keep and new uploads, in order).',
    access: 'staff',
    input: visitUpdateSchema,
    prepare: (input, { core }) => visits.prepareVisitPhotos(core, input.changes.photos, 'changes.photos'),
    handler: (input, { core }, stored) => visits.updateVisit(core, input.id, input.changes, stored),
  }),
  'buyers.deleteVisit': staff('Deletes one visit from the log.', z.strictObject({ id }), (input, { core }) => visits.deleteVisit(core, input.id)),
  'buyers.timeline': staff("The buyer's timeline, newest first: visits with their products and photos, and merges (quotations and invoices join when that area lands).", z.strictObject({ id }), (input, { core }) => buyerTimeline(core, input.id), { readOnly: true }),
  'buyers.productOptions': staff('Products to pick as "of interest" on a visit: by item no (exact, then prefix), barcode, or a name in zh/en/ar; or the given ids.', z.strictObject({
      query: z.string().max(100).optional(),
      ids: z.array(id).max(200).optional(),
      limit: z.number().int().min(1).max(50).default(20),
    }), (input, { core }) => visits.productOptions(core, input), { readOnly: true, searches: true }),
  'buyers.staff': staff('Staff names used in the visit log, most recent first (for the visit form).', z.strictObject({}), (_input, { core }) => staffNames(core.db), { readOnly: true }),
  'buyers.import': owner('Imports buyers from CSV (text or file bytes in base64; see main/buyers/csv.ts for the columns, `columns` to map them by hand). Problems come back as "row N: field: reason"; with any, nothing is written unless skipInvalid. Warnings (not blocking): unknown columns, numbers outside the known ranges (kept), shared numbers. A row with the company and country of a stored buyer updates it. `columns` in the result: how each file column was read; `knownColumns`: what it can be mapped to.', z
      .strictObject({
        csv: z.string().max(50_000_000).optional(),
        fileBase64: z.string().max(70_000_000).optional(),
        dryRun: z.boolean().default(false),
        skipInvalid: z.boolean().default(false),
        /** Per file column: the column it fills (company, contact1_phone…) or null to ignore it; default: read from the headers. */
        columns: z.array(z.union([z.string().max(60), z.null()])).max(200).optional(),
      })
      .refine((i) => (i.csv === undefined) !== (i.fileBase64 === undefined), {
        ...because(m('buyers.giveEitherCsvText')),
        path: ['csv'],
      }), (input, { core, locale }) => {
      const decoded = input.fileBase64 !== undefined ? decodeCsvBytes(Buffer.from(input.fileBase64, 'base64')) : { text: input.csv ?? '', encoding: undefined };
      const result = importBuyers(core, decoded.text, { dryRun: input.dryRun, skipInvalid: input.skipInvalid, locale, columns: input.columns });
      const withColumns = { ...result, knownColumns: knownColumns() };
      return decoded.encoding ? { ...withColumns, encoding: decoded.encoding } : withColumns;
    }, { job: true }),
  'buyers.export': owner('Buyers as CSV (UTF-8 with BOM, the columns buyers.import reads), in the order they were added, optionally filtered.', z.strictObject({ ...buyerFilterShape, query: z.string().max(200).optional() }), (input, { core }) => exportBuyers(core, input), { readOnly: true, searches: true }),
};
