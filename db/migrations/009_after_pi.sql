-- After the PI: suppliers, purchase orders, goods in, deliveries to the buyer's forwarder,
-- payments to suppliers.
-- Units as everywhere: *_e4 = value x 10^4 (amounts in CNY rounded to the fen, unit costs
-- with 4 decimals), *_e3 = m3 x 1000, *_mm, *_g; dates YYYY-MM-DD, timestamps ISO 8601 UTC.

-- Factories and workshops. name_zh is the name as the stall writes it (usually Chinese);
-- names are unique whatever their case (ASCII letters, as SQLite's lower() folds them).
-- Payment terms: free text, plus the structured part the app can count with:
-- deposit_percent paid at order, the balance at delivery, monthly (balance_days = the day of
-- the month after delivery it is settled on) or balance_days after delivery.
CREATE TABLE suppliers (
  id               INTEGER PRIMARY KEY,
  name_zh          TEXT NOT NULL CHECK (name_zh <> '' AND name_zh = trim(name_zh)),
  name_en          TEXT NOT NULL DEFAULT '',
  contact          TEXT NOT NULL DEFAULT '',
  phone            TEXT NOT NULL DEFAULT '',              -- E.164
  wechat           TEXT NOT NULL DEFAULT '',
  address          TEXT NOT NULL DEFAULT '',
  payment_terms    TEXT NOT NULL DEFAULT '',
  deposit_percent  INTEGER NOT NULL DEFAULT 0 CHECK (deposit_percent BETWEEN 0 AND 100),
  balance_terms    TEXT NOT NULL DEFAULT 'at_delivery' CHECK (balance_terms IN ('at_delivery', 'monthly', 'days_after_delivery')),
  balance_days     INTEGER NOT NULL DEFAULT 0 CHECK (balance_days BETWEEN 0 AND 365),
  notes            TEXT NOT NULL DEFAULT '',
  archived         INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX suppliers_name ON suppliers (lower(name_zh));

-- A product's supplier: the record, and the factory's own item no. products.supplier (the
-- text typed until now) stays as the supplier's name, kept in step by the triggers below.
ALTER TABLE products ADD COLUMN supplier_id INTEGER REFERENCES suppliers(id);
ALTER TABLE products ADD COLUMN supplier_item_no TEXT NOT NULL DEFAULT '';
CREATE INDEX products_supplier ON products (supplier_id) WHERE supplier_id IS NOT NULL;

-- One supplier per distinct name already typed on products (trimmed, case-insensitively),
-- spelled as on the first product that has it; every product is linked to it (the text the
-- product carries is left as it was typed).
INSERT INTO suppliers (name_zh, created_at, updated_at)
  SELECT name, made, made FROM (
    -- with min(id) the only aggregate, the other columns come from that first product
    SELECT trim(supplier) AS name, created_at AS made, min(id) AS first_id
      FROM products WHERE trim(supplier) <> '' GROUP BY lower(trim(supplier)))
   ORDER BY first_id;
UPDATE products
   SET supplier_id = (SELECT s.id FROM suppliers s WHERE lower(s.name_zh) = lower(trim(products.supplier)))
 WHERE trim(supplier) <> '';

-- A supplier name typed on a product (the product form, an import, an older client) links the
-- product to the supplier of that name (its Chinese name, else its English one), made if there
-- is none; an empty name unlinks it. Whoever writes the product, the link follows the text.
-- Each lookup is one probe of an index on the lower-cased name.
CREATE INDEX suppliers_name_en ON suppliers (lower(name_en)) WHERE name_en <> '';

CREATE TRIGGER products_supplier_link_insert AFTER INSERT ON products
  WHEN trim(NEW.supplier) <> ''
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

CREATE TRIGGER products_supplier_link_update AFTER UPDATE OF supplier ON products
  WHEN NEW.supplier IS NOT OLD.supplier
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

-- Purchase order numbering: prefix + year + 4-digit sequence of the year (PO2026-0001).
CREATE TABLE purchase_settings (
  id            INTEGER PRIMARY KEY CHECK (id = 1),
  order_prefix  TEXT NOT NULL DEFAULT 'PO' CHECK (order_prefix <> ''),
  updated_at    TEXT
);
INSERT INTO purchase_settings (id) VALUES (1);

-- A purchase order to one supplier, for a PI (invoice_id) or for stock (NULL). Numbers are
-- gapless per year like PIs: taken when the order is made (a draft has one), never deleted
-- (a cancelled order keeps its number). Amounts in CNY, the factory's currency.
-- draft -> ordered -> partly_received -> received -> closed; draft/ordered -> cancelled;
-- partly_received -> closed (the rest will not come).
CREATE TABLE purchase_orders (
  id              INTEGER PRIMARY KEY,
  year            INTEGER NOT NULL,
  seq             INTEGER NOT NULL CHECK (seq >= 1),
  number          TEXT NOT NULL UNIQUE CHECK (number <> ''),
  supplier_id     INTEGER NOT NULL REFERENCES suppliers(id),
  invoice_id      INTEGER REFERENCES invoices(id),
  status          TEXT NOT NULL DEFAULT 'draft'
                  CHECK (status IN ('draft', 'ordered', 'partly_received', 'received', 'closed', 'cancelled')),
  order_date      TEXT NOT NULL,
  delivery_date   TEXT,                                   -- when the factory delivers, editable
  requirements    TEXT NOT NULL DEFAULT '',               -- quality and packing requirements
  shipping_marks  TEXT NOT NULL DEFAULT '',
  notes           TEXT NOT NULL DEFAULT '',
  total_e4        INTEGER NOT NULL DEFAULT 0 CHECK (total_e4 >= 0),   -- CNY: sum of the lines
  ordered_at      TEXT,
  received_at     TEXT,
  closed_at       TEXT,
  cancelled_at    TEXT,
  cancel_reason   TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (year, seq)
);
CREATE INDEX purchase_orders_supplier ON purchase_orders (supplier_id, order_date);
CREATE INDEX purchase_orders_invoice ON purchase_orders (invoice_id) WHERE invoice_id IS NOT NULL;
CREATE INDEX purchase_orders_status ON purchase_orders (status, delivery_date);

CREATE TRIGGER purchase_orders_never_deleted BEFORE DELETE ON purchase_orders
  BEGIN SELECT RAISE(ABORT, 'a purchase order is never deleted (cancel it: it keeps its number)'); END;
CREATE TRIGGER purchase_orders_number_frozen BEFORE UPDATE ON purchase_orders
  WHEN NEW.number IS NOT OLD.number OR NEW.year IS NOT OLD.year OR NEW.seq IS NOT OLD.seq
    OR NEW.supplier_id IS NOT OLD.supplier_id OR NEW.invoice_id IS NOT OLD.invoice_id
  BEGIN SELECT RAISE(ABORT, 'a purchase order keeps its number, supplier and PI'); END;

-- A line: the product as ordered (our item no, the factory's, names, packing), quantity in
-- pieces (the product's unit) and cartons, the unit cost (CNY, 4 decimals; NULL: not known)
-- and amount = qty x unit cost rounded to the fen. invoice_line_id: the PI line (its
-- document line id) it was made from.
CREATE TABLE purchase_lines (
  id                INTEGER PRIMARY KEY,
  order_id          INTEGER NOT NULL REFERENCES purchase_orders(id),
  position          INTEGER NOT NULL,
  product_id        INTEGER NOT NULL REFERENCES products(id),
  invoice_line_id   INTEGER,
  item_no           TEXT NOT NULL,
  supplier_item_no  TEXT NOT NULL DEFAULT '',
  name_zh           TEXT NOT NULL DEFAULT '',
  name_en           TEXT NOT NULL DEFAULT '',
  unit              TEXT NOT NULL DEFAULT 'pcs',
  colors            TEXT NOT NULL DEFAULT '',
  qty               INTEGER NOT NULL CHECK (qty > 0),
  cartons           INTEGER NOT NULL DEFAULT 0 CHECK (cartons >= 0),
  pcs_per_inner     INTEGER,
  pcs_per_carton    INTEGER,
  carton_l_mm       INTEGER,
  carton_w_mm       INTEGER,
  carton_h_mm       INTEGER,
  gw_g              INTEGER,
  nw_g              INTEGER,
  unit_cost_e4      INTEGER CHECK (unit_cost_e4 >= 0),
  amount_e4         INTEGER NOT NULL DEFAULT 0 CHECK (amount_e4 >= 0),
  note              TEXT NOT NULL DEFAULT ''
);
CREATE INDEX purchase_lines_order ON purchase_lines (order_id, position);
CREATE INDEX purchase_lines_product ON purchase_lines (product_id);

CREATE TRIGGER purchase_lines_insert_draft_only BEFORE INSERT ON purchase_lines
  WHEN (SELECT status FROM purchase_orders WHERE id = NEW.order_id) <> 'draft'
  BEGIN SELECT RAISE(ABORT, 'only a draft purchase order''s lines can change'); END;
CREATE TRIGGER purchase_lines_update_draft_only BEFORE UPDATE ON purchase_lines
  WHEN (SELECT status FROM purchase_orders WHERE id = OLD.order_id) <> 'draft'
  BEGIN SELECT RAISE(ABORT, 'only a draft purchase order''s lines can change'); END;
CREATE TRIGGER purchase_lines_delete_draft_only BEFORE DELETE ON purchase_lines
  WHEN (SELECT status FROM purchase_orders WHERE id = OLD.order_id) <> 'draft'
  BEGIN SELECT RAISE(ABORT, 'only a draft purchase order''s lines can change'); END;

-- Goods in against a purchase order, in parts. Per line: good pieces (into stock through the
-- ledger: move_id is that receive movement, reference = the PO number), cartons, pieces that
-- arrived damaged (not put in stock) and a note.
CREATE TABLE purchase_receipts (
  id           INTEGER PRIMARY KEY,
  order_id     INTEGER NOT NULL REFERENCES purchase_orders(id),
  received_on  TEXT NOT NULL,
  note         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL
);
CREATE INDEX purchase_receipts_order ON purchase_receipts (order_id, received_on);

CREATE TABLE purchase_receipt_lines (
  receipt_id  INTEGER NOT NULL REFERENCES purchase_receipts(id),
  line_id     INTEGER NOT NULL REFERENCES purchase_lines(id),
  qty         INTEGER NOT NULL CHECK (qty >= 0),
  cartons     INTEGER NOT NULL DEFAULT 0 CHECK (cartons >= 0),
  damaged     INTEGER NOT NULL DEFAULT 0 CHECK (damaged >= 0),
  note        TEXT NOT NULL DEFAULT '',
  move_id     INTEGER REFERENCES stock_moves(id),
  PRIMARY KEY (receipt_id, line_id),
  CHECK (qty + damaged > 0),
  CHECK ((qty > 0) = (move_id IS NOT NULL))
) WITHOUT ROWID;
CREATE INDEX purchase_receipt_lines_line ON purchase_receipt_lines (line_id);

CREATE TRIGGER purchase_receipts_never_deleted BEFORE DELETE ON purchase_receipts
  BEGIN SELECT RAISE(ABORT, 'goods received stay on record (correct the stock with an adjustment)'); END;

-- Money paid to a supplier against a purchase order, in CNY.
CREATE TABLE supplier_payments (
  id          INTEGER PRIMARY KEY,
  order_id    INTEGER NOT NULL REFERENCES purchase_orders(id),
  paid_on     TEXT NOT NULL,
  amount_e4   INTEGER NOT NULL CHECK (amount_e4 > 0),
  method      TEXT NOT NULL CHECK (method IN ('tt', 'cash', 'alipay', 'wechat_pay', 'western_union', 'other')),
  reference   TEXT NOT NULL DEFAULT '',
  note        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
);
CREATE INDEX supplier_payments_order ON supplier_payments (order_id, paid_on);

-- Forwarders and agents' warehouses the goods are delivered to.
CREATE TABLE forwarders (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL CHECK (trim(name) <> ''),
  contact     TEXT NOT NULL DEFAULT '',
  phone       TEXT NOT NULL DEFAULT '',                   -- E.164
  address     TEXT NOT NULL DEFAULT '',                   -- the warehouse
  notes       TEXT NOT NULL DEFAULT '',
  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

-- A delivery of a PI's cartons to the buyer's forwarder (one PI may have several: partial
-- shipment). The forwarder is copied as delivered (name, phone, warehouse) so a later change
-- of the list does not rewrite it. entry_no: the warehouse entry number (进仓编号).
-- Totals are the sums of the lines (main/quotes/totals.ts rules).
CREATE TABLE shipments (
  id                 INTEGER PRIMARY KEY,
  invoice_id         INTEGER NOT NULL REFERENCES invoices(id),
  seq                INTEGER NOT NULL CHECK (seq >= 1),
  number             TEXT NOT NULL UNIQUE CHECK (number <> ''),
  delivered_on       TEXT NOT NULL,
  forwarder_id       INTEGER REFERENCES forwarders(id),
  forwarder_name     TEXT NOT NULL DEFAULT '',
  forwarder_phone    TEXT NOT NULL DEFAULT '',
  warehouse_address  TEXT NOT NULL DEFAULT '',
  entry_no           TEXT NOT NULL DEFAULT '',
  shipping_marks     TEXT NOT NULL DEFAULT '',
  note               TEXT NOT NULL DEFAULT '',
  cartons            INTEGER NOT NULL DEFAULT 0,
  cbm_e3             INTEGER NOT NULL DEFAULT 0,
  gw_g               INTEGER NOT NULL DEFAULT 0,
  nw_g               INTEGER NOT NULL DEFAULT 0,
  created_at         TEXT NOT NULL,
  UNIQUE (invoice_id, seq)
);
CREATE INDEX shipments_date ON shipments (delivered_on);

-- Cartons by line, numbered on from the PI's earlier deliveries (carton_from..carton_to);
-- move_id: the ledger's ship movement (reference = the PI number).
CREATE TABLE shipment_lines (
  shipment_id      INTEGER NOT NULL REFERENCES shipments(id),
  position         INTEGER NOT NULL,
  invoice_line_id  INTEGER NOT NULL,
  product_id       INTEGER REFERENCES products(id),
  qty              INTEGER NOT NULL CHECK (qty > 0),
  cartons          INTEGER NOT NULL CHECK (cartons >= 0),
  carton_from      INTEGER,
  carton_to        INTEGER,
  cbm_e3           INTEGER NOT NULL DEFAULT 0,
  gw_g             INTEGER NOT NULL DEFAULT 0,
  nw_g             INTEGER NOT NULL DEFAULT 0,
  move_id          INTEGER REFERENCES stock_moves(id),
  PRIMARY KEY (shipment_id, position),
  CHECK ((carton_from IS NULL) = (carton_to IS NULL) AND (carton_from IS NULL OR carton_to >= carton_from))
) WITHOUT ROWID;
CREATE INDEX shipment_lines_line ON shipment_lines (invoice_line_id);

CREATE TRIGGER shipments_never_deleted BEFORE DELETE ON shipments
  BEGIN SELECT RAISE(ABORT, 'a delivery stays on record (correct the stock with an adjustment)'); END;

-- What each PI is owed, kept up to date by triggers whoever writes (the invoices, payments and
-- shipments tables): the statements, the receivables list and the dashboard read this small
-- table instead of every PI's row (whose frozen content, kilobytes on overflow pages, comes
-- before status in the row) and every payment. paid_e4 = Σ payments; first_delivery_on = the
-- first delivery's date (or, for a PI shipped before deliveries were recorded, the UTC date of
-- shipped_at); payment_terms and delivery_time are copied out of the frozen content once.
CREATE TABLE invoice_balances (
  invoice_id         INTEGER PRIMARY KEY REFERENCES invoices(id),
  number             TEXT NOT NULL,
  buyer_id           INTEGER NOT NULL,
  currency           TEXT NOT NULL,
  issued_on          TEXT NOT NULL,
  status             TEXT NOT NULL,
  total_e4           INTEGER NOT NULL,
  deposit_e4         INTEGER NOT NULL,
  paid_e4            INTEGER NOT NULL DEFAULT 0,
  first_delivery_on  TEXT,
  payment_terms      TEXT NOT NULL DEFAULT '',
  delivery_time      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX invoice_balances_buyer ON invoice_balances (buyer_id, issued_on);

INSERT INTO invoice_balances (invoice_id, number, buyer_id, currency, issued_on, status, total_e4, deposit_e4, paid_e4, first_delivery_on, payment_terms, delivery_time)
  SELECT i.id, i.number, i.buyer_id, i.currency, i.issued_on, i.status, i.grand_total_e4, i.deposit_e4,
         COALESCE((SELECT SUM(p.amount_e4) FROM payments p WHERE p.invoice_id = i.id), 0),
         CASE WHEN i.shipped_at IS NOT NULL THEN substr(i.shipped_at, 1, 10) END,
         COALESCE(json_extract(i.content, '$.paymentTerms'), ''), COALESCE(json_extract(i.content, '$.deliveryTime'), '')
    FROM invoices i;

CREATE TRIGGER invoice_balances_issue AFTER INSERT ON invoices
BEGIN
  INSERT INTO invoice_balances (invoice_id, number, buyer_id, currency, issued_on, status, total_e4, deposit_e4, payment_terms, delivery_time)
  VALUES (NEW.id, NEW.number, NEW.buyer_id, NEW.currency, NEW.issued_on, NEW.status, NEW.grand_total_e4, NEW.deposit_e4,
          COALESCE(json_extract(NEW.content, '$.paymentTerms'), ''), COALESCE(json_extract(NEW.content, '$.deliveryTime'), ''));
END;
CREATE TRIGGER invoice_balances_status AFTER UPDATE OF status, shipped_at, buyer_id ON invoices
BEGIN
  UPDATE invoice_balances
     SET status = NEW.status, buyer_id = NEW.buyer_id,
         first_delivery_on = COALESCE(first_delivery_on, CASE WHEN NEW.shipped_at IS NOT NULL THEN substr(NEW.shipped_at, 1, 10) END)
   WHERE invoice_id = NEW.id;
END;
CREATE TRIGGER invoice_balances_paid AFTER INSERT ON payments
BEGIN
  UPDATE invoice_balances SET paid_e4 = paid_e4 + NEW.amount_e4 WHERE invoice_id = NEW.invoice_id;
END;
CREATE TRIGGER invoice_balances_unpaid AFTER DELETE ON payments
BEGIN
  UPDATE invoice_balances SET paid_e4 = paid_e4 - OLD.amount_e4 WHERE invoice_id = OLD.invoice_id;
END;
CREATE TRIGGER invoice_balances_repaid AFTER UPDATE OF amount_e4, invoice_id ON payments
BEGIN
  UPDATE invoice_balances SET paid_e4 = paid_e4 - OLD.amount_e4 WHERE invoice_id = OLD.invoice_id;
  UPDATE invoice_balances SET paid_e4 = paid_e4 + NEW.amount_e4 WHERE invoice_id = NEW.invoice_id;
END;
CREATE TRIGGER invoice_balances_delivered AFTER INSERT ON shipments
BEGIN
  UPDATE invoice_balances
     SET first_delivery_on = CASE WHEN first_delivery_on IS NULL OR NEW.delivered_on < first_delivery_on THEN NEW.delivered_on ELSE first_delivery_on END
   WHERE invoice_id = NEW.invoice_id;
END;
