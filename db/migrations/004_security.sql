-- Stallkeeper schema, version 2: the owner PIN and the local-network mode.
-- Neither is rolled back by a restore: main/backup/restore.ts carries the
-- current rows of both tables into the restored database.

-- One row. owner_pin_hash: NULL = no PIN yet (the PC is the owner and is
-- asked to set one); otherwise 'scrypt$N$r$p$<salt b64>$<hash b64>'.
CREATE TABLE security_settings (
  id                  INTEGER PRIMARY KEY CHECK (id = 1),
  owner_pin_hash      TEXT CHECK (owner_pin_hash IS NULL OR owner_pin_hash LIKE 'scrypt$%'),
  owner_idle_minutes  INTEGER NOT NULL DEFAULT 15 CHECK (owner_idle_minutes BETWEEN 1 AND 240),
  lan_enabled         INTEGER NOT NULL DEFAULT 0 CHECK (lan_enabled IN (0, 1)),
  updated_at          TEXT
);
INSERT INTO security_settings (id) VALUES (1);

-- Tablets and phones paired over the stall's Wi-Fi. Only the SHA-256 of a
-- device's token is stored; revoked devices stay listed with revoked_at.
-- allow_owner = 1: the owner PIN may be entered on that device.
CREATE TABLE paired_devices (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL CHECK (trim(name) <> ''),
  token_sha256  TEXT NOT NULL UNIQUE CHECK (length(token_sha256) = 64),
  allow_owner   INTEGER NOT NULL DEFAULT 0 CHECK (allow_owner IN (0, 1)),
  paired_at     TEXT NOT NULL,
  last_seen_at  TEXT,
  revoked_at    TEXT
);
