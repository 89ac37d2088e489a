/** One CLI command: `npm run cli -- <name> [options]`. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code. */
  run: (argv: string[]) => Promise<number>;
}

export class UsageError extends Error {}
