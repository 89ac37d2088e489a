import fs from 'node:fs';
import path from 'node:path';
import { appPath } from '../../main/paths/appRoot';

/**
 * The Electron binary, if this machine has it, or why not (without trying
 * to download it, as require('electron') would). STALLKEEPER_ELECTRON names
 * another binary.
 */
export function electronBinary(): { path: string } | { reason: string } {
  const given = process.env.STALLKEEPER_ELECTRON;
  if (given) return fs.existsSync(given) ? { path: given } : { reason: `STALLKEEPER_ELECTRON=${given} does not exist` };
  const pathFile = appPath('node_modules', 'electron', 'path.txt');
  if (!fs.existsSync(pathFile)) return { reason: "Electron's binary is not installed here (node_modules/electron has no path.txt: it was installed with ELECTRON_SKIP_BINARY_DOWNLOAD)" };
  const binary = path.join(appPath('node_modules', 'electron', 'dist'), fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? { path: binary } : { reason: `Electron's binary is missing at ${binary}` };
}
