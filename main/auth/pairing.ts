import { z } from 'zod';
import { because } from '../errors/validation';
import { m } from '../errors/apiError';

/** What a device sends to POST /pair: the PIN shown on the shop PC and a name for the device list. */
export const pairRequestSchema = z.strictObject({
  pin: z.string().regex(/^\d{6}$/, because(m('auth.mustDigitsShownShop'))),
  name: z.string().trim().min(1).max(60),
});
