import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { CoreChild } from './client';
import type { FromCore, ToCore } from './protocol';

/**
 * The core process's entry: core.mjs beside this bundle, or entry.ts from the
 * source (tsx, vitest).
 */
export function coreEntry(): string {
  const here = import.meta.url;
  if (/\.ts$/.test(here)) return fileURLToPath(new URL('./entry.ts', here));
  return fileURLToPath(new URL('./core.mjs', here));
}

/**
 * The core process as a Node child process (child_process.fork), with the
 * same messages as Electron's utilityProcess: what tests (and anything
 * outside Electron) use in its place.
 */
export function forkCore(options: { entry?: string; env?: NodeJS.ProcessEnv } = {}): CoreChild {
  const entry = options.entry ?? coreEntry();
  const child = fork(entry, [], {
    execArgv: entry.endsWith('.ts') ? ['--import', 'tsx'] : [],
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...options.env },
  });
  return {
    post: (message: ToCore) => {
      if (child.connected) child.send(message);
    },
    onMessage: (listener) => child.on('message', (message) => listener(message as FromCore)),
    onExit: (listener) => child.on('exit', (code, signal) => listener(code ?? (signal ? 128 : null))),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
    get pid() {
      return child.pid;
    },
  };
}
