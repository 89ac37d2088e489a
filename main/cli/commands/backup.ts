import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCore } from '../../core';
import { exportArchiveTo } from '../../backup/service';
import type { Command } from '../command';
import { UsageError } from '../command';

export const backupCommand: Command = {
  name: 'backup',
  summary: 'Write one backup archive (database + photos) to a file or folder, e.g. a USB stick',
  usage: `npm run cli -- backup --data DIR --out FILE|FOLDER

Copies the database with SQLite's online backup API (safe while the app is
open), adds the photos it refers to, and writes one .tar.gz archive with a
manifest of checksums. The archive is read back and checked before the
command ends. FOLDER: the file is named stallkeeper-backup-<date>.tar.gz.
Restore it with: npm run cli -- restore FILE --data DIR`,
  async run(argv) {
    const { values } = parseArgs({ args: argv, options: { data: { type: 'string' }, out: { type: 'string' } }, strict: true });
    if (!values.data) throw new UsageError('--data DIR is required: the data folder to back up');
    if (!values.out) throw new UsageError('--out FILE|FOLDER is required: where to write the archive');
    if (!fs.existsSync(path.join(values.data, 'stallkeeper.db'))) throw new UsageError(`${values.data} has no stallkeeper.db: is it a Stallkeeper data folder?`);
    const out = path.resolve(values.out);
    const isFolder = fs.existsSync(out) && fs.statSync(out).isDirectory();
    if (!isFolder && !fs.existsSync(path.dirname(out))) throw new UsageError(`--out: the folder ${path.dirname(out)} does not exist`);
    const core = openCore(values.data);
    try {
      const result = await exportArchiveTo(core, out, { targetIsFile: !isFolder });
      process.stdout.write(
        `Backup written and checked: ${result.file} (${(result.bytes / 1024 / 1024).toFixed(1)} MB; ` +
          `${result.counts.products ?? 0} products, ${result.counts.buyers ?? 0} buyers, ${result.photos} photos).\n`,
      );
      return 0;
    } finally {
      core.close();
    }
  },
};
