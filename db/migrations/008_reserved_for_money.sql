-- Placeholder on the docs12 branch only: the number 008 belongs to the money
-- branch (amounts in each currency's minor units). When both are merged, this
-- file goes and money's 008 takes its place; 009 does not depend on it.
SELECT 1;
