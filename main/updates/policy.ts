/**
 * When the installed app looks for an update: only with a feed address, only
 * online, never while work is under way (an import, a restore, a backup, a
 * print), and not more often than every few hours unless asked.
 */
export interface CheckState {
  feedUrl: string | null;
  online: boolean;
  /** Work under way (method names of long calls, 'print'…); empty when idle. */
  work: string[];
  /** When the last check ran (ms), or null. */
  lastCheckAt: number | null;
  now: number;
  /** The person asked (Help → Check for updates): no waiting for the interval. */
  manual?: boolean;
}

export const CHECK_EVERY_MS = 4 * 3600_000;

export type CheckDecision = { check: true } | { check: false; why: 'no feed' | 'offline' | 'busy' | 'recently checked' };

export function shouldCheck(state: CheckState): CheckDecision {
  if (!state.feedUrl) return { check: false, why: 'no feed' };
  if (!state.online) return { check: false, why: 'offline' };
  if (state.work.length > 0) return { check: false, why: 'busy' };
  if (!state.manual && state.lastCheckAt !== null && state.now - state.lastCheckAt < CHECK_EVERY_MS) return { check: false, why: 'recently checked' };
  return { check: true };
}

/** Long calls during which the app neither checks for nor installs an update. */
export const WORK_METHODS = new Set(['products.import', 'buyers.import', 'backup.run', 'backup.export', 'backup.restore', 'documents.render', 'products.export', 'products.sampleTags']);

/** "1.2.10" > "1.2.9"; pre-releases ("1.3.0-beta.1") come before their release. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre = ''] = v.trim().replace(/^v/, '').split('-', 2);
    return { parts: core.split('.').map((n) => Number.parseInt(n, 10) || 0), pre };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < Math.max(x.parts.length, y.parts.length); i += 1) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (!x.pre) return 1;
  if (!y.pre) return -1;
  return x.pre < y.pre ? -1 : 1;
}
