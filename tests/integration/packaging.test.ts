import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { afterAll, describe, expect, it } from 'vitest';
import { appPath } from '../../main/paths/appRoot';
import { tempDir } from '../helpers/tempCore';

/**
 * electron-builder checks the config and packs app.asar offline when given a
 * stand-in Electron distribution; real installers need a networked machine.
 */
describe('packaging with electron-builder', () => {
  const work = tempDir('sk-pack-');
  afterAll(() => work.remove());

  it('packs the bundled main process, the renderer and the migrations, with native modules outside the asar', () => {
    execFileSync(process.execPath, [appPath('node_modules', 'tsx', 'dist', 'cli.mjs'), appPath('scripts', 'build-main.ts')], { cwd: appPath(), stdio: 'pipe' });
    const electronDist = path.join(work.dir, 'electron-dist');
    fs.mkdirSync(electronDist);
    fs.writeFileSync(path.join(electronDist, 'electron'), '#!/bin/sh\n', { mode: 0o755 });
    const version = (JSON.parse(fs.readFileSync(appPath('node_modules', 'electron', 'package.json'), 'utf8')) as { version: string }).version;
    fs.writeFileSync(path.join(electronDist, 'version'), `v${version}`);
    const output = path.join(work.dir, 'release');
    execFileSync(
      process.execPath,
      [appPath('node_modules', 'electron-builder', 'cli.js'), '--linux', 'dir', `-c.electronDist=${electronDist}`, '-c.npmRebuild=false', `-c.directories.output=${output}`],
      { cwd: appPath(), stdio: 'pipe', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } },
    );
    const resources = path.join(output, 'linux-unpacked', 'resources');
    const files = listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((f) => f.replaceAll('\\', '/'));
    for (const needed of ['/package.json', '/dist/electron/main.mjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html', '/db/migrations/001_foundation.sql']) {
      expect(files, needed).toContain(needed);
    }
    expect(files.some((f) => f.startsWith('/main/'))).toBe(false);
    expect(files.some((f) => f.startsWith('/tests/'))).toBe(false);
    expect(fs.existsSync(path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'package.json'))).toBe(true);
    const pkg = JSON.parse(fs.readFileSync(appPath('package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.mjs');
  }, 300_000);
});
