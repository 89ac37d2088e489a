import { FailureLimiter } from './rateLimit';

/**
 * Where someone sits: the shop PC (the Electron window, or the browser on
 * 127.0.0.1) or one paired device. A seat is unlocked for the owner by the
 * owner PIN; the unlock lasts while the seat is used and ends after the idle
 * timeout. It lives in memory only: restarting the app locks every seat.
 */
export class Seat {
  private ownerUntil = 0;
  private idleMs = 15 * 60_000;
  /** Wrong PINs typed at this seat. */
  readonly pinFailures = new FailureLimiter();

  constructor(
    readonly kind: 'pc' | 'device',
    readonly deviceId?: number,
  ) {}

  unlock(now: number, idleMs: number): void {
    this.idleMs = idleMs;
    this.ownerUntil = now + idleMs;
  }

  lock(): void {
    this.ownerUntil = 0;
  }

  isUnlocked(now: number): boolean {
    return now < this.ownerUntil;
  }

  /** The owner is still here: push the idle timeout back. */
  touch(now: number): void {
    if (this.isUnlocked(now)) this.ownerUntil = now + this.idleMs;
  }

  /** When the unlock ends if nothing happens (ms since epoch), or null when locked. */
  unlockedUntil(now: number): number | null {
    return this.isUnlocked(now) ? this.ownerUntil : null;
  }

  setIdleMs(idleMs: number, now: number): void {
    this.idleMs = idleMs;
    if (this.isUnlocked(now)) this.ownerUntil = Math.min(this.ownerUntil, now + idleMs);
  }
}
