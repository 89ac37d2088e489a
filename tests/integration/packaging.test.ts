import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { listPackage } from '@electron/asar';
import { getCurrentFuseWire } from '@electron/fuses';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { appPath } from '../../main/paths/appRoot';
import { tempDir } from '../helpers/tempCore';

/**
 * electron-builder checks the config and packs app.asar offline when given a
 * stand-in Electron distribution; real installers need a networked machine.
 */
/** A fuse's state in the binary (@electron/fuses' FuseState). */
const FuseState = { DISABLE: 0x30, ENABLE: 0x31 } as const;

describe('packaging with electron-builder', () => {
  const work = tempDir('sk-pack-');
  afterAll(() => work.remove());

  it('packs the bundled main and core processes, the renderer and the migrations, with native modules outside the asar, and flips the fuses', async () => {
    execFileSync(process.execPath, [appPath('node_modules', 'tsx', 'dist', 'cli.mjs'), appPath('scripts', 'build-main.ts')], { cwd: appPath(), stdio: 'pipe' });
    const electronDist = path.join(work.dir, 'electron-dist');
    fs.mkdirSync(electronDist);
    // A stand-in Electron binary with the fuse wire every Electron binary carries
    // (sentinel, version 1, 8 fuses, all as Electron ships them), so the fuses are flipped for real.
    const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
    const shipped = Buffer.from([FuseState.ENABLE, FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.ENABLE]);
    fs.writeFileSync(path.join(electronDist, 'electron'), Buffer.concat([Buffer.from('#!/bin/sh\n# '), Buffer.from(SENTINEL), Buffer.from([1, 8]), shipped, Buffer.from('\n')]), { mode: 0o755 });
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
    for (const needed of ['/package.json', '/dist/electron/main.mjs', '/dist/electron/core.mjs', '/dist/electron/jobWorker.mjs', '/dist/electron/preload.cjs', '/dist/renderer/index.html', '/db/migrations/001_foundation.sql', '/dist/electron/locales/en.json', '/dist/electron/locales/ar.json', '/dist/electron/messages/en.json', '/dist/electron/messages/zh.json']) {
      expect(files, needed).toContain(needed);
    }
    expect(files.some((f) => f.startsWith('/main/'))).toBe(false);
    expect(files.some((f) => f.startsWith('/tests/'))).toBe(false);
    expect(fs.existsSync(path.join(resources, 'app.asar.unpacked', 'node_modules', 'better-sqlite3', 'package.json'))).toBe(true);
    const pkg = JSON.parse(fs.readFileSync(appPath('package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/main.mjs');
    // The fuses of the packed binary: no running as Node, no NODE_OPTIONS or --inspect, app.asar only, its integrity checked.
    const wire = await getCurrentFuseWire(path.join(output, 'linux-unpacked', 'stallkeeper'));
    expect([wire[0], wire[2], wire[3], wire[4], wire[5], wire[7]]).toEqual([FuseState.DISABLE, FuseState.DISABLE, FuseState.DISABLE, FuseState.ENABLE, FuseState.ENABLE, FuseState.DISABLE]);
  }, 300_000);

  it('names installers by version and architecture, signs from the environment, notarises, and builds NSIS, dmg, AppImage and deb', () => {
    type Target = { target: string; arch: string[] };
    const config = yaml.load(fs.readFileSync(appPath('electron-builder.yml'), 'utf8')) as {
      artifactName: string;
      win: { target: Target[] };
      nsis: { artifactName: string };
      mac: { target: Target[]; hardenedRuntime: boolean; notarize: boolean; entitlements: string; identity?: string };
      linux: { target: Target[] };
      publish: { provider: string; url: string };
      electronFuses: Record<string, boolean>;
      cscLink?: string;
    };
    expect(config.artifactName).toMatch(/\$\{version\}.*\$\{arch\}/);
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64', 'arm64'] }]);
    expect(config.nsis.artifactName).toMatch(/\$\{version\}/);
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(config.mac).toMatchObject({ hardenedRuntime: true, notarize: true });
    expect(fs.readFileSync(appPath(config.mac.entitlements), 'utf8')).toMatch(/com\.apple\.security\.cs\.allow-jit/);
    expect(config.linux.target.map((t) => t.target)).toEqual(['AppImage', 'deb']);
    expect(config.publish).toMatchObject({ provider: 'generic' });
    expect(config.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true });
    // No certificate or identity in the file: they come from CSC_LINK / CSC_KEY_PASSWORD and APPLE_* in the environment.
    expect(config.cscLink).toBeUndefined();
    expect(config.mac.identity).toBeUndefined();
  });
});
