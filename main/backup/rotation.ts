/** How many automatic backups are kept: the newest of each of the last 7 days, 4 weeks and 12 months that have one. */
export interface RotationPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

export const DEFAULT_POLICY: RotationPolicy = { daily: 7, weekly: 4, monthly: 12 };

const pad = (n: number) => String(n).padStart(2, '0');

/** Local calendar day, e.g. 2026-03-02. */
export function dayKey(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** ISO 8601 week of the local date, e.g. 2026-W09. */
export function weekKey(d: Date): string {
  const date = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()));
  const weekday = date.getUTCDay() || 7;
  date.setUTCDate(date.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${date.getUTCFullYear()}-W${pad(week)}`;
}

export function monthKey(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
}

/**
 * Which backups to keep (grandfather-father-son): walking from the newest,
 * the first backup seen of each day is kept for the first `daily` distinct
 * days, of each ISO week for the first `weekly` weeks, of each month for the
 * first `monthly` months. Counting days that HAVE backups (not calendar
 * days) means a PC left off for a month still keeps its last week of work.
 * Returns the indexes (into `times`) to keep.
 */
export function backupsToKeep(times: Date[], policy: RotationPolicy = DEFAULT_POLICY): Set<number> {
  const order = times.map((t, i) => ({ t: t.getTime(), i })).sort((a, b) => b.t - a.t || a.i - b.i);
  const keep = new Set<number>();
  const buckets: Array<[(d: Date) => string, number]> = [
    [dayKey, policy.daily],
    [weekKey, policy.weekly],
    [monthKey, policy.monthly],
  ];
  for (const [keyOf, limit] of buckets) {
    const seen = new Set<string>();
    for (const { t, i } of order) {
      const key = keyOf(new Date(t));
      if (seen.has(key)) continue;
      if (seen.size >= limit) break;
      seen.add(key);
      keep.add(i);
    }
  }
  return keep;
}
