import { parseArgs } from 'node:util';
import { openCore } from '../core';
import { defaultDataDir } from '../paths/defaultDataDir';
import { ensureRendererBuilt } from './renderer';
import { startServer } from './server';

const HELP = `Usage: npm run serve -- [--data DIR] [--port N] [--host 127.0.0.1]

Browser mode: serves the app and its API (POST /api/<method>) on this PC.
  --data DIR   the data folder (default: ${defaultDataDir()})
  --port N     the port (default 5780; 0 picks a free one)
  --host H     the address to bind (default 127.0.0.1: this PC only)
`;

export interface ServeArgs {
  data: string;
  port: number;
  host: string;
}

export function parseServeArgs(argv: string[]): ServeArgs | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const port = values.port === undefined ? 5780 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port: "${values.port}" is not a port number (0–65535)`);
  return { data: values.data ?? defaultDataDir(), port, host: values.host ?? '127.0.0.1' };
}

export async function serve(args: ServeArgs): Promise<{ url: string; close: () => Promise<void> }> {
  const dir = await ensureRendererBuilt();
  const core = openCore(args.data);
  const running = await startServer({ core, rendererDir: dir, host: args.host, port: args.port });
  const close = async () => {
    await running.close();
    core.close();
  };
  return { url: running.url, close };
}

async function main(): Promise<void> {
  let args: ServeArgs | 'help';
  try {
    args = parseServeArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    process.exit(2);
  }
  if (args === 'help') {
    process.stdout.write(HELP);
    return;
  }
  const running = await serve(args);
  process.stdout.write(`Stallkeeper is running at ${running.url} (data: ${args.data})\n`);
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && /serve\.(ts|js|mjs)$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    process.stderr.write(`Could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
