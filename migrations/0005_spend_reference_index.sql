-- A spend line's invoice reference is unique per engagement, as before, but
-- through a named index instead of a table constraint: a large import can
-- then drop it and build it once at the end (one sorted pass) instead of
-- inserting into it line by line. SQLite cannot drop a table constraint, so
-- the table is rebuilt (nothing refers to spend; ids are kept).
--
-- The index on spend dates (spend_date) goes: reports read the monthly
-- roll-up, lists of an engagement or provider use the engagement index, and
-- building it cost a large import as much again as this one. A date range
-- over the whole catalogue (`spend list --from/--to` alone) scans the lines.

CREATE TABLE spend_new (
  id            INTEGER PRIMARY KEY,
  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE RESTRICT,
  date          TEXT NOT NULL CHECK (length(date) = 10),
  amount        INTEGER NOT NULL,
  currency      TEXT NOT NULL REFERENCES currency (code),
  reference     TEXT
) STRICT;

INSERT INTO spend_new (id, engagement_id, date, amount, currency, reference)
  SELECT id, engagement_id, date, amount, currency, reference FROM spend;

DROP TABLE spend;
ALTER TABLE spend_new RENAME TO spend;

-- Also the index of spend by engagement (its leading column), which the
-- engagement foreign key and lists by engagement or provider use.
CREATE UNIQUE INDEX spend_reference ON spend (engagement_id, reference);
