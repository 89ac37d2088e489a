import http from 'node:http';
import { startServer, type RunningServer } from '../../main/server/server';
import { rendererDir } from '../../main/server/renderer';
import { tempCore } from './tempCore';

export interface TestServer extends RunningServer {
  core: ReturnType<typeof tempCore>;
  stop: () => Promise<void>;
}

/**
 * A real HTTP server on a free port of 127.0.0.1, over a temp data folder and
 * the built renderer. It has a launch key like every browser-mode server: use
 * `server.openUrl` in Chromium (the page trades the key for a cookie) and
 * `post(server, …)` or `bearer(server)` for HTTP calls.
 */
export async function startTestServer(): Promise<TestServer> {
  const core = tempCore();
  const running = await startServer({ core, rendererDir: rendererDir(), port: 0 });
  return Object.assign(running, {
    core,
    stop: async () => {
      await running.close();
      core.remove();
    },
  });
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * A request with exactly the path given (fetch would normalize /../ away).
 * `from` sends it from another loopback address (127.0.0.2…), as a second device would.
 */
export function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; from?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const target = { agent: false, host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: options.headers, ...(options.from ? { localAddress: options.from } : {}) };
    const req = http.request(target, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** The server's launch key as the Authorization header a script sends ({} for the devices' listener, which has none). */
export function bearer(server: Pick<RunningServer, 'key'>): Record<string, string> {
  return server.key ? { Authorization: `Bearer ${server.key}` } : {};
}

/** POST /api/<method> with the server's key (Authorization: Bearer), JSON in and out. */
export async function post(
  server: Pick<RunningServer, 'url' | 'key'>,
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${server.url}api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...bearer(server), ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}
