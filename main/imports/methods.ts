import { z } from 'zod';
import { owner, staff } from '../api/method';
import { cancelledError, type Locale } from '../errors/apiError';
import { decodeBase64Image } from '../files/imageStore';
import { imageUploadSchema } from '../settings/schema';
import { COLUMNS } from './columns';
import { exportProducts } from './export';
import { importProducts, problemText, type ImportReport } from './service';
import type { RowProblem } from './rows';

const fileSchema = z.strictObject({
  fileName: z.string().trim().min(1).max(255),
  /** The file's bytes in base64 (a data: URL prefix is accepted). */
  dataBase64: z.string().min(1).max(100_000_000),
});

function decodeFile(data: string): Buffer {
  return Buffer.from(data.replace(/^data:[^;,]+;base64,/, ''), 'base64');
}

/** The report with each problem as one line in the caller's language: `row N: field: reason`. */
function localized(report: ImportReport, locale: Locale) {
  const lines = (list: RowProblem[]) => list.map((p) => ({ row: p.row, field: p.field, message: problemText(p, locale) }));
  return { ...report, problems: lines(report.problems), warnings: lines(report.warnings) };
}

export const importsMethods = {
  'products.importColumns': staff('The columns a product file may have (canonical names, what they hold in English and Chinese), and whether the caller is the owner (imports, cost prices).', z.strictObject({}), (_input, ctx) => ({
      owner: ctx.session.role === 'owner',
      columns: COLUMNS.filter((c) => ctx.session.role === 'owner' || !c.ownerOnly).map((c) => ({
        name: c.name, kind: c.kind, en: c.en, zh: c.zh, derived: Boolean(c.derived), importOnly: Boolean(c.importOnly), ownerOnly: Boolean(c.ownerOnly),
      })),
    }), { readOnly: true }),
  'products.import': owner('Imports a CSV or XLSX product file (upsert by item no, one transaction); dryRun previews it; any invalid row stops it unless skipInvalid.', z.strictObject({
      file: fileSchema,
      /** Manual mapping: for each column of the file, the canonical column name or null to ignore it. */
      columns: z.array(z.string().max(40).nullable()).max(300).optional(),
      skipInvalid: z.boolean().optional(),
      dryRun: z.boolean().optional(),
      /** Photos named by item no: 00123.jpg (cover), 00123-2.jpg… */
      photos: z.array(imageUploadSchema.extend({ fileName: z.string().trim().min(1).max(255) })).max(500).optional(),
    }), async (input, ctx) => {
      const photos = input.photos;
      const report = await importProducts(ctx.core, {
        fileName: input.file.fileName,
        bytes: decodeFile(input.file.dataBase64),
        columns: input.columns,
        skipInvalid: input.skipInvalid,
        dryRun: input.dryRun,
        owner: ctx.session.role === 'owner',
        onRows: (done, total) => {
          if (ctx.cancelled?.()) throw cancelledError();
          ctx.progress?.({ done, total, phase: 'rows' });
        },
        photos: photos?.length
          ? {
              names: photos.map((p) => p.fileName),
              read: (name) => {
                const i = photos.findIndex((p) => p.fileName === name);
                return Promise.resolve(decodeBase64Image(photos[i]?.dataBase64 ?? '', `photos.${i}.dataBase64`));
              },
            }
          : undefined,
      });
      return localized(report, ctx.locale);
    }, { kind: 'async', job: true }),
  'products.export': staff('Exports every product (archived too) as CSV or XLSX with the canonical columns; cost prices for the owner only.', z.strictObject({ format: z.enum(['csv', 'xlsx']) }), async (input, ctx) => {
      const { bytes, rows } = await exportProducts(ctx.core, input.format, ctx.session.role === 'owner');
      const date = ctx.core.now().toISOString().slice(0, 10);
      return {
        fileName: `products-${date}.${input.format}`,
        mime: input.format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        rows,
        dataBase64: bytes.toString('base64'),
      };
    }, { kind: 'async' }),
};
