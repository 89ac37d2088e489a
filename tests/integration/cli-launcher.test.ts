import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/index';
import { appPath } from '../../main/paths/appRoot';
import { pdfDifference, pdfText } from '../helpers/pdfTools';
import { tempDir } from '../helpers/tempCore';

/*
 * `npm run cli` as a person runs it: scripts/cli.mjs, the bundle dist/cli/cli.cjs and its V8
 * startup snapshot dist/cli/cli.blob. One file, its tests in order: they rewrite the checkout's
 * dist/cli, and no other test file runs scripts/cli.mjs.
 */
const files = tempDir('sk-cli-launcher-');
const data = path.join(files.dir, 'stall');
const stampFile = appPath('dist', 'cli', 'cli.blob.json');
afterAll(() => files.remove());

interface Launched {
  status: number | null;
  stdout: string;
  stderr: string;
  startedFrom: string | undefined;
}

function launch(args: string[], env: Record<string, string> = {}): Launched {
  const child = spawnSync(process.execPath, [appPath('scripts', 'cli.mjs'), ...args], {
    cwd: appPath(),
    encoding: 'utf8',
    env: { ...process.env, ...env, STALLKEEPER_BENCH_REPORT: '1' },
  });
  const report = /bench-report (\{.*\})/.exec(child.stderr)?.[1];
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, startedFrom: report ? (JSON.parse(report) as { startedFrom: string }).startedFrom : undefined };
}

function stamp(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(stampFile, 'utf8')) as Record<string, unknown>;
}

describe('npm run cli (scripts/cli.mjs)', () => {
  it('starts from its V8 snapshot and writes the same PDF as the command run from the sources', async () => {
    const demo = launch(['demo', '--data', data]);
    expect(demo.status, demo.stderr).toBe(0);
    expect(demo.startedFrom).toBe('snapshot');

    const fromSnapshot = path.join(files.dir, 'snapshot-es.pdf');
    const printed = launch(['pdf', 'JH-Q2026-0001', '--data', data, '--out', fromSnapshot, '--lang', 'es']);
    expect(printed.status, printed.stderr).toBe(0);
    expect(printed.startedFrom).toBe('snapshot');
    expect(stamp()).toMatchObject({ ok: true, node: process.version, bundle: appPath('dist', 'cli', 'cli.cjs') });

    const fromSources = path.join(files.dir, 'sources-es.pdf');
    expect(await runCli(['pdf', 'JH-Q2026-0001', '--data', data, '--out', fromSources, '--lang', 'es'])).toBe(0);
    expect(pdfText(fs.readFileSync(fromSnapshot))).toContain('JH-Q2026-0001');
    expect(pdfDifference(fromSnapshot, fromSources)).toBe('');
  }, 180_000);

  it('prints an Arabic quotation from the snapshot as the same document as from the sources (right-to-left shaping included)', async () => {
    const fromSnapshot = path.join(files.dir, 'snapshot-ar.pdf');
    const fromSources = path.join(files.dir, 'sources-ar.pdf');
    const printed = launch(['pdf', 'JH-Q2026-0002', '--data', data, '--out', fromSnapshot, '--lang', 'ar']);
    expect(printed.status, printed.stderr).toBe(0);
    expect(printed.startedFrom).toBe('snapshot');
    expect(await runCli(['pdf', 'JH-Q2026-0002', '--data', data, '--out', fromSources, '--lang', 'ar'])).toBe(0);
    expect(pdfDifference(fromSnapshot, fromSources)).toBe('');
  }, 120_000);

  it('keeps its bundle and snapshot when the app is built again from the same sources (as the packaging test does beside these)', () => {
    const before = stamp();
    const blobTime = fs.statSync(appPath('dist', 'cli', 'cli.blob')).mtimeMs;
    const built = spawnSync(process.execPath, [appPath('node_modules', 'tsx', 'dist', 'cli.mjs'), appPath('scripts', 'build-main.ts')], { cwd: appPath(), encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    expect(fs.statSync(appPath('dist', 'cli', 'cli.cjs')).mtimeMs).toBe(before.bundleMtimeMs);
    const help = launch(['--help']);
    expect(help.startedFrom).toBe('snapshot');
    expect(stamp()).toEqual(before);
    expect(fs.statSync(appPath('dist', 'cli', 'cli.blob')).mtimeMs).toBe(blobTime);
  }, 120_000);

  it('rebuilds a snapshot built by another Node instead of loading it', () => {
    fs.writeFileSync(stampFile, JSON.stringify({ ...stamp(), node: 'v0.0.0' }));
    const help = launch(['--help']);
    expect(help.status).toBe(2);
    expect(help.stdout).toContain('Stallkeeper command line');
    expect(help.startedFrom).toBe('snapshot');
    expect(stamp()).toMatchObject({ ok: true, node: process.version });
  }, 120_000);

  it('rebuilds the snapshot for other V8 flags in NODE_OPTIONS, with which the old one would not load', () => {
    const flags = '--max-semi-space-size=8';
    const help = launch(['--help'], { NODE_OPTIONS: flags });
    expect(help.status, help.stderr).toBe(2);
    expect(help.startedFrom).toBe('snapshot');
    expect(stamp()).toMatchObject({ ok: true, nodeOptions: flags });
    const after = launch(['--help'], { NODE_OPTIONS: '' });
    expect(after.startedFrom).toBe('snapshot');
    expect(stamp()).toMatchObject({ ok: true, nodeOptions: '' });
  }, 120_000);

  it('builds the snapshot again when the blob on disk is not whole (a power cut while it was written), instead of crashing Node', () => {
    const blob = appPath('dist', 'cli', 'cli.blob');
    fs.truncateSync(blob, Math.floor(fs.statSync(blob).size / 2));
    const help = launch(['--help']);
    expect(help.status, help.stderr).toBe(2);
    expect(help.startedFrom).toBe('snapshot');
    expect(stamp()).toMatchObject({ ok: true, blobBytes: fs.statSync(blob).size });
  }, 120_000);

  it('runs the command from the bundle where no snapshot could be built, without trying again on every run', () => {
    const failed = { ...stamp(), ok: false, reason: 'the test says this Node cannot build one' };
    fs.writeFileSync(stampFile, JSON.stringify(failed));
    try {
      const out = path.join(files.dir, 'bundle.pdf');
      const printed = launch(['pdf', 'JH-Q2026-0001', '--data', data, '--out', out]);
      expect(printed.status, printed.stderr).toBe(0);
      expect(printed.startedFrom).toBe('bundle');
      expect(pdfText(fs.readFileSync(out))).toContain('JH-Q2026-0001');
      expect(stamp()).toEqual(failed);
    } finally {
      fs.rmSync(stampFile, { force: true });
    }
    // With the stamp gone the next run builds the snapshot again.
    expect(launch(['--help']).startedFrom).toBe('snapshot');
  }, 120_000);

  it('passes on the command\'s exit status and its error', () => {
    const missing = launch(['pdf', 'JH-Q2099-0001', '--data', data, '--out', path.join(files.dir, 'none.pdf')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/not available|no quotation/i);
    expect(launch(['fly']).status).toBe(2);
  }, 60_000);
});
