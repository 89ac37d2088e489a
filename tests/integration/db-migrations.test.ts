import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPragmas, openDatabase } from '../../db/open';
import { loadMigrations, migrate, MigrationError, schemaVersion, type Migration } from '../../db/migrate';
import { schemaDifferences, schemaItems } from '../../db/schema';
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

  it('opens a new database at the latest schema with WAL, foreign keys, synchronous FULL and temporary data in memory', () => {
    const db = openDatabase(newDbFile());
    expect(schemaVersion(db)).toBe(latest);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('trusted_schema', { simple: true })).toBe(0);
    expect(db.pragma('temp_store', { simple: true })).toBe(2);
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
      // Exactly the structure of a new database: a restore refuses any other (main/backup/restore.ts).
      const fresh = openDatabase(':memory:');
      expect(schemaDifferences(schemaItems(fresh), schemaItems(db))).toEqual([]);
      fresh.close();
      if (from >= 1) {
        const product = db.prepare("SELECT item_no, name_ar FROM products WHERE item_no = '00123'").get() as { item_no: string; name_ar: string };
        expect(product).toEqual({ item_no: '00123', name_ar: 'سيارة' });
        // 010: every product is made in China unless set (fixture 010 sets Vietnam).
        expect(db.prepare("SELECT origin_country FROM products WHERE item_no = '00123'").pluck().get()).toBe(from >= 10 ? 'VN' : 'CN');
      }
      if (from >= 2) {
        // 010 rebuilt the Incoterm column for the eleven Incoterms 2020 rules: stored terms stay, CPT/CIP/DPU/FAS fit.
        expect(db.prepare('SELECT id, incoterm, incoterm_place FROM quotes WHERE id IN (1, 2) ORDER BY id').all()).toEqual([
          { id: 1, incoterm: 'FOB', incoterm_place: 'Ningbo' },
          from >= 10 ? { id: 2, incoterm: 'CIP', incoterm_place: 'Mombasa' } : { id: 2, incoterm: 'FOB', incoterm_place: 'Ningbo' },
        ]);
        for (const rule of ['CPT', 'CIP', 'DPU', 'FAS']) db.prepare('UPDATE quotes SET incoterm = ? WHERE id = 2').run(rule);
        expect(() => db.prepare("UPDATE quotes SET incoterm = 'C&F' WHERE id = 2").run()).toThrow(/CHECK/);
      }
      db.close();
    });
  }

  it('leaves the supplier link of a product whose writer set supplier_id with the name, and links by name otherwise (migration 11)', () => {
    const db = openDatabase(newDbFile());
    db.exec("INSERT INTO suppliers (id, name_zh, name_en) VALUES (1, '金华新达玩具厂', 'Jinhua Xinda Toys'), (2, '义乌美丽饰品', '')");
    const linked = (itemNo: string) => db.prepare('SELECT supplier_id FROM products WHERE item_no = ?').pluck().get(itemNo);
    // Set by the writer (the import, the products service): kept as written, no supplier made from the name.
    db.exec("INSERT INTO products (item_no, name_en, supplier, supplier_id) VALUES ('A-1', 'A', 'Ningbo Haitian', 2)");
    expect(linked('A-1')).toBe(2);
    expect(db.prepare("SELECT count(*) FROM suppliers WHERE name_zh = 'Ningbo Haitian'").pluck().get()).toBe(0);
    db.exec("UPDATE products SET supplier = 'Shantou Fun', supplier_id = 1 WHERE item_no = 'A-1'");
    expect(linked('A-1')).toBe(1);
    expect(db.prepare("SELECT count(*) FROM suppliers WHERE name_zh = 'Shantou Fun'").pluck().get()).toBe(0);
    // The name changed and supplier_id left as it was: linked by the name.
    db.exec("UPDATE products SET supplier = '义乌美丽饰品' WHERE item_no = 'A-1'");
    expect(linked('A-1')).toBe(2);
    // Only the name: linked by it as before (the English name, a new supplier, an empty name unlinks).
    db.exec("INSERT INTO products (item_no, name_en, supplier) VALUES ('A-2', 'B', 'JINHUA XINDA TOYS'), ('A-3', 'C', ' Ningbo Haitian ')");
    expect(linked('A-2')).toBe(1);
    expect(linked('A-3')).toBe(db.prepare("SELECT id FROM suppliers WHERE name_zh = 'Ningbo Haitian'").pluck().get());
    db.exec("UPDATE products SET supplier = '义乌美丽饰品' WHERE item_no = 'A-2'");
    expect(linked('A-2')).toBe(2);
    db.exec("UPDATE products SET supplier = '' WHERE item_no = 'A-2'");
    expect(linked('A-2')).toBeNull();
    db.close();
  });

  it('keeps every stored amount exactly when amounts move from cents to one scale of 10^4 (migration 8)', () => {
    const db = new Database(newDbFile());
    applyPragmas(db);
    for (let v = 1; v <= 7; v += 1) {
      migrate(db, migrations, v);
      db.exec(fixture(v) ?? '');
    }
    migrate(db, migrations);
    const one = <T,>(sql: string) => db.prepare(sql).get() as T;
    // The fixtures' PI: grand total 612.38, deposit 183.71, payments 183.71 and 10.00 (+ CNY 71.00 handed over).
    expect(one('SELECT grand_total_e4, deposit_e4 FROM invoices WHERE id = 1')).toEqual({ grand_total_e4: 6_123_800, deposit_e4: 1_837_100 });
    expect(db.prepare('SELECT amount_e4, received_e4 FROM payments ORDER BY id').all()).toEqual([
      { amount_e4: 1_837_100, received_e4: null },
      { amount_e4: 100_000, received_e4: 710_000 },
    ]);
    // Quotation 1: amount 540.90, total 612.38, 2.5 % discount; its inland transport charge 85.00; a deleted draft of 1,250.05.
    expect(one('SELECT amount_e4, grand_total_e4, discount_kind, discount_e4 FROM quotes WHERE id = 1')).toEqual({ amount_e4: 5_409_000, grand_total_e4: 6_123_800, discount_kind: 'percent', discount_e4: 25_000 });
    expect(one('SELECT amount_e4 FROM quote_charges WHERE id = 1')).toEqual({ amount_e4: 850_000 });
    expect(one('SELECT grand_total_e4 FROM deleted_quotes')).toEqual({ grand_total_e4: 12_500_500 });
    // The issued PI's frozen document is untouched, and still refuses changes.
    expect(() => db.prepare('UPDATE invoices SET grand_total_e4 = 1 WHERE id = 1').run()).toThrow(/frozen/);
    db.close();
  });

  it('makes one supplier per supplier name typed on products (trimmed, any case) and links them (migration after_pi)', () => {
    const db = new Database(newDbFile());
    applyPragmas(db);
    const at = migrations.findIndex((m) => m.name === 'after_pi') + 1;
    for (let v = 1; v < at; v += 1) {
      migrate(db, migrations, v);
      db.exec(fixture(v) ?? '');
    }
    db.exec(`INSERT INTO products (id, item_no, name_en, supplier) VALUES
      (10, 'S-10', 'A', ' Jinhua Xinda Toys '), (11, 'S-11', 'B', 'jinhua xinda toys'), (12, 'S-12', 'C', '义乌美丽饰品'), (13, 'S-13', 'D', '')`);
    migrate(db, migrations, at);
    const suppliers = db.prepare('SELECT id, name_zh FROM suppliers ORDER BY id').all() as Array<{ id: number; name_zh: string }>;
    expect(suppliers.map((s) => s.name_zh)).toEqual(['Jinhua Xinda Toys', '义乌美丽饰品']);
    const linked = (itemNo: string) => (db.prepare('SELECT supplier, supplier_id FROM products WHERE item_no = ?').get(itemNo) as { supplier: string; supplier_id: number | null });
    const [xinda, meili] = suppliers as unknown as [{ id: number }, { id: number }];
    expect(linked('S-10')).toEqual({ supplier: ' Jinhua Xinda Toys ', supplier_id: xinda.id });
    expect(linked('S-11')).toEqual({ supplier: 'jinhua xinda toys', supplier_id: xinda.id });
    expect(linked('S-12').supplier_id).toBe(meili.id);
    expect(linked('S-13').supplier_id).toBeNull();
    // Whoever writes a product later (an import, an older client), the name keeps the link: an existing name links, a new one makes its supplier, an empty one unlinks.
    db.exec("INSERT INTO products (item_no, name_en, supplier) VALUES ('S-14', 'E', 'JINHUA XINDA TOYS'), ('S-15', 'F', 'Ningbo Haitian')");
    db.exec("UPDATE products SET supplier = '' WHERE item_no = 'S-10'; UPDATE products SET supplier = '义乌美丽饰品' WHERE item_no = 'S-13'");
    expect(linked('S-14').supplier_id).toBe(xinda.id);
    expect(linked('S-10').supplier_id).toBeNull();
    expect(linked('S-13').supplier_id).toBe(meili.id);
    expect(db.prepare("SELECT count(*) AS n FROM suppliers WHERE name_zh = 'Ningbo Haitian'").get()).toEqual({ n: 1 });
    expect(linked('S-15').supplier_id).not.toBeNull();
    // The fixtures' PI: what it is owed (total 612.38, paid 183.71 + 10.00), its terms copied out of its frozen content.
    expect(db.prepare('SELECT number, total_e4, paid_e4, status, first_delivery_on, payment_terms, delivery_time FROM invoice_balances WHERE invoice_id = 1').get()).toEqual({
      number: 'PI2026-0001', total_e4: 6_123_800, paid_e4: 1_937_100, status: 'deposit_received', first_delivery_on: null,
      payment_terms: '30% T/T deposit, balance before shipment', delivery_time: '30 days after deposit',
    });
    // Two suppliers may not share a name, whatever its case; purchase orders and deliveries are never deleted.
    expect(() => db.prepare("INSERT INTO suppliers (name_zh) VALUES ('jinhua XINDA toys')").run()).toThrow(/UNIQUE/);
    db.exec(fixture(at) ?? '');
    expect(linked('00123').supplier_id).toBe(901);
    // The fixture's delivery reached the PI's balance through the trigger.
    expect(db.prepare('SELECT first_delivery_on FROM invoice_balances WHERE invoice_id = 1').get()).toEqual({ first_delivery_on: '2026-03-28' });
    expect(() => db.prepare('DELETE FROM purchase_orders WHERE id = 901').run()).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM shipments WHERE id = 901').run()).toThrow(/stays on record/);
    expect(() => db.prepare("INSERT INTO purchase_lines (order_id, position, product_id, item_no, qty) VALUES (901, 1, 1, '00123', 5)").run()).toThrow(/draft/);
    db.close();
  });

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
