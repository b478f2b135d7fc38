-- Who made each change: the operating-system user for a file catalogue,
-- the database role on a server. Rows written before this migration have
-- no actor (NULL, shown empty).

ALTER TABLE audit_log ADD COLUMN actor TEXT;
