import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../../core';
import { DOC_KINDS, DOC_LANGS, PAPERS, type DocKind, type DocLang, type Paper } from '../../documents/model';
import { AFTER_PI_KINDS, afterPiIdOf, isAfterPiKind, printAfterPi } from '../../documents/afterPi';
import { printDocument } from '../../documents/service';
import { layoutCacheDirIn, setLayoutCacheDir } from '../../documents/layoutCache';
import type { Command } from '../command';
import { UsageError } from '../command';

export const pdfCommand: Command = {
  name: 'pdf',
  summary: 'Write the PDF of a quotation or PI (or its packing list), a purchase order, a delivery note or packing list, or a statement of account',
  usage: `npm run cli -- pdf <number> --data DIR --out FILE [--lang ${DOC_LANGS.join('|')}] [--paper ${PAPERS.join('|')}] [--type ${[...DOC_KINDS, ...AFTER_PI_KINDS].join('|')}] [--bilingual] [--from YYYY-MM-DD] [--to YYYY-MM-DD]

<number> is a quotation's ("JH-Q2026-0007", "JH-Q2026-0007-R2") or a PI's
("JH-PI2026-0012"); with --type purchaseOrder a purchase order's ("PO2026-0003"),
with deliveryNote or deliveryPacking a delivery's ("JH-PI2026-0012-D2"), with
account the buyer's id (--from/--to: the statement's period). The language
defaults to the buyer's document language (Chinese for a purchase order or
delivery note); --bilingual prints English labels and names beside it. An
issued PI is written from its stored copy, unchanged.`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        data: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string' },
        paper: { type: 'string' },
        type: { type: 'string' },
        bilingual: { type: 'boolean' },
        from: { type: 'string' },
        to: { type: 'string' },
      },
    });
    const number = positionals[0];
    if (!number || positionals.length > 1) throw new UsageError('give one quotation or PI number');
    if (!values.data) throw new UsageError('--data DIR is required: the data folder');
    if (!values.out) throw new UsageError('--out FILE is required: where to write the PDF');
    if (values.lang && !(DOC_LANGS as readonly string[]).includes(values.lang)) throw new UsageError(`--lang must be one of ${DOC_LANGS.join(', ')}`);
    if (values.paper && !(PAPERS as readonly string[]).includes(values.paper)) throw new UsageError(`--paper must be ${PAPERS.join(' or ')}`);
    const kinds: readonly string[] = [...DOC_KINDS, ...AFTER_PI_KINDS];
    if (values.type && !kinds.includes(values.type)) throw new UsageError(`--type must be one of ${kinds.join(', ')}`);
    for (const key of ['from', 'to'] as const) {
      if (values[key] !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values[key])) throw new UsageError(`--${key} must be a date YYYY-MM-DD`);
    }
    if (!fs.existsSync(values.data)) throw new UsageError(`--data ${values.data}: no such folder`);
    const core = openCore(values.data);
    setLayoutCacheDir(layoutCacheDirIn(core.paths.root));
    try {
      const lang = values.lang as DocLang | undefined;
      const paper = values.paper as Paper | undefined;
      const printed =
        values.type && isAfterPiKind(values.type)
          ? { ...(await printAfterPi(core, { kind: values.type, id: afterPiIdOf(core, values.type, number), lang, paper, bilingual: values.bilingual === true, from: values.from, to: values.to }, 'owner')), stored: false }
          : await printDocument(
              core,
              { number },
              {
                ...(values.type ? { kind: values.type as DocKind } : {}),
                ...(lang ? { lang } : {}),
                ...(paper ? { paper } : {}),
                bilingual: values.bilingual === true,
              },
            );
      const out = path.resolve(values.out);
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, printed.pdf);
      process.stdout.write(`${out}: ${printed.pages} page(s), ${Math.round(printed.pdf.length / 1024)} KB${printed.stored ? ' (stored copy of the issued PI)' : ''}\n`);
      for (const w of printed.nameWarnings) process.stderr.write(`warning: ${w.replace(/_/g, ' ')}: the chop, header and bank beneficiary names should be the same company\n`);
      return 0;
    } finally {
      core.close();
    }
  },
};
