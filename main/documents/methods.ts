import { z } from 'zod';
import { staff } from '../api/method';
import { dateInput } from '../rates/schema';
import { AFTER_PI_KINDS, isAfterPiKind, printAfterPi } from './afterPi';
import { DOC_KINDS, DOC_LANGS, PAPERS } from './model';
import { printDocument } from './service';

export const documentsMethods = {
  'documents.languages': staff('The languages documents can be printed in, one per catalog in main/documents/locales (a new language is a new file): what the PDF button and the buyer\'s document language offer.', z.strictObject({}), () => ({ languages: [...DOC_LANGS] }), { readOnly: true, passive: true }),
  'documents.render': staff('The PDF of a quotation (kind quotation, id of the quotation) or of a PI (kind proforma, packing or statement — its statement of payments —, id of the PI), in the buyer\'s language unless lang is given, optionally bilingual with English, on A4 or US Letter; base64, with a file name and the chop/header/beneficiary name warnings. An issued PI\'s PDF is stored and served unchanged. After the PI, printed live: purchaseOrder (id of the purchase order; Chinese unless lang is given, bilingual adds English; owner only: it carries cost prices), deliveryNote (id of the delivery; Chinese), deliveryPacking (the packing list of one delivery, in the buyer\'s language) and account (the buyer\'s statement of account, id of the buyer, over from–to, YYYY-MM-DD, in the buyer\'s language).', z.strictObject({
      kind: z.enum([...DOC_KINDS, ...AFTER_PI_KINDS]),
      id: z.number().int().positive(),
      lang: z.enum(DOC_LANGS).optional(),
      bilingual: z.boolean().optional(),
      paper: z.enum(PAPERS).optional(),
      /** Bank details on a quotation. */
      showBank: z.boolean().optional(),
      /** Kind account: the statement's period (default: everything up to today). */
      from: dateInput.optional(),
      to: dateInput.optional(),
    }), async (input, { core, session }) => {
      if (isAfterPiKind(input.kind)) {
        const printed = await printAfterPi(core, { ...input, kind: input.kind }, session.role);
        return { fileName: printed.fileName, pages: printed.pages, stored: false, nameWarnings: printed.nameWarnings, mime: 'application/pdf' as const, base64: printed.pdf.toString('base64') };
      }
      const { kind } = input;
      const printed = await printDocument(core, { id: input.id }, { ...input, kind });
      return {
        fileName: printed.fileName,
        pages: printed.pages,
        stored: printed.stored,
        nameWarnings: printed.nameWarnings,
        mime: 'application/pdf' as const,
        base64: printed.pdf.toString('base64'),
      };
    }, { kind: 'async' }),
};
