-- A writer that knows a product's supplier sets supplier_id with the name (the import resolves each
-- supplier name once, db/suppliers.ts linkSupplierByName; the products service links a chosen
-- supplier): the link triggers of migration 9 then leave the row alone. Their UPDATE of the row just
-- written rewrote it and queued its search row again, 1–2.5 s of a 100,000-row import. A writer that
-- gives only the name (supplier_id NULL on insert, unchanged on update) is linked by name as before.

DROP TRIGGER products_supplier_link_insert;
CREATE TRIGGER products_supplier_link_insert AFTER INSERT ON products
  WHEN trim(NEW.supplier) <> '' AND NEW.supplier_id IS NULL
BEGIN
  INSERT INTO suppliers (name_zh)
    SELECT trim(NEW.supplier)
     WHERE NOT EXISTS (SELECT 1 FROM suppliers WHERE lower(name_zh) = lower(trim(NEW.supplier)))
       AND NOT EXISTS (SELECT 1 FROM suppliers WHERE name_en <> '' AND lower(name_en) = lower(trim(NEW.supplier)));
  UPDATE products
     SET supplier_id = COALESCE(
           (SELECT id FROM suppliers WHERE lower(name_zh) = lower(trim(NEW.supplier))),
           (SELECT id FROM suppliers WHERE name_en <> '' AND lower(name_en) = lower(trim(NEW.supplier)) ORDER BY id LIMIT 1))
   WHERE id = NEW.id;
END;

DROP TRIGGER products_supplier_link_update;
CREATE TRIGGER products_supplier_link_update AFTER UPDATE OF supplier ON products
  WHEN NEW.supplier IS NOT OLD.supplier AND NEW.supplier_id IS OLD.supplier_id
BEGIN
  INSERT INTO suppliers (name_zh)
    SELECT trim(NEW.supplier)
     WHERE trim(NEW.supplier) <> ''
       AND NOT EXISTS (SELECT 1 FROM suppliers WHERE lower(name_zh) = lower(trim(NEW.supplier)))
       AND NOT EXISTS (SELECT 1 FROM suppliers WHERE name_en <> '' AND lower(name_en) = lower(trim(NEW.supplier)));
  UPDATE products
     SET supplier_id = CASE WHEN trim(NEW.supplier) = '' THEN NULL ELSE COALESCE(
           (SELECT id FROM suppliers WHERE lower(name_zh) = lower(trim(NEW.supplier))),
           (SELECT id FROM suppliers WHERE name_en <> '' AND lower(name_en) = lower(trim(NEW.supplier)) ORDER BY id LIMIT 1)) END
   WHERE id = NEW.id;
END;
