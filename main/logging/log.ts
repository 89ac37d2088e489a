import fs from 'node:fs';
import path from 'node:path';
import electronLog from 'electron-log/node';

/**
 * The app's log: one file per day in the data folder's logs/ (YYYY-MM-DD.log),
 * written by every process of the app (Electron main, the core process,
 * browser mode's server, the renderer through diagnostics.report) in
 * electron-log's file format, each line naming its process:
 *
 *   [2026-03-18 10:00:00.123] [error] (core) api products.import failed {"method":"products.import"} …
 *
 * A file larger than MAX_FILE_BYTES is rotated to YYYY-MM-DD.old.log; files
 * older than KEEP_DAYS days are removed. Logs hold method names, error codes,
 * stack frames and ids, never what a customer typed (see describeError).
 * Until configureLogging is called (tests, the CLI), errors go to stderr only.
 */
export type ProcessName = 'main' | 'core' | 'server' | 'renderer' | 'worker' | 'cli';

export const KEEP_DAYS = 14;
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

type Level = 'error' | 'warn' | 'info';
type Scoped = Record<Level, (...data: unknown[]) => void>;

const logger = electronLog.create({ logId: 'stallkeeper' });
logger.scope.labelPadding = false;
logger.transports.file.level = false;
logger.transports.console.level = 'warn';
let scoped: Scoped = logger.scope('main') as unknown as Scoped;
let logDir: string | null = null;

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/** The day's file name, in local time: 2026-03-18.log. */
export function logFileName(date: Date): string {
  return `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}.log`;
}

export function logsDirOf(dataDir: string): string {
  return path.join(dataDir, 'logs');
}

/** Removes log files older than keepDays days (by the date in their name). */
export function pruneLogs(dir: string, now = new Date(), keepDays = KEEP_DAYS): string[] {
  if (!fs.existsSync(dir)) return [];
  const oldest = new Date(now.getFullYear(), now.getMonth(), now.getDate() - keepDays);
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    const m = /^(\d{4})-(\d{2})-(\d{2})(\.old)?\.log$/.exec(name);
    if (!m) continue;
    const day = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (day < oldest) {
      fs.rmSync(path.join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}

export interface LoggingOptions {
  /** The folder of the day files (usually <data folder>/logs). */
  dir: string;
  process: ProcessName;
  /** Also print warnings and errors on stderr (default true). */
  console?: boolean;
}

/** Starts writing the day files in dir, as the named process. */
export function configureLogging(options: LoggingOptions): void {
  fs.mkdirSync(options.dir, { recursive: true });
  logDir = options.dir;
  pruneLogs(options.dir);
  const file = logger.transports.file;
  file.level = 'info';
  file.maxSize = MAX_FILE_BYTES;
  file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}]{scope} {text}';
  file.resolvePathFn = (_variables: unknown, message?: { date?: Date }) => path.join(options.dir, logFileName(message?.date ?? new Date()));
  file.archiveLogFn = (old: { toString(): string }) => {
    const current = old.toString();
    try {
      fs.renameSync(current, current.replace(/\.log$/, '.old.log'));
    } catch {
      // Another process of the app rotated it first.
    }
  };
  logger.transports.console.level = options.console === false ? false : 'warn';
  scoped = logger.scope(options.process) as unknown as Scoped;
}

/** The folder the day files go to, or null when logging to files is off. */
export function currentLogDir(): string | null {
  return logDir;
}

/** Stops writing files (tests). */
export function stopLogging(): void {
  logDir = null;
  logger.transports.file.level = false;
  logger.transports.console.level = 'warn';
  scoped = logger.scope('main') as unknown as Scoped;
}

/** Quoted text, e-mail addresses and long digit runs (phones, accounts) are cut from messages before they are logged. */
export function scrub(text: string): string {
  return text
    .replace(/"[^"\n]{0,200}"|'[^'\n]{0,200}'|“[^”\n]{0,200}”/g, '"…"')
    .replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, '<email>')
    .replace(/\+?\d[\d\s-]{6,}\d/g, '<number>');
}

/**
 * What the log keeps of an error: its kind, code, first message line
 * (scrubbed) and stack frames; never the input that caused it.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return scrub(String(error)).slice(0, 300);
  const code = (error as { code?: unknown }).code;
  const head = `${error.name}${typeof code === 'string' ? ` [${code}]` : ''}: ${scrub(error.message.split('\n')[0] ?? '').slice(0, 300)}`;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .slice(0, 12)
    .map((line) => line.trim());
  return [head, ...frames].join('\n    ');
}

function write(level: Level, message: string, context?: Record<string, unknown>, error?: unknown): void {
  const parts: unknown[] = [message];
  if (context && Object.keys(context).length > 0) parts.push(JSON.stringify(context));
  if (error !== undefined) parts.push(`\n    ${describeError(error)}`);
  try {
    scoped[level](...parts);
  } catch {
    process.stderr.write(`${parts.join(' ')}\n`);
  }
}

export function logError(message: string, error?: unknown, context?: Record<string, unknown>): void {
  write('error', message, context, error);
}

export function logWarn(message: string, context?: Record<string, unknown>): void {
  write('warn', message, context);
}

export function logInfo(message: string, context?: Record<string, unknown>): void {
  write('info', message, context);
}

/**
 * A line from another process of the app (the renderer's error reports,
 * the core process when the main process relays): written as that process.
 */
export function logAs(processName: ProcessName, level: Level, message: string, context?: Record<string, unknown>): void {
  const parts: unknown[] = [message];
  if (context && Object.keys(context).length > 0) parts.push(JSON.stringify(context));
  (logger.scope(processName) as unknown as Scoped)[level](...parts);
}

/**
 * Uncaught exceptions and unhandled rejections of this process go to the log
 * (with exitOnUncaught, the process then exits: its supervisor restarts it).
 */
export function catchProcessErrors(options: { exitOnUncaught: boolean }): void {
  process.on('uncaughtException', (error) => {
    logError('uncaught exception', error);
    if (options.exitOnUncaught) process.exit(70);
  });
  process.on('unhandledRejection', (reason) => logError('unhandled rejection', reason));
}
