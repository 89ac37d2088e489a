import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { compareVersions } from './policy';
import { m, type Message } from '../errors/apiError';

/**
 * "Update from a file": an installer brought on a USB stick is run only
 * after it is checked against the latest.yml electron-builder writes beside
 * it (latest.yml for Windows, latest-mac.yml, latest-linux.yml): the file
 * must be listed there, with the same size and SHA-512, and be newer than
 * the app that runs. (The installer's own code signature is checked by the
 * operating system when it starts: Windows SmartScreen/Authenticode, Gatekeeper.)
 */
export interface UpdateInfoFile {
  version: string;
  files: Array<{ url: string; sha512: string; size?: number }>;
  path?: string;
  sha512?: string;
  releaseDate?: string;
}

export type InstallerCheck =
  | { ok: true; version: string; installer: string; releaseDate: string | null }
  | { ok: false; reason: 'no update info' | 'unreadable update info' | 'not listed' | 'size differs' | 'checksum differs' | 'not newer'; message: Message };

const INFO_FILES = ['latest.yml', 'latest-mac.yml', 'latest-linux.yml', 'latest-linux-arm64.yml'];

/** SHA-512 of a file, base64 (as in latest.yml), read in pieces. */
export async function sha512Base64(file: string): Promise<string> {
  const hash = crypto.createHash('sha512');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

function fail(reason: Extract<InstallerCheck, { ok: false }>['reason'], message: Message): InstallerCheck {
  return { ok: false, reason, message };
}

export async function checkInstaller(installer: string, currentVersion: string): Promise<InstallerCheck> {
  const dir = path.dirname(installer);
  const name = path.basename(installer);
  let entry: { url: string; sha512: string; size?: number } | undefined;
  let info: UpdateInfoFile | undefined;
  let found = false;
  for (const candidate of INFO_FILES) {
    const file = path.join(dir, candidate);
    if (!fs.existsSync(file)) continue;
    found = true;
    let parsed: unknown;
    try {
      parsed = yaml.load(fs.readFileSync(file, 'utf8'));
    } catch {
      return fail('unreadable update info', m('updates.besideInstallerCannotRead', { candidate }));
    }
    const doc = parsed as UpdateInfoFile | null;
    if (!doc || typeof doc.version !== 'string' || !Array.isArray(doc.files)) {
      return fail('unreadable update info', m('updates.besideInstallerNotUpdate', { candidate }));
    }
    const match = doc.files.find((f) => typeof f?.url === 'string' && path.basename(decodeURIComponent(f.url)) === name);
    if (match) {
      entry = match;
      info = doc;
      break;
    }
  }
  if (!found) {
    return fail('no update info', m('updates.latestYmlFileCame'));
  }
  if (!entry || !info) return fail('not listed', m('updates.notListedUpdateDescription', { name }));
  const size = fs.statSync(installer).size;
  if (entry.size !== undefined && entry.size !== size) {
    return fail('size differs', m('updates.notCompleteNotFile', { name, size, entrySize: entry.size }));
  }
  if ((await sha512Base64(installer)) !== entry.sha512) {
    return fail('checksum differs', m('updates.beenChangedDamagedSha', { name }));
  }
  if (compareVersions(info.version, currentVersion) <= 0) {
    return fail('not newer', m('updates.versionAppAlready', { name, version: info.version, currentVersion }));
  }
  return { ok: true, version: info.version, installer, releaseDate: info.releaseDate ?? null };
}
