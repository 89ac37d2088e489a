/**
 * Slows down PIN guessing: after `freeAttempts` failures in a row, each
 * further attempt must wait, starting at `baseDelayMs` and doubling up to
 * `maxDelayMs`. A success resets the count. Time comes from the caller, so
 * tests can move the clock.
 */
export class FailureLimiter {
  private failures = 0;
  private blockedUntil = 0;

  constructor(
    private readonly freeAttempts = 5,
    private readonly baseDelayMs = 30_000,
    private readonly maxDelayMs = 15 * 60_000,
  ) {}

  /** Milliseconds the caller must still wait before the next attempt (0 = go ahead). */
  waitMs(now: number): number {
    return Math.max(0, this.blockedUntil - now);
  }

  fail(now: number): void {
    this.failures += 1;
    const over = this.failures - this.freeAttempts;
    if (over >= 0) this.blockedUntil = now + Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** over);
  }

  succeed(): void {
    this.failures = 0;
    this.blockedUntil = 0;
  }
}

/** At most `limit` attempts per key (a remote address) in a sliding window. */
export class WindowLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Records an attempt; returns the ms to wait when over the limit (the attempt is then not counted). */
  hit(key: string, now: number): number {
    const recent = (this.hits.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.hits.set(key, recent);
      return (recent[0] as number) + this.windowMs - now;
    }
    recent.push(now);
    this.hits.set(key, recent);
    if (this.hits.size > 10_000) this.hits.clear();
    return 0;
  }
}
