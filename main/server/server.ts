import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core';
import { describeMethods } from '../api/dispatch';
import { ERROR_STATUS, pickLocale, say, type ApiError, type Locale } from '../errors/apiError';
import type { Session } from '../api/method';
import { toApiError } from '../api/dispatch';
import { findImageFile } from '../files/imagePaths';
import { deviceSession, pairDevice, pcSession, TooManyAttempts } from '../auth/service';
import { ownHostNames } from '../auth/lan';
import { pairRequestSchema } from '../auth/pairing';
import { zodToApiError } from '../errors/validation';
import { mimeOf, resolveStatic, staticBody } from './staticFiles';
import { CONTENT_SECURITY_POLICY } from './csp';
import { browserCall, createBrowserDoor, type BrowserDoor } from './doorCalls';
import { EventHub } from '../events/hub';
import { logError } from '../logging/log';

/** Largest request body accepted by POST /api/<method> (images travel as base64). */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

export { CONTENT_SECURITY_POLICY };

/** The cookie a paired device keeps its token in (HttpOnly, SameSite=Strict). */
export const DEVICE_COOKIE = 'sk_device';

/**
 * The cookie the shop PC's browser keeps this launch's key in (HttpOnly,
 * SameSite=Strict). Cookies are not kept apart by port, so the name carries it:
 * two stalls served on one PC never overwrite each other's key.
 */
export function pcKeyCookie(port: number): string {
  return `sk_key_${port}`;
}

/** A new launch secret: 256 random bits, URL-safe. */
export function newLaunchKey(): string {
  return crypto.randomBytes(32).toString('base64url');
}
const PAIR_BODY_BYTES = 4096;

export interface ServerOptions {
  core: Core;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  host?: string;
  port?: number;
  /**
   * 'pc' (default): the person at this PC, on a loopback address only; they
   * are the owner until an owner PIN is set, then staff until it is entered.
   * 'lan': devices on the stall's network; every API call and photo needs
   * the token a device gets by pairing (POST /pair), else 401.
   */
  audience?: 'pc' | 'lan';
  /**
   * 'pc' only: this launch's secret (a new random one when not given). Every
   * API call and photo needs it, as the HttpOnly cookie the page gets by
   * opening `openUrl` (/?key=…) or as `Authorization: Bearer <key>`; else 401.
   */
  key?: string;
  /** Who is calling; replaces the audience's rule (tests). */
  authenticate?: (req: http.IncomingMessage) => Session | null;
  /** Progress events and cancelling of long calls (app.events, app.cancel); one is made when absent. */
  door?: BrowserDoor;
}

export interface RunningServer {
  /** The server's address (http://127.0.0.1:5780/). */
  url: string;
  /** The address to open: with ?key=… for the PC (the page trades it for a cookie), the same as url for devices. */
  openUrl: string;
  /** The PC's launch secret (send it as Authorization: Bearer), null for the devices' listener. */
  key: string | null;
  port: number;
  server: http.Server;
  close: () => Promise<void>;
}

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function send(res: http.ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

function sendJson(res: http.ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', { 'Cache-Control': 'no-store' });
}

function sendError(res: http.ServerResponse, error: ApiError, extra: Record<string, string> = {}): void {
  res.writeHead(ERROR_STATUS[error.code], {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(JSON.stringify({ error }));
}

function localeOf(req: http.IncomingMessage): Locale {
  const explicit = req.headers['x-stallkeeper-locale'];
  return pickLocale(typeof explicit === 'string' ? explicit : req.headers['accept-language']);
}

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      resolve('too_large');
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? 'too_large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A credential: `Authorization: Bearer <value>`, or the HttpOnly cookie of that name a browser sends. */
function credential(req: http.IncomingMessage, cookie: string): string | null {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && /^Bearer\s+\S+$/i.test(auth)) return auth.replace(/^Bearer\s+/i, '');
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === cookie) return value.join('=') || null;
  }
  return null;
}

/** The device token: the HttpOnly cookie a browser sends, or `Authorization: Bearer <token>`. */
export function deviceToken(req: http.IncomingMessage): string | null {
  return credential(req, DEVICE_COOKIE);
}

/** Compares two secrets in constant time (through their SHA-256, so lengths do not show). */
function sameSecret(given: string | null, key: string): boolean {
  if (given === null) return false;
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(key).digest();
  return crypto.timingSafeEqual(a, b);
}

function isLoopback(host: string): boolean {
  return host === '127.0.0.1' || host === 'localhost' || host === '::1' || /^127\./.test(host);
}

/** Requests must name this server as their Host (no DNS rebinding) and come from its own pages. */
function sameOrigin(req: http.IncomingMessage, allowedHosts: Set<string>): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!allowedHosts.has(host.replace(/:\d+$/, ''))) return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host.toLowerCase() === host;
  } catch {
    return false;
  }
}

export function startServer(options: ServerOptions): Promise<RunningServer> {
  const { core, rendererDir } = options;
  const host = options.host ?? '127.0.0.1';
  const audience = options.audience ?? 'pc';
  if (audience === 'pc' && !isLoopback(host)) {
    return Promise.reject(new Error(`The shop PC's own address must be a loopback address, not ${host}; devices on the network use the local-network mode (--lan), which needs pairing.`));
  }
  const key = audience === 'pc' ? (options.key ?? newLaunchKey()) : null;
  // Known once listening (port 0 picks one).
  let keyCookie = '';
  const pcCredential = (req: http.IncomingMessage) => credential(req, keyCookie);
  const authenticate =
    options.authenticate ??
    (audience === 'lan'
      ? (req: http.IncomingMessage) => deviceSession(core, deviceToken(req))
      : (req: http.IncomingMessage) => (sameSecret(pcCredential(req), key as string) ? pcSession(core) : null));
  const presented = (req: http.IncomingMessage) => (audience === 'lan' ? deviceToken(req) : pcCredential(req));
  const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);
  const door = options.door ?? createBrowserDoor(new EventHub());

  const handlePair = async (req: http.IncomingMessage, res: http.ServerResponse, locale: Locale): Promise<void> => {
    if (req.method !== 'POST') {
      req.resume();
      sendError(res, { code: 'bad_request', message: say(locale, 'server.pairNeedsPost') }, { Allow: 'POST' });
      return;
    }
    const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/json') {
      req.resume();
      sendError(res, { code: 'unsupported_media_type', message: say(locale, 'server.bodyMustBeJson') });
      return;
    }
    const body = await readBody(req, PAIR_BODY_BYTES);
    if (body === 'too_large') {
      sendError(res, { code: 'payload_too_large', message: say(locale, 'server.bodyTooLarge') }, { Connection: 'close' });
      return;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(body.toString('utf8'));
    } catch {
      sendError(res, { code: 'bad_request', message: say(locale, 'server.bodyNotJson') });
      return;
    }
    const parsed = pairRequestSchema.safeParse(raw);
    if (!parsed.success) {
      sendError(res, zodToApiError(parsed.error, locale));
      return;
    }
    try {
      const paired = pairDevice(core, parsed.data, req.socket.remoteAddress ?? 'unknown');
      // The token travels in the HttpOnly cookie only: no script on the page ever sees it.
      send(res, 200, JSON.stringify({ device: paired.device }), 'application/json; charset=utf-8', {
        'Cache-Control': 'no-store',
        'Set-Cookie': `${DEVICE_COOKIE}=${paired.token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${400 * 86400}`,
      });
    } catch (error) {
      const apiError = toApiError(error, locale);
      // Retry-After is the wait the message states.
      sendError(res, apiError, error instanceof TooManyAttempts ? { 'Retry-After': String(error.retryAfterSeconds) } : {});
    }
  };

  const unauthorized = (res: http.ServerResponse, locale: Locale, hadToken: boolean) => {
    const clear = { 'Set-Cookie': `${audience === 'lan' ? DEVICE_COOKIE : keyCookie}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0` };
    if (audience === 'pc') {
      sendError(
        res,
        {
          code: 'unauthorized',
          field: 'key',
          message: say(locale, 'server.needsLaunchKey'),
        },
        hadToken ? clear : {},
      );
      return;
    }
    sendError(
      res,
      { code: 'unauthorized', message: say(locale, 'server.deviceNotPaired') },
      hadToken ? clear : {},
    );
  };

  /** The PC's page opened with ?key=…: the key becomes an HttpOnly cookie and leaves the address bar (303 to the same page without it). */
  const tradeKey = (req: http.IncomingMessage, res: http.ServerResponse, url: URL): void => {
    const given = url.searchParams.get('key');
    url.searchParams.delete('key');
    const location = `${url.pathname}${url.search}`;
    req.resume();
    res.writeHead(303, {
      ...SECURITY_HEADERS,
      Location: location,
      'Cache-Control': 'no-store',
      'Content-Length': 0,
      ...(sameSecret(given, key as string) ? { 'Set-Cookie': `${keyCookie}=${key as string}; HttpOnly; SameSite=Strict; Path=/` } : {}),
    });
    res.end();
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const locale = localeOf(req);
    // The request target is a path; "//host/x" must not be read as another host.
    let url: URL;
    try {
      const target = req.url ?? '/';
      if (!target.startsWith('/')) throw new Error('not a path');
      url = new URL(`http://stallkeeper.local${target}`);
    } catch {
      req.resume();
      sendError(res, { code: 'bad_request', message: say(locale, 'server.invalidPath') });
      return;
    }
    const pathname = url.pathname;

    if (!sameOrigin(req, audience === 'lan' ? ownHostNames() : loopbackHosts)) {
      req.resume();
      sendError(res, { code: 'forbidden', message: say(locale, 'server.otherOrigin') });
      return;
    }

    if (audience === 'lan' && pathname === '/pair') {
      await handlePair(req, res, locale);
      return;
    }

    const needsSession = pathname === '/api' || pathname.startsWith('/api/') || pathname.startsWith('/photos/');
    if (audience === 'pc' && !needsSession && url.searchParams.has('key') && (req.method === 'GET' || req.method === 'HEAD')) {
      tradeKey(req, res, url);
      return;
    }
    let session: Session | null = null;
    if (needsSession) {
      const found = authenticate(req);
      if (!found) {
        req.resume();
        unauthorized(res, locale, presented(req) !== null);
        return;
      }
      // Paths a call names must stay within the data folder and removable drives (main/backup/methods.ts).
      session = { ...found, limitedPaths: true };
    }

    if (pathname === '/api' || pathname === '/api/') {
      if (req.method !== 'GET') {
        sendError(res, { code: 'bad_request', message: say(locale, 'server.listNeedsGet') }, { Allow: 'GET' });
        return;
      }
      sendJson(res, 200, { methods: describeMethods() });
      return;
    }

    if (pathname.startsWith('/api/')) {
      const name = pathname.slice('/api/'.length);
      if (req.method !== 'POST') {
        res.setHeader('Allow', 'POST');
        sendError(res, { code: 'bad_request', message: say(locale, 'server.callNeedsPost', { name }) });
        return;
      }
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (type !== 'application/json') {
        req.resume();
        sendError(res, {
          code: 'unsupported_media_type',
          message: say(locale, 'server.bodyMustBeJsonType'),
        });
        return;
      }
      const body = await readBody(req, MAX_BODY_BYTES);
      if (body === 'too_large') {
        // The rest of the body is not read; the connection cannot be reused.
        sendError(
          res,
          {
            code: 'payload_too_large',
            message: say(locale, 'server.bodyOverLimit', { megabytes: MAX_BODY_BYTES / 1024 / 1024 }),
          },
          { Connection: 'close' },
        );
        return;
      }
      let input: unknown = {};
      if (body.length > 0) {
        try {
          input = JSON.parse(body.toString('utf8'));
        } catch {
          sendError(res, { code: 'bad_request', message: say(locale, 'server.bodyNotJson') });
          return;
        }
      }
      let method: string;
      try {
        method = decodeURIComponent(name);
      } catch {
        sendError(res, { code: 'bad_request', message: say(locale, 'server.badMethodName') });
        return;
      }
      const callId = req.headers['x-stallkeeper-call'];
      const outcome = await browserCall(door, core, method, input, { session: session as Session, locale, callId: typeof callId === 'string' ? callId : undefined });
      if (outcome.ok) sendJson(res, 200, outcome.result ?? null);
      else sendError(res, outcome.error);
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendError(res, { code: 'bad_request', message: say(locale, 'server.onlyGet') }, { Allow: 'GET, HEAD' });
      return;
    }

    if (pathname.startsWith('/photos/')) {
      const found = findImageFile(core.paths.photos, pathname.slice('/photos/'.length), url.searchParams.has('thumb'));
      if (!found) {
        sendError(res, { code: 'not_found', message: say(locale, 'server.noSuchPhoto') });
        return;
      }
      send(res, 200, fs.readFileSync(found.file), found.mime, { 'Cache-Control': 'public, max-age=31536000, immutable' });
      return;
    }

    const resolved = resolveStatic(rendererDir, pathname);
    if (resolved.kind === 'bad_path') {
      sendError(res, { code: 'bad_request', message: say(locale, 'server.invalidPath') });
      return;
    }
    if (resolved.kind === 'not_found') {
      sendError(res, { code: 'not_found', message: say(locale, 'server.notFound') });
      return;
    }
    const isHtml = resolved.file.endsWith('.html');
    const { body, encoding } = staticBody(resolved.file, typeof req.headers['accept-encoding'] === 'string' ? req.headers['accept-encoding'] : undefined);
    send(res, 200, body, mimeOf(resolved.file), {
      'Cache-Control': isHtml ? 'no-cache' : 'public, max-age=3600',
      Vary: 'Accept-Encoding',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
      ...(isHtml ? { 'Content-Security-Policy': CONTENT_SECURITY_POLICY } : {}),
    });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logError('server: a request failed', error, { path: (req.url ?? '').split('?')[0]?.slice(0, 80) ?? '' });
      if (!res.headersSent) sendError(res, { code: 'internal', message: 'Internal error' });
      else res.destroy();
    });
  });
  server.requestTimeout = 120_000;

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      const port = (server.address() as AddressInfo).port;
      keyCookie = pcKeyCookie(port);
      const shownHost = host.includes(':') ? `[${host}]` : host;
      const url = `http://${shownHost === '0.0.0.0' || shownHost === '[::]' ? '127.0.0.1' : shownHost}:${port}/`;
      resolve({
        url,
        openUrl: key ? `${url}?key=${key}` : url,
        key,
        port,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
