import type { Core } from '../core';
import { lanAddresses, type LanControl, type LanStatus } from '../auth/lan';
import { startServer, type RunningServer } from './server';

/** The port tablets and phones use when none is given (the PC's own browser mode uses 5780). */
export const DEFAULT_LAN_PORT = 5781;

/**
 * The local-network listener as a switch: on, it serves the app on every
 * address of this PC (0.0.0.0) for paired devices only; off, nothing
 * listens beyond 127.0.0.1. Both doors (browser mode and Electron) use it.
 */
export function createLanControl(core: Core, rendererDir: string, options: { port?: number; host?: string } = {}): LanControl {
  const host = options.host ?? '0.0.0.0';
  let running: RunningServer | null = null;
  let error: string | null = null;

  const status = (): LanStatus => {
    if (!running) return { listening: false, port: null, urls: [], error };
    const port = running.port;
    const addresses = host === '0.0.0.0' ? lanAddresses() : [host];
    return { listening: true, port, urls: addresses.map((a) => `http://${a}:${port}/`), error: null };
  };

  return {
    status,
    async start() {
      if (running) return status();
      try {
        running = await startServer({ core, rendererDir, host, port: options.port ?? DEFAULT_LAN_PORT, audience: 'lan' });
        error = null;
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
      return status();
    },
    async stop() {
      const was = running;
      running = null;
      if (was) await was.close();
      return status();
    },
  };
}
