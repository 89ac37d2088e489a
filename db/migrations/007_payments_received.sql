-- Money received in another currency than the PI's (a USD PI paid in RMB cash).
--
-- amount_cents stays the PI-currency figure every total and status uses; these
-- columns keep what was handed over and the rate agreed at the stall, so the
-- payment reads as it happened ("CNY 5,000.00 at 1 USD = 7.10 CNY").
-- All three are NULL for a payment in the PI's own currency.
ALTER TABLE payments ADD COLUMN received_currency TEXT
  CHECK (received_currency IS NULL OR (length(received_currency) = 3 AND received_currency = upper(received_currency)));
ALTER TABLE payments ADD COLUMN received_cents INTEGER CHECK (received_cents IS NULL OR received_cents > 0);
-- Units of the received currency for one unit of the PI's, x 10^8 (1 USD = 7.10 CNY: 710000000).
ALTER TABLE payments ADD COLUMN received_rate_e8 INTEGER CHECK (received_rate_e8 IS NULL OR received_rate_e8 > 0);
