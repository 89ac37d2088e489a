-- Buyers: search in any script, and a record of merges.

-- One normalized text per buyer, made by main/buyers/searchText.ts from the
-- company, city, agent and every contact's name, phones (E.164 and national
-- digits), WeChat ID and email: lower case, accents and Arabic diacritics
-- removed, Arabic letter variants folded, punctuation turned into spaces.
-- `version` is the normalization's version: rows written by an older one are
-- rebuilt. The triggers drop a buyer's row whenever something it is made of
-- changes; the service rebuilds missing rows before it searches.
CREATE TABLE buyer_search (
  buyer_id  INTEGER PRIMARY KEY REFERENCES buyers(id) ON DELETE CASCADE,
  version   INTEGER NOT NULL CHECK (version >= 1),
  text      TEXT NOT NULL
);

CREATE TRIGGER buyer_search_stale_buyer AFTER UPDATE OF company, city, agent ON buyers
BEGIN
  DELETE FROM buyer_search WHERE buyer_id = NEW.id;
END;

CREATE TRIGGER buyer_search_stale_contact_insert AFTER INSERT ON contacts
BEGIN
  DELETE FROM buyer_search WHERE buyer_id = NEW.buyer_id;
END;

CREATE TRIGGER buyer_search_stale_contact_update AFTER UPDATE ON contacts
BEGIN
  DELETE FROM buyer_search WHERE buyer_id IN (OLD.buyer_id, NEW.buyer_id);
END;

CREATE TRIGGER buyer_search_stale_contact_delete AFTER DELETE ON contacts
BEGIN
  DELETE FROM buyer_search WHERE buyer_id = OLD.buyer_id;
END;

-- Two buyer records that were one buyer: the second was merged into the first
-- (its contacts, visits, tags and every other row pointing at it moved over)
-- and deleted. Kept for the buyer's timeline.
CREATE TABLE buyer_merges (
  id              INTEGER PRIMARY KEY,
  buyer_id        INTEGER NOT NULL REFERENCES buyers(id) ON DELETE CASCADE,
  merged_id       INTEGER NOT NULL,            -- the id the merged record had
  merged_company  TEXT NOT NULL,
  merged_country  TEXT NOT NULL,
  moved           TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(moved)),  -- {"contacts": 2, "visits": 3, …}
  merged_at       TEXT NOT NULL
);
CREATE INDEX buyer_merges_buyer ON buyer_merges (buyer_id);

-- Top products of interest by region (dashboard) and "who looked at this item".
CREATE INDEX visit_products_product ON visit_products (product_id);

-- The dashboard counts a period's visits by buyer: with buyer_id in the date
-- index it never reads the visit rows themselves (it replaces visits_date).
DROP INDEX visits_date;
CREATE INDEX visits_date_buyer ON visits (visited_on, buyer_id);
