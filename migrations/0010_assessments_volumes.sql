-- The BPO/KPO assessment and the volumes an engagement delivered.
--
-- * assessment: one row per assessed engagement, one column per criterion of
--   the comparison chart that sets BPO against KPO; NULL is unanswered. Keyed
--   by the engagement, whose id is never given twice.
-- * volume: how much an engagement delivered in a month in one unit, in
--   thousandths (a quantity has at most 3 decimals), so that sums are exact.

CREATE TABLE assessment (
  engagement_id INTEGER PRIMARY KEY REFERENCES engagement (id) ON DELETE RESTRICT,
  basis         TEXT CHECK (basis IN ('rules', 'judgement')),
  complexity    TEXT CHECK (complexity IN ('low', 'high')),
  expertise     TEXT CHECK (expertise IN ('process', 'knowledge')),
  arbitrage     TEXT CHECK (arbitrage IN ('cost', 'knowledge')),
  driver        TEXT CHECK (driver IN ('volume', 'insight')),
  coordination  TEXT CHECK (coordination IN ('low', 'high')),
  talent        TEXT CHECK (talent IN ('communication', 'professional')),
  focus         TEXT CHECK (focus IN ('low', 'high')),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  batch_id      INTEGER REFERENCES import_batch (id)
) STRICT;

CREATE TABLE volume (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE RESTRICT,
  month         TEXT NOT NULL CHECK (length(month) = 7),
  unit          TEXT NOT NULL CHECK (unit IN ('fte', 'hours', 'transactions', 'cases')),
  quantity      INTEGER NOT NULL CHECK (quantity >= 0),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  batch_id      INTEGER REFERENCES import_batch (id)
) STRICT;
CREATE UNIQUE INDEX volume_key ON volume (engagement_id, month, unit);
CREATE INDEX volume_unit_month ON volume (unit, month);
