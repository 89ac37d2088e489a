-- Version 11: reserved. Another branch (docs12 / doors / field) adds its own migration
-- 011; this placeholder only keeps the numbers gapless on the loop branch and is
-- dropped when the branches are merged (see db/migrations/012_after_pi.sql).
SELECT 1;
