/**
 * The crash harness: runs the writer (writer.ts) on one data folder and
 * kills it with SIGKILL at random moments, again and again. After each kill
 * the data folder must open (quick_check on open, WAL recovery), pass the
 * full integrity_check and foreign_key_check, contain every operation the
 * writer reported as committed, and hold no half-written record (WHOLE_CHECKS).
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
import { openCore } from '../../main/core';
import { appPath } from '../../main/paths/appRoot';
import { foreignKeyProblems, integrityProblems } from '../../db/backup';
import { OPERATIONS, WHOLE_CHECKS, type Report } from './operations';
import { mulberry32 } from './random';

export interface CrashFigure {
  kills: number;
  /** Kills after which every check passed. */
  survived: number;
  /** Operations the writer reported as committed, over all runs. */
  reportedOperations: number;
  /** Reported operations not found in full after a kill: must be 0. */
  operationsLost: number;
  integrityFailures: number;
  halfWrittenRecords: number;
  operationsByKind: Record<string, number>;
  /** Average ms from starting the writer to its "ready", and of the checks after a kill. */
  averageWriterStartMs: number;
  averageCheckMs: number;
  seed: number;
  seconds: number;
  /** The first problems found, to debug a failure. */
  problems: string[];
}

export interface HarnessOptions {
  kills: number;
  seed?: number;
  dataDir?: string;
  /** Longest wait after the writer is ready before the kill (ms). */
  maxDelayMs?: number;
  /** Writers killed side by side, each on its own data folder (default 1). */
  parallel?: number;
  log?: (line: string) => void;
}

/**
 * Packages the writer never uses, or uses only in a rare operation (sharp, for photos: libvips
 * takes a few hundred ms to load), but that the API table imports: together they are most of the
 * bundle, and each writer start would read, compile and initialise them. In the writer's bundle each
 * is a stand-in that loads the real package (from node_modules, CommonJS, with a plain synchronous
 * require) on first use: called, constructed or a property read.
 */
const LAZY_PACKAGES = ['sharp', 'exceljs', 'pdfkit', 'fontkit', 'bwip-js/node', 'qrcode', 'jszip'];

/** The stand-in's source: its own keys are the real package's, listed here at bundle time, so named imports work. */
function lazyStandIn(specifier: string): string {
  const keys = Object.keys(createRequire(import.meta.url)(specifier) as object);
  return `
const keys = ${JSON.stringify(keys)};
let real;
const load = () => (real ??= require(${JSON.stringify(specifier)}));
module.exports = new Proxy(function () {}, {
  apply: (_target, self, args) => load().apply(self, args),
  construct: (_target, args) => Reflect.construct(load(), args),
  get: (target, key) => (key === '__esModule' ? false : key === 'prototype' ? target.prototype : load()[key]),
  ownKeys: (target) => [...new Set([...Reflect.ownKeys(target), ...keys])],
  getOwnPropertyDescriptor: (target, key) =>
    Reflect.getOwnPropertyDescriptor(target, key) ?? (keys.includes(key) ? { configurable: true, enumerable: true, writable: true, value: undefined } : undefined),
});
`;
}

/**
 * Starts the bundled writer with V8's code cache: the first start saves the
 * compiled code next to the bundle, later starts skip most of the compiling.
 */
const BOOT = `'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');
const file = path.join(__dirname, 'writer.cjs');
const cacheFile = file + '.v8cache';
let cachedData;
try { cachedData = fs.readFileSync(cacheFile); } catch {}
const script = new vm.Script(Module.wrap(fs.readFileSync(file, 'utf8')), { filename: file, cachedData });
const fn = script.runInThisContext();
const mod = new Module(file, module);
mod.filename = file;
mod.paths = Module._nodeModulePaths(path.dirname(file));
fn.call(mod.exports, mod.exports, (id) => mod.require(id), mod, file, path.dirname(file));
// After the modules have initialised, so their compiled code is in the cache too.
if (!cachedData || script.cachedDataRejected) {
  const tmp = cacheFile + '.' + process.pid;
  fs.writeFileSync(tmp, script.createCachedData());
  fs.renameSync(tmp, cacheFile);
}
`;

/** Bundles the writer once (CommonJS, for the code cache), so each start costs Node's start-up and not a TypeScript compile. */
export async function bundleWriter(): Promise<string> {
  const dir = appPath('.cache', 'crash');
  const outfile = path.join(dir, 'writer.cjs');
  await build({
    entryPoints: [appPath('scripts', 'crash', 'writer.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20.19',
    // Everything but the native modules in one file: far fewer files to load at each start.
    external: ['better-sqlite3', 'sharp', 'electron'],
    define: { 'import.meta.url': '__skImportMetaUrl' },
    banner: { js: "const __skImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    logLevel: 'error',
    plugins: [
      {
        // The package's Node entry loads all of its ~80 languages; the app registers the seven it uses itself.
        name: 'countries-without-all-languages',
        setup(b) {
          b.onResolve({ filter: /^i18n-iso-countries$/ }, () => ({ path: appPath('node_modules', 'i18n-iso-countries', 'index.js') }));
        },
      },
      {
        name: 'lazy-packages',
        setup(b) {
          const filter = new RegExp(`^(${LAZY_PACKAGES.map((p) => p.replace(/[/.-]/g, '\\$&')).join('|')})$`);
          b.onResolve({ filter }, (args) => (args.namespace === 'lazy' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy' }));
          b.onLoad({ filter: /.*/, namespace: 'lazy' }, (args) => ({ contents: lazyStandIn(args.path), loader: 'js', resolveDir: appPath() }));
        },
      },
    ],
  });
  // The old code cache, and any half-written one a kill left behind.
  for (const f of fs.readdirSync(dir)) if (f.startsWith('writer.cjs.v8cache')) fs.rmSync(path.join(dir, f), { force: true });
  const boot = path.join(dir, 'boot.cjs');
  fs.writeFileSync(boot, BOOT);
  return boot;
}

interface RunOutcome {
  reports: Report[];
  killed: boolean;
  stderr: string;
  /** From spawn to the writer's "ready" (Node start-up and opening the folder), or null when killed before. */
  startMs: number | null;
}

function runWriter(bundle: string, dataDir: string, run: number, seed: number, delayMs: number, beforeReady: boolean): Promise<RunOutcome> {
  return new Promise((resolve, reject) => {
    const spawnedAt = Date.now();
    let startMs: number | null = null;
    const child = spawn(process.execPath, [bundle, '--data', dataDir, '--run', String(run), '--seed', String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    let killed = false;
    const kill = () => {
      killed = true;
      child.kill('SIGKILL');
    };
    if (beforeReady) timer = setTimeout(kill, delayMs);
    child.stdout.on('data', (chunk: Buffer) => {
      const wasReady = out.startsWith('ready\n');
      out += chunk.toString('utf8');
      if (!wasReady && out.startsWith('ready\n')) {
        startMs = Date.now() - spawnedAt;
        if (!beforeReady) timer = setTimeout(kill, delayMs);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', () => {
      clearTimeout(timer);
      // Only whole lines count: a line cut by the kill was never fully reported.
      const lines = out.split('\n').slice(0, -1);
      const reports = lines.filter((l) => l.startsWith('ok ')).map((l) => JSON.parse(l.slice(3)) as Report);
      resolve({ reports, killed, stderr, startMs });
    });
  });
}

const yieldToTimers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Opens the folder as the app would and runs every check; returns the problems. */
async function check(dataDir: string, reports: Report[]): Promise<{ integrity: string[]; lost: string[]; lostKeys: string[]; half: string[] }> {
  let core;
  try {
    core = openCore(dataDir);
  } catch (error) {
    return { integrity: [`the data folder does not open: ${error instanceof Error ? error.message : String(error)}`], lost: [], lostKeys: [], half: [] };
  }
  try {
    const integrity = [...integrityProblems(core.db), ...foreignKeyProblems(core.db)];
    const lost: string[] = [];
    const lostKeys: string[] = [];
    for (const [i, report] of reports.entries()) {
      // Let the other lane's kill timer fire on time (the checks are synchronous SQLite work).
      if (i % 20 === 19) await yieldToTimers();
      const op = OPERATIONS.find((o) => o.name === report.op);
      const problem = op ? await op.verify(core, report) : `unknown operation ${report.op}`;
      if (problem) {
        lost.push(problem);
        lostKeys.push(JSON.stringify(report));
      }
    }
    const half: string[] = [];
    for (const whole of WHOLE_CHECKS) {
      await yieldToTimers();
      half.push(...(await whole.check(core)).map((p) => `${whole.name}: ${p}`));
    }
    return { integrity, lost, lostKeys, half };
  } finally {
    core.close();
  }
}

/** Earlier operations re-checked every 25 kills (all of them at the end). */
const SAMPLE = 2000;

/** Up to n items of a list, picked at random (the list itself when it is short). */
function sample<T>(items: T[], n: number, rng: () => number): T[] {
  if (items.length <= n) return items;
  const picked = new Set<number>();
  while (picked.size < n) picked.add(Math.floor(rng() * items.length));
  return [...picked].map((i) => items[i] as T);
}

export async function runCrashHarness(options: HarnessOptions): Promise<CrashFigure> {
  const started = Date.now();
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const log = options.log ?? (() => undefined);
  const lanes = Math.max(1, Math.min(options.parallel ?? 1, options.kills));
  if (options.dataDir && lanes > 1) throw new Error('--data works with one lane only');
  const maxDelay = options.maxDelayMs ?? 250;
  const bundle = await bundleWriter();
  const figure: CrashFigure = {
    kills: 0,
    survived: 0,
    reportedOperations: 0,
    operationsLost: 0,
    integrityFailures: 0,
    halfWrittenRecords: 0,
    operationsByKind: {},
    averageWriterStartMs: 0,
    averageCheckMs: 0,
    seed,
    seconds: 0,
    problems: [],
  };
  let reported = 0;
  let lostTotal = 0;
  let checkMs = 0;
  let startMs = 0;
  let starts = 0;

  /** One data folder, killed again and again; lanes run side by side on their own folders. */
  const lane = async (index: number, kills: number): Promise<void> => {
    const rng = mulberry32(seed + index * 7919);
    const ownDir = options.dataDir ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'sk-crash-'));
    const dataDir = options.dataDir ?? (ownDir as string);
    const all: Report[] = [];
    const lost = new Set<string>();
    try {
      for (let run = 1; run <= kills; run += 1) {
        // One kill in ten lands while the writer is still opening the folder (WAL recovery, migrations).
        const early = rng() < 0.1;
        const outcome = await runWriter(bundle, dataDir, run, Math.floor(rng() * 2 ** 31), Math.floor(rng() * (early ? 150 : maxDelay)), early);
        if (!outcome.killed) throw new Error(`the writer stopped by itself in run ${run}:\n${outcome.stderr}`);
        figure.kills += 1;
        all.push(...outcome.reports);
        reported += outcome.reports.length;
        for (const r of outcome.reports) figure.operationsByKind[r.op] = (figure.operationsByKind[r.op] ?? 0) + 1;
        // After each kill: this run's operations in full; at the end: all of them; every 25 kills
        // in between: this run's and a random 2,000 of the earlier ones (checking all of them every
        // time grows with the square of the run's length: ~100,000 operations by kill 800).
        const checkStarted = Date.now();
        const result = await check(dataDir, run === kills ? all : run % 25 === 0 ? [...sample(all, SAMPLE, rng), ...outcome.reports] : outcome.reports);
        checkMs += Date.now() - checkStarted;
        if (outcome.startMs !== null) {
          startMs += outcome.startMs;
          starts += 1;
        }
        if (result.integrity.length > 0) figure.integrityFailures += 1;
        lostTotal -= lost.size;
        for (const key of result.lostKeys) lost.add(key);
        lostTotal += lost.size;
        figure.halfWrittenRecords += result.half.length;
        const problems = [...result.integrity, ...result.lost, ...result.half];
        if (problems.length === 0) figure.survived += 1;
        else figure.problems.push(...problems.slice(0, 5).map((p) => `lane ${index + 1}, kill ${run}: ${p}`));
        if (figure.kills % 25 === 0) log(`${figure.kills} kills, ${reported} operations reported, ${figure.survived} survived`);
      }
    } finally {
      if (ownDir) fs.rmSync(ownDir, { recursive: true, force: true });
    }
  };

  try {
    await Promise.all(Array.from({ length: lanes }, (_, i) => lane(i, Math.floor(options.kills / lanes) + (i < options.kills % lanes ? 1 : 0))));
  } finally {
    figure.reportedOperations = reported;
    figure.operationsLost = lostTotal;
    figure.averageCheckMs = Math.round(checkMs / Math.max(1, figure.kills));
    figure.averageWriterStartMs = Math.round(startMs / Math.max(1, starts));
    figure.seconds = Math.round((Date.now() - started) / 100) / 10;
    figure.problems = figure.problems.slice(0, 20);
  }
  return figure;
}
