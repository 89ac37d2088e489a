/**
 * Bundles the Electron main process, the core process (utilityProcess), the
 * import worker and the preload with esbuild into dist/electron. Our code is
 * bundled; npm packages stay external (node_modules, rebuilt for Electron by
 * electron-builder). The preload is CommonJS: sandboxed preloads cannot be ESM.
 */
import fs from 'node:fs';
import path from 'node:path';
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
const esm = {
  format: 'esm' as const,
  outExtension: { '.js': '.mjs' },
  banner: { js: "import { createRequire as __skCreateRequire } from 'node:module'; const require = __skCreateRequire(import.meta.url);" },
};

/**
 * main.mjs, core.mjs and jobWorker.mjs (side by side: each finds the others
 * next to itself) and preload.cjs, in outdir (default dist/electron). The
 * folder must be inside the app (the bundles find migrations, fonts and the
 * renderer from the package.json above them; the documents' catalogs are copied
 * to locales/ beside the bundles).
 */
export async function bundleMain(outdir = appPath('dist', 'electron'), options: { electron?: boolean } = {}): Promise<void> {
  await build({
    ...common,
    ...esm,
    entryPoints: {
      ...(options.electron === false ? {} : { main: appPath('main', 'electron', 'entry.ts') }),
      core: appPath('main', 'coreProcess', 'entry.ts'),
      jobWorker: appPath('main', 'jobs', 'worker.ts'),
    },
    outdir,
  });
  // The documents' label catalogs are read at run time from the folder next to the bundle (main/documents/catalog.ts).
  // So are the server messages' catalogs, from messages/ (main/errors/messages.ts).
  for (const [from, to] of [[appPath('main', 'documents', 'locales'), 'locales'], [appPath('main', 'errors', 'locales'), 'messages']] as const) {
    fs.mkdirSync(path.join(outdir, to), { recursive: true });
    for (const file of fs.readdirSync(from).filter((f) => f.endsWith('.json'))) fs.copyFileSync(path.join(from, file), path.join(outdir, to, file));
  }
  if (options.electron === false) return;
  await build({
    ...common,
    entryPoints: [appPath('main', 'electron', 'preload.ts')],
    outfile: `${outdir}/preload.cjs`,
    format: 'cjs',
  });
}

/**
 * The command line as plain JavaScript in dist/cli (index.mjs and a chunk per
 * lazily loaded command): `npm run cli` (scripts/cli.mjs) runs it, so a cold
 * `pdf` does not pay for compiling TypeScript on the fly.
 */
export async function bundleCli(outdir = appPath('dist', 'cli')): Promise<void> {
  await build({
    ...common,
    ...esm,
    entryPoints: { index: appPath('main', 'cli', 'index.ts') },
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outdir,
  });
}

if (process.argv[1] && /build-main\.ts$/.test(process.argv[1])) {
  if (process.argv.includes('--cli')) {
    await bundleCli();
    process.stderr.write('dist/cli/index.mjs built\n');
  } else {
    await bundleMain();
    await bundleCli();
    process.stderr.write('dist/electron/main.mjs, core.mjs, jobWorker.mjs and preload.cjs built; dist/cli/index.mjs built\n');
  }
}
