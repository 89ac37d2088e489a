import { parseArgs } from 'node:util';
import { openCore } from '../core';
import { defaultDataDir } from '../paths/defaultDataDir';
import { DataProblemError } from '../backup/integrity';
import { BackupScheduler } from '../backup/scheduler';
import { warmUpFontsSoon } from '../documents/text';
import { layoutCacheDirIn, setLayoutCacheDir } from '../documents/layoutCache';
import { getSecurity } from '../../db/auth';
import { ensureRendererBuilt } from './renderer';
import { startServer } from './server';
import { createLanControl, DEFAULT_LAN_PORT } from './lanListener';
import { JobRunner } from '../jobs/runner';
import { catchProcessErrors, configureLogging, logInfo, logsDirOf } from '../logging/log';

const HELP = `Usage: npm run serve -- [--data DIR] [--port N] [--lan] [--lan-port N]

Browser mode: serves the app and its API (POST /api/<method>) on this PC.
Open the address it prints: it carries this launch's key (?key=…), which the
page keeps as a cookie; scripts send it as "Authorization: Bearer <key>".
Without it every API call gets 401.
  --data DIR      the data folder (default: ${defaultDataDir()})
  --port N        the port on this PC, 127.0.0.1 only (default 5780; 0 picks a free one)
  --host H        a loopback address to bind (default 127.0.0.1)
  --lan           also serve tablets and phones on the stall's network (port ${DEFAULT_LAN_PORT});
                  each device pairs once with the PIN shown in Settings → Local network.
                  Also on when switched on in Settings.
  --lan-port N    the port for devices on the network (default ${DEFAULT_LAN_PORT})
  --no-backup     no automatic backups (on start, every 4 hours, on quit)
`;

export interface ServeArgs {
  data: string;
  port: number;
  host: string;
  lan?: boolean;
  lanPort?: number;
  backups?: boolean;
}

function portOf(value: string | undefined, fallback: number, flag: string): number {
  const port = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`${flag}: "${value}" is not a port number (0–65535)`);
  return port;
}

export function parseServeArgs(argv: string[]): ServeArgs | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      data: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      lan: { type: 'boolean' },
      'lan-port': { type: 'string' },
      'no-backup': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  return {
    data: values.data ?? defaultDataDir(),
    port: portOf(values.port, 5780, '--port'),
    host: values.host ?? '127.0.0.1',
    lan: values.lan ?? false,
    lanPort: portOf(values['lan-port'], DEFAULT_LAN_PORT, '--lan-port'),
    backups: !values['no-backup'],
  };
}

export interface Serving {
  /** The server's address (http://127.0.0.1:5780/). */
  url: string;
  /** The address to open, with this launch's key (http://127.0.0.1:5780/?key=…). */
  openUrl: string;
  /** This launch's key, for scripts: Authorization: Bearer <key>. */
  key: string;
  /** Addresses for devices on the network, when the local-network mode is on. */
  lanUrls: string[];
  /** The port devices use, when the local-network mode is on. */
  lanPort: number | null;
  close: () => Promise<void>;
}

export async function serve(args: ServeArgs, log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Promise<Serving> {
  const dir = await ensureRendererBuilt();
  configureLogging({ dir: logsDirOf(args.data), process: 'server' });
  const core = openCore(args.data, { door: 'server' });
  // Imports on a worker thread: the server keeps answering (and reports their progress) meanwhile.
  core.jobs = new JobRunner(core.paths.root, { now: core.now });
  logInfo('browser mode starting', { port: args.port });
  let scheduler: BackupScheduler | null = null;
  try {
    const lan = createLanControl(core, dir, { port: args.lanPort ?? DEFAULT_LAN_PORT });
    core.door.lan = lan;
    const running = await startServer({ core, rendererDir: dir, host: args.host, port: args.port });
    setLayoutCacheDir(layoutCacheDirIn(core.paths.root));
    warmUpFontsSoon();
    if (args.lan || getSecurity(core.db).lan_enabled === 1) {
      const status = await lan.start();
      if (!status.listening) log(`The local-network mode could not start: ${status.error ?? 'unknown error'}`);
    }
    if (args.backups !== false) {
      scheduler = new BackupScheduler(core, { log });
      void scheduler.start();
    }
    const close = async () => {
      await scheduler?.stop();
      await lan.stop();
      await running.close();
      core.close();
    };
    return { url: running.url, openUrl: running.openUrl, key: running.key as string, lanUrls: lan.status().urls, lanPort: lan.status().port, close };
  } catch (error) {
    await scheduler?.stop({ finalBackup: false });
    core.close();
    throw error;
  }
}

async function main(): Promise<void> {
  catchProcessErrors({ exitOnUncaught: false });
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
  let running: Serving;
  try {
    running = await serve(args);
  } catch (error) {
    if (error instanceof DataProblemError) {
      const backup = error.newestGoodBackup;
      process.stderr.write(
        `${error.message}\n` +
          (backup ? `Restore it with:\n  npm run cli -- restore "${backup.file}" --data "${args.data}"\n` : '') +
          'Nothing was changed.\n',
      );
      process.exit(3);
    }
    throw error;
  }
  process.stdout.write(`Stallkeeper is running at ${running.openUrl} (data: ${args.data})\n`);
  if (running.lanUrls.length > 0) {
    process.stdout.write(`Devices on the stall's network: ${running.lanUrls.join('  ')} (pair them in Settings → Local network)\n`);
  }
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
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
