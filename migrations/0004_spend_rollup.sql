-- Monthly roll-up of spend: one row per engagement, month and currency with
-- the exact sum (minor units) and the number of lines. The store keeps it in
-- step with every spend write, in the same transaction; reports read it
-- instead of the raw lines, and `db check` compares the two.

CREATE TABLE spend_monthly (
  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE RESTRICT,
  month         TEXT NOT NULL CHECK (length(month) = 7),
  currency      TEXT NOT NULL REFERENCES currency (code),
  amount        INTEGER NOT NULL,
  lines         INTEGER NOT NULL CHECK (lines > 0),
  PRIMARY KEY (engagement_id, month, currency)
) STRICT, WITHOUT ROWID;

CREATE INDEX spend_monthly_month ON spend_monthly (month);

INSERT INTO spend_monthly (engagement_id, month, currency, amount, lines)
  SELECT engagement_id, substr(date, 1, 7), currency, sum(amount), count(*)
    FROM spend GROUP BY engagement_id, substr(date, 1, 7), currency;
