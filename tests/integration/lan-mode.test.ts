import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTable, type MethodName } from '../../main/api/table';
import { methodSpec } from '../../main/api/dispatch';
import { invoke } from '../../main/api/invoke';
import { pcSession } from '../../main/auth/service';
import { ownerFieldPaths } from '../../main/auth/redact';
import { lanAddresses } from '../../main/auth/lan';
import { createLanControl } from '../../main/server/lanListener';
import { serve } from '../../main/server/serve';
import { rendererDir } from '../../main/server/renderer';
import { DEVICE_COOKIE } from '../../main/server/server';
import { rawRequest } from '../helpers/server';
import { tempCore, tempDir } from '../helpers/tempCore';
import { smallStall } from '../helpers/stall';

type TestCore = ReturnType<typeof tempCore>;

/** Example inputs a staff member's tablet sends; every staff method of the table is called (with {} when it has no example). */
const STAFF_EXAMPLES: Partial<Record<MethodName, unknown[]>> = {
  'products.get': [{ itemNo: 'S-1' }, { itemNo: 'S-3' }],
  'products.list': [{ limit: 50 }, { includeArchived: true }],
  'buyers.list': [{ limit: 50 }],
  'buyers.get': [{ id: 1 }],
  'products.update': [{ id: 1, changes: { notes: 'checked on the tablet' } }],
};

function postLan(port: number, method: string, body: unknown, headers: Record<string, string> = {}) {
  return rawRequest(port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('the local-network mode', () => {
  let core: TestCore;
  let lanPort: number;
  let stopLan: () => Promise<unknown>;
  const owner = () => ({ session: pcSession(core) });

  beforeAll(async () => {
    core = tempCore();
    await smallStall(core);
    // The listener for devices, bound to loopback for the test (traffic stays on this machine).
    const lan = createLanControl(core, rendererDir(), { host: '127.0.0.1', port: 0 });
    core.door.lan = lan;
    const status = await invoke(core, 'network.setEnabled', { enabled: true }, owner());
    expect(status.lan.listening).toBe(true);
    lanPort = status.lan.port as number;
    stopLan = () => lan.stop();
  });
  afterAll(async () => {
    await stopLan();
    core.remove();
  });

  it('answers 401 to every API method without a token, and to a made-up token', async () => {
    const names = Object.keys(apiTable);
    expect(names.length).toBeGreaterThan(20);
    for (const name of names) {
      const r = await postLan(lanPort, name, {});
      expect(r.status, name).toBe(401);
      expect(JSON.parse(r.body), name).toMatchObject({ error: { code: 'unauthorized' } });
      const forged = await postLan(lanPort, name, {}, { Cookie: `${DEVICE_COOKIE}=${'A'.repeat(43)}` });
      expect(forged.status, name).toBe(401);
      expect(forged.headers['set-cookie']?.[0], name).toMatch(/Max-Age=0/);
    }
    expect((await rawRequest(lanPort, { path: '/api' })).status).toBe(401);
    expect((await postLan(lanPort, 'no.suchMethod', {})).status).toBe(401);
    expect((await rawRequest(lanPort, { path: `/photos/${'a'.repeat(64)}` })).status).toBe(401);
    // The app itself (to show the pairing screen) is served.
    expect((await rawRequest(lanPort, { path: '/' })).status).toBe(200);
  });

  it('pairs a device with the PIN from the PC; five wrong PINs shut that address out, not the owner\'s pairing for everyone', async () => {
    const pair = (pin: string, from = '127.0.0.1', name = 'Lily tablet') =>
      rawRequest(lanPort, { method: 'POST', path: '/pair', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pin, name }), from });
    expect(await pair('123456', '127.0.0.3')).toMatchObject({ status: 403 });
    const offer = (await invoke(core, 'network.startPairing', {}, owner())).pairing;
    expect(offer?.pin).toMatch(/^\d{6}$/);
    expect(offer?.url).toBe(`http://127.0.0.1:${lanPort}/`);
    expect(offer?.qrSvg).toMatch(/^<svg/);
    const wrong = offer?.pin === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) expect((await pair(wrong, '127.0.0.3')).status).toBe(403);
    const shutOut = await pair(offer?.pin as string, '127.0.0.3');
    expect(shutOut.status).toBe(403);
    expect(JSON.parse(shutOut.body)).toMatchObject({ error: { field: 'pin', message: expect.stringMatching(/5 wrong PINs from this device/) } });
    // The owner's pairing is still open for the device that was meant to pair.
    expect((await invoke(core, 'network.status', {}, owner())).pairing?.pin).toBe(offer?.pin);
    const paired = await pair(offer?.pin as string, '127.0.0.4', 'The right tablet');
    expect(paired.status).toBe(200);
    // The token is in the HttpOnly cookie only, never in the body a script could read.
    const token = /=([^;]+)/.exec(paired.headers['set-cookie']?.[0] ?? '')?.[1] as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(paired.body).not.toContain(token);
    expect(JSON.parse(paired.body)).toEqual({ device: expect.objectContaining({ name: 'The right tablet' }) });
    expect((await invoke(core, 'network.status', {}, owner())).pairing).toBeNull();
    expect(await pair('12', '127.0.0.4')).toMatchObject({ status: 400 });
  });

  it('burns a pairing after fifty wrong PINs from many addresses', async () => {
    const offer = (await invoke(core, 'network.startPairing', {}, owner())).pairing;
    const wrong = offer?.pin === '000000' ? '111111' : '000000';
    for (let i = 0; i < 50; i += 1) {
      const r = await rawRequest(lanPort, { method: 'POST', path: '/pair', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pin: wrong, name: 'x' }), from: `127.0.1.${10 + Math.floor(i / 5)}` });
      expect(r.status).toBe(403);
    }
    expect((await invoke(core, 'network.status', {}, owner())).pairing).toBeNull();
  });

  it('gives a paired device an HttpOnly, SameSite cookie; with it staff calls work and no cost field is in any answer', async () => {
    const pin = (await invoke(core, 'network.startPairing', {}, owner())).pairing?.pin as string;
    const paired = await rawRequest(lanPort, {
      method: 'POST',
      path: '/pair',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '1.2.3.4' },
      body: JSON.stringify({ pin, name: 'Counter phone' }),
    });
    expect(paired.status).toBe(200);
    const cookie = paired.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^${DEVICE_COOKIE}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/`));
    const token = /=([^;]+)/.exec(cookie)?.[1] as string;
    const headers = { Cookie: `${DEVICE_COOKIE}=${token}` };
    // The PIN is used up.
    expect((await rawRequest(lanPort, { method: 'POST', path: '/pair', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pin, name: 'Second' }) })).status).toBe(403);

    const costValues = ['1.73', '2.73', '3.73', '4.73', '17300', '27300'];
    let staffCalls = 0;
    for (const name of Object.keys(apiTable) as MethodName[]) {
      const spec = methodSpec(name);
      const inputs = STAFF_EXAMPLES[name] ?? [{}];
      for (const input of inputs) {
        const r = await postLan(lanPort, name, input, headers);
        if (spec.access === 'owner') {
          expect(r.status, name).toBe(403);
          continue;
        }
        if (r.status !== 200) continue; // e.g. a create without its required fields: a 400, nothing to leak
        staffCalls += 1;
        const body = JSON.parse(r.body) as unknown;
        expect(ownerFieldPaths(body), name).toEqual([]);
        for (const v of costValues) expect(r.body, `${name} shows a cost price`).not.toContain(`"${v}"`);
      }
    }
    expect(staffCalls).toBeGreaterThanOrEqual(10);
    // Bearer works too (scripts, other clients).
    expect((await postLan(lanPort, 'auth.status', {}, { Authorization: `Bearer ${token}` })).body).toMatch(/"seat":"device"/);
    // Photos are served to the paired device.
    const product = await invoke(core, 'products.get', { itemNo: 'S-1' });
    expect((await rawRequest(lanPort, { path: product.cover?.url as string, headers })).status).toBe(200);

    // The owner can allow the owner PIN on this device; then costs show after unlocking there.
    const device = (await invoke(core, 'network.status', {}, owner())).devices.find((d) => d.name === 'Counter phone');
    expect((await postLan(lanPort, 'auth.unlock', { pin: '9999' }, headers)).status).toBe(403);
    await invoke(core, 'auth.setOwnerPin', { pin: '9999' }, owner());
    await invoke(core, 'network.allowOwner', { id: device?.id as number, allow: true }, owner());
    expect((await postLan(lanPort, 'auth.unlock', { pin: '9999' }, headers)).status).toBe(200);
    expect(JSON.parse((await postLan(lanPort, 'products.get', { itemNo: 'S-1' }, headers)).body)).toMatchObject({ costCny: '1.73' });

    // Revoked: 401 at once, and the cookie is cleared.
    await invoke(core, 'network.revokeDevice', { id: device?.id as number }, owner());
    const after = await postLan(lanPort, 'products.list', {}, headers);
    expect(after.status).toBe(401);
    expect(after.headers['set-cookie']?.[0]).toMatch(/Max-Age=0/);
    expect((await invoke(core, 'network.status', {}, owner())).devices.find((d) => d.id === device?.id)?.revokedAt).toBeTruthy();
  });

  it('slows down an address that keeps guessing (429), with Retry-After the wait its message states', async () => {
    await invoke(core, 'network.startPairing', {}, owner());
    let last = { status: 0, headers: {} as Record<string, string | string[] | undefined>, body: '' };
    for (let i = 0; i < 12; i += 1) {
      last = await rawRequest(lanPort, { method: 'POST', path: '/pair', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ pin: '000001', name: 'x' }), from: '127.0.0.9' });
    }
    expect(last.status).toBe(429);
    const seconds = Number(/try again in (\d+) s/.exec((JSON.parse(last.body) as { error: { message: string } }).error.message)?.[1]);
    expect(seconds).toBeGreaterThan(60);
    expect(last.headers['retry-after']).toBe(String(seconds));
  });

  it('keeps Host and Origin checks: other sites are refused, and no CORS header is ever sent', async () => {
    expect((await rawRequest(lanPort, { path: '/', headers: { Host: 'evil.example' } })).status).toBe(403);
    expect((await rawRequest(lanPort, { method: 'POST', path: '/pair', headers: { 'Content-Type': 'application/json', Origin: 'http://evil.example' }, body: '{}' })).status).toBe(403);
    const preflight = await rawRequest(lanPort, { method: 'OPTIONS', path: '/api/products.list', headers: { Origin: `http://127.0.0.1:${lanPort}`, 'Access-Control-Request-Method': 'POST' } });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const page = await rawRequest(lanPort, { path: '/' });
    expect(page.headers['access-control-allow-origin']).toBeUndefined();
    // A LAN address of this PC is a valid Host (the tablet opens http://192.168.x.y:port/).
    for (const address of lanAddresses().slice(0, 2)) {
      expect((await rawRequest(lanPort, { path: '/', headers: { Host: `${address}:${lanPort}` } })).status, address).toBe(200);
    }
  });

  it('turns off: nothing listens for devices any more', async () => {
    const status = await invoke(core, 'network.setEnabled', { enabled: false }, owner());
    expect(status).toMatchObject({ enabled: false, lan: { listening: false, urls: [] } });
    await expect(rawRequest(lanPort, { path: '/' })).rejects.toThrow();
    await invoke(core, 'network.setEnabled', { enabled: true }, owner());
    lanPort = (await invoke(core, 'network.status', {}, owner())).lan.port as number;
  });
});

describe('npm run serve -- --lan', () => {
  it('serves the PC on 127.0.0.1 as before and devices on every address, where an API call without a token gets 401', async () => {
    const data = tempDir('sk-serve-lan-');
    const running = await serve({ data: data.dir, port: 0, host: '127.0.0.1', lan: true, lanPort: 0, backups: false }, () => undefined);
    try {
      expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      expect(running.openUrl).toBe(`${running.url}?key=${running.key}`);
      const pcPort = Number(new URL(running.url).port);
      const call = (headers: Record<string, string>) => rawRequest(pcPort, { method: 'POST', path: '/api/auth.status', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });
      expect((await call({ Authorization: `Bearer ${running.key}` })).status).toBe(200);
      expect((await call({})).status).toBe(401);
      // The devices' listener is bound to 0.0.0.0; the test reaches it through loopback only.
      expect(running.lanPort).toBeGreaterThan(0);
      for (const url of running.lanUrls) expect(url).toMatch(new RegExp(`^http://[0-9.]+:${running.lanPort}/$`));
      for (const method of Object.keys(apiTable)) {
        const r = await rawRequest(running.lanPort as number, { method: 'POST', path: `/api/${method}`, headers: { 'Content-Type': 'application/json' }, body: '{}' });
        expect(r.status, method).toBe(401);
      }
    } finally {
      await running.close();
      data.remove();
    }
  });
});
