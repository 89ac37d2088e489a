-- What a pro-forma invoice carries for banks, forwarders and customs (issue 12 §2).
-- Only new columns and a wider Incoterm check: no amount column is touched.

-- Country of origin per product ("Made in China" unless set), ISO 3166-1 alpha-2, and its snapshot on
-- every quotation line (a line quoted before this version keeps '' = not recorded, printed as nothing).
ALTER TABLE products ADD COLUMN origin_country TEXT NOT NULL DEFAULT 'CN'
  CHECK (origin_country = '' OR (length(origin_country) = 2 AND origin_country = upper(origin_country)));
ALTER TABLE quote_lines ADD COLUMN origin_country TEXT NOT NULL DEFAULT '';

-- The eleven Incoterms 2020 rules (CPT, CIP, DPU and FAS were refused). SQLite cannot change a CHECK in
-- place; the column is rebuilt (its CHECK belongs to it, so DROP COLUMN takes it along) with its values.
ALTER TABLE quotes ADD COLUMN incoterm_2020 TEXT NOT NULL DEFAULT 'FOB'
  CHECK (incoterm_2020 IN ('EXW', 'FCA', 'CPT', 'CIP', 'DAP', 'DPU', 'DDP', 'FAS', 'FOB', 'CFR', 'CIF'));
UPDATE quotes SET incoterm_2020 = incoterm;
ALTER TABLE quotes DROP COLUMN incoterm;
ALTER TABLE quotes RENAME COLUMN incoterm_2020 TO incoterm;

-- Shipment terms of a quotation: ports, partial shipment and transshipment (1 allowed, 0 not allowed,
-- NULL not stated), the insurance basis for CIF/CIP (percent of the invoice value, 110 by custom).
ALTER TABLE quotes ADD COLUMN port_of_loading TEXT NOT NULL DEFAULT '';
ALTER TABLE quotes ADD COLUMN port_of_destination TEXT NOT NULL DEFAULT '';
ALTER TABLE quotes ADD COLUMN partial_shipment INTEGER CHECK (partial_shipment IN (0, 1));
ALTER TABLE quotes ADD COLUMN transshipment INTEGER CHECK (transshipment IN (0, 1));
ALTER TABLE quotes ADD COLUMN insurance_percent INTEGER CHECK (insurance_percent BETWEEN 100 AND 200);
-- When the balance is due: the computed payment sentence follows it.
ALTER TABLE quotes ADD COLUMN balance_rule TEXT NOT NULL DEFAULT 'before_shipment'
  CHECK (balance_rule IN ('before_shipment', 'against_bl_copy', 'at_sight_lc', 'on_delivery_to_forwarder', 'days_after_bl'));
ALTER TABLE quotes ADD COLUMN balance_days INTEGER CHECK (balance_days BETWEEN 1 AND 365);

-- The bank block and the signature of the seller profile.
ALTER TABLE seller_profile ADD COLUMN beneficiary_address TEXT NOT NULL DEFAULT '';
ALTER TABLE seller_profile ADD COLUMN bank_charges TEXT NOT NULL DEFAULT '' CHECK (bank_charges IN ('', 'OUR', 'SHA', 'BEN'));
ALTER TABLE seller_profile ADD COLUMN intermediary_bank_name TEXT NOT NULL DEFAULT '';
ALTER TABLE seller_profile ADD COLUMN intermediary_bank_swift TEXT NOT NULL DEFAULT '';
ALTER TABLE seller_profile ADD COLUMN signatory_name TEXT NOT NULL DEFAULT '';
ALTER TABLE seller_profile ADD COLUMN signatory_title TEXT NOT NULL DEFAULT '';

-- The buyer's importer or tax number, printed under its name when known.
ALTER TABLE buyers ADD COLUMN tax_no TEXT NOT NULL DEFAULT '';
