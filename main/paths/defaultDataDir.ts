import os from 'node:os';
import path from 'node:path';

/**
 * The folder Electron uses as userData for productName "Stallkeeper", so the
 * desktop app, browser mode and the CLI share one stall's data by default.
 */
export function defaultDataDir(): string {
  const home = os.homedir();
  switch (process.platform) {
    case 'win32':
      return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Stallkeeper');
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', 'Stallkeeper');
    default:
      return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Stallkeeper');
  }
}
