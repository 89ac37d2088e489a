import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function subfolders(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => path.join(dir, e.name));
  } catch {
    return [];
  }
}

/**
 * Folders where a USB stick is likely mounted: drive letters other than the
 * system drive on Windows, /Volumes on macOS, /media and /run/media on Linux.
 */
export function removableFolders(): string[] {
  if (process.platform === 'win32') {
    const system = (process.env.SystemDrive ?? 'C:').toUpperCase();
    const found: string[] = [];
    for (let c = 'D'.charCodeAt(0); c <= 'Z'.charCodeAt(0); c += 1) {
      const drive = `${String.fromCharCode(c)}:`;
      if (drive !== system && fs.existsSync(`${drive}\\`)) found.push(`${drive}\\`);
    }
    return found;
  }
  if (process.platform === 'darwin') return subfolders('/Volumes').filter((d) => !fs.existsSync(path.join(d, 'System')));
  let user = 'root';
  try {
    user = os.userInfo().username;
  } catch {
    // no user name
  }
  const roots = [path.join('/media', user), path.join('/run/media', user)];
  return roots.flatMap(subfolders);
}
