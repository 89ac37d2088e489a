import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backupsToKeep, dayKey, monthKey, weekKey } from '../../main/backup/rotation';

const HOUR = 3600_000;
const start = new Date(2026, 0, 1, 9).getTime();

/** Backup times: from 2026-01-01, a random number of hours apart (a PC off for days or weeks now and then). */
const backupTimes = fc
  .array(fc.integer({ min: 1, max: 24 * 20 }), { minLength: 1, maxLength: 300 })
  .map((gaps) => {
    let t = start;
    return gaps.map((g) => new Date((t += g * HOUR)));
  });

describe('backup rotation (7 daily, 4 weekly, 12 monthly)', () => {
  it('always keeps the newest backup and never more than 23', () => {
    fc.assert(
      fc.property(backupTimes, (times) => {
        const keep = backupsToKeep(times);
        const newest = times.reduce((a, b, i) => (b.getTime() > (times[a] as Date).getTime() ? i : a), 0);
        expect(keep.has(newest)).toBe(true);
        expect(keep.size).toBeLessThanOrEqual(23);
        expect(keep.size).toBeGreaterThanOrEqual(1);
      }),
    );
  });

  it('keeps the newest backup of each of the 7 most recent days that have backups', () => {
    fc.assert(
      fc.property(backupTimes, (times) => {
        const keep = backupsToKeep(times);
        const days = [...new Set(times.map(dayKey))].sort().reverse().slice(0, 7);
        for (const day of days) {
          const ofDay = times.map((t, i) => ({ t, i })).filter(({ t }) => dayKey(t) === day);
          const newest = ofDay.reduce((a, b) => (b.t > a.t ? b : a));
          expect(keep.has(newest.i), day).toBe(true);
        }
      }),
    );
  });

  it('keeps one backup of each of the 4 most recent weeks and 12 most recent months that have backups', () => {
    fc.assert(
      fc.property(backupTimes, (times) => {
        const kept = [...backupsToKeep(times)].map((i) => times[i] as Date);
        for (const [keyOf, n] of [
          [weekKey, 4],
          [monthKey, 12],
        ] as const) {
          const recent = [...new Set(times.map(keyOf))].sort().reverse().slice(0, n);
          for (const key of recent) expect(kept.some((t) => keyOf(t) === key), key).toBe(true);
        }
      }),
    );
  });

  it('keeps a year of monthly history from backups taken every 4 hours', () => {
    const times = Array.from({ length: 6 * 400 }, (_, i) => new Date(start + i * 4 * HOUR));
    const kept = [...backupsToKeep(times)].map((i) => times[i] as Date).sort((a, b) => a.getTime() - b.getTime());
    expect(kept.length).toBeLessThanOrEqual(23);
    expect(new Set(kept.map(monthKey)).size).toBe(12);
    expect(kept.at(-1)?.getTime()).toBe(times.at(-1)?.getTime());
  });

  it('names ISO weeks the ISO way (Monday starts the week; 1 Jan 2027 is in 2026-W53)', () => {
    expect(weekKey(new Date(2026, 0, 5))).toBe('2026-W02');
    expect(weekKey(new Date(2026, 0, 4))).toBe('2026-W01');
    expect(weekKey(new Date(2027, 0, 1))).toBe('2026-W53');
  });
});
