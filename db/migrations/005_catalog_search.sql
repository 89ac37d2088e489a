-- Catalog search and stock lookups.
--
-- product_search is a full-text index (FTS5) of every product, one row per
-- product (rowid = products.id). Its text is prepared by the app
-- (main/products/searchText.ts): names and other text with Arabic letters
-- normalized and every Chinese/Japanese character made a token of its own, so
-- a phrase query finds a CJK substring of any length, one character included;
-- item numbers and barcodes as single tokens so a prefix query equals an
-- item-no prefix; flags ("archived", the category) for filtering.
-- Columns: item, code (barcode), names (all languages), extra (category,
-- material, colours, sizes, supplier, HS code, notes), flags.
CREATE VIRTUAL TABLE product_search USING fts5(
  item, code, names, extra, flags,
  tokenize = "unicode61 remove_diacritics 2 categories 'L* N* Co M*'",
  prefix = '1 2 3',
  content = '',
  contentless_delete = 1
);

-- Products whose search row must be (re)written. Triggers put every inserted or
-- changed product here, whoever writes it; the app rewrites their rows in the
-- same transaction (products service) or before the next search.
-- fresh = 1: the product has no search row yet (nothing to delete first).
CREATE TABLE product_search_stale (
  product_id INTEGER PRIMARY KEY,
  fresh      INTEGER NOT NULL DEFAULT 0 CHECK (fresh IN (0, 1))
);

CREATE TRIGGER products_search_insert AFTER INSERT ON products BEGIN
  INSERT OR IGNORE INTO product_search_stale (product_id, fresh) VALUES (NEW.id, 1);
END;

CREATE TRIGGER products_search_update AFTER UPDATE ON products BEGIN
  INSERT OR IGNORE INTO product_search_stale (product_id, fresh) VALUES (NEW.id, 0);
END;

CREATE TRIGGER products_search_delete AFTER DELETE ON products BEGIN
  DELETE FROM product_search WHERE rowid = OLD.id;
  DELETE FROM product_search_stale WHERE product_id = OLD.id;
END;

-- Every product of an upgraded database gets indexed.
INSERT INTO product_search_stale (product_id, fresh) SELECT id, 1 FROM products;

-- Stock levels are sums over the ledger: this index covers them (no table reads),
-- and the second finds what is reserved under a reference (a PI number).
CREATE INDEX stock_moves_levels ON stock_moves (product_id, on_hand_delta, reserved_delta);
CREATE INDEX IF NOT EXISTS stock_moves_reference ON stock_moves (reference) WHERE reference <> '';
CREATE INDEX stock_moves_time ON stock_moves (moved_at);
