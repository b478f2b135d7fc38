-- Case-insensitive lookups as portable SQL: `lower(column) = lower(?)`
-- means the same on SQLite (ASCII letters only) and on PostgreSQL with the
-- "C" collation, where COLLATE NOCASE has no equivalent. These indexes on
-- the lowered values serve them; the NOCASE indexes they replace are gone.
-- A region filter now names its countries, so the indexes on the country
-- table's region and sub-region are no longer read either.

DROP INDEX provider_hq_city;
DROP INDEX location_city;
DROP INDEX country_region;
DROP INDEX country_sub_region;

CREATE INDEX provider_hq_city ON provider (lower(hq_city));
CREATE INDEX location_city ON location (lower(city), provider_id);
CREATE INDEX engagement_ref ON engagement (lower(ref));
