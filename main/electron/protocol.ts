import fs from 'node:fs';
import { protocol } from 'electron';
import type { Core } from '../core';
import { findImageFile } from '../files/imageStore';
import { CONTENT_SECURITY_POLICY } from '../server/server';
import { mimeOf, resolveStatic } from '../server/staticFiles';
import { APP_HOST, APP_SCHEME } from './security';

/** Must run before app 'ready': app:// behaves like a secure web origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/** What app://stallkeeper/<path> answers: the built renderer and /photos/<hash>. */
export function respond(core: Core, rendererDir: string, requestUrl: string): Response {
  const url = new URL(requestUrl);
  if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
  if (url.pathname.startsWith('/photos/')) {
    const found = findImageFile(core.paths.photos, url.pathname.slice('/photos/'.length), url.searchParams.has('thumb'));
    if (!found) return new Response('Not found', { status: 404 });
    return new Response(fs.readFileSync(found.file), { headers: { 'Content-Type': found.mime } });
  }
  const resolved = resolveStatic(rendererDir, url.pathname);
  if (resolved.kind === 'bad_path') return new Response('Bad path', { status: 400 });
  if (resolved.kind === 'not_found') return new Response('Not found', { status: 404 });
  const headers: Record<string, string> = { 'Content-Type': mimeOf(resolved.file), 'X-Content-Type-Options': 'nosniff' };
  if (resolved.file.endsWith('.html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  return new Response(fs.readFileSync(resolved.file), { headers });
}

export function handleAppProtocol(core: Core, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => respond(core, rendererDir, request.url));
}
