import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { apiMarkdown } from '../../main/api/docs';
import { appPath } from '../../main/paths/appRoot';

describe('docs/api.md', () => {
  it('matches the API table (run npm run docs:api after changing a method)', () => {
    expect(fs.readFileSync(appPath('docs', 'api.md'), 'utf8')).toBe(apiMarkdown());
  });
});
