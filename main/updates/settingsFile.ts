import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The update feed of this installed app (Settings → Updates), in a small
 * file of the app's own folder (userData), not in the stall's data: a
 * restored backup never changes where the PC gets updates. Empty: the feed
 * the build was made with (electron-builder.yml publish), or none.
 */
export const feedUrlSchema = z
  .string()
  .trim()
  .max(500)
  .refine((v) => v === '' || /^https:\/\/[^\s]+$/i.test(v) || /^http:\/\/(localhost|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)[^\s]*$/i.test(v), {
    message: 'must be an https:// address (or http:// on the local network)',
  });

export interface UpdateSettings {
  feedUrl: string;
}

export function updateSettingsFile(appDataDir: string): string {
  return path.join(appDataDir, 'update-settings.json');
}

export function readUpdateSettings(file: string): UpdateSettings {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { feedUrl?: unknown };
    const url = feedUrlSchema.safeParse(parsed.feedUrl ?? '');
    return { feedUrl: url.success ? url.data : '' };
  } catch {
    return { feedUrl: '' };
  }
}

export function writeUpdateSettings(file: string, settings: UpdateSettings): UpdateSettings {
  const feedUrl = feedUrlSchema.parse(settings.feedUrl);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, `${JSON.stringify({ feedUrl }, null, 2)}\n`);
  fs.renameSync(tmp, file);
  return { feedUrl };
}
