import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTable } from '../../main/api/table';
import { invoke } from '../../main/api/invoke';
import { exportArchiveTo } from '../../main/backup/service';
import { pcKeyCookie, startServer } from '../../main/server/server';
import { rendererDir } from '../../main/server/renderer';
import { bearer, post, rawRequest, startTestServer, type TestServer } from '../helpers/server';
import { smallStall } from '../helpers/stall';
import { tempCore, tempDir } from '../helpers/tempCore';

const api = (port: number, method: string, headers: Record<string, string> = {}, body = '{}') =>
  rawRequest(port, { method: 'POST', path: `/api/${method}`, headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('browser mode: the launch key (the PC door over HTTP)', () => {
  let server: TestServer;
  let photoUrl: string;
  beforeAll(async () => {
    server = await startTestServer();
    await smallStall(server.core);
    photoUrl = (await invoke(server.core, 'products.get', { itemNo: 'S-1' })).cover?.url as string;
  });
  afterAll(async () => server.stop());

  it('answers 401 to every API method, the method list and a photo without the key, with a wrong key, or with the key of another launch', async () => {
    const other = tempCore();
    const otherLaunch = await startServer({ core: other, rendererDir: rendererDir(), port: 0 });
    try {
      expect(otherLaunch.key).not.toBe(server.key);
      const names = Object.keys(apiTable);
      expect(names.length).toBeGreaterThan(80);
      const wrong: Array<Record<string, string>> = [
        {},
        { Authorization: 'Bearer not-the-key' },
        { Authorization: `Bearer ${otherLaunch.key}` },
        { Cookie: `${pcKeyCookie(server.port)}=${otherLaunch.key}` },
        { Cookie: `${pcKeyCookie(otherLaunch.port)}=${server.key}` }, // the right key under another launch's cookie
        { Cookie: `sk_device=${server.key}` },
      ];
      for (const name of names) {
        for (const headers of wrong) {
          const r = await api(server.port, name, headers);
          expect(r.status, `${name} ${JSON.stringify(headers)}`).toBe(401);
          expect(JSON.parse(r.body), name).toMatchObject({ error: { code: 'unauthorized', field: 'key' } });
        }
      }
      expect((await rawRequest(server.port, { path: '/api' })).status).toBe(401);
      expect((await rawRequest(server.port, { path: photoUrl })).status).toBe(401);
      expect((await rawRequest(server.port, { path: `${photoUrl}?thumb=1`, headers: { Authorization: 'Bearer x' } })).status).toBe(401);
      // A wrong key in the cookie is cleared.
      const cleared = await api(server.port, 'auth.status', { Cookie: `${pcKeyCookie(server.port)}=stale` });
      expect(cleared.headers['set-cookie']?.[0]).toMatch(new RegExp(`^${pcKeyCookie(server.port)}=; .*Max-Age=0`));
      // The app's own files are served without the key (the page says how to open it).
      expect((await rawRequest(server.port, { path: '/' })).status).toBe(200);
    } finally {
      await otherLaunch.close();
      other.remove();
    }
  });

  it('lets a script in with Authorization: Bearer <key>', async () => {
    expect(await post(server, 'auth.status', {})).toMatchObject({ status: 200, json: { role: 'owner', seat: 'pc' } });
    expect((await rawRequest(server.port, { path: photoUrl, headers: bearer(server) })).status).toBe(200);
    expect((await rawRequest(server.port, { path: '/api', headers: bearer(server) })).status).toBe(200);
  });

  it('prints an address with the key; opening it trades the key for an HttpOnly SameSite cookie and drops it from the address (303)', async () => {
    expect(server.openUrl).toBe(`${server.url}?key=${server.key}`);
    expect(server.key).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const opened = await rawRequest(server.port, { path: `/?key=${server.key}&lang=zh` });
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/?lang=zh');
    const cookie = opened.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toBe(`${pcKeyCookie(server.port)}=${server.key}; HttpOnly; SameSite=Strict; Path=/`);
    const jar = cookie.split(';')[0] as string;
    expect((await api(server.port, 'auth.status', { Cookie: jar })).status).toBe(200);
    expect((await rawRequest(server.port, { path: photoUrl, headers: { Cookie: jar } })).status).toBe(200);
    // A wrong key in the address gives no cookie (and is dropped from the address as well).
    const wrong = await rawRequest(server.port, { path: '/products?key=guess' });
    expect(wrong).toMatchObject({ status: 303, headers: { location: '/products' } });
    expect(wrong.headers['set-cookie']).toBeUndefined();
  });

  it('keeps the Origin and DNS-rebinding checks with the key', async () => {
    expect((await api(server.port, 'auth.status', { ...bearer(server), Origin: 'http://evil.example' })).status).toBe(403);
    expect((await api(server.port, 'auth.status', { ...bearer(server), Host: 'evil.example' })).status).toBe(403);
    expect((await api(server.port, 'auth.status', { ...bearer(server), Origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });

  it('answers a full disk with 507 and the disk_full error', async () => {
    const db = server.core.db;
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages}`);
    try {
      let status = 200;
      let json: unknown = null;
      for (let i = 0; i < 300 && status === 200; i += 1) ({ status, json } = await post(server, 'buyers.create', { company: `Full ${i}`, country: 'EG', notes: 'z'.repeat(2000) }));
      expect(status).toBe(507);
      expect(json).toMatchObject({ error: { code: 'disk_full', message: expect.stringMatching(/^Disk full — nothing was changed/) } });
    } finally {
      db.pragma('max_page_count = 1073741823');
    }
  });
});

describe('browser mode: backup and restore paths', () => {
  let server: TestServer;
  let usb: string;
  let elsewhere: string;
  const removers: Array<() => void> = [];
  beforeAll(async () => {
    server = await startTestServer();
    await smallStall(server.core);
    const u = tempDir('sk-usb-');
    const e = tempDir('sk-elsewhere-');
    removers.push(u.remove, e.remove);
    usb = u.dir;
    elsewhere = e.dir;
    server.core.door.removableFolders = () => [usb];
  });
  afterAll(async () => {
    await server.stop();
    removers.forEach((r) => r());
  });

  it('writes an archive to a removable drive only, refusing any other folder naming the field', async () => {
    const refused = await post(server, 'backup.export', { folder: elsewhere });
    expect(refused).toMatchObject({ status: 403, json: { error: { code: 'forbidden', field: 'folder', message: expect.stringMatching(/^folder: in browser mode a backup is written to a USB stick only/) } } });
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    const written = await post(server, 'backup.export', { folder: usb });
    expect(written.status).toBe(200);
    expect(fs.readdirSync(usb).filter((n) => n.endsWith('.tar.gz'))).toHaveLength(1);
    expect(((await post(server, 'backup.status', {})).json as { suggestedFolders: string[] }).suggestedFolders).toEqual([usb]);
  });

  it('restores from the data folder, its backups folder or a removable drive, and refuses anything else naming the field', async () => {
    const archive = await exportArchiveTo(server.core, elsewhere);
    const refused = await post(server, 'backup.restore', { file: archive.file });
    expect(refused).toMatchObject({ status: 403, json: { error: { code: 'forbidden', field: 'file', message: expect.stringMatching(/^file: in browser mode a backup is restored from the data folder/) } } });
    // A link inside the data folder that leads outside is outside.
    const link = path.join(server.core.paths.backups, 'link.tar.gz');
    fs.symlinkSync(archive.file, link);
    expect(await post(server, 'backup.restore', { file: link })).toMatchObject({ status: 403, json: { error: { field: 'file' } } });
    fs.rmSync(link);
    for (const place of [usb, server.core.paths.backups, server.core.paths.root]) {
      const copy = path.join(place, `copy-${path.basename(place)}.tar.gz`);
      fs.copyFileSync(archive.file, copy);
      const restored = await post(server, 'backup.restore', { file: copy });
      expect(restored.status, place).toBe(200);
    }
    // In process (the CLI, the desktop app's own dialogs) any folder is the person's choice.
    expect((await invoke(server.core, 'backup.restore', { file: archive.file })).kind).toBe('archive');
  });
});

describe('npm run serve', () => {
  it('prints the address with the key of this launch', async () => {
    const { serve } = await import('../../main/server/serve');
    const data = tempDir('sk-serve-key-');
    const running = await serve({ data: data.dir, port: 0, host: '127.0.0.1', backups: false }, () => undefined);
    try {
      expect(running.openUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?key=[A-Za-z0-9_-]{43}$/);
      expect(running.openUrl).toContain(running.key);
      const port = Number(new URL(running.url).port);
      expect((await api(port, 'products.list')).status).toBe(401);
      expect((await api(port, 'products.list', { Authorization: `Bearer ${running.key}` })).status).toBe(200);
    } finally {
      await running.close();
      data.remove();
    }
  });
});

