-- Money in every currency's own minor units (KWD 3 decimals, JPY and XOF none, most 2).
--
-- Until version 7 every amount was kept as cents (x 100), so a fils or a tenth of
-- a fils could not be stored. From version 8 every amount is kept at one fixed scale,
-- x 10^4 (*_e4, like unit prices), whatever the currency; main/money/amounts.ts rounds
-- each figure to the currency's ISO 4217 digits, so the stored value of a new KWD
-- amount is a multiple of 10 and a JPY amount a multiple of 10^4. Every stored value
-- is converted exactly (cents x 100): nothing changes value, and amounts stored
-- before this version with more decimals than their currency has (JPY 151.76) keep them.
--
-- quotes.discount_e2 held percent x 100 or cents; discount_e4 holds percent x 10^4
-- (2.5 % = 25000) or the amount x 10^4.
--
-- The issued-PI trigger refuses any change to the totals, so it is dropped for the
-- conversion and created again unchanged (with the new column names).

DROP TRIGGER invoices_issued_content_frozen;

ALTER TABLE quotes RENAME COLUMN amount_cents TO amount_e4;
ALTER TABLE quotes RENAME COLUMN grand_total_cents TO grand_total_e4;
ALTER TABLE quotes RENAME COLUMN discount_e2 TO discount_e4;
UPDATE quotes SET amount_e4 = amount_e4 * 100, grand_total_e4 = grand_total_e4 * 100, discount_e4 = discount_e4 * 100;

ALTER TABLE quote_charges RENAME COLUMN amount_cents TO amount_e4;
UPDATE quote_charges SET amount_e4 = amount_e4 * 100;

ALTER TABLE deleted_quotes RENAME COLUMN grand_total_cents TO grand_total_e4;
UPDATE deleted_quotes SET grand_total_e4 = grand_total_e4 * 100;

ALTER TABLE invoices RENAME COLUMN grand_total_cents TO grand_total_e4;
ALTER TABLE invoices RENAME COLUMN deposit_cents TO deposit_e4;
UPDATE invoices SET grand_total_e4 = grand_total_e4 * 100, deposit_e4 = deposit_e4 * 100;

ALTER TABLE payments RENAME COLUMN amount_cents TO amount_e4;
ALTER TABLE payments RENAME COLUMN received_cents TO received_e4;
UPDATE payments SET amount_e4 = amount_e4 * 100, received_e4 = received_e4 * 100;

CREATE TRIGGER invoices_issued_content_frozen BEFORE UPDATE ON invoices
  WHEN NEW.content IS NOT OLD.content OR NEW.number IS NOT OLD.number OR NEW.year IS NOT OLD.year
    OR NEW.seq IS NOT OLD.seq OR NEW.quote_id IS NOT OLD.quote_id OR NEW.issued_on IS NOT OLD.issued_on
    OR NEW.currency IS NOT OLD.currency OR NEW.rate_e8 IS NOT OLD.rate_e8
    OR NEW.grand_total_e4 IS NOT OLD.grand_total_e4 OR NEW.deposit_e4 IS NOT OLD.deposit_e4
  BEGIN SELECT RAISE(ABORT, 'an issued pro-forma invoice is frozen; make a new quotation revision'); END;
