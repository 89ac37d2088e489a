/*
 * The entry of the command line's bundle, dist/cli/cli.cjs (scripts/build-main.ts), which
 * scripts/cli.mjs runs one of two ways:
 * - as a V8 startup snapshot: `node --snapshot-blob dist/cli/cli.blob <command> …` deserialises a
 *   heap in which every module imported here is already evaluated, and starts at the function
 *   set below (docs/decisions.md, "The command line starts from a V8 startup snapshot");
 * - required as a plain CommonJS module, where no snapshot could be built: startFromBundle(argv).
 *
 * The snapshot keeps what module initialisation did when it was built, so no module may read the
 * clock or the environment, or draw randomness (crypto.randomUUID keeps a cache), at import time:
 * each does so in the function that needs it.
 */
import v8 from 'node:v8';
import { startCli } from './index';
// The pdf command and what it needs (pdfkit, fontkit, zod, the documents) are evaluated with this
// module, so they are in the snapshot's heap. The other commands load when they run.
import { pdfCommand } from './commands/pdf';

/** The command line from the bundle required as a module (scripts/cli.mjs, where there is no snapshot). */
export function startFromBundle(argv: string[]): void {
  startCli(argv, { startedFrom: 'bundle' });
}

if (v8.startupSnapshot.isBuildingSnapshot()) {
  void pdfCommand;
  // argv is [node, <command>, …]: the snapshot takes the place of a script.
  v8.startupSnapshot.setDeserializeMainFunction(() => startCli(process.argv.slice(1), { startedFrom: 'snapshot' }));
}
