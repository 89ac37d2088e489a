import { utilityProcess } from 'electron';
import type { CoreChild } from '../coreProcess/client';
import { coreEntry } from '../coreProcess/fork';
import type { FromCore, ToCore } from '../coreProcess/protocol';

/**
 * The one Electron-specific piece of the core process: starting it with
 * utilityProcess.fork (a Node process Electron supervises, without a window).
 * Everything else about it is plain Node (main/coreProcess).
 */
export function spawnUtilityCore(env: Record<string, string> = {}): CoreChild {
  const child = utilityProcess.fork(coreEntry(), [], {
    serviceName: 'Stallkeeper core',
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return {
    post: (message: ToCore) => child.postMessage(message),
    onMessage: (listener) => child.on('message', (message: unknown) => listener(message as FromCore)),
    onExit: (listener) => child.on('exit', (code: number) => listener(code)),
    kill: () => void child.kill(),
    get pid() {
      return child.pid;
    },
  };
}
