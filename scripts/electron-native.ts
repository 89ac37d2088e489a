/**
 * better-sqlite3 is native. node_modules holds Node's build (for `npm test`,
 * the CLI and browser mode); Electron needs one for its own ABI. Instead of
 * rebuilding node_modules back and forth, `npm start` builds a second copy
 * once per Electron version into .cache/electron-native/ and hands its path to
 * the Electron process (STALLKEEPER_SQLITE_BINDING → better-sqlite3's
 * nativeBinding option, see db/open.ts). Packaged apps need none of this:
 * electron-builder rebuilds the module for Electron inside the package.
 */
import fs from 'node:fs';
import path from 'node:path';
import { appPath } from '../main/paths/appRoot';

export function electronVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(appPath('node_modules', 'electron', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export function electronBindingPath(version: string): string {
  return appPath('.cache', 'electron-native', `electron-${version}-${process.platform}-${process.arch}`, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
}

export async function ensureElectronSqlite(version = electronVersion(), log: (line: string) => void = () => {}): Promise<string> {
  const binding = electronBindingPath(version);
  if (fs.existsSync(binding)) return binding;
  const project = path.resolve(binding, '..', '..', '..', '..', '..');
  log(`Building better-sqlite3 for Electron ${version} (once; needs the network for Electron's headers)…`);
  fs.rmSync(project, { recursive: true, force: true });
  const source = appPath('node_modules', 'better-sqlite3');
  const target = path.join(project, 'node_modules', 'better-sqlite3');
  fs.cpSync(source, target, { recursive: true, filter: (src) => !src.includes(`${path.sep}build${path.sep}`) && !src.endsWith(`${path.sep}build`) });
  const { version: sqliteVersion } = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')) as { version: string };
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'stallkeeper-electron-native', version: '1.0.0', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({ buildPath: project, electronVersion: version, onlyModules: ['better-sqlite3'], force: true });
  if (!fs.existsSync(binding)) throw new Error(`the Electron build of better-sqlite3 was not produced at ${binding}`);
  return binding;
}
