import { z } from 'zod';
import { method, owner, staff } from '../api/method';
import { allCurrencies } from '../money/currencies';
import { defaultsUpdateSchema, sellerUpdateSchema, setImageSchema } from './schema';
import * as settings from './service';
import type { StoredImage } from '../files/imageStore';

function snapshot(core: Parameters<typeof settings.getSeller>[0]) {
  const seller = settings.getSeller(core);
  return { seller, defaults: settings.getDefaults(core), warnings: settings.nameWarnings(seller) };
}

export const settingsMethods = {
  'settings.get': staff('The seller profile, the defaults for new documents, and warnings when the chop, header and bank beneficiary names differ.', z.strictObject({}), (_input, { core }) => snapshot(core), { readOnly: true }),
  'settings.update': owner('Changes fields of the seller profile and/or the document defaults in one step; omitted fields stay as they are.', z.strictObject({
      seller: sellerUpdateSchema.optional(),
      defaults: defaultsUpdateSchema.optional(),
    }), (input, { core }) => {
      if (input.seller) settings.updateSeller(core, input.seller, 'seller.');
      if (input.defaults) settings.updateDefaults(core, input.defaults);
      return snapshot(core);
    }),
  'settings.setImage': method({
    summary: 'Sets or removes the logo or the company chop (JPEG, PNG or WebP up to 20 MB, base64).',
    access: 'owner',
    input: setImageSchema,
    prepare: async (input, { core }): Promise<StoredImage | null> =>
      input.image ? settings.prepareImage(core, input.image.dataBase64, 'image.dataBase64') : null,
    handler: (input, { core }, image) => {
      settings.setImage(core, input.slot, image);
      return snapshot(core);
    },
  }),
  'settings.currencies': staff('Every ISO 4217 currency code, the common ones at a Yiwu stall first.', z.strictObject({}), () => allCurrencies(), { readOnly: true }),
};
