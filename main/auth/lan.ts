import os from 'node:os';

/** The local-network listener as the running door reports it. */
export interface LanStatus {
  listening: boolean;
  port: number | null;
  /** Addresses a tablet on the stall's Wi-Fi can open, e.g. http://192.168.1.20:5781/. */
  urls: string[];
  /** Why it is not listening, when starting it failed (port in use…). */
  error: string | null;
}

/** Provided by a door that can listen on the network (browser mode, Electron). */
export interface LanControl {
  status(): LanStatus;
  start(): Promise<LanStatus>;
  stop(): Promise<LanStatus>;
}

/** This PC's IPv4 addresses on its networks (not loopback). */
export function lanAddresses(): string[] {
  const found: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const info of list ?? []) {
      if (!info.internal && info.family === 'IPv4') found.push(info.address);
    }
  }
  return found;
}

/**
 * Host names a request to this PC may carry (DNS-rebinding defence): the
 * loopback names, every address of every interface, and the machine's name.
 */
export function ownHostNames(): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  for (const list of Object.values(os.networkInterfaces())) {
    for (const info of list ?? []) {
      names.add(info.family === 'IPv6' ? `[${info.address.toLowerCase()}]` : info.address);
    }
  }
  const host = os.hostname().toLowerCase();
  if (host) {
    names.add(host);
    names.add(`${host}.local`);
  }
  return names;
}
