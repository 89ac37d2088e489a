/**
 * `npm run cli`: runs the command line from its JavaScript bundle (dist/cli,
 * scripts/build-main.ts), rebuilding it first when any source under main/ or
 * db/ is newer than the bundle (a fresh checkout, an edit). Plain JavaScript,
 * so a cold start loads no TypeScript compiler.
 */
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'cli', 'index.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

function bundleIsCurrent() {
  try {
    const built = fs.statSync(bundle).mtimeMs;
    return built >= Math.max(newestSource(path.join(root, 'main')), newestSource(path.join(root, 'db')), fs.statSync(path.join(root, 'package-lock.json')).mtimeMs);
  } catch {
    return false;
  }
}

if (!bundleIsCurrent()) {
  const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const built = spawnSync(process.execPath, [tsx, path.join(root, 'scripts', 'build-main.ts'), '--cli'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const { startCli } = await import(pathToFileURL(bundle).href);
startCli(process.argv.slice(2));
