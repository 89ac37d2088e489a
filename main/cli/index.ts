import fs from 'node:fs';
import type { Command } from './command';
import { UsageError } from './command';
import { AppError, DISK_FULL, isDiskFull, translate } from '../errors/apiError';

/**
 * Every CLI command; `npm run cli -- --help` lists them. Each command's code
 * (and what it needs: pdfkit, exceljs, sharp…) is loaded only when it runs,
 * so `pdf` does not pay for the importers and the help answers at once.
 */
interface LazyCommand {
  name: string;
  summary: string;
  load: () => Promise<Command>;
}

export const COMMANDS: LazyCommand[] = [
  { name: 'demo', summary: 'Fill an empty data folder with a realistic demo stall', load: async () => (await import('./commands/demo')).demoCommand },
  { name: 'import-products', summary: 'Import products from a CSV or XLSX file (upsert by item no)', load: async () => (await import('./commands/importProducts')).importProductsCommand },
  { name: 'export-products', summary: 'Export every product to a CSV or XLSX file (the columns import reads)', load: async () => (await import('./commands/exportProducts')).exportProductsCommand },
  { name: 'sample-tags', summary: 'Print sample tags (A4 label sheet PDF) for some or all products', load: async () => (await import('./commands/sampleTags')).sampleTagsCommand },
  { name: 'import-buyers', summary: 'Import buyers from a CSV file (checked first; nothing written if a row is invalid)', load: async () => (await import('./commands/importBuyers')).importBuyersCommand },
  { name: 'export-buyers', summary: 'Export buyers to a CSV file (the columns import-buyers reads)', load: async () => (await import('./commands/exportBuyers')).exportBuyersCommand },
  { name: 'pdf', summary: 'Write the PDF of a quotation or PI (or its packing list), a purchase order, a delivery note or packing list, or a statement of account', load: async () => (await import('./commands/pdf')).pdfCommand },
  { name: 'backup', summary: 'Write one backup archive (database + photos) to a file or folder, e.g. a USB stick', load: async () => (await import('./commands/backup')).backupCommand },
  { name: 'restore', summary: 'Restore a backup (archive .tar.gz or snapshot .db) into a data folder; the app must be closed', load: async () => (await import('./commands/restore')).restoreCommand },
  { name: 'reset-pin', summary: 'Remove a forgotten owner PIN (on the shop PC itself); set a new one in Settings', load: async () => (await import('./commands/resetPin')).resetPinCommand },
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return `Stallkeeper command line

Usage: npm run cli -- <command> [options]
       npm run cli -- <command> --help

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}
`;
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    return name ? 0 : 2;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    process.stderr.write(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      process.stderr.write(`${error.message}\n\nUsage: ${command.usage}\n`);
      return 2;
    }
    if (isDiskFull(error)) {
      process.stderr.write(`${translate(DISK_FULL, 'en')}\n`);
      return 1;
    }
    if (error instanceof AppError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    // An API error raised in process (ApiFailure, main/api/invoke.ts), recognised without loading the API table.
    if (error instanceof Error && error.name === 'ApiFailure') {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

/**
 * This process's peak resident set in KiB. On Linux from /proc (VmHWM): getrusage's maxrss of a
 * spawned process starts from its parent's (the fork), so a bench that spawns the command from a
 * process holding 800 MB read 800 MB for a command that never used 150.
 */
export function peakRssKiB(): number {
  try {
    const line = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (line) return Number(line[1]);
  } catch {
    // Not Linux: getrusage is right where spawning does not carry the parent's figure over.
  }
  return process.resourceUsage().maxRSS;
}

/**
 * Runs the command line in this process and exits with its status (scripts/cli.mjs through the
 * bundle's entry, main/cli/entry.ts, or this file run directly). `startedFrom` says whether the
 * process was deserialised from the CLI's startup snapshot.
 */
export function startCli(argv: string[], options: { startedFrom?: 'snapshot' | 'bundle' | 'source' } = {}): void {
  const startedFrom = options.startedFrom ?? 'source';
  // npm run bench (and the tests) read the command's peak resident set and how it started, on stderr at exit.
  if (process.env.STALLKEEPER_BENCH_REPORT) process.on('exit', () => process.stderr.write(`bench-report ${JSON.stringify({ maxRssKiB: peakRssKiB(), startedFrom })}\n`));
  runCli(argv).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
}

if (process.argv[1] && /cli[/\\]index\.ts$/.test(process.argv[1])) startCli(process.argv.slice(2));
