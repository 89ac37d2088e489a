import type { Db } from './open';

/** security_settings, as stored (one row). */
export interface SecurityRow {
  owner_pin_hash: string | null;
  owner_idle_minutes: number;
  lan_enabled: number;
  updated_at: string | null;
}

export interface DeviceRow {
  id: number;
  name: string;
  token_sha256: string;
  allow_owner: number;
  paired_at: string;
  last_seen_at: string | null;
  revoked_at: string | null;
}

export function getSecurity(db: Db): SecurityRow {
  return db
    .prepare<[], SecurityRow>('SELECT owner_pin_hash, owner_idle_minutes, lan_enabled, updated_at FROM security_settings WHERE id = 1')
    .get() as SecurityRow;
}

export function setOwnerPinHash(db: Db, hash: string | null, now: string): void {
  db.prepare('UPDATE security_settings SET owner_pin_hash = ?, updated_at = ? WHERE id = 1').run(hash, now);
}

export function setOwnerIdleMinutes(db: Db, minutes: number, now: string): void {
  db.prepare('UPDATE security_settings SET owner_idle_minutes = ?, updated_at = ? WHERE id = 1').run(minutes, now);
}

export function setLanEnabled(db: Db, enabled: boolean, now: string): void {
  db.prepare('UPDATE security_settings SET lan_enabled = ?, updated_at = ? WHERE id = 1').run(enabled ? 1 : 0, now);
}

export function insertDevice(db: Db, device: { name: string; token_sha256: string; paired_at: string }): number {
  const info = db
    .prepare('INSERT INTO paired_devices (name, token_sha256, paired_at, last_seen_at) VALUES (@name, @token_sha256, @paired_at, @paired_at)')
    .run(device);
  return Number(info.lastInsertRowid);
}

/** The device holding this token, unless it was revoked. */
export function activeDeviceByToken(db: Db, tokenSha256: string): DeviceRow | undefined {
  return db
    .prepare<[string], DeviceRow>('SELECT * FROM paired_devices WHERE token_sha256 = ? AND revoked_at IS NULL')
    .get(tokenSha256);
}

export function getDevice(db: Db, id: number): DeviceRow | undefined {
  return db.prepare<[number], DeviceRow>('SELECT * FROM paired_devices WHERE id = ?').get(id);
}

/** Active devices first (newest pairing first), then revoked ones. */
export function listDevices(db: Db): DeviceRow[] {
  return db
    .prepare<[], DeviceRow>('SELECT * FROM paired_devices ORDER BY revoked_at IS NOT NULL, paired_at DESC, id DESC')
    .all();
}

export function revokeDevice(db: Db, id: number, now: string): boolean {
  return db.prepare('UPDATE paired_devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(now, id).changes > 0;
}

export function setDeviceAllowOwner(db: Db, id: number, allow: boolean): void {
  db.prepare('UPDATE paired_devices SET allow_owner = ? WHERE id = ?').run(allow ? 1 : 0, id);
}

/** Records when a device was last seen; callers throttle it (one write a minute at most). */
export function touchDevice(db: Db, id: number, now: string): void {
  db.prepare('UPDATE paired_devices SET last_seen_at = ? WHERE id = ?').run(now, id);
}

/** Both security tables, to carry them across a restore. */
export interface SecurityState {
  settings: SecurityRow;
  devices: DeviceRow[];
}

export function readSecurityState(db: Db): SecurityState {
  return { settings: getSecurity(db), devices: db.prepare<[], DeviceRow>('SELECT * FROM paired_devices ORDER BY id').all() };
}

/** Replaces both security tables with `state` (one transaction). */
export function writeSecurityState(db: Db, state: SecurityState): void {
  db.transaction(() => {
    db.prepare(
      `UPDATE security_settings SET owner_pin_hash = @owner_pin_hash, owner_idle_minutes = @owner_idle_minutes,
              lan_enabled = @lan_enabled, updated_at = @updated_at WHERE id = 1`,
    ).run(state.settings);
    db.prepare('DELETE FROM paired_devices').run();
    const insert = db.prepare(
      `INSERT INTO paired_devices (id, name, token_sha256, allow_owner, paired_at, last_seen_at, revoked_at)
       VALUES (@id, @name, @token_sha256, @allow_owner, @paired_at, @last_seen_at, @revoked_at)`,
    );
    for (const device of state.devices) insert.run(device);
  }).immediate();
}
