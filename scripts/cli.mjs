/**
 * `npm run cli`: runs the command line from its JavaScript bundle, dist/cli/cli.cjs
 * (scripts/build-main.ts), started from a V8 startup snapshot of it, dist/cli/cli.blob, in which
 * the pdf command's modules are already evaluated (docs/decisions.md).
 * - The bundle is rebuilt first when any source under main/ or db/ (or package-lock.json, or
 *   how it is built: scripts/build-main.ts) is newer than its last build (cli.cjs.built): a fresh
 *   checkout, an edit. A build that gives the same bytes leaves cli.cjs untouched.
 * - The snapshot is rebuilt when the bundle, this Node or its NODE_OPTIONS (a blob only loads in
 *   the Node and with the V8 flags that built it) or the bundle's folder changed; cli.blob.json
 *   says what it was built from.
 * - A blob that is not whole (a power cut while it was written) is not loaded: Node crashes on one.
 *   It is flushed to disk before it is renamed into place, and its size is in the stamp.
 * - Where no snapshot can be built, or with STALLKEEPER_CLI_NO_SNAPSHOT=1, the bundle runs in this
 *   process, as before.
 * Plain JavaScript, so a cold start loads no TypeScript compiler.
 */
import { spawnSync } from 'node:child_process';
import process from 'node:process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'cli', 'cli.cjs');
// Touched by every build, while the bundle keeps its time when its bytes did not change.
const builtMark = `${bundle}.built`;
const blob = path.join(root, 'dist', 'cli', 'cli.blob');
const stampFile = `${blob}.json`;

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
    fs.statSync(bundle);
    const built = fs.statSync(builtMark).mtimeMs;
    const inputs = ['package-lock.json', path.join('scripts', 'build-main.ts')].map((file) => fs.statSync(path.join(root, file)).mtimeMs);
    return built >= Math.max(newestSource(path.join(root, 'main')), newestSource(path.join(root, 'db')), ...inputs);
  } catch {
    return false;
  }
}

/**
 * What the snapshot must have been built from to be used: this bundle, in this folder, by this Node
 * with the same V8 flags (NODE_OPTIONS: a blob built with other flags does not load).
 */
function wantedStamp() {
  return { bundle, bundleMtimeMs: fs.statSync(bundle).mtimeMs, node: process.version, execPath: process.execPath, arch: process.arch, nodeOptions: process.env.NODE_OPTIONS ?? '' };
}

function readStamp() {
  try {
    return JSON.parse(fs.readFileSync(stampFile, 'utf8'));
  } catch {
    return null;
  }
}

/** The blob's size on disk, or -1 where there is none. */
function blobBytes() {
  try {
    return fs.statSync(blob).size;
  } catch {
    return -1;
  }
}

const sameStamp = (a, b) => a !== null && ['bundle', 'bundleMtimeMs', 'node', 'execPath', 'arch', 'nodeOptions'].every((key) => a[key] === b[key]);

/**
 * Puts a finished file in place whole: flushed to disk, then renamed over the old one (another
 * `npm run cli` may be reading it). False where it cannot (Windows, while the old one is in use).
 */
function replaceFile(from, to) {
  try {
    const fd = fs.openSync(from, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(from, to);
    return true;
  } catch {
    fs.rmSync(from, { force: true });
    return false;
  }
}

/**
 * The snapshot to start from, built when missing or stale; null where it cannot be built (this
 * Node has no --build-snapshot, or the bundle does something a snapshot cannot hold), which the
 * stamp remembers so each run does not try again.
 */
function currentSnapshot() {
  const wanted = wantedStamp();
  const stamp = readStamp();
  if (sameStamp(stamp, wanted) && (!stamp.ok || blobBytes() === stamp.blobBytes)) return stamp.ok ? blob : null;
  const building = `${blob}.${process.pid}.tmp`;
  const built = spawnSync(process.execPath, ['--snapshot-blob', building, '--build-snapshot', bundle], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const ok = built.status === 0 && fs.existsSync(building);
  if (!ok) fs.rmSync(building, { force: true });
  else if (!replaceFile(building, blob)) return null;
  const outcome = ok ? { ok, blobBytes: blobBytes() } : { ok, reason: (built.error?.message ?? built.stderr.trim().split('\n').slice(-3).join(' ')) || `exit ${built.status}` };
  const stampTmp = `${stampFile}.${process.pid}.tmp`;
  fs.writeFileSync(stampTmp, `${JSON.stringify({ ...wanted, ...outcome }, null, 2)}\n`);
  replaceFile(stampTmp, stampFile);
  return ok ? blob : null;
}

if (!bundleIsCurrent()) {
  const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const built = spawnSync(process.execPath, [tsx, path.join(root, 'scripts', 'build-main.ts'), '--cli'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const snapshot = process.env.STALLKEEPER_CLI_NO_SNAPSHOT ? null : currentSnapshot();
if (snapshot) {
  const run = spawnSync(process.execPath, ['--snapshot-blob', snapshot, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (run.error) throw run.error;
  if (run.signal && ['SIGSEGV', 'SIGBUS', 'SIGABRT', 'SIGILL'].includes(run.signal)) {
    // Node itself crashed, as on a damaged blob: the next run builds the snapshot again.
    fs.rmSync(stampFile, { force: true });
    process.stderr.write(`The command line crashed (${run.signal}); its start-up snapshot is rebuilt on the next run.\n`);
  }
  if (run.signal) process.kill(process.pid, run.signal);
  process.exit(run.status ?? 1);
} else {
  createRequire(import.meta.url)(bundle).startFromBundle(process.argv.slice(2));
}
