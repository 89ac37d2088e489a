import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { appPath } from '../../main/paths/appRoot';
import { tempDir } from '../helpers/tempCore';

describe('npm start on a machine without the Electron binary', () => {
  const data = tempDir('sk-start-');
  afterAll(() => data.remove());

  it('says so in one line, starts browser mode, and answers HTTP 200 at the printed URL, which carries the key of this launch', async () => {
    const child = spawn(process.execPath, [appPath('node_modules', 'tsx', 'dist', 'cli.mjs'), appPath('scripts', 'start.ts'), '--data', data.dir, '--port', '0'], {
      cwd: appPath(),
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL within 30 s\n${stdout}\n${stderr}`)), 30_000);
        child.stdout.on('data', () => {
          const match = /running at (http:\/\/\S+)/.exec(stdout);
          if (match?.[1]) {
            clearTimeout(timer);
            resolve(match[1]);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited ${code}\n${stdout}\n${stderr}`)));
      });
      const response = await fetch(url);
      expect(response.status).toBe(200);
      const key = new URL(url).searchParams.get('key') as string;
      expect(key).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const call = (headers: Record<string, string>) => fetch(new URL('/api/auth.status', url), { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });
      expect((await call({})).status).toBe(401);
      expect((await call({ Authorization: `Bearer ${key}` })).status).toBe(200);
      const notice = stderr.split('\n').filter((l) => /Electron/.test(l));
      expect(notice).toHaveLength(1);
      expect(notice[0]).toMatch(/Electron is not available on this machine .*starting browser mode instead/);
    } finally {
      // Wait for it to stop before the data folder is removed: it may be writing its first backup snapshot.
      const exited = new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve(null);
        else child.once('exit', resolve);
      });
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
  }, 60_000);
});
