import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../../core';
import { invoke } from '../../api/invoke';
import { REGION_CODES, type Region } from '../../buyers/regions';
import type { Command } from '../command';
import { UsageError } from '../command';

export const exportBuyersCommand: Command = {
  name: 'export-buyers',
  summary: 'Export buyers to a CSV file (the columns import-buyers reads)',
  usage: `npm run cli -- export-buyers --data DIR --out FILE [--country CC] [--region REGION] [--tag TAG]

Writes the buyers (all, or those of one country, region or tag) to FILE as CSV,
UTF-8 with a BOM so Excel shows Arabic, Cyrillic and Chinese, in the order
they were added, phones in international format. Regions: ${REGION_CODES.join(', ')}.`,
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: { data: { type: 'string' }, out: { type: 'string' }, country: { type: 'string' }, region: { type: 'string' }, tag: { type: 'string' } },
      strict: true,
    });
    if (!values.data) throw new UsageError('--data DIR is required: the data folder to export from');
    if (!values.out) throw new UsageError('--out FILE is required: where to write the CSV');
    if (values.region && !(REGION_CODES as string[]).includes(values.region)) throw new UsageError(`--region: "${values.region}" is not one of ${REGION_CODES.join(', ')}`);
    if (!fs.existsSync(path.join(values.data, 'stallkeeper.db'))) throw new UsageError(`${values.data}: not a Stallkeeper data folder (no stallkeeper.db)`);
    const core = openCore(values.data);
    try {
      const { csv, count } = await invoke(core, 'buyers.export', {
        ...(values.country ? { country: values.country } : {}),
        ...(values.region ? { region: values.region as Region } : {}),
        ...(values.tag ? { tag: values.tag } : {}),
      });
      const tmp = `${values.out}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, csv);
      fs.renameSync(tmp, values.out);
      process.stdout.write(`Exported ${count} buyers to ${values.out}.\n`);
      return 0;
    } finally {
      core.close();
    }
  },
};
