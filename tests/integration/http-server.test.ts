import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import zlib from 'node:zlib';
import { rendererDir } from '../../main/server/renderer';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiTable } from '../../main/api/table';
import { MAX_BODY_BYTES } from '../../main/server/server';
import { staticBody } from '../../main/server/staticFiles';
import { bearer, post, rawRequest, startTestServer, type TestServer } from '../helpers/server';

describe('browser mode over real HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server.stop());

  it('serves the built renderer at / with a Content-Security-Policy', async () => {
    const response = await fetch(server.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toContain('<div id="root">');
  });

  it('lists every method with its input JSON schema at GET /api', async () => {
    const response = await fetch(`${server.url}api`, { headers: bearer(server) });
    const body = (await response.json()) as { methods: Array<{ name: string; input: unknown }> };
    expect(body.methods.map((m) => m.name).sort()).toEqual(Object.keys(apiTable).sort());
    expect(body.methods.find((m) => m.name === 'buyers.create')?.input).toMatchObject({ type: 'object', required: expect.arrayContaining(['company', 'country']) });
  });

  it('runs a method: JSON in, JSON out', async () => {
    const { status, json } = await post(server, 'buyers.create', { company: 'Cairo Star', country: 'eg', contacts: [{ phone: '010 0123 4567' }] });
    expect(status).toBe(200);
    expect(json).toMatchObject({ company: 'Cairo Star', country: 'EG', region: 'africa', contacts: [{ phone: '+201001234567' }] });
  });

  it('answers a bad field with 400 and the error naming the field', async () => {
    const { status, json } = await post(server, 'buyers.create', { company: 'X', country: 'ZZ' });
    expect(status).toBe(400);
    expect(json).toEqual({ error: { code: 'invalid_input', field: 'country', message: expect.stringContaining('country') } });
  });

  it('answers malformed JSON with 400', async () => {
    const r = await rawRequest(server.port, { method: 'POST', path: '/api/settings.get', headers: { 'Content-Type': 'application/json', ...bearer(server) }, body: '{"unterminated' });
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'bad_request' } });
  });

  it('answers an unknown method with 404', async () => {
    const { status, json } = await post(server, 'products.teleport', {});
    expect(status).toBe(404);
    expect(json).toMatchObject({ error: { code: 'unknown_method' } });
  });

  it('answers a body that is not JSON with 415', async () => {
    const r = await rawRequest(server.port, { method: 'POST', path: '/api/settings.get', headers: { 'Content-Type': 'text/plain', ...bearer(server) }, body: '{}' });
    expect(r.status).toBe(415);
  });

  it('answers a body over the limit with 413 without reading it all', async () => {
    const r = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/settings.get',
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(MAX_BODY_BYTES + 1), ...bearer(server) },
      body: '{}',
    });
    expect(r.status).toBe(413);
  });

  it('answers GET on a method with 400 and Allow: POST', async () => {
    const r = await rawRequest(server.port, { path: '/api/settings.get', headers: bearer(server) });
    expect(r.status).toBe(400);
    expect(r.headers.allow).toBe('POST');
  });

  it('never serves a file from outside the renderer folder', async () => {
    const attempts = ['/../package.json', '/%2e%2e/package.json', '/%2e%2e%2fpackage.json', '/assets/..%2f..%2fpackage.json', '/..%5c..%5cpackage.json', '/%00index.html', '/%E0%A4%A.js'];
    for (const attempt of attempts) {
      const r = await rawRequest(server.port, { path: attempt });
      expect(r.status, attempt).toBeGreaterThanOrEqual(400);
      expect(r.status, attempt).toBeLessThan(500);
      expect(r.body, attempt).not.toContain('"name": "stallkeeper"');
    }
  });

  it('sends the renderer\'s JavaScript gzip-compressed to browsers that accept it', async () => {
    const html = await (await fetch(server.url)).text();
    const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(html)?.[1] as string;
    const response = await new Promise<http.IncomingMessage & { body: Buffer }>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port: server.port, path: `/${script}`, headers: { 'Accept-Encoding': 'gzip, deflate, br' }, agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve(Object.assign(res, { body: Buffer.concat(chunks) })));
        })
        .on('error', reject);
    });
    expect(response.headers['content-encoding']).toBe('gzip');
    const original = fs.readFileSync(path.join(rendererDir(), script));
    expect(zlib.gunzipSync(response.body).equals(original)).toBe(true);
    expect(response.body.length).toBeLessThan(original.length / 2);
  });

  it('compresses a static file once, and again when the file changes on disk', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sk-static-'));
    try {
      const file = path.join(dir, 'app.js');
      fs.writeFileSync(file, 'console.log("first");\n'.repeat(200));
      const first = staticBody(file, 'gzip');
      expect(first.encoding).toBe('gzip');
      expect(staticBody(file, 'gzip').body).toBe(first.body);
      fs.writeFileSync(file, 'console.log("second, longer");\n'.repeat(200));
      const changed = staticBody(file, 'gzip');
      expect(zlib.gunzipSync(changed.body).toString('utf8')).toBe('console.log("second, longer");\n'.repeat(200));
      expect(staticBody(file, undefined)).toMatchObject({ encoding: null, body: fs.readFileSync(file) });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('falls back to index.html for app routes and 404s for missing assets', async () => {
    expect((await rawRequest(server.port, { path: '/products' })).status).toBe(200);
    expect((await rawRequest(server.port, { path: '/assets/missing.js' })).status).toBe(404);
  });

  it('refuses requests that name another host (DNS rebinding) or come from another origin', async () => {
    expect((await rawRequest(server.port, { path: '/api', headers: { Host: 'evil.example', ...bearer(server) } })).status).toBe(403);
    const r = await rawRequest(server.port, {
      method: 'POST',
      path: '/api/settings.get',
      headers: { 'Content-Type': 'application/json', Origin: 'http://evil.example', ...bearer(server) },
      body: '{}',
    });
    expect(r.status).toBe(403);
  });

  it('serves an uploaded logo and its thumbnail from /photos/', async () => {
    const png = await sharp({ create: { width: 600, height: 300, channels: 4, background: '#c0392b' } }).png().toBuffer();
    const { json } = await post(server, 'settings.setImage', { slot: 'logo', image: { dataBase64: png.toString('base64') } });
    const logo = (json as { seller: { logo: { url: string; thumbUrl: string; hash: string } } }).seller.logo;
    const full = await fetch(new URL(logo.url, server.url), { headers: bearer(server) });
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('image/png');
    const thumb = await fetch(new URL(logo.thumbUrl, server.url), { headers: bearer(server) });
    expect(thumb.headers.get('content-type')).toBe('image/jpeg');
    const meta = await sharp(Buffer.from(await thumb.arrayBuffer())).metadata();
    expect(meta.width).toBe(320);
    expect(fs.existsSync(path.join(server.core.paths.photos, logo.hash.slice(0, 2), `${logo.hash}.png`))).toBe(true);
    expect((await rawRequest(server.port, { path: '/photos/../stallkeeper.db', headers: bearer(server) })).status).toBeGreaterThanOrEqual(400);
  });
});
