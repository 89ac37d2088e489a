import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { checkInstaller, sha512Base64, type InstallerCheck } from '../../main/updates/fileUpdate';
import { translate } from '../../main/errors/apiError';
import { compareVersions, shouldCheck, CHECK_EVERY_MS } from '../../main/updates/policy';
import { readUpdateSettings, updateSettingsFile, writeUpdateSettings } from '../../main/updates/settingsFile';
import { tempDir } from '../helpers/tempCore';

/** A refused installer's message in one UI language. */
const textOf = (check: InstallerCheck, lang: string) => (check.ok ? '' : translate(check.message, lang));

const work = tempDir('sk-update-');
afterAll(() => work.remove());

/** A USB stick as the release leaves it: the installer and the latest.yml electron-builder wrote beside it. */
function stick(name: string, options: { version?: string; bytes?: number; listed?: string; size?: number } = {}): { dir: string; installer: string } {
  const dir = fs.mkdtempSync(path.join(work.dir, 'stick-'));
  const installer = path.join(dir, name);
  const bytes = crypto.randomBytes(options.bytes ?? 300_000);
  fs.writeFileSync(installer, bytes);
  const sha512 = crypto.createHash('sha512').update(bytes).digest('base64');
  const listed = options.listed ?? name;
  fs.writeFileSync(
    path.join(dir, name.endsWith('.dmg') ? 'latest-mac.yml' : name.endsWith('.exe') ? 'latest.yml' : 'latest-linux.yml'),
    yaml.dump({
      version: options.version ?? '0.2.0',
      files: [{ url: listed, sha512, size: options.size ?? bytes.length }],
      path: listed,
      sha512,
      releaseDate: '2026-03-18T09:00:00.000Z',
    }),
  );
  return { dir, installer };
}

describe('update from a file', () => {
  it('accepts an installer whose size and SHA-512 match the latest.yml beside it and that is newer', async () => {
    const { installer } = stick('Stallkeeper-0.2.0-win-setup.exe');
    expect(await checkInstaller(installer, '0.1.0')).toEqual({ ok: true, version: '0.2.0', installer, releaseDate: '2026-03-18T09:00:00.000Z' });
    expect(await sha512Base64(installer)).toBe(crypto.createHash('sha512').update(fs.readFileSync(installer)).digest('base64'));
  });

  it('refuses an installer with one byte changed', async () => {
    const { installer } = stick('Stallkeeper-0.2.0-mac-arm64.dmg');
    const bytes = fs.readFileSync(installer);
    bytes[12345] = (bytes[12345] as number) ^ 0xff;
    fs.writeFileSync(installer, bytes);
    const checked = await checkInstaller(installer, '0.1.0');
    expect(checked).toMatchObject({ ok: false, reason: 'checksum differs' });
    expect(textOf(checked, 'en')).toMatch(/changed or damaged/);
    expect(textOf(checked, 'zh')).toMatch(/校验值不符/);
  });

  it('refuses a cut-short copy, a file the description does not list, one without its latest.yml, and one that is not newer', async () => {
    const short = stick('Stallkeeper-0.2.0-linux-x86_64.AppImage');
    fs.truncateSync(short.installer, 1000);
    expect(await checkInstaller(short.installer, '0.1.0')).toMatchObject({ ok: false, reason: 'size differs' });
    const other = stick('Stallkeeper-0.2.0-win-setup.exe', { listed: 'Something-else.exe' });
    expect(await checkInstaller(other.installer, '0.1.0')).toMatchObject({ ok: false, reason: 'not listed' });
    const bare = stick('Stallkeeper-0.2.0-win-setup.exe');
    fs.rmSync(path.join(bare.dir, 'latest.yml'));
    const missing = await checkInstaller(bare.installer, '0.1.0');
    expect(missing).toMatchObject({ ok: false, reason: 'no update info' });
    expect(textOf(missing, 'en')).toMatch(/latest\.yml/);
    const same = stick('Stallkeeper-0.1.0-win-setup.exe', { version: '0.1.0' });
    expect(await checkInstaller(same.installer, '0.1.0')).toMatchObject({ ok: false, reason: 'not newer' });
    const junk = stick('Stallkeeper-0.2.0-win-setup.exe');
    fs.writeFileSync(path.join(junk.dir, 'latest.yml'), 'version: [unclosed');
    expect(await checkInstaller(junk.installer, '0.1.0')).toMatchObject({ ok: false, reason: 'unreadable update info' });
  });
});

describe('when to look for an update', () => {
  const base = { feedUrl: 'https://updates.example.com/stallkeeper', online: true, work: [], lastCheckAt: null, now: 1_000_000_000 };

  it('looks only with a feed, online, with no work under way, and not again within the interval unless asked', () => {
    expect(shouldCheck(base)).toEqual({ check: true });
    expect(shouldCheck({ ...base, feedUrl: null })).toEqual({ check: false, why: 'no feed' });
    expect(shouldCheck({ ...base, online: false })).toEqual({ check: false, why: 'offline' });
    expect(shouldCheck({ ...base, work: ['products.import'] })).toEqual({ check: false, why: 'busy' });
    expect(shouldCheck({ ...base, work: ['print'], manual: true })).toEqual({ check: false, why: 'busy' });
    expect(shouldCheck({ ...base, lastCheckAt: base.now - 60_000 })).toEqual({ check: false, why: 'recently checked' });
    expect(shouldCheck({ ...base, lastCheckAt: base.now - 60_000, manual: true })).toEqual({ check: true });
    expect(shouldCheck({ ...base, lastCheckAt: base.now - CHECK_EVERY_MS })).toEqual({ check: true });
  });

  it('orders versions as releases do', () => {
    expect(compareVersions('0.10.0', '0.9.9')).toBe(1);
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
    expect(compareVersions('1.3.0-beta.1', '1.3.0')).toBe(-1);
    expect(compareVersions('v2.0.0', '1.99.0')).toBe(1);
  });

  it('keeps the feed of Settings → Updates in the app\'s own folder, https (or http on the local network) only', () => {
    const file = updateSettingsFile(path.join(work.dir, 'userData'));
    expect(readUpdateSettings(file)).toEqual({ feedUrl: '' });
    expect(writeUpdateSettings(file, { feedUrl: ' https://updates.example.com/sk/ ' })).toEqual({ feedUrl: 'https://updates.example.com/sk/' });
    expect(readUpdateSettings(file)).toEqual({ feedUrl: 'https://updates.example.com/sk/' });
    expect(writeUpdateSettings(file, { feedUrl: 'http://192.168.1.20:8080/sk/' }).feedUrl).toBe('http://192.168.1.20:8080/sk/');
    expect(() => writeUpdateSettings(file, { feedUrl: 'http://evil.example.com/' })).toThrow();
    expect(() => writeUpdateSettings(file, { feedUrl: 'file:///C:/x' })).toThrow();
    fs.writeFileSync(file, '{"feedUrl":"ftp://x"}');
    expect(readUpdateSettings(file)).toEqual({ feedUrl: '' });
  });
});
