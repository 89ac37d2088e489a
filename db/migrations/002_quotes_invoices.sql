-- Stallkeeper schema, version 2: exchange rates, quotations, pro-forma invoices, payments.
-- Same units as version 1: *_e4 = x 10^4 (unit prices), *_e8 = x 10^8 (exchange rates),
-- *_e3 = x 10^3 (m³), *_e2 / *_cents = x 100, *_mm, *_g; dates YYYY-MM-DD (local),
-- timestamps ISO 8601 UTC.

-- Exchange rates, kept as a history: 1 unit of `currency` = cny_per_unit_e8 / 10^8 CNY.
-- The rate in force on a day is the latest row with effective_on <= that day.
CREATE TABLE exchange_rates (
  id               INTEGER PRIMARY KEY,
  currency         TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency) AND currency <> 'CNY'),
  cny_per_unit_e8  INTEGER NOT NULL CHECK (cny_per_unit_e8 > 0),
  effective_on     TEXT NOT NULL CHECK (effective_on GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  note             TEXT NOT NULL DEFAULT '',
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX exchange_rates_currency ON exchange_rates (currency, effective_on, id);

-- Containers for the fill bar: practical loading volume (less than the inside volume:
-- cartons never stack perfectly) and payload. Editable (quotes.updateSettings).
CREATE TABLE container_types (
  code             TEXT PRIMARY KEY CHECK (code <> ''),
  position         INTEGER NOT NULL,
  capacity_cbm_e3  INTEGER NOT NULL CHECK (capacity_cbm_e3 > 0),
  payload_kg       INTEGER NOT NULL CHECK (payload_kg > 0)
) WITHOUT ROWID;
INSERT INTO container_types (code, position, capacity_cbm_e3, payload_kg) VALUES
  ('20GP', 1, 28000, 21700),
  ('40GP', 2, 58000, 26500),
  ('40HQ', 3, 68000, 26500);

-- Quotation defaults that are not document terms: one row.
CREATE TABLE quote_settings (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  price_decimals  INTEGER NOT NULL DEFAULT 2 CHECK (price_decimals BETWEEN 0 AND 4),
  updated_at      TEXT
);
INSERT INTO quote_settings (id) VALUES (1);

-- A quotation. All revisions share year, seq and number; (year, seq, revision) is unique.
-- Totals (line_count … cbm_e3) are written by main/quotes/totals.ts on every change, for lists and reports.
CREATE TABLE quotes (
  id               INTEGER PRIMARY KEY,
  year             INTEGER NOT NULL,
  seq              INTEGER NOT NULL CHECK (seq >= 1),
  number           TEXT NOT NULL CHECK (number <> ''),
  revision         INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  supersedes_id    INTEGER UNIQUE REFERENCES quotes(id),
  buyer_id         INTEGER NOT NULL REFERENCES buyers(id),
  quote_date       TEXT NOT NULL,
  validity_days    INTEGER NOT NULL CHECK (validity_days BETWEEN 1 AND 365),
  valid_until      TEXT NOT NULL,
  currency         TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
  rate_e8          INTEGER NOT NULL CHECK (rate_e8 > 0),
  price_decimals   INTEGER NOT NULL DEFAULT 2 CHECK (price_decimals BETWEEN 0 AND 4),
  incoterm         TEXT NOT NULL DEFAULT 'FOB' CHECK (incoterm IN ('EXW', 'FCA', 'FOB', 'CFR', 'CIF', 'DAP', 'DDP')),
  incoterm_place   TEXT NOT NULL DEFAULT '',
  payment_terms    TEXT NOT NULL DEFAULT '',
  deposit_percent  INTEGER NOT NULL DEFAULT 30 CHECK (deposit_percent BETWEEN 0 AND 100),
  delivery_time    TEXT NOT NULL DEFAULT '',
  notes            TEXT NOT NULL DEFAULT '',
  shipping_marks   TEXT NOT NULL DEFAULT '',
  -- 'percent': discount_e2 = percent x 100 (250 = 2.5 %); 'amount': discount_e2 = cents.
  discount_kind    TEXT NOT NULL DEFAULT 'none' CHECK (discount_kind IN ('none', 'percent', 'amount')),
  discount_e2      INTEGER NOT NULL DEFAULT 0 CHECK (discount_e2 >= 0),
  status           TEXT NOT NULL DEFAULT 'draft'
                   CHECK (status IN ('draft', 'sent', 'accepted', 'rejected', 'expired', 'superseded')),
  -- The seller profile and buyer block as printed, copied when the quotation leaves draft.
  seller_snapshot  TEXT CHECK (seller_snapshot IS NULL OR json_valid(seller_snapshot)),
  buyer_snapshot   TEXT CHECK (buyer_snapshot IS NULL OR json_valid(buyer_snapshot)),
  line_count       INTEGER NOT NULL DEFAULT 0,
  amount_cents     INTEGER NOT NULL DEFAULT 0,
  grand_total_cents INTEGER NOT NULL DEFAULT 0,
  cartons          INTEGER NOT NULL DEFAULT 0,
  cbm_e3           INTEGER NOT NULL DEFAULT 0,
  sent_at          TEXT,
  accepted_at      TEXT,
  rejected_at      TEXT,
  reject_reason    TEXT NOT NULL DEFAULT '',
  expired_at       TEXT,
  superseded_at    TEXT,
  created_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at       TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (year, seq, revision)
);
CREATE INDEX quotes_buyer ON quotes (buyer_id, quote_date);
CREATE INDEX quotes_status ON quotes (status, valid_until);
CREATE INDEX quotes_date ON quotes (quote_date);

-- A line: the product as it was when added (names, cover, packing, price tiers) plus
-- quantity and price. The unit price derives from one source: the CNY tier
-- (typed_* NULL) or the price staff typed, in the currency and at the rate of that moment.
CREATE TABLE quote_lines (
  id                INTEGER PRIMARY KEY,
  quote_id          INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
  position          INTEGER NOT NULL,
  product_id        INTEGER REFERENCES products(id) ON DELETE SET NULL,
  item_no           TEXT NOT NULL,
  name_zh           TEXT NOT NULL DEFAULT '',
  name_en           TEXT NOT NULL DEFAULT '',
  name_ar           TEXT NOT NULL DEFAULT '',
  name_es           TEXT NOT NULL DEFAULT '',
  name_ru           TEXT NOT NULL DEFAULT '',
  name_fr           TEXT NOT NULL DEFAULT '',
  name_pt           TEXT NOT NULL DEFAULT '',
  cover_image       TEXT REFERENCES images(hash),
  unit              TEXT NOT NULL DEFAULT 'pcs',
  moq               INTEGER NOT NULL DEFAULT 0,
  colors            TEXT NOT NULL DEFAULT '',
  material          TEXT NOT NULL DEFAULT '',
  sizes             TEXT NOT NULL DEFAULT '',
  hs_code           TEXT NOT NULL DEFAULT '',
  barcode           TEXT NOT NULL DEFAULT '',
  pcs_per_inner     INTEGER,
  pcs_per_carton    INTEGER,
  carton_l_mm       INTEGER,
  carton_w_mm       INTEGER,
  carton_h_mm       INTEGER,
  gw_g              INTEGER,
  nw_g              INTEGER,
  -- The product's CNY price tiers when the line was added: [{"minQty":288,"priceCnyE4":23500}, …]
  price_tiers       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(price_tiers)),
  qty               INTEGER NOT NULL CHECK (qty > 0),
  unit_price_e4     INTEGER NOT NULL CHECK (unit_price_e4 >= 0),
  typed_price_e4    INTEGER CHECK (typed_price_e4 >= 0),
  typed_currency    TEXT,
  typed_rate_e8     INTEGER CHECK (typed_rate_e8 > 0),
  note              TEXT NOT NULL DEFAULT '',
  CHECK ((typed_price_e4 IS NULL) = (typed_currency IS NULL) AND (typed_price_e4 IS NULL) = (typed_rate_e8 IS NULL))
);
CREATE INDEX quote_lines_quote ON quote_lines (quote_id, position);
CREATE INDEX quote_lines_product ON quote_lines (product_id);

-- Freight, inland transport, samples… in the quotation's currency.
CREATE TABLE quote_charges (
  id            INTEGER PRIMARY KEY,
  quote_id      INTEGER NOT NULL REFERENCES quotes(id) ON DELETE CASCADE,
  position      INTEGER NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('freight', 'inland_transport', 'samples', 'packing', 'insurance', 'other')),
  description   TEXT NOT NULL DEFAULT '',
  amount_cents  INTEGER NOT NULL CHECK (amount_cents >= 0)
);
CREATE INDEX quote_charges_quote ON quote_charges (quote_id, position);

-- Only a draft's lines and charges change (a line's product link may still be cleared).
CREATE TRIGGER quote_lines_insert_draft_only BEFORE INSERT ON quote_lines
  WHEN (SELECT status FROM quotes WHERE id = NEW.quote_id) <> 'draft'
  BEGIN SELECT RAISE(ABORT, 'only a draft quotation''s lines can change'); END;
CREATE TRIGGER quote_lines_update_draft_only BEFORE UPDATE OF quote_id, position, item_no, qty, unit_price_e4,
    typed_price_e4, typed_currency, typed_rate_e8, note, pcs_per_carton, price_tiers ON quote_lines
  WHEN (SELECT status FROM quotes WHERE id = OLD.quote_id) <> 'draft'
  BEGIN SELECT RAISE(ABORT, 'only a draft quotation''s lines can change'); END;
CREATE TRIGGER quote_lines_delete_draft_only BEFORE DELETE ON quote_lines
  WHEN (SELECT status FROM quotes WHERE id = OLD.quote_id) <> 'draft'
  BEGIN SELECT RAISE(ABORT, 'only a draft quotation''s lines can change'); END;
CREATE TRIGGER quote_charges_insert_draft_only BEFORE INSERT ON quote_charges
  WHEN (SELECT status FROM quotes WHERE id = NEW.quote_id) <> 'draft'
  BEGIN SELECT RAISE(ABORT, 'only a draft quotation''s charges can change'); END;
CREATE TRIGGER quote_charges_delete_draft_only BEFORE DELETE ON quote_charges
  WHEN (SELECT status FROM quotes WHERE id = OLD.quote_id) <> 'draft'
  BEGIN SELECT RAISE(ABORT, 'only a draft quotation''s charges can change'); END;

-- A pro-forma invoice. Number: gapless per year (seq = 1, 2, 3… within `year`), never
-- reused: a PI is never deleted (cancelled ones keep their number). `content` is the
-- document as issued (JSON, main/invoices/types.ts InvoiceContent) and never changes.
CREATE TABLE invoices (
  id                 INTEGER PRIMARY KEY,
  year               INTEGER NOT NULL,
  seq                INTEGER NOT NULL CHECK (seq >= 1),
  number             TEXT NOT NULL UNIQUE CHECK (number <> ''),
  quote_id           INTEGER NOT NULL REFERENCES quotes(id),
  buyer_id           INTEGER NOT NULL REFERENCES buyers(id),
  issued_on          TEXT NOT NULL,
  currency           TEXT NOT NULL CHECK (length(currency) = 3),
  rate_e8            INTEGER NOT NULL CHECK (rate_e8 > 0),
  grand_total_cents  INTEGER NOT NULL CHECK (grand_total_cents >= 0),
  deposit_cents      INTEGER NOT NULL CHECK (deposit_cents >= 0),
  content            TEXT NOT NULL CHECK (json_valid(content)),
  status             TEXT NOT NULL DEFAULT 'issued'
                     CHECK (status IN ('issued', 'deposit_received', 'paid', 'shipped', 'cancelled')),
  shipped_at         TEXT,
  cancelled_at       TEXT,
  cancel_reason      TEXT NOT NULL DEFAULT '',
  created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (year, seq)
);
CREATE INDEX invoices_quote ON invoices (quote_id);
CREATE INDEX invoices_buyer ON invoices (buyer_id, issued_on);
CREATE INDEX invoices_status ON invoices (status);
CREATE INDEX invoices_issued ON invoices (issued_on);

CREATE TRIGGER invoices_never_deleted BEFORE DELETE ON invoices
  BEGIN SELECT RAISE(ABORT, 'a pro-forma invoice is never deleted (cancel it: it keeps its number)'); END;
CREATE TRIGGER invoices_issued_content_frozen BEFORE UPDATE ON invoices
  WHEN NEW.content IS NOT OLD.content OR NEW.number IS NOT OLD.number OR NEW.year IS NOT OLD.year
    OR NEW.seq IS NOT OLD.seq OR NEW.quote_id IS NOT OLD.quote_id OR NEW.issued_on IS NOT OLD.issued_on
    OR NEW.currency IS NOT OLD.currency OR NEW.rate_e8 IS NOT OLD.rate_e8
    OR NEW.grand_total_cents IS NOT OLD.grand_total_cents OR NEW.deposit_cents IS NOT OLD.deposit_cents
  BEGIN SELECT RAISE(ABORT, 'an issued pro-forma invoice is frozen; make a new quotation revision'); END;

-- Money received against a PI, in the PI's currency.
CREATE TABLE payments (
  id            INTEGER PRIMARY KEY,
  invoice_id    INTEGER NOT NULL REFERENCES invoices(id),
  paid_on       TEXT NOT NULL,
  amount_cents  INTEGER NOT NULL CHECK (amount_cents > 0),
  method        TEXT NOT NULL CHECK (method IN ('tt', 'cash', 'alipay', 'wechat_pay', 'western_union', 'other')),
  kind          TEXT NOT NULL CHECK (kind IN ('deposit', 'balance', 'other')),
  reference     TEXT NOT NULL DEFAULT '',
  note          TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX payments_invoice ON payments (invoice_id, paid_on);
