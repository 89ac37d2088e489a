import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../../core';
import { invoke } from '../../api/invoke';
import type { Command } from '../command';
import { UsageError } from '../command';

export const sampleTagsCommand: Command = {
  name: 'sample-tags',
  summary: 'Print sample tags (A4 label sheet PDF) for some or all products',
  usage: `npm run cli -- sample-tags --data DIR --out FILE.pdf [--items 00123,00124] [--query TEXT] [--category NAME]
       [--layout 3x8|2x5] [--price price|code|none] [--code auto|qr|barcode|none] [--langs zh,en (two of zh,en,ar,es,ru,fr,pt)] [--copies N] [--skip N]

Tags with item no, names, price (or a price code, --price code, letters from
BLACKHORSE for 1234567890 unless --key), MOQ and packing, and the barcode (or
a QR code of the item no). Without --items, the products a search for --query
(and --category) finds; with neither, every active product.`,
  async run(argv) {
    const { values } = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' }, out: { type: 'string' }, items: { type: 'string' }, query: { type: 'string' }, category: { type: 'string' },
        layout: { type: 'string' }, price: { type: 'string' }, key: { type: 'string' }, code: { type: 'string' }, langs: { type: 'string' },
        copies: { type: 'string' }, skip: { type: 'string' },
      },
      strict: true,
    });
    if (!values.data) throw new UsageError('--data DIR is required');
    if (!values.out || path.extname(values.out).toLowerCase() !== '.pdf') throw new UsageError('--out FILE.pdf is required');
    if (!fs.existsSync(path.join(values.data, 'stallkeeper.db'))) throw new UsageError(`--data ${values.data}: no Stallkeeper data folder there`);
    const core = openCore(values.data);
    try {
      let productIds: number[] | undefined;
      if (values.items) {
        productIds = [];
        for (const itemNo of values.items.split(',').map((s) => s.trim()).filter(Boolean)) {
          productIds.push((await invoke(core, 'products.get', { itemNo })).id);
        }
      }
      const result = await invoke(core, 'products.sampleTags', {
        ...(productIds ? { productIds } : {}),
        ...(values.query ? { query: values.query } : {}),
        ...(values.category ? { category: values.category } : {}),
        ...(values.layout ? { layout: values.layout as '3x8' } : {}),
        ...(values.price ? { priceMode: values.price as 'price' } : {}),
        ...(values.key ? { priceCodeKey: values.key } : {}),
        ...(values.code ? { code: values.code as 'auto' } : {}),
        ...(values.langs ? { nameLangs: values.langs.split(',').map((s) => s.trim()) as Array<'zh'> } : {}),
        ...(values.copies ? { copies: Number(values.copies) } : {}),
        ...(values.skip ? { skip: Number(values.skip) } : {}),
      });
      fs.writeFileSync(values.out, Buffer.from(result.dataBase64, 'base64'));
      process.stdout.write(`${result.tags} tags on ${result.pages} page(s): ${values.out}\n`);
      return 0;
    } finally {
      core.close();
    }
  },
};
