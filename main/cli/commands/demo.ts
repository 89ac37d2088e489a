import { parseArgs } from 'node:util';
import { openCore } from '../../core';
import { fillDemo } from '../../demo/fill';
import type { Command } from '../command';
import { UsageError } from '../command';

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Fill an empty data folder with a realistic demo stall',
  usage: `npm run cli -- demo --data DIR

Creates the data folder if needed and fills it with a seller profile (logo and
chop), 66 products with photos in ten categories (names in Chinese, English and
Arabic), stock, 32 buyers from 31 countries with contacts, two years of visits,
and quotations and pro-forma invoices in several currencies with payments.
Refuses a folder that already has products or buyers.`,
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { data: { type: 'string' } }, strict: true });
    if (!values.data) throw new UsageError('--data DIR is required: the folder to fill');
    const started = Date.now();
    const core = openCore(values.data);
    try {
      const summary = await fillDemo(core, (line) => process.stderr.write(`demo: ${line}\n`));
      process.stdout.write(
        `Demo stall ready in ${core.paths.root} (${((Date.now() - started) / 1000).toFixed(1)} s): ` +
          `${summary.products} products, ${summary.photos} photos, ${summary.buyers} buyers from ${summary.countries} countries, ${summary.visits} visits, ${summary.quotes} quotations, ${summary.invoices} pro-forma invoices.\n` +
          `Open it with: npm run serve -- --data ${values.data}\n`,
      );
      return 0;
    } finally {
      core.close();
    }
  },
};
