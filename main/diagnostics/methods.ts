import { z } from 'zod';
import { owner, staff } from '../api/method';
import { diagnosticsBundle, reportRendererError } from './service';

const text = (max: number) => z.string().max(max);

export const diagnosticsMethods = {
  'diagnostics.report': staff("A page's render error, written to the day's log as the renderer (message and stack frames only).", z.strictObject({
      page: text(60),
      name: text(100),
      message: text(2000),
      stack: text(20_000).optional(),
      componentStack: text(20_000).optional(),
    }), (input) => {
      reportRendererError(input);
      return { logged: true };
    }, { passive: true, readOnly: true }),
  'diagnostics.bundle': owner('The diagnostics file (zip, base64): the log files, versions, the settings without PINs, tokens or bank account, and a full integrity check of the database.', z.strictObject({
      /** Versions the door knows (Electron, Chromium), added to versions.json. */
      door: z.record(z.string().max(40), z.string().max(200)).optional(),
    }), async (input, { core }) => {
      const file = await diagnosticsBundle(core, input.door ?? {});
      return { fileName: file.fileName, entries: file.entries, integrityOk: file.integrity.ok, mime: 'application/zip' as const, base64: file.bytes.toString('base64') };
    }, { kind: 'async', readOnly: true }),
};
