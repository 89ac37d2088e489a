import path from 'node:path';
import { parseArgs } from 'node:util';
import { restoreDataFolder } from '../../backup/restore';
import type { Command } from '../command';
import { UsageError } from '../command';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Restore a backup (archive .tar.gz or snapshot .db) into a data folder; the app must be closed',
  usage: `npm run cli -- restore FILE --data DIR

FILE is a backup archive (.tar.gz, from "backup" or Settings → Backups) or a
snapshot from DIR/backups/snapshots (.db). It is verified first (checksums,
SQLite integrity_check, migrated if older). The current database is then
backed up (backups/snapshots/…-pre-restore.db), and the restored one swapped
in with one atomic rename. The owner PIN and paired devices of the current
data are kept. Refused while Stallkeeper is running on DIR: restore from
Settings → Backups in the app instead.`,
  async run(argv) {
    const { values, positionals } = parseArgs({ args: argv, options: { data: { type: 'string' } }, allowPositionals: true, strict: true });
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new UsageError('give exactly one backup FILE to restore');
    if (!values.data) throw new UsageError('--data DIR is required: the data folder to restore into');
    const result = await restoreDataFolder(values.data, path.resolve(file));
    const lines = [
      `Restored ${result.restoredFrom}${result.backupTakenAt ? ` (made ${result.backupTakenAt})` : ''} into ${path.resolve(values.data)}:`,
      `  ${result.counts.products ?? 0} products, ${result.counts.buyers ?? 0} buyers; schema ${result.schema.from}${result.schema.to !== result.schema.from ? ` → ${result.schema.to}` : ''}.`,
      result.preRestoreBackup ? `  The data as it was before is kept in backups/snapshots/${result.preRestoreBackup}.` : '',
      result.damagedCopy ? `  The damaged database was kept in ${result.damagedCopy}.` : '',
      result.photosAdded ? `  ${result.photosAdded} photo file(s) added.` : '',
      result.missingPhotos ? `  Warning: ${result.missingPhotos} photo(s) are missing from both the backup and the data folder.` : '',
    ];
    process.stdout.write(`${lines.filter(Boolean).join('\n')}\n`);
    return 0;
  },
};
