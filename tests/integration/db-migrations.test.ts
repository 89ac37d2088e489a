import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPragmas, openDatabase } from '../../db/open';
import { loadMigrations, migrate, MigrationError, schemaVersion, type Migration } from '../../db/migrate';
import { appPath } from '../../main/paths/appRoot';
import { tempDir } from '../helpers/tempCore';

const migrations = loadMigrations();
const latest = migrations.length;
const fixtureDir = appPath('tests', 'fixtures', 'migrations');

function fixture(version: number): string | null {
  const file = path.join(fixtureDir, `${String(version).padStart(3, '0')}.sql`);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
}

function tableCounts(db: Database.Database): Map<string, number> {
  const tables = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'")
    .all();
  return new Map(tables.map((t) => [t.name, (db.prepare(`SELECT count(*) AS n FROM "${t.name}"`).get() as { n: number }).n]));
}

describe('database migrations', () => {
  const dirs: Array<() => void> = [];
  afterEach(() => dirs.splice(0).forEach((remove) => remove()));

  function newDbFile(): string {
    const { dir, remove } = tempDir();
    dirs.push(remove);
    return path.join(dir, 'stallkeeper.db');
  }

  it('numbers the migrations 1, 2, 3… without gaps and every one has an upgrade fixture', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    for (const m of migrations) expect(fixture(m.version), `tests/fixtures/migrations/${String(m.version).padStart(3, '0')}.sql`).not.toBeNull();
  });

  it('opens a new database at the latest schema with WAL, foreign keys and synchronous FULL', () => {
    const db = openDatabase(newDbFile());
    expect(schemaVersion(db)).toBe(latest);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    db.close();
  });

  for (let from = 0; from < latest; from += 1) {
    it(`upgrades a database from schema version ${from} to ${latest} keeping its data`, () => {
      const file = newDbFile();
      const db = new Database(file);
      applyPragmas(db);
      for (let v = 1; v <= from; v += 1) {
        migrate(db, migrations, v);
        const data = fixture(v);
        if (data) db.exec(data);
      }
      expect(schemaVersion(db)).toBe(from);
      const before = tableCounts(db);
      migrate(db, migrations);
      expect(schemaVersion(db)).toBe(latest);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
      const after = tableCounts(db);
      for (const [table, count] of before) {
        if (after.has(table)) expect(after.get(table), table).toBeGreaterThanOrEqual(count);
      }
      if (from >= 1) {
        const product = db.prepare("SELECT item_no, name_ar FROM products WHERE item_no = '00123'").get() as { item_no: string; name_ar: string };
        expect(product).toEqual({ item_no: '00123', name_ar: 'سيارة' });
        // 009: every product is made in China unless set.
        expect(db.prepare("SELECT origin_country FROM products WHERE item_no = '00123'").pluck().get()).toBe('CN');
      }
      if (from >= 2) {
        // 009 rebuilt the Incoterm column for the eleven Incoterms 2020 rules: stored terms stay, CPT/CIP/DPU/FAS fit.
        expect(db.prepare('SELECT id, incoterm, incoterm_place FROM quotes ORDER BY id').all()).toEqual([
          { id: 1, incoterm: 'FOB', incoterm_place: 'Ningbo' },
          { id: 2, incoterm: 'FOB', incoterm_place: 'Ningbo' },
        ]);
        for (const rule of ['CPT', 'CIP', 'DPU', 'FAS']) db.prepare('UPDATE quotes SET incoterm = ? WHERE id = 2').run(rule);
        expect(() => db.prepare("UPDATE quotes SET incoterm = 'C&F' WHERE id = 2").run()).toThrow(/CHECK/);
      }
      db.close();
    });
  }

  it('leaves the database exactly as it was when a migration fails', () => {
    const file = newDbFile();
    const db = new Database(file);
    applyPragmas(db);
    migrate(db, migrations);
    db.exec(fixture(1) ?? '');
    const broken: Migration[] = [
      ...migrations,
      { version: latest + 1, name: 'broken', sql: "ALTER TABLE products ADD COLUMN extra TEXT; UPDATE products SET name_en = 'changed'; SELECT * FROM no_such_table;" },
    ];
    expect(() => migrate(db, broken)).toThrow(MigrationError);
    expect(schemaVersion(db)).toBe(latest);
    const columns = (db.pragma('table_info(products)') as Array<{ name: string }>).map((c) => c.name);
    expect(columns).not.toContain('extra');
    expect((db.prepare("SELECT name_en FROM products WHERE item_no = '00123'").get() as { name_en: string }).name_en).toBe('Pull-back car');
    db.close();
  });

  it('refuses to open a database written by a newer version of the app', () => {
    const file = newDbFile();
    const db = new Database(file);
    db.pragma(`user_version = ${latest + 5}`);
    db.close();
    expect(() => openDatabase(file)).toThrow(/newer Stallkeeper/);
  });
});
