import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export { copyFileDurably, fsyncDir, fsyncFile, tmpTag } from '../files/durable';

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash('sha256');
    fs.createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

/** Every file under dir, as paths relative to it with '/' separators. */
export function walkFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const visit = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(rel);
      else if (entry.isFile()) out.push(rel);
    }
  };
  visit('');
  return out;
}

export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid in a temp name made with tmpTag(), or null. */
export function pidOfTmp(name: string): number | null {
  const match = /(?:^|[.-])(\d+)-[0-9a-f]{8}/.exec(name);
  return match ? Number(match[1]) : null;
}
