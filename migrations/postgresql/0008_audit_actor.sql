-- Who made each change: the database role that wrote it. Rows written
-- before this migration have no actor (NULL, shown empty).

ALTER TABLE audit_log ADD COLUMN actor TEXT COLLATE "C";
