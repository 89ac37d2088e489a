import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

/**
 * The folder holding the app's package.json: the checkout in development, the
 * app.asar root when packaged. Files that ship with the app (migrations, fonts,
 * the built renderer) are found from here, whether the code runs from source
 * (tsx, vitest) or from the esbuild bundle in dist/.
 */
export function appRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string };
      if (pkg.name === 'stallkeeper') {
        cached = dir;
        return dir;
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the Stallkeeper app folder (package.json named "stallkeeper")');
    dir = parent;
  }
}

export function appPath(...parts: string[]): string {
  return path.join(appRoot(), ...parts);
}
