import crypto from 'node:crypto';
import type { Core } from '../core';
import { AppError, m, notFound } from '../errors/apiError';
import type { Session } from '../api/method';
import * as q from '../../db/auth';
import { hashPin, verifyPin } from './pin';
import { PAIRING_MAX_WRONG, PAIRING_MAX_WRONG_TOTAL, PAIRING_VALID_MS } from './runtime';
import type { Seat } from './seat';
import type { LanStatus } from './lan';

const nowMs = (core: Core) => core.now().getTime();
const iso = (ms: number) => new Date(ms).toISOString();

// ---------------------------------------------------------------- sessions

/**
 * The session of the person at the shop PC. Before an owner PIN is set the
 * PC is the owner (first run, asked to set one); afterwards it is staff
 * until the PIN is entered, and again staff after the idle timeout.
 */
export function pcSession(core: Core): Session {
  const seat = core.security.pc;
  const security = q.getSecurity(core.db);
  if (!security.owner_pin_hash) return { role: 'owner', seat };
  return { role: seat.isUnlocked(nowMs(core)) ? 'owner' : 'staff', seat };
}

export function tokenSha256(token: string): string {
  return crypto.createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The session of a paired device, from the token it presents; null when the
 * token is missing, unknown or revoked. A device is staff unless the owner
 * allowed the owner PIN on it and it was entered there.
 */
export function deviceSession(core: Core, token: string | null | undefined): Session | null {
  if (!token || token.length < 20 || token.length > 200) return null;
  const device = q.activeDeviceByToken(core.db, tokenSha256(token));
  if (!device) return null;
  const seat = core.security.deviceSeat(device.id);
  const now = nowMs(core);
  const last = core.security.lastSeenWritten.get(device.id) ?? 0;
  if (now - last > 60_000) {
    core.security.lastSeenWritten.set(device.id, now);
    q.touchDevice(core.db, device.id, iso(now));
  }
  const owner = device.allow_owner === 1 && q.getSecurity(core.db).owner_pin_hash !== null && seat.isUnlocked(now);
  return { role: owner ? 'owner' : 'staff', deviceId: device.id, seat };
}

// ---------------------------------------------------------------- owner PIN

export interface AuthStatus {
  role: 'owner' | 'staff';
  ownerPinSet: boolean;
  idleMinutes: number;
  /** When the owner unlock ends if the seat stays idle (ISO), null when locked or without a PIN. */
  unlockedUntil: string | null;
  seat: 'pc' | 'device' | 'none';
  device: { id: number; name: string; allowOwner: boolean } | null;
  /** Whether auth.unlock can make this seat the owner. */
  canUnlock: boolean;
}

export function status(core: Core, session: Session): AuthStatus {
  const security = q.getSecurity(core.db);
  const seat = session.seat;
  const device = session.deviceId ? q.getDevice(core.db, session.deviceId) : undefined;
  const pinSet = security.owner_pin_hash !== null;
  const until = seat && pinSet ? seat.unlockedUntil(nowMs(core)) : null;
  return {
    role: session.role,
    ownerPinSet: pinSet,
    idleMinutes: security.owner_idle_minutes,
    unlockedUntil: until === null ? null : iso(until),
    seat: seat?.kind ?? 'none',
    device: device ? { id: device.id, name: device.name, allowOwner: device.allow_owner === 1 } : null,
    canUnlock: Boolean(seat) && pinSet && (seat?.kind === 'pc' || device?.allow_owner === 1),
  };
}

/** A 429 that knows how long to wait: the message says it and the HTTP door sends it as Retry-After. */
export class TooManyAttempts extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('too_many_requests', m('auth.tooManyWrongPins', { retryAfterSeconds }), 'pin');
  }
}

function tooMany(waitMs: number): AppError {
  return new TooManyAttempts(Math.max(1, Math.ceil(waitMs / 1000)));
}

/** Checks the owner PIN with the guessing limits of the seat and of the whole app. */
function checkOwnerPin(core: Core, seat: Seat | undefined, pin: string, field: string): void {
  const hash = q.getSecurity(core.db).owner_pin_hash;
  if (!hash) return;
  const now = nowMs(core);
  const wait = Math.max(seat?.pinFailures.waitMs(now) ?? 0, core.security.ownerPinFailures.waitMs(now));
  if (wait > 0) throw tooMany(wait);
  if (!verifyPin(pin, hash)) {
    seat?.pinFailures.fail(now);
    core.security.ownerPinFailures.fail(now);
    throw new AppError('forbidden', m('auth.wrongOwnerPin', { field }), field);
  }
  seat?.pinFailures.succeed();
  core.security.ownerPinFailures.succeed();
}

function requireSeat(session: Session): Seat {
  if (!session.seat) {
    throw new AppError('bad_request', m('auth.onlyShopPcPaired'));
  }
  return session.seat;
}

export function unlock(core: Core, session: Session, pin: string): AuthStatus {
  const seat = requireSeat(session);
  const security = q.getSecurity(core.db);
  if (seat.kind === 'device') {
    const device = session.deviceId ? q.getDevice(core.db, session.deviceId) : undefined;
    if (!device || device.allow_owner !== 1) {
      throw new AppError('forbidden', m('auth.ownerNotAllowedOwner'));
    }
  }
  if (!security.owner_pin_hash) {
    throw new AppError('conflict', m('auth.noPinNoOwner'), 'pin');
  }
  checkOwnerPin(core, seat, pin, 'pin');
  seat.unlock(nowMs(core), security.owner_idle_minutes * 60_000);
  return status(core, { ...session, role: 'owner' });
}

export function lock(core: Core, session: Session): AuthStatus {
  const seat = requireSeat(session);
  seat.lock();
  const pinSet = q.getSecurity(core.db).owner_pin_hash !== null;
  return status(core, { ...session, role: pinSet || seat.kind === 'device' ? 'staff' : 'owner' });
}

/** Sets or changes the owner PIN; changing it needs the current one. The seat that set it stays unlocked. */
export function setOwnerPin(core: Core, session: Session, pin: string, currentPin: string | undefined): AuthStatus {
  const security = q.getSecurity(core.db);
  if (security.owner_pin_hash) {
    if (currentPin === undefined) throw new AppError('invalid_input', m('auth.currentPinRequired'), 'currentPin');
    checkOwnerPin(core, session.seat, currentPin, 'currentPin');
  }
  q.setOwnerPinHash(core.db, hashPin(pin), iso(nowMs(core)));
  session.seat?.unlock(nowMs(core), security.owner_idle_minutes * 60_000);
  return status(core, { ...session, role: 'owner' });
}

/** Removes the owner PIN (the PC is then the owner without asking; paired devices stay staff). */
export function removeOwnerPin(core: Core, session: Session, currentPin: string): AuthStatus {
  const security = q.getSecurity(core.db);
  if (!security.owner_pin_hash) return status(core, session);
  checkOwnerPin(core, session.seat, currentPin, 'currentPin');
  q.setOwnerPinHash(core.db, null, iso(nowMs(core)));
  for (const seat of core.security.allSeats()) seat.lock();
  return status(core, { ...session, role: session.seat?.kind === 'device' ? 'staff' : 'owner' });
}

/** Forgotten PIN: the CLI on the PC itself (physical access) clears it. */
export function resetOwnerPin(core: Core): void {
  q.setOwnerPinHash(core.db, null, iso(nowMs(core)));
}

export function setIdleMinutes(core: Core, session: Session, minutes: number): AuthStatus {
  q.setOwnerIdleMinutes(core.db, minutes, iso(nowMs(core)));
  for (const seat of core.security.allSeats()) seat.setIdleMs(minutes * 60_000, nowMs(core));
  return status(core, session);
}

// ---------------------------------------------------------------- local network

export interface DeviceInfo {
  id: number;
  name: string;
  allowOwner: boolean;
  pairedAt: string;
  lastSeenAt: string | null;
  revokedAt: string | null;
}

export interface PairingInfo {
  pin: string;
  expiresAt: string;
  url: string;
  /** A QR code of the URL, as an SVG document. */
  qrSvg: string;
}

export interface NetworkStatus {
  /** The saved switch: start the local-network listener with the app. */
  enabled: boolean;
  /** Whether this app can listen on the network at all (false in the CLI). */
  available: boolean;
  lan: LanStatus;
  pairing: PairingInfo | null;
  devices: DeviceInfo[];
}

function devices(core: Core): DeviceInfo[] {
  return q.listDevices(core.db).map((d) => ({
    id: d.id,
    name: d.name,
    allowOwner: d.allow_owner === 1,
    pairedAt: d.paired_at,
    lastSeenAt: d.last_seen_at,
    revokedAt: d.revoked_at,
  }));
}

function lanStatus(core: Core): LanStatus {
  return core.door.lan?.status() ?? { listening: false, port: null, urls: [], error: null };
}

function openOffer(core: Core) {
  const offer = core.security.pairing;
  if (offer && offer.expiresAt <= nowMs(core)) core.security.pairing = null;
  return core.security.pairing;
}

/** The QR code of the address (qrcode is loaded when first needed, not at every start). */
async function qrSvg(text: string): Promise<string> {
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

export async function networkStatus(core: Core): Promise<NetworkStatus> {
  const lan = lanStatus(core);
  const offer = openOffer(core);
  let pairing: PairingInfo | null = null;
  if (offer && lan.urls[0]) {
    const url = lan.urls[0];
    pairing = { pin: offer.pin, expiresAt: iso(offer.expiresAt), url, qrSvg: await qrSvg(url) };
  }
  return { enabled: q.getSecurity(core.db).lan_enabled === 1, available: Boolean(core.door.lan), lan, pairing, devices: devices(core) };
}

/** Saves the switch and starts or stops the listener of the running door. */
export async function setLanEnabled(core: Core, enabled: boolean): Promise<NetworkStatus> {
  core.db.transaction(() => q.setLanEnabled(core.db, enabled, iso(nowMs(core)))).immediate();
  if (core.door.lan) {
    if (enabled) await core.door.lan.start();
    else {
      core.security.pairing = null;
      await core.door.lan.stop();
    }
  }
  return networkStatus(core);
}

/** Opens pairing: a fresh 6-digit PIN for one device, valid for ten minutes. */
export async function startPairing(core: Core): Promise<NetworkStatus> {
  if (!lanStatus(core).listening) {
    throw new AppError('conflict', m('auth.turnLocalNetworkFirst'));
  }
  const pin = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  core.security.pairing = { pin, expiresAt: nowMs(core) + PAIRING_VALID_MS, wrongAttempts: 0, wrongByAddress: new Map() };
  return networkStatus(core);
}

export async function stopPairing(core: Core): Promise<NetworkStatus> {
  core.security.pairing = null;
  return networkStatus(core);
}

/** One key per device address (an IPv4 address seen through an IPv6 socket counts as itself). */
function addressKey(remote: string): string {
  return remote.replace(/^::ffff:/i, '').toLowerCase();
}

/**
 * A device on the network enters the pairing PIN. Right: a new token (only
 * its SHA-256 is stored) and the offer is used up. Wrong: counted per address;
 * after five an address may not try this offer again, while other devices
 * still can (so one guessing device cannot close the owner's pairing for
 * everyone); fifty wrong in all burn the offer. Too many attempts from one
 * address: refused for a while (429 with the wait).
 */
export function pairDevice(core: Core, input: { pin: string; name: string }, remote: string): { token: string; device: DeviceInfo } {
  const now = nowMs(core);
  const address = addressKey(remote);
  const wait = core.security.pairAttempts.hit(address, now);
  if (wait > 0) throw tooMany(wait);
  const offer = openOffer(core);
  if (!offer) {
    throw new AppError('forbidden', m('auth.noPairingOpenShop'), 'pin');
  }
  const wrongHere = offer.wrongByAddress.get(address) ?? 0;
  if (wrongHere >= PAIRING_MAX_WRONG) {
    throw new AppError(
      'forbidden',
      m('auth.pinWrongPinsDevice', { maxWrong: PAIRING_MAX_WRONG }),
      'pin',
    );
  }
  const given = Buffer.from(input.pin.padEnd(6).slice(0, 6));
  if (input.pin.length !== 6 || !crypto.timingSafeEqual(given, Buffer.from(offer.pin))) {
    offer.wrongAttempts += 1;
    offer.wrongByAddress.set(address, wrongHere + 1);
    if (offer.wrongAttempts >= PAIRING_MAX_WRONG_TOTAL) core.security.pairing = null;
    throw new AppError('forbidden', m('auth.pinWrongPairingPin'), 'pin');
  }
  core.security.pairing = null;
  const token = crypto.randomBytes(32).toString('base64url');
  const id = core.db.transaction(() => q.insertDevice(core.db, { name: input.name, token_sha256: tokenSha256(token), paired_at: iso(now) })).immediate();
  core.security.lastSeenWritten.set(id, now);
  const device = devices(core).find((d) => d.id === id) as DeviceInfo;
  return { token, device };
}

export function revokeDevice(core: Core, id: number): void {
  if (!q.getDevice(core.db, id)) throw notFound(m('auth.noPairedDeviceId', { id }), 'id');
  q.revokeDevice(core.db, id, iso(nowMs(core)));
  core.security.forgetDevice(id);
}

export function allowOwnerOnDevice(core: Core, id: number, allow: boolean): void {
  const device = q.getDevice(core.db, id);
  if (!device) throw notFound(m('auth.noPairedDeviceId', { id }), 'id');
  if (device.revoked_at) throw new AppError('conflict', m('auth.idDeviceRevokedPair'), 'id');
  q.setDeviceAllowOwner(core.db, id, allow);
  if (!allow) core.security.deviceSeat(id).lock();
}
