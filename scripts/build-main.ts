/**
 * Bundles the Electron main process, the core process (utilityProcess), the
 * import worker and the preload with esbuild into dist/electron. Our code is
 * bundled; npm packages stay external (node_modules, rebuilt for Electron by
 * electron-builder). The preload is CommonJS: sandboxed preloads cannot be ESM.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
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
 * One script bundled exactly as the core process is (ESM, our code in, packages external): the
 * benchmark's fresh render process runs the documents' code as the app ships it, not through tsx.
 * The file must be inside the app (it finds fonts and catalogs from the package.json above it).
 */
export async function bundleNodeScript(entry: string, outfile: string): Promise<void> {
  await build({ ...common, ...esm, entryPoints: [entry], outfile });
}

/**
 * Native packages in the command line's bundle: required from node_modules on first use, not when
 * the bundle is evaluated. A V8 startup snapshot cannot hold a native addon, and the snapshot is
 * built by evaluating the bundle (main/cli/entry.ts).
 */
const nativeOnFirstUse: Plugin = {
  name: 'native-on-first-use',
  setup(b) {
    b.onResolve({ filter: /^(better-sqlite3|sharp)$/ }, (args) => ({ path: args.path, namespace: 'native-on-first-use' }));
    b.onLoad({ filter: /.*/, namespace: 'native-on-first-use' }, (args) => ({
      loader: 'js',
      contents: `let real;
const load = () => (real ??= require('node:module').createRequire(__filename)(${JSON.stringify(args.path)}));
module.exports = new Proxy(function native() {}, {
  construct: (_target, params) => Reflect.construct(load(), params),
  apply: (_target, self, params) => Reflect.apply(load(), self, params),
  get: (_target, key) => (key === '__esModule' ? false : load()[key]),
  has: (_target, key) => key in load(),
});`,
    }));
  },
};

/**
 * pdfkit finds its 14 standard fonts with a require made by createRequire(import.meta.url), which
 * a bundle cannot follow: written as plain requires, esbuild bundles them (still evaluated only
 * when a document asks for one).
 */
const pdfkitStandardFonts: Plugin = {
  name: 'pdfkit-standard-fonts',
  setup(b) {
    b.onLoad({ filter: /pdfkit[\\/]js[\\/]pdfkit\.node\.mjs$/ }, (args) => {
      const text = fs.readFileSync(args.path, 'utf8');
      const loader = 'const require$1 = createRequire(import.meta.url);\n';
      if (!text.includes(loader)) throw new Error(`${args.path}: pdfkit's standard-font loader changed; see pdfkitStandardFonts in scripts/build-main.ts`);
      return { contents: text.replace(loader, '').replaceAll('require$1(', 'require('), loader: 'js' };
    });
  },
};

/**
 * The command line as one CommonJS file, dist/cli/cli.cjs, with every pure-JavaScript package in
 * it: `npm run cli` (scripts/cli.mjs) builds a V8 startup snapshot from it (dist/cli/cli.blob), so a
 * cold `pdf` neither compiles TypeScript nor evaluates pdfkit, fontkit and zod (issue 15).
 */
export async function bundleCli(outdir = appPath('dist', 'cli')): Promise<void> {
  const result = await build({
    write: false,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    entryPoints: [appPath('main', 'cli', 'entry.ts')],
    outfile: path.join(outdir, 'cli.cjs'),
    external: ['electron'],
    plugins: [nativeOnFirstUse, pdfkitStandardFonts],
    // import.meta.url in a CommonJS bundle: the bundle's own URL. `module` is not defined for the
    // script that builds a snapshot (node --build-snapshot), which runs the bundle for its heap only.
    define: { 'import.meta.url': '__skBundleUrl' },
    banner: { js: "var __skBundleUrl = require('node:url').pathToFileURL(__filename).href;\nvar module = typeof module === 'undefined' ? { exports: {} } : module;" },
    sourcemap: false,
    logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild wrote no command-line bundle');
  fs.mkdirSync(outdir, { recursive: true });
  writeIfChanged(output.path, output.contents);
  // When the bundle was last built from the sources (scripts/cli.mjs compares it with them); the
  // bundle itself keeps its time while its bytes stay the same, and so does the snapshot made from it.
  fs.writeFileSync(path.join(outdir, 'cli.cjs.built'), `${new Date().toISOString()}\n`);
}

/**
 * Writes a file only when its bytes change, whole (a temporary file renamed over it): a build from
 * unchanged sources, such as the packaging test's, leaves the command line's bundle (and the
 * snapshot stamped with its time) as it was, and no reader sees half a bundle.
 */
function writeIfChanged(file: string, contents: Uint8Array): void {
  try {
    if (Buffer.compare(fs.readFileSync(file), contents) === 0) return;
  } catch {
    // none yet
  }
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, contents);
  fs.renameSync(tmp, file);
}

if (process.argv[1] && /build-main\.ts$/.test(process.argv[1])) {
  if (process.argv.includes('--cli')) {
    await bundleCli();
    process.stderr.write('dist/cli/cli.cjs built\n');
  } else {
    await bundleMain();
    await bundleCli();
    process.stderr.write('dist/electron/main.mjs, core.mjs, jobWorker.mjs and preload.cjs built; dist/cli/cli.cjs built\n');
  }
}
