/**
 * npm start: builds the app, then starts Electron. Where Electron's binary is
 * not installed (a machine that cannot reach its download), it says so in one
 * line and starts browser mode instead, printing the URL.
 * Arguments after `--` go to the app (e.g. `npm start -- --data DIR`).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { appPath, appRoot } from '../main/paths/appRoot';
import { defaultDataDir } from '../main/paths/defaultDataDir';
import { serve } from '../main/server/serve';
import { ensureElectronSqlite } from './electron-native';

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/** The Electron executable, or null with the reason. Runs in a child so a failed download cannot take us down. */
function findElectron(): { path: string } | { reason: string } {
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
    cwd: appRoot(),
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  const executable = probe.stdout?.trim().split('\n').pop();
  if (probe.status === 0 && executable) return { path: executable };
  const stderr = `${probe.stderr ?? ''}`;
  const error = stderr.split('\n').find((l) => /Error|failed/i.test(l))?.trim();
  // electron ≥42 downloads its binary on first use; offline that download fails.
  if (/Downloading Electron/i.test(`${probe.stdout ?? ''}${stderr}`)) return { reason: `its binary is not installed and could not be downloaded${error ? `: ${error}` : ''}` };
  return { reason: error ?? 'its binary is not installed' };
}

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Rebuild only when a source is newer than the build (like make), so a second start is instant. */
function buildIsStale(): boolean {
  const outputs = [appPath('dist', 'renderer', 'index.html'), appPath('dist', 'electron', 'main.mjs')];
  if (!outputs.every((f) => fs.existsSync(f))) return true;
  const built = Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs));
  const sources = Math.max(...['renderer', 'main', 'db'].map((d) => newestMtime(appPath(d))));
  return sources > built;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const { values } = parseArgs({ args, options: { data: { type: 'string' }, port: { type: 'string' } }, strict: false });
  if (buildIsStale()) {
    log('Building the app…');
    const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: appRoot(), stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
    if (build.status !== 0) throw new Error('the build failed (see above)');
  }

  const electron = findElectron();
  if ('path' in electron) {
    const binding = await ensureElectronSqlite(undefined, log);
    const child = spawn(electron.path, [appRoot(), ...args], {
      stdio: 'inherit',
      env: { ...process.env, STALLKEEPER_SQLITE_BINDING: binding },
    });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }

  log(`Electron is not available on this machine (${electron.reason.slice(0, 120)}); starting browser mode instead.`);
  const data = typeof values.data === 'string' ? values.data : defaultDataDir();
  const port = typeof values.port === 'string' ? Number(values.port) : 5780;
  const running = await serve({ data, port, host: '127.0.0.1' });
  // The address carries this launch's key: only whoever can read this terminal opens the app.
  process.stdout.write(`Stallkeeper is running at ${running.openUrl} (data: ${data})\n`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  log(`Could not start Stallkeeper: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
