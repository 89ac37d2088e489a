import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { appPath } from '../../main/paths/appRoot';

function run(script: string, args: string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [appPath('node_modules', ...script.split('/')), ...args], { cwd: appPath(), encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('static checks', () => {
  it('typechecks the main side strictly (npm run typecheck)', () => {
    const r = run('typescript/bin/tsc', ['-p', 'tsconfig.json', '--noEmit']);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  }, 300_000);

  it('typechecks the renderer strictly (npm run typecheck)', () => {
    const r = run('typescript/bin/tsc', ['-p', 'renderer/tsconfig.json', '--noEmit']);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  }, 300_000);

  it('passes the linter (npm run lint)', () => {
    const r = run('eslint/bin/eslint.js', ['.']);
    expect(r.output).toBe('');
    expect(r.status).toBe(0);
  }, 300_000);
});
