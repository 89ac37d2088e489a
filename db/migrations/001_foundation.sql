-- Stallkeeper schema, version 1.
-- Units, everywhere: *_e4 = amount x 10^4 as an integer (unit prices keep 4
-- decimals), *_cents = amount x 100, *_mm = millimetres, *_g = grams,
-- dates and times are ISO 8601 text (UTC for timestamps, local date for dates).

-- Images (logos, chops, product photos, business cards, visit photos) are
-- files in the data folder's photos/ named by the SHA-256 of their content.
CREATE TABLE images (
  hash        TEXT PRIMARY KEY CHECK (length(hash) = 64),
  mime        TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png')),
  width       INTEGER NOT NULL CHECK (width > 0),
  height      INTEGER NOT NULL CHECK (height > 0),
  bytes       INTEGER NOT NULL CHECK (bytes > 0),
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- The seller: one row.
CREATE TABLE seller_profile (
  id               INTEGER PRIMARY KEY CHECK (id = 1),
  company_name_zh  TEXT NOT NULL DEFAULT '',
  company_name_en  TEXT NOT NULL DEFAULT '',
  legal_name       TEXT NOT NULL DEFAULT '',  -- the name carved on the company chop
  stall_number     TEXT NOT NULL DEFAULT '',
  market_address   TEXT NOT NULL DEFAULT '',
  phones           TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(phones)),
  whatsapp         TEXT NOT NULL DEFAULT '',
  wechat           TEXT NOT NULL DEFAULT '',
  email            TEXT NOT NULL DEFAULT '',
  website          TEXT NOT NULL DEFAULT '',
  bank_beneficiary TEXT NOT NULL DEFAULT '',
  bank_name        TEXT NOT NULL DEFAULT '',
  bank_account     TEXT NOT NULL DEFAULT '',
  bank_swift       TEXT NOT NULL DEFAULT '',
  bank_address     TEXT NOT NULL DEFAULT '',
  logo_image       TEXT REFERENCES images(hash),
  chop_image       TEXT REFERENCES images(hash),
  updated_at       TEXT
);
INSERT INTO seller_profile (id) VALUES (1);

-- Defaults for new documents: one row.
CREATE TABLE app_settings (
  id                INTEGER PRIMARY KEY CHECK (id = 1),
  default_currency  TEXT NOT NULL DEFAULT 'USD' CHECK (length(default_currency) = 3),
  quote_prefix      TEXT NOT NULL DEFAULT 'Q',
  invoice_prefix    TEXT NOT NULL DEFAULT 'PI',
  payment_terms     TEXT NOT NULL DEFAULT '30% T/T deposit, balance before shipment',
  validity_days     INTEGER NOT NULL DEFAULT 30 CHECK (validity_days BETWEEN 1 AND 365),
  deposit_percent   INTEGER NOT NULL DEFAULT 30 CHECK (deposit_percent BETWEEN 0 AND 100),
  updated_at        TEXT
);
INSERT INTO app_settings (id) VALUES (1);

CREATE TABLE products (
  id                 INTEGER PRIMARY KEY,
  item_no            TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (item_no <> '' AND item_no = trim(item_no)),
  name_zh            TEXT NOT NULL DEFAULT '',
  name_en            TEXT NOT NULL DEFAULT '',
  name_ar            TEXT NOT NULL DEFAULT '',
  name_es            TEXT NOT NULL DEFAULT '',
  name_ru            TEXT NOT NULL DEFAULT '',
  name_fr            TEXT NOT NULL DEFAULT '',
  name_pt            TEXT NOT NULL DEFAULT '',
  category           TEXT NOT NULL DEFAULT '',
  material           TEXT NOT NULL DEFAULT '',
  colors             TEXT NOT NULL DEFAULT '',
  sizes              TEXT NOT NULL DEFAULT '',
  unit               TEXT NOT NULL DEFAULT 'pcs',
  moq                INTEGER NOT NULL DEFAULT 1 CHECK (moq >= 0),
  cost_cny_e4        INTEGER CHECK (cost_cny_e4 >= 0),          -- owner only
  pcs_per_inner      INTEGER CHECK (pcs_per_inner > 0),
  pcs_per_carton     INTEGER CHECK (pcs_per_carton > 0),
  carton_l_mm        INTEGER CHECK (carton_l_mm > 0),
  carton_w_mm        INTEGER CHECK (carton_w_mm > 0),
  carton_h_mm        INTEGER CHECK (carton_h_mm > 0),
  gw_g               INTEGER CHECK (gw_g >= 0),                 -- gross weight per carton
  nw_g               INTEGER CHECK (nw_g >= 0),                 -- net weight per carton
  barcode            TEXT NOT NULL DEFAULT '',
  supplier           TEXT NOT NULL DEFAULT '',
  hs_code            TEXT NOT NULL DEFAULT '',
  notes              TEXT NOT NULL DEFAULT '',
  low_stock_at       INTEGER CHECK (low_stock_at >= 0),
  archived           INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at         TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX products_category ON products (category, archived);
CREATE INDEX products_barcode ON products (barcode) WHERE barcode <> '';

-- Price by quantity: the tier with the largest min_qty <= quantity applies.
CREATE TABLE price_tiers (
  product_id    INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  min_qty       INTEGER NOT NULL CHECK (min_qty >= 1),
  price_cny_e4  INTEGER NOT NULL CHECK (price_cny_e4 >= 0),
  PRIMARY KEY (product_id, min_qty)
) WITHOUT ROWID;

-- Position 0 is the cover.
CREATE TABLE product_photos (
  product_id  INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL CHECK (position >= 0),
  image_hash  TEXT NOT NULL REFERENCES images(hash),
  PRIMARY KEY (product_id, position)
) WITHOUT ROWID;
CREATE INDEX product_photos_image ON product_photos (image_hash);

-- The stock ledger. On hand = SUM(on_hand_delta); reserved = SUM(reserved_delta);
-- available = on hand - reserved. receive (+q, 0), adjust (±q, 0),
-- reserve (0, +q), release (0, -q), ship (-q, -q of what was reserved).
CREATE TABLE stock_moves (
  id              INTEGER PRIMARY KEY,
  product_id      INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  kind            TEXT NOT NULL CHECK (kind IN ('receive', 'adjust', 'reserve', 'release', 'ship')),
  on_hand_delta   INTEGER NOT NULL,
  reserved_delta  INTEGER NOT NULL,
  moved_at        TEXT NOT NULL,
  reference       TEXT NOT NULL DEFAULT '',
  reason          TEXT NOT NULL DEFAULT '',
  note            TEXT NOT NULL DEFAULT '',
  created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX stock_moves_product ON stock_moves (product_id, moved_at);

CREATE TABLE buyers (
  id            INTEGER PRIMARY KEY,
  company       TEXT NOT NULL CHECK (trim(company) <> ''),
  country       TEXT NOT NULL CHECK (length(country) = 2 AND country = upper(country)),
  city          TEXT NOT NULL DEFAULT '',
  address       TEXT NOT NULL DEFAULT '',
  currency      TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3),
  doc_language  TEXT NOT NULL DEFAULT 'en',
  agent         TEXT NOT NULL DEFAULT '',
  passport_no   TEXT NOT NULL DEFAULT '',
  nationality   TEXT NOT NULL DEFAULT '' CHECK (nationality = '' OR length(nationality) = 2),
  notes         TEXT NOT NULL DEFAULT '',
  card_image    TEXT REFERENCES images(hash),
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX buyers_country ON buyers (country);

CREATE TABLE buyer_tags (
  buyer_id  INTEGER NOT NULL REFERENCES buyers(id) ON DELETE CASCADE,
  tag       TEXT NOT NULL CHECK (tag <> ''),
  PRIMARY KEY (buyer_id, tag)
) WITHOUT ROWID;
CREATE INDEX buyer_tags_tag ON buyer_tags (tag);

-- Phones in E.164 (+201001234567).
CREATE TABLE contacts (
  id         INTEGER PRIMARY KEY,
  buyer_id   INTEGER NOT NULL REFERENCES buyers(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL DEFAULT 0,
  name       TEXT NOT NULL DEFAULT '',
  role       TEXT NOT NULL DEFAULT '',
  phone      TEXT NOT NULL DEFAULT '',
  whatsapp   TEXT NOT NULL DEFAULT '',
  wechat     TEXT NOT NULL DEFAULT '',
  email      TEXT NOT NULL DEFAULT ''
);
CREATE INDEX contacts_buyer ON contacts (buyer_id, position);
CREATE INDEX contacts_phone ON contacts (phone) WHERE phone <> '';
CREATE INDEX contacts_whatsapp ON contacts (whatsapp) WHERE whatsapp <> '';
CREATE INDEX contacts_email ON contacts (email COLLATE NOCASE) WHERE email <> '';

CREATE TABLE visits (
  id          INTEGER PRIMARY KEY,
  buyer_id    INTEGER NOT NULL REFERENCES buyers(id) ON DELETE CASCADE,
  visited_on  TEXT NOT NULL,            -- local date, YYYY-MM-DD
  staff       TEXT NOT NULL DEFAULT '',
  notes       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX visits_buyer ON visits (buyer_id, visited_on);
CREATE INDEX visits_date ON visits (visited_on);

CREATE TABLE visit_products (
  visit_id    INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
  product_id  INTEGER NOT NULL REFERENCES products(id) ON DELETE CASCADE,
  PRIMARY KEY (visit_id, product_id)
) WITHOUT ROWID;

CREATE TABLE visit_photos (
  visit_id    INTEGER NOT NULL REFERENCES visits(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  image_hash  TEXT NOT NULL REFERENCES images(hash),
  PRIMARY KEY (visit_id, position)
) WITHOUT ROWID;
