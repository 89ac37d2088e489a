import crypto from 'node:crypto';
import fs from 'node:fs';
import { protocol } from 'electron';
import { findImageFile } from '../files/imagePaths';
import { CONTENT_SECURITY_POLICY } from '../server/csp';
import { mimeOf, resolveStatic } from '../server/staticFiles';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './security';

/** Must run before app 'ready': app:// behaves like a secure web origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

export interface ProtocolFolders {
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** The data folder's photos. */
  photosDir: string;
}

/**
 * PDFs waiting to be printed, in memory only: app://stallkeeper/print/<token>/<name>.pdf
 * serves each to the hidden print window (the session blocks file:// loads,
 * so a PDF is never printed from a temporary file).
 */
const printJobs = new Map<string, { pdf: Buffer; fileName: string }>();

export function stagePrintJob(pdf: Buffer, fileName: string): { url: string; release: () => void } {
  const token = crypto.randomBytes(16).toString('hex');
  const safeName = (fileName.replace(/[^\w.-]+/g, '_') || 'document.pdf').replace(/(\.pdf)?$/i, '.pdf');
  printJobs.set(token, { pdf, fileName: safeName });
  return { url: `${APP_ORIGIN}/print/${token}/${safeName}`, release: () => printJobs.delete(token) };
}

/** How many PDFs are waiting to be printed (tests). */
export function stagedPrintJobs(): number {
  return printJobs.size;
}

/** What app://stallkeeper/<path> answers: the built renderer, /photos/<hash> and staged /print/<token>/<name>.pdf. */
export function respond(folders: ProtocolFolders, requestUrl: string): Response {
  const url = new URL(requestUrl);
  if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
  if (url.pathname.startsWith('/photos/')) {
    const found = findImageFile(folders.photosDir, url.pathname.slice('/photos/'.length), url.searchParams.has('thumb'));
    if (!found) return new Response('Not found', { status: 404 });
    return new Response(fs.readFileSync(found.file), { headers: { 'Content-Type': found.mime } });
  }
  if (url.pathname.startsWith('/print/')) {
    const token = /^\/print\/([0-9a-f]{32})\//.exec(url.pathname)?.[1];
    const job = token ? printJobs.get(token) : undefined;
    if (!job) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(job.pdf), {
      headers: { 'Content-Type': 'application/pdf', 'Content-Length': String(job.pdf.length), 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
    });
  }
  const resolved = resolveStatic(folders.rendererDir, url.pathname);
  if (resolved.kind === 'bad_path') return new Response('Bad path', { status: 400 });
  if (resolved.kind === 'not_found') return new Response('Not found', { status: 404 });
  const headers: Record<string, string> = { 'Content-Type': mimeOf(resolved.file), 'X-Content-Type-Options': 'nosniff' };
  if (resolved.file.endsWith('.html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;
  return new Response(fs.readFileSync(resolved.file), { headers });
}

export function handleAppProtocol(folders: ProtocolFolders): void {
  protocol.handle(APP_SCHEME, (request) => respond(folders, request.url));
}
