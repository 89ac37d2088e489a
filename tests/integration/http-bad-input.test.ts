import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTable } from '../../main/api/table';
import { startServer, type RunningServer } from '../../main/server/server';
import { rendererDir } from '../../main/server/renderer';
import { bearer, rawRequest, startTestServer, type TestServer } from '../helpers/server';
import { tempCore, tempDir } from '../helpers/tempCore';
import { dataDigest } from '../helpers/stall';

// tests/integration/http-server.test.ts covers the basic cases; these add the hostile ones.
describe('browser mode under hostile HTTP input', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.stop());

  const api = (method: string, body: string | Buffer, type = 'application/json') =>
    rawRequest(server.port, { method: 'POST', path: `/api/${method}`, headers: { 'Content-Type': type, ...bearer(server) }, body });

  it('answers JSON that is not an object, deep nesting, a BOM or a truncated body with a clear 4xx for every method', async () => {
    const bodies = ['[]', '"text"', 'null', '42', 'true', `${'['.repeat(5000)}${']'.repeat(5000)}`, '\uFEFF{}', '{"a":', '{"__proto__":{"polluted":1}}', '\u0000'];
    for (const name of Object.keys(apiTable)) {
      for (const body of bodies) {
        const r = await api(name, body);
        expect(r.status, `${name} ${body.slice(0, 20)}`).toBeLessThan(500);
        if (r.status >= 400) expect(JSON.parse(r.body), name).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses every wrong content type with 415 and leaves the data alone', async () => {
    const before = dataDigest(server.core);
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', '', 'application/json-patch+json']) {
      const r = await api('buyers.create', '{"company":"X","country":"EG"}', type);
      expect(r.status, type).toBe(415);
    }
    expect(dataDigest(server.core)).toBe(before);
  });

  it('answers odd method names with 404 or 400, never 500', async () => {
    for (const name of ['__proto__', 'constructor', 'products.list%00', '%E0%A4%A', 'a'.repeat(5000), '..%2f..%2fpackage.json', 'products.list/extra', '%2e%2e']) {
      const r = await rawRequest(server.port, { method: 'POST', path: `/api/${name}`, headers: { 'Content-Type': 'application/json', ...bearer(server) }, body: '{}' });
      expect(r.status, name).toBeGreaterThanOrEqual(400);
      expect(r.status, name).toBeLessThan(500);
    }
  });

  it('refuses a body over the limit even when it lies about its length (chunked)', async () => {
    const big = Buffer.alloc(33 * 1024 * 1024, 0x20);
    const r = await rawRequest(server.port, { method: 'POST', path: '/api/settings.get', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', ...bearer(server) }, body: big });
    expect(r.status).toBe(413);
  }, 60_000);

  it('never serves a file from outside the renderer folder, whatever the path (property test)', async () => {
    const outside = ['"name": "stallkeeper"', 'SQLite format 3', 'root:x:0:0'];
    const segment = fc.constantFrom('..', '.', '%2e%2e', '%2E%2E', '%252e%252e', '..%2f', '..%5c', '%c0%ae%c0%ae', '..;', '%00', 'assets', 'index.html', 'package.json', 'etc', 'passwd', 'stallkeeper.db', '', '~');
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 6 }), fc.constantFrom('/', '\\', '%2f', '%5c'), async (parts, sep) => {
        const r = await rawRequest(server.port, { path: `/${parts.join(sep)}` });
        expect(r.status).toBeLessThan(500);
        for (const marker of outside) expect(r.body).not.toContain(marker);
      }),
      { numRuns: 150 },
    );
  });

  it('does not follow a symbolic link out of the renderer folder', async () => {
    const root = tempDir('sk-renderer-');
    const core = tempCore();
    let running: RunningServer | null = null;
    try {
      fs.cpSync(rendererDir(), root.dir, { recursive: true });
      fs.symlinkSync(path.resolve('package.json'), path.join(root.dir, 'leak.json'));
      fs.symlinkSync(path.resolve('.'), path.join(root.dir, 'repo'));
      running = await startServer({ core, rendererDir: root.dir, port: 0 });
      for (const p of ['/leak.json', '/repo/package.json']) {
        const r = await rawRequest(running.port, { path: p });
        expect(r.status, p).toBeGreaterThanOrEqual(400);
        expect(r.body, p).not.toContain('"name": "stallkeeper"');
      }
    } finally {
      await running?.close();
      core.remove();
      root.remove();
    }
  });
});
