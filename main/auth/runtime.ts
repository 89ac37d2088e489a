import { FailureLimiter, WindowLimiter } from './rateLimit';
import { Seat } from './seat';

/** A pairing the owner opened on the PC: a 6-digit PIN, valid for a few minutes, one device. */
export interface PairingOffer {
  pin: string;
  expiresAt: number;
  /** Wrong PINs in all. */
  wrongAttempts: number;
  /** Wrong PINs by remote address: one device that keeps guessing is shut out, the others can still pair. */
  wrongByAddress: Map<string, number>;
}

/** Wrong PINs after which an address may not try this offer again (the others still can). */
export const PAIRING_MAX_WRONG = 5;
/** Wrong PINs from all addresses together that burn the offer (many addresses guessing: the owner opens a new one). */
export const PAIRING_MAX_WRONG_TOTAL = 50;
export const PAIRING_VALID_MS = 10 * 60_000;

/**
 * The in-memory side of security for one open data folder: seats and their
 * unlocks, the open pairing offer, and the limits on guessing. Nothing here
 * is written to disk; a restart locks the owner out and closes pairing.
 */
export class SecurityRuntime {
  readonly pc = new Seat('pc');
  private readonly devices = new Map<number, Seat>();
  pairing: PairingOffer | null = null;
  /** Pairing attempts per remote address. */
  readonly pairAttempts = new WindowLimiter(10, 10 * 60_000);
  /** Wrong owner PINs across all seats (one attacker with many devices). */
  readonly ownerPinFailures = new FailureLimiter(10, 60_000);
  /** When each device's last_seen_at was last written (written at most once a minute). */
  readonly lastSeenWritten = new Map<number, number>();

  deviceSeat(id: number): Seat {
    let seat = this.devices.get(id);
    if (!seat) {
      seat = new Seat('device', id);
      this.devices.set(id, seat);
    }
    return seat;
  }

  forgetDevice(id: number): void {
    this.devices.delete(id);
    this.lastSeenWritten.delete(id);
  }

  allSeats(): Seat[] {
    return [this.pc, ...this.devices.values()];
  }
}
