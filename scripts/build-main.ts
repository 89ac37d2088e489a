/**
 * Bundles the Electron main process and preload with esbuild into dist/electron.
 * Our code is bundled; npm packages stay external (node_modules, rebuilt for
 * Electron by electron-builder). The preload is CommonJS: sandboxed preloads cannot be ESM.
 */
import { build } from 'esbuild';
import { appPath } from '../main/paths/appRoot';

const common = {
  bundle: true,
  platform: 'node' as const,
  target: 'node22',
  packages: 'external' as const,
  external: ['electron'],
  sourcemap: false,
  logLevel: 'warning' as const,
};

await build({
  ...common,
  entryPoints: [appPath('main', 'electron', 'entry.ts')],
  outfile: appPath('dist', 'electron', 'main.mjs'),
  format: 'esm',
  banner: { js: "import { createRequire as __skCreateRequire } from 'node:module'; const require = __skCreateRequire(import.meta.url);" },
});
await build({
  ...common,
  entryPoints: [appPath('main', 'electron', 'preload.ts')],
  outfile: appPath('dist', 'electron', 'preload.cjs'),
  format: 'cjs',
});
process.stderr.write('dist/electron/main.mjs and preload.cjs built\n');
