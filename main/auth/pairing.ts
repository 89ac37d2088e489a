import { z } from 'zod';
import { bilingual } from '../errors/validation';

/** What a device sends to POST /pair: the PIN shown on the shop PC and a name for the device list. */
export const pairRequestSchema = z.strictObject({
  pin: z.string().regex(/^\d{6}$/, bilingual('must be the 6 digits shown on the shop PC', '必须是店内电脑上显示的 6 位数字')),
  name: z.string().trim().min(1).max(60),
});
