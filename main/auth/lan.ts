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

/** How likely an address is the stall's Wi-Fi: 192.168.x first, then 10.x, then 172.16–31.x (often virtual machines), then the rest. */
function rank(address: string): number {
  if (address.startsWith('192.168.')) return 0;
  if (address.startsWith('10.')) return 1;
  if (/^172\.(1[6-9]|2\d|3[01])\./.test(address)) return 2;
  return 3;
}

/** This PC's IPv4 addresses on its networks (not loopback), the likeliest first (the QR code shows the first). */
export function lanAddresses(): string[] {
  const found: string[] = [];
  for (const list of Object.values(os.networkInterfaces())) {
    for (const info of list ?? []) {
      if (!info.internal && info.family === 'IPv4') found.push(info.address);
    }
  }
  return found.sort((a, b) => rank(a) - rank(b));
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
