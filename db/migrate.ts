import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { appPath } from '../main/paths/appRoot';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{3})_([a-z0-9_]+)\.sql$/;

/** The numbered migrations in db/migrations, checked to run 1, 2, 3… without gaps. */
export function loadMigrations(dir = appPath('db', 'migrations')): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .map((file) => {
      const match = FILE_PATTERN.exec(file);
      if (!match) return null;
      return {
        version: Number(match[1]),
        name: match[2] ?? file,
        sql: fs.readFileSync(path.join(dir, file), 'utf8'),
      };
    })
    .filter((m): m is Migration => m !== null)
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`db/migrations: expected migration ${i + 1}, found ${m.version}_${m.name}`);
    }
  });
  return migrations;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export class MigrationError extends Error {
  constructor(
    readonly version: number,
    readonly migrationName: string,
    cause: unknown,
  ) {
    super(
      `Database upgrade to version ${version} (${migrationName}) failed; the database was left unchanged: ${
        cause instanceof Error ? cause.message : String(cause)
      }`,
    );
  }
}

/**
 * Brings the database to the newest schema. Each migration runs in its own
 * transaction together with its PRAGMA user_version bump, so a failure leaves
 * the database at the previous version, intact. A database from a newer app
 * version is refused rather than touched.
 */
export function migrate(db: Database, migrations: Migration[] = loadMigrations(), target?: number): number {
  const latest = target ?? migrations.length;
  let current = schemaVersion(db);
  if (current > migrations.length) {
    throw new Error(
      `This database was written by a newer Stallkeeper (schema ${current}, this app knows up to ${migrations.length}); update the app to open it.`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > latest) continue;
    const run = db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    });
    try {
      // foreign_keys cannot change inside a transaction; migrations that rebuild
      // tables check the result with foreign_key_check themselves.
      run.immediate();
    } catch (error) {
      throw new MigrationError(migration.version, migration.name, error);
    }
    current = migration.version;
  }
  return current;
}
