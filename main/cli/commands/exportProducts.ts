import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../../core';
import { exportProducts } from '../../imports/export';
import { exportPhotos } from '../../imports/photos';
import type { Command } from '../command';
import { UsageError } from '../command';

export const exportProductsCommand: Command = {
  name: 'export-products',
  summary: 'Export every product to a CSV or XLSX file (the columns import reads)',
  usage: `npm run cli -- export-products --data DIR --out FILE.csv|FILE.xlsx [--photos DIR]

Writes every product, archived ones too, in item-no order, with the canonical
columns (docs/import-export.md), cost prices included. CSV is UTF-8 with a BOM,
comma-separated, CRLF; in XLSX item numbers and barcodes are text cells.
  --photos DIR   also write each product's photos as 00123.jpg, 00123-2.jpg…
                 (what import-products --photos reads back)`,
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, out: { type: 'string' }, photos: { type: 'string' } }, strict: true });
    if (!values.data) throw new UsageError('--data DIR is required: the data folder to export from');
    if (!values.out) throw new UsageError('--out FILE is required (.csv or .xlsx)');
    const ext = path.extname(values.out).toLowerCase();
    if (ext !== '.csv' && ext !== '.xlsx') throw new UsageError(`--out ${values.out}: the file must end in .csv or .xlsx`);
    if (!fs.existsSync(path.join(values.data, 'stallkeeper.db'))) throw new UsageError(`--data ${values.data}: no Stallkeeper data folder there`);
    const core = openCore(values.data);
    try {
      const { bytes, rows } = await exportProducts(core, ext === '.csv' ? 'csv' : 'xlsx', true);
      fs.mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
      const tmp = `${values.out}.tmp`;
      fs.writeFileSync(tmp, bytes);
      fs.renameSync(tmp, values.out);
      let photos = '';
      if (values.photos) photos = `, ${exportPhotos(core, values.photos)} photos into ${values.photos}`;
      process.stdout.write(`Exported ${rows} products to ${values.out}${photos}.\n`);
      return 0;
    } finally {
      core.close();
    }
  },
};
