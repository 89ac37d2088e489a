/**
 * The core process's entry (bundled into dist/electron/core.mjs and started
 * by the Electron main process with utilityProcess.fork; in tests a Node
 * child process started with child_process.fork runs this same file).
 */
import { appPath } from '../paths/appRoot';
import { catchProcessErrors } from '../logging/log';
import { runCoreProcess } from './server';
import type { CorePort, FromCore, ToCore } from './protocol';

interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

/** Electron's utilityProcess gives process.parentPort; a forked Node child has process.send. */
function parentPortOf(proc: NodeJS.Process & { parentPort?: ParentPort }): CorePort {
  const parent = proc.parentPort;
  if (parent) {
    return {
      post: (message: FromCore) => parent.postMessage(message),
      onMessage: (listener) => parent.on('message', (event) => listener(event.data as ToCore)),
    };
  }
  if (!proc.send) throw new Error('The core process must be started by the app (utilityProcess.fork or child_process.fork)');
  // The parent is gone: so is the reason to run (SQLite has every committed transaction).
  proc.on('disconnect', () => proc.exit(0));
  return {
    post: (message: FromCore) => void proc.send?.(message),
    onMessage: (listener) => proc.on('message', (message) => listener(message as ToCore)),
  };
}

// An exception nobody caught leaves the core in an unknown state: it is logged
// and the process ends; the main process starts a new one (nothing committed is lost).
catchProcessErrors({ exitOnUncaught: true });
runCoreProcess(parentPortOf(process), { rendererDir: appPath('dist', 'renderer'), exit: (code) => process.exit(code) });
