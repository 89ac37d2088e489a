import type { Command } from './command';
import { UsageError } from './command';
import { ApiFailure } from '../api/invoke';
import { AppError, DISK_FULL, isDiskFull } from '../api/errors';
import { demoCommand } from './commands/demo';
import { pdfCommand } from './commands/pdf';
import { exportBuyersCommand } from './commands/exportBuyers';
import { importBuyersCommand } from './commands/importBuyers';
import { backupCommand } from './commands/backup';
import { restoreCommand } from './commands/restore';
import { resetPinCommand } from './commands/resetPin';
import { exportProductsCommand } from './commands/exportProducts';
import { importProductsCommand } from './commands/importProducts';
import { sampleTagsCommand } from './commands/sampleTags';

/** Every CLI command; `npm run cli -- --help` lists them. */
export const COMMANDS: Command[] = [
  demoCommand,
  importProductsCommand,
  exportProductsCommand,
  sampleTagsCommand,
  importBuyersCommand,
  exportBuyersCommand,
  pdfCommand,
  backupCommand,
  restoreCommand,
  resetPinCommand,
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
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
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
      process.stderr.write(`${DISK_FULL.en}\n`);
      return 1;
    }
    if (error instanceof AppError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    if (error instanceof ApiFailure) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    process.stderr.write(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

if (process.argv[1] && /cli[/\\]index\.(ts|js|mjs)$/.test(process.argv[1])) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
}
