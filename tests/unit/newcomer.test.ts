import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appPath } from '../../main/paths/appRoot';

describe('what a newcomer meets first', () => {
  it('keeps the README demo folder ./demo-stall out of git', () => {
    const check = spawnSync('git', ['check-ignore', '-q', 'demo-stall/stallkeeper.db'], { cwd: appPath() });
    expect(check.error).toBeUndefined();
    expect(check.status).toBe(0);
  });

  it('states in engines and the README the Node the Electron toolchain needs, and the Node the tests run on', () => {
    const pkg = JSON.parse(fs.readFileSync(appPath('package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe('^20.19.0 || >=22.12.0');
    const readme = fs.readFileSync(appPath('README.md'), 'utf8');
    expect(readme).toMatch(/Node\.js 22\.12\+/);
    expect(readme).toMatch(/Node 20\.19\+/);
  });
});
