import { z } from 'zod';
import { AppError, invalid, m } from '../errors/apiError';
import { because } from '../errors/validation';
import { owner } from '../api/method';
import { backupNow, backupStatus, checkExportFolder, exportArchiveTo, withinAllowedFolders } from './service';
import { restoreIntoCore, snapshotFile } from './restore';

const fullPath = z
  .string()
  .min(1)
  .max(1000)
  .refine((p) => !p.includes('\0'), because(m('backup.notValidPath')));

export const backupMethods = {
  'backup.status': owner('The backups in the data folder, the last automatic backup and the last copy to a USB stick, with warnings when they are old.', z.strictObject({}), (_input, { core, locale }) => backupStatus(core, locale), { readOnly: true, passive: true }),
  'backup.run': owner('Backs up now into the data folder (SQLite online backup, new photos copied, old backups rotated).', z.strictObject({}), (_input, { core }) => backupNow(core, 'manual'), { kind: 'async' }),
  'backup.export': owner('Writes one archive (database + photos, checked after writing) into a folder, e.g. a USB stick; without a folder the desktop app asks for one.', z.strictObject({ folder: fullPath.optional() }), async (input, { core, session }) => {
      let folder = input.folder;
      if (folder === undefined) {
        if (!core.door.chooseFolder) throw invalid('folder', m('backup.typeFolderUsbStick'));
        const chosen = await core.door.chooseFolder();
        if (!chosen) return { cancelled: true as const };
        folder = chosen;
      }
      const checked = checkExportFolder(core, folder);
      if (session.limitedPaths) withinAllowedFolders(core, checked, 'folder', false);
      return { cancelled: false as const, ...(await exportArchiveTo(core, checked)) };
    }, { kind: 'async' }),
  'backup.restore': owner('Restores a backup (a snapshot of the backups folder by name, or an archive/.db file by full path): verified first, the current state backed up, then swapped in.', z.strictObject({
      snapshot: z.string().min(1).max(200).optional(),
      file: fullPath.optional(),
    }), (input, { core, session }) => {
      if ((input.snapshot === undefined) === (input.file === undefined)) {
        throw new AppError('invalid_input', m('backup.snapshotGiveEitherBackup'), 'snapshot');
      }
      const file = input.snapshot !== undefined ? snapshotFile(core.paths, input.snapshot) : (input.file as string);
      if (input.file !== undefined && session.limitedPaths) withinAllowedFolders(core, file, 'file', true);
      return restoreIntoCore(core, file);
    }, { kind: 'async' }),
};
