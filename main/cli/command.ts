import fs from 'node:fs';

/** One CLI command: `npm run cli -- <name> [options]`. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run: (argv: string[]) => Promise<number>;
}

export class UsageError extends Error {}

/** The one FILE an import command reads and its --data folder, checked: what the import gets. */
export function importArguments(positionals: string[], data: string | undefined): { file: string; bytes: Buffer; data: string } {
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new UsageError('give exactly one FILE to import');
  if (!data) throw new UsageError('--data DIR is required: the data folder to import into');
  if (!fs.existsSync(file)) throw new UsageError(`${file}: no such file`);
  return { file, bytes: fs.readFileSync(file), data };
}
