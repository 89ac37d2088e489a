import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { appPath } from '../../main/paths/appRoot';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

describe('layering', () => {
  it("imports 'electron' only in main/electron", () => {
    const offenders = ['main', 'db', 'renderer/src']
      .flatMap((d) => sourceFiles(appPath(d)))
      .filter((f) => !f.includes(`${path.sep}main${path.sep}electron${path.sep}`))
      .filter((f) => /from ['"]electron['"]|require\(['"]electron['"]\)/.test(fs.readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('keeps SQL in db/: no area module prepares statements itself', () => {
    const offenders = sourceFiles(appPath('main'))
      .filter((f) => /\bdb\.(prepare|exec)\(/.test(fs.readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(appPath(), f))).toEqual([]);
  });

  it('lets the renderer import only types from main/', () => {
    const offenders = sourceFiles(appPath('renderer', 'src')).filter((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .some((line) => /^import (?!type ).*from ['"](\.\.\/)+main\//.test(line)),
    );
    expect(offenders).toEqual([]);
  });
});
