-- Deleted draft quotations.
--
-- A draft made by mistake can be deleted (quotes.delete); its lines and charges
-- go with it. Its number is written here so that it is never given to another
-- quotation (nextQuoteSeq takes the larger of the quotations' and these
-- numbers): a draft may already have been printed and handed to a buyer.
-- The rows also tell the owner which draft was deleted, for which buyer, and when. Its id is not
-- given again either (a screen still open on it must not reach another quotation).
CREATE TABLE deleted_quotes (
  quote_id       INTEGER NOT NULL UNIQUE,
  year           INTEGER NOT NULL,
  seq            INTEGER NOT NULL CHECK (seq >= 1),
  revision       INTEGER NOT NULL CHECK (revision >= 1),
  number         TEXT NOT NULL,
  buyer_id       INTEGER,
  buyer_company  TEXT NOT NULL DEFAULT '',
  grand_total_cents INTEGER NOT NULL DEFAULT 0,
  currency       TEXT NOT NULL DEFAULT '',
  line_count     INTEGER NOT NULL DEFAULT 0,
  deleted_at     TEXT NOT NULL,
  PRIMARY KEY (year, seq, revision)
);
