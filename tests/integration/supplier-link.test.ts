import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/open';
import { linkSupplierByName } from '../../db/suppliers';
import { invoke } from '../../main/api/invoke';
import { importProducts } from '../../main/imports/service';
import { tempCore } from '../helpers/tempCore';

const SEED = "INSERT INTO suppliers (id, name_zh, name_en) VALUES (1, '金华新达玩具厂', 'Jinhua Xinda Toys'), (2, '义乌美丽饰品', ''), (3, 'Ningbo Haitian', 'Haitian Kitchen')";

describe('supplier links', () => {
  it('resolves a typed supplier name to the supplier the link trigger would choose, making the same new suppliers', () => {
    const byTrigger = openDatabase(':memory:');
    const byWriter = openDatabase(':memory:');
    const word = fc.constantFrom('Jinhua Xinda Toys', 'JINHUA xinda toys', '金华新达玩具厂', '义乌美丽饰品', 'haitian kitchen', 'ningbo HAITIAN', 'Ningbo Haitian', 'Élan Déco', 'ÉLAN DÉCO', 'Shantou Fun', '');
    const name = fc.tuple(fc.constantFrom('', ' ', '  ', '\t'), word, fc.constantFrom('', ' ', '\u3000')).map(([a, w, b]) => `${a}${w}${b}`);
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 12 }), (names) => {
        for (const db of [byTrigger, byWriter]) db.exec(`BEGIN; ${SEED}`);
        try {
          names.forEach((n, i) => {
            byTrigger.prepare('INSERT INTO products (item_no, name_en, supplier) VALUES (?, ?, ?)').run(`P-${i}`, 'x', n);
            const id = linkSupplierByName(byWriter, n);
            // The id itself, not the row: a row written with supplier_id NULL would be linked by the trigger.
            expect(id).toBe(byTrigger.prepare('SELECT supplier_id FROM products WHERE item_no = ?').pluck().get(`P-${i}`));
            byWriter.prepare('INSERT INTO products (item_no, name_en, supplier, supplier_id) VALUES (?, ?, ?, ?)').run(`P-${i}`, 'x', n, id);
          });
          const rows = (sql: string) => [byTrigger.prepare(sql).all(), byWriter.prepare(sql).all()];
          const [productsA, productsB] = rows('SELECT item_no, supplier_id FROM products ORDER BY id');
          expect(productsB).toEqual(productsA);
          const [suppliersA, suppliersB] = rows('SELECT id, name_zh, name_en FROM suppliers ORDER BY id');
          expect(suppliersB).toEqual(suppliersA);
        } finally {
          for (const db of [byTrigger, byWriter]) db.exec('ROLLBACK');
        }
      }),
      { numRuns: 300 },
    );
    byTrigger.close();
    byWriter.close();
  });

  it('links imported products to their suppliers by name, one supplier per name whatever its case and spaces', async () => {
    const core = tempCore();
    try {
      await invoke(core, 'suppliers.create', { names: { zh: '金华新达玩具厂', en: 'Jinhua Xinda Toys' } });
      const csv = ['item_no,name_en,supplier', 'T-1,Car,jinhua xinda toys', 'T-2,Doll, Shantou Fun ', 'T-3,Ball,SHANTOU FUN', 'T-4,Kite,'].join('\n');
      const report = await importProducts(core, { fileName: 'catalog.csv', bytes: Buffer.from(csv), owner: true });
      expect(report.written).toBe(true);
      const suppliers = core.db.prepare('SELECT id, name_zh FROM suppliers ORDER BY id').all() as Array<{ id: number; name_zh: string }>;
      expect(suppliers.map((s) => s.name_zh)).toEqual(['金华新达玩具厂', 'Shantou Fun']);
      const link = core.db.prepare('SELECT item_no, supplier_id FROM products ORDER BY item_no').all();
      expect(link).toEqual([
        { item_no: 'T-1', supplier_id: suppliers[0]?.id },
        { item_no: 'T-2', supplier_id: suppliers[1]?.id },
        { item_no: 'T-3', supplier_id: suppliers[1]?.id },
        { item_no: 'T-4', supplier_id: null },
      ]);
      // A later file that names another supplier moves the link; one that names none unlinks.
      const again = ['item_no,name_en,supplier', 'T-1,Car,Shantou Fun', 'T-2,Doll,'].join('\n');
      await importProducts(core, { fileName: 'catalog.csv', bytes: Buffer.from(again), owner: true });
      expect(core.db.prepare("SELECT item_no, supplier_id FROM products WHERE item_no IN ('T-1', 'T-2') ORDER BY item_no").all()).toEqual([
        { item_no: 'T-1', supplier_id: suppliers[1]?.id },
        { item_no: 'T-2', supplier_id: null },
      ]);
    } finally {
      core.remove();
    }
  });
});
