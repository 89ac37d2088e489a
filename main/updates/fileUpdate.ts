import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { compareVersions } from './policy';

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
  | { ok: false; reason: 'no update info' | 'unreadable update info' | 'not listed' | 'size differs' | 'checksum differs' | 'not newer'; message: { en: string; zh: string } };

const INFO_FILES = ['latest.yml', 'latest-mac.yml', 'latest-linux.yml', 'latest-linux-arm64.yml'];

/** SHA-512 of a file, base64 (as in latest.yml), read in pieces. */
export async function sha512Base64(file: string): Promise<string> {
  const hash = crypto.createHash('sha512');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

function fail(reason: Extract<InstallerCheck, { ok: false }>['reason'], en: string, zh: string): InstallerCheck {
  return { ok: false, reason, message: { en, zh } };
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
      return fail('unreadable update info', `${candidate} beside the installer cannot be read`, `安装程序旁的 ${candidate} 无法读取`);
    }
    const doc = parsed as UpdateInfoFile | null;
    if (!doc || typeof doc.version !== 'string' || !Array.isArray(doc.files)) {
      return fail('unreadable update info', `${candidate} beside the installer is not an update description`, `安装程序旁的 ${candidate} 不是更新说明文件`);
    }
    const match = doc.files.find((f) => typeof f?.url === 'string' && path.basename(decodeURIComponent(f.url)) === name);
    if (match) {
      entry = match;
      info = doc;
      break;
    }
  }
  if (!found) {
    return fail('no update info', 'The latest.yml file that came with the installer is missing: copy it onto the stick next to the installer', '缺少随安装程序提供的 latest.yml 文件：请把它和安装程序放在U盘的同一文件夹中');
  }
  if (!entry || !info) return fail('not listed', `${name} is not listed in the update description beside it`, `更新说明文件中没有列出 ${name}`);
  const size = fs.statSync(installer).size;
  if (entry.size !== undefined && entry.size !== size) {
    return fail('size differs', `${name} is not complete or not the file that was published (size ${size}, expected ${entry.size})`, `${name} 不完整或不是发布的文件（大小 ${size}，应为 ${entry.size}）`);
  }
  if ((await sha512Base64(installer)) !== entry.sha512) {
    return fail('checksum differs', `${name} has been changed or damaged: its SHA-512 checksum does not match`, `${name} 已被修改或损坏：SHA-512 校验值不符`);
  }
  if (compareVersions(info.version, currentVersion) <= 0) {
    return fail('not newer', `${name} is version ${info.version}; this app is already ${currentVersion}`, `${name} 的版本是 ${info.version}，本应用已是 ${currentVersion}`);
  }
  return { ok: true, version: info.version, installer, releaseDate: info.releaseDate ?? null };
}
