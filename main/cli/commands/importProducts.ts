import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../../core';
import { COLUMN_BY_NAME, headerKey } from '../../imports/columns';
import { readSheet } from '../../imports/readFile';
import { importProducts, mapColumns, problemText, type PhotoSource } from '../../imports/service';
import type { Command } from '../command';
import { UsageError, importArguments } from '../command';

function folderPhotos(dir: string): PhotoSource {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`--photos ${dir}: not a folder`);
  return {
    names: fs.readdirSync(dir).filter((n) => fs.statSync(path.join(dir, n)).isFile()),
    read: (name) => fs.promises.readFile(path.join(dir, name)),
  };
}

export const importProductsCommand: Command = {
  name: 'import-products',
  summary: 'Import products from a CSV or XLSX file (upsert by item no)',
  usage: `npm run cli -- import-products FILE --data DIR [--dry-run] [--skip-invalid] [--photos DIR] [--map "HEADER=column"]…

Reads FILE (.csv: UTF-8 or GB18030, comma, semicolon or tab separated; .xlsx:
the first sheet with data), finds the columns by their headers in English or
Chinese (docs/import-export.md lists them), validates every row and then
creates or updates products by item no, all in one transaction.

  --dry-run        check the file and say what would change; write nothing
  --skip-invalid   write the valid rows even when some rows are invalid
                   (by default any invalid row means nothing is written)
  --photos DIR     attach photos named by item no: 00123.jpg is the cover of
                   00123, 00123-2.jpg its second photo; they replace its photos
  --map H=column   read the column with header H as a canonical column
                   (repeatable; column "-" ignores it)

Problems are printed as "row N: field: reason" (N counts data rows from 1).
Exit code: 0 when written (or a clean dry run), 1 when rows were invalid.`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        data: { type: 'string' },
        'dry-run': { type: 'boolean' },
        'skip-invalid': { type: 'boolean' },
        photos: { type: 'string' },
        map: { type: 'string', multiple: true },
      },
      strict: true,
    });
    const { file, bytes, data } = importArguments(positionals, values.data);
    let columns: Array<string | null> | undefined;
    if (values.map?.length) {
      const headers = (await readSheet(file, bytes)).headers;
      const overrides = new Map<string, string | null>();
      for (const m of values.map) {
        const eq = m.lastIndexOf('=');
        if (eq <= 0) throw new UsageError(`--map ${m}: use HEADER=column`);
        const target = m.slice(eq + 1).trim();
        if (target !== '-' && !COLUMN_BY_NAME.has(target)) throw new UsageError(`--map ${m}: "${target}" is not a column name`);
        overrides.set(headerKey(m.slice(0, eq)), target === '-' ? null : target);
      }
      const auto = mapColumns(headers, undefined, true).columns.map((c) => c?.name ?? null);
      columns = headers.map((h, i) => (overrides.has(headerKey(h)) ? (overrides.get(headerKey(h)) ?? null) : (auto[i] ?? null)));
    }
    const photos = values.photos ? folderPhotos(values.photos) : undefined;
    const started = Date.now();
    const core = openCore(data);
    try {
      const report = await importProducts(core, {
        fileName: path.basename(file),
        bytes,
        columns,
        dryRun: values['dry-run'],
        skipInvalid: values['skip-invalid'],
        photos,
        owner: true,
        progress: (line) => process.stderr.write(`import: ${line}\n`),
      });
      for (const w of report.warnings) process.stderr.write(`warning: ${problemText(w, 'en')}\n`);
      for (const p of report.problems) process.stderr.write(`${problemText(p, 'en')}\n`);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const counts = `${report.rows} rows: ${report.created} new, ${report.updated} changed, ${report.unchanged} unchanged, ${report.invalid} invalid; ${report.stockMovements} stock movements` +
        (photos ? `; ${report.photoFiles} photo files, ${report.productsWithNewPhotos} products with new photos` : '');
      if (report.dryRun) {
        process.stdout.write(`Dry run of ${file} (${seconds} s), nothing written: ${counts}.\n`);
        return report.problems.length ? 1 : 0;
      }
      if (!report.written) {
        process.stdout.write(`Nothing imported from ${file}: ${report.problems.length} problem(s) listed above. Fix them, or use --skip-invalid to import the valid rows.\n`);
        return 1;
      }
      process.stdout.write(`Imported ${file} into ${core.paths.root} (${seconds} s): ${counts}.\n`);
      return 0;
    } finally {
      core.close();
    }
  },
};
