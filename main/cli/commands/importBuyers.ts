import { parseArgs } from 'node:util';
import { openCore } from '../../core';
import { invoke } from '../../api/invoke';
import type { Command } from '../command';
import { importArguments } from '../command';

const MAX_LISTED = 200;

export const importBuyersCommand: Command = {
  name: 'import-buyers',
  summary: 'Import buyers from a CSV file (checked first; nothing written if a row is invalid)',
  usage: `npm run cli -- import-buyers FILE --data DIR [--dry-run] [--skip-invalid]

Reads FILE (CSV: UTF-8 with or without BOM, UTF-16 or GB18030; comma, semicolon
or tab) with a header row: company, country (code or name), city, address,
currency, doc_language, agent, passport_no, nationality, tags (";" between),
notes, contact1_name, contact1_role, contact1_phone, contact1_whatsapp,
contact1_wechat, contact1_email, contact2_… (Chinese headers such as 公司, 国家,
电话, 微信 are read too). Phones are stored as E.164, read in the buyer's
country when they have no +prefix. A row with the company and country of a
stored buyer updates it; importing the same file again changes nothing.

Every problem is printed as "row N: field: reason" (N counts data rows from 1).
  --dry-run       check and count, write nothing
  --skip-invalid  write the valid rows and leave out the invalid ones
Without --skip-invalid, any invalid row means nothing is written (exit code 1).`,
  async run(argv) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { data: { type: 'string' }, 'dry-run': { type: 'boolean' }, 'skip-invalid': { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    const { file, bytes, data } = importArguments(positionals, values.data);
    const core = openCore(data);
    try {
      const result = await invoke(core, 'buyers.import', {
        fileBase64: bytes.toString('base64'),
        dryRun: values['dry-run'] ?? false,
        skipInvalid: values['skip-invalid'] ?? false,
      });
      for (const e of result.errors.slice(0, MAX_LISTED)) process.stderr.write(`${e.text}\n`);
      if (result.errors.length > MAX_LISTED) process.stderr.write(`… and ${result.errors.length - MAX_LISTED} more problems\n`);
      for (const w of result.warnings.slice(0, MAX_LISTED)) process.stderr.write(`warning: ${w.text}\n`);
      if (result.warnings.length > MAX_LISTED) process.stderr.write(`warning: … and ${result.warnings.length - MAX_LISTED} more\n`);
      const counts = `${result.rows} rows: ${result.created} new, ${result.updated} updated, ${result.unchanged} unchanged${result.skipped ? `, ${result.skipped} invalid left out` : ''}`;
      const encoding = result.encoding && result.encoding !== 'UTF-8' ? ` (read as ${result.encoding})` : '';
      if (result.errors.length > 0 && !(values['skip-invalid'] ?? false)) {
        process.stdout.write(`Nothing was imported: ${result.errors.length} problem(s) in ${file}${encoding}. Fix them, or use --skip-invalid to import the valid rows.\n`);
        return 1;
      }
      process.stdout.write(result.dryRun ? `Dry run, nothing written. ${counts}${encoding}.\n` : `Imported ${file}${encoding}. ${counts}.\n`);
      return 0;
    } finally {
      core.close();
    }
  },
};
