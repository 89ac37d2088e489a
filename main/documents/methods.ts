import { z } from 'zod';
import { method } from '../api/method';
import { DOC_KINDS, DOC_LANGS, PAPERS } from './model';
import { printDocument } from './service';

export const documentsMethods = {
  'documents.render': method({
    summary:
      'The PDF of a quotation (kind quotation, id of the quotation) or of a PI (kind proforma or packing, id of the PI), in the buyer\'s language unless lang is given, optionally bilingual with English, on A4 or US Letter; base64, with a file name and the chop/header/beneficiary name warnings. An issued PI\'s PDF is stored and served unchanged.',
    access: 'staff',
    kind: 'async',
    input: z.strictObject({
      kind: z.enum(DOC_KINDS),
      id: z.number().int().positive(),
      lang: z.enum(DOC_LANGS).optional(),
      bilingual: z.boolean().optional(),
      paper: z.enum(PAPERS).optional(),
      /** Bank details on a quotation. */
      showBank: z.boolean().optional(),
    }),
    handler: async (input, { core }) => {
      const printed = await printDocument(core, { id: input.id }, input);
      return {
        fileName: printed.fileName,
        pages: printed.pages,
        stored: printed.stored,
        nameWarnings: printed.nameWarnings,
        mime: 'application/pdf' as const,
        base64: printed.pdf.toString('base64'),
      };
    },
  }),
};
