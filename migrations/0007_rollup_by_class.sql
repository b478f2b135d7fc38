-- The roll-up reshaped so that a report costs what its answer costs. Months
-- are integers (year * 12 + month - 1), so that a report reads no text to
-- place a row. A second level, spend_by_class, keeps the spend of every
-- month, currency, type and delivery model, the dimensions every report uses:
-- a report by them reads a few thousand rows however many lines there are.
-- The store keeps both in the same transaction as every write that changes
-- them (a spend line, or an engagement's type or model), and `db check`
-- compares them with the lines.

CREATE TABLE spend_monthly_by_index (
  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE RESTRICT,
  month         INTEGER NOT NULL CHECK (month BETWEEN 1900 * 12 AND 9999 * 12 + 11),
  currency      TEXT NOT NULL REFERENCES currency (code),
  amount        INTEGER NOT NULL,
  lines         INTEGER NOT NULL CHECK (lines > 0),
  PRIMARY KEY (engagement_id, month, currency)
) STRICT, WITHOUT ROWID;

INSERT INTO spend_monthly_by_index (engagement_id, month, currency, amount, lines)
  SELECT engagement_id, CAST(substr(month, 1, 4) AS INTEGER) * 12 + CAST(substr(month, 6, 2) AS INTEGER) - 1,
         currency, amount, lines
    FROM spend_monthly;

-- No index on the month: a report reads the whole level it needs, and the
-- index cost a bulk load as much as the table (its inserts come in no order).
DROP TABLE spend_monthly;
ALTER TABLE spend_monthly_by_index RENAME TO spend_monthly;

CREATE TABLE spend_by_class (
  month          INTEGER NOT NULL CHECK (month BETWEEN 1900 * 12 AND 9999 * 12 + 11),
  currency       TEXT NOT NULL REFERENCES currency (code),
  type           TEXT NOT NULL CHECK (type IN ('BPO', 'KPO')),
  delivery_model TEXT NOT NULL CHECK (delivery_model IN ('onshore', 'nearshore', 'offshore')),
  amount         INTEGER NOT NULL,
  lines          INTEGER NOT NULL CHECK (lines > 0),
  PRIMARY KEY (month, currency, type, delivery_model)
) STRICT, WITHOUT ROWID;

INSERT INTO spend_by_class (month, currency, type, delivery_model, amount, lines)
  SELECT m.month, m.currency, e.type, e.delivery_model, sum(m.amount), sum(m.lines)
    FROM spend_monthly m JOIN engagement e ON e.id = m.engagement_id
   GROUP BY m.month, m.currency, e.type, e.delivery_model;
