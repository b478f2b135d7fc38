-- vendorcat:foreign-keys-off
-- Three changes that each rebuild the same tables, made in one pass:
--
-- * Record ids are never given twice. A table whose id is a plain INTEGER
--   PRIMARY KEY gives the highest id again once that row is removed, so the
--   audit trail would mix two records under one id. AUTOINCREMENT keeps each
--   table's highest id in sqlite_sequence instead. SQLite adds it only by
--   rebuilding a table, so these are rebuilt with their ids kept, while
--   foreign keys are off (the runner turns them off for this script and
--   checks them before it commits).
-- * Every import that writes is a batch (import_batch), and the records a
--   batch created point to it (batch_id), so that `import undo` can remove
--   them.
-- * An auto-renewing engagement renews for renewal_months (NULL: 12); its
--   type can come from an assessment (type_source 'assessed'); the audit
--   trail records undoing a batch (action 'undo').

CREATE TABLE import_batch (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  at        TEXT NOT NULL,
  actor     TEXT,
  kind      TEXT NOT NULL,
  file      TEXT NOT NULL,
  sha256    TEXT NOT NULL CHECK (length(sha256) = 64),
  rows      INTEGER NOT NULL CHECK (rows >= 0),
  created   INTEGER NOT NULL CHECK (created >= 0),
  updated   INTEGER NOT NULL CHECK (updated >= 0),
  skipped   INTEGER NOT NULL CHECK (skipped >= 0),
  undone_at TEXT
) STRICT;

CREATE INDEX import_batch_content ON import_batch (kind, sha256);

CREATE TABLE service_new (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  code         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (code <> ''),
  name         TEXT NOT NULL CHECK (name <> ''),
  default_type TEXT NOT NULL CHECK (default_type IN ('BPO', 'KPO')),
  parent_id    INTEGER REFERENCES service (id) ON DELETE RESTRICT,
  batch_id     INTEGER REFERENCES import_batch (id)
) STRICT;
INSERT INTO service_new (id, code, name, default_type, parent_id)
  SELECT id, code, name, default_type, parent_id FROM service;
DROP TABLE service;
ALTER TABLE service_new RENAME TO service;

CREATE TABLE provider_new (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL CHECK (trim(name) <> ''),
  name_key    TEXT NOT NULL UNIQUE,
  legal_name  TEXT,
  hq_country  TEXT NOT NULL REFERENCES country (code),
  hq_city     TEXT,
  website     TEXT,
  status      TEXT NOT NULL DEFAULT 'active'
              CHECK (status IN ('onboarding', 'active', 'inactive', 'archived')),
  risk        TEXT CHECK (risk IN ('low', 'medium', 'high')),
  next_review TEXT CHECK (next_review IS NULL OR date(next_review) IS next_review),
  notes       TEXT,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  batch_id    INTEGER REFERENCES import_batch (id)
) STRICT;
INSERT INTO provider_new (id, name, name_key, legal_name, hq_country, hq_city, website, status, risk,
                          next_review, notes, created_at, updated_at)
  SELECT id, name, name_key, legal_name, hq_country, hq_city, website, status, risk,
         next_review, notes, created_at, updated_at FROM provider;
DROP TABLE provider;
ALTER TABLE provider_new RENAME TO provider;
CREATE INDEX provider_hq_country ON provider (hq_country);
CREATE INDEX provider_status ON provider (status);
CREATE INDEX provider_hq_city ON provider (lower(hq_city));

CREATE TRIGGER provider_fts_insert AFTER INSERT ON provider BEGIN
  INSERT INTO provider_fts (rowid, name, legal_name, hq_city, notes)
    VALUES (new.id, new.name, new.legal_name, new.hq_city, new.notes);
END;

CREATE TRIGGER provider_fts_delete AFTER DELETE ON provider BEGIN
  INSERT INTO provider_fts (provider_fts, rowid, name, legal_name, hq_city, notes)
    VALUES ('delete', old.id, old.name, old.legal_name, old.hq_city, old.notes);
END;

CREATE TRIGGER provider_fts_update AFTER UPDATE OF name, legal_name, hq_city, notes ON provider BEGIN
  INSERT INTO provider_fts (provider_fts, rowid, name, legal_name, hq_city, notes)
    VALUES ('delete', old.id, old.name, old.legal_name, old.hq_city, old.notes);
  INSERT INTO provider_fts (rowid, name, legal_name, hq_city, notes)
    VALUES (new.id, new.name, new.legal_name, new.hq_city, new.notes);
END;

CREATE TABLE location_new (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  provider_id INTEGER NOT NULL REFERENCES provider (id) ON DELETE CASCADE,
  country     TEXT NOT NULL REFERENCES country (code),
  city        TEXT,
  name        TEXT,
  batch_id    INTEGER REFERENCES import_batch (id)
) STRICT;
INSERT INTO location_new (id, provider_id, country, city, name)
  SELECT id, provider_id, country, city, name FROM location;
DROP TABLE location;
ALTER TABLE location_new RENAME TO location;
CREATE INDEX location_provider ON location (provider_id);
CREATE INDEX location_country ON location (country, provider_id);
CREATE INDEX location_city ON location (lower(city), provider_id);

CREATE TABLE offering_new (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  provider_id INTEGER NOT NULL REFERENCES provider (id) ON DELETE CASCADE,
  service_id  INTEGER NOT NULL REFERENCES service (id) ON DELETE RESTRICT,
  batch_id    INTEGER REFERENCES import_batch (id),
  UNIQUE (provider_id, service_id)
) STRICT;
INSERT INTO offering_new (id, provider_id, service_id)
  SELECT id, provider_id, service_id FROM offering;
DROP TABLE offering;
ALTER TABLE offering_new RENAME TO offering;
CREATE INDEX offering_service ON offering (service_id, provider_id);

CREATE TABLE engagement_new (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  ref              TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim(ref) <> ''),
  provider_id      INTEGER NOT NULL REFERENCES provider (id) ON DELETE RESTRICT,
  service_id       INTEGER NOT NULL REFERENCES service (id) ON DELETE RESTRICT,
  title            TEXT,
  client_unit      TEXT,
  delivery_country TEXT NOT NULL REFERENCES country (code),
  delivery_model   TEXT NOT NULL CHECK (delivery_model IN ('onshore', 'nearshore', 'offshore')),
  model_source     TEXT NOT NULL CHECK (model_source IN ('derived', 'explicit')),
  type             TEXT NOT NULL CHECK (type IN ('BPO', 'KPO')),
  type_source      TEXT NOT NULL CHECK (type_source IN ('derived', 'explicit', 'assessed')),
  start_date       TEXT NOT NULL CHECK (date(start_date) IS start_date),
  end_date         TEXT CHECK (end_date IS NULL OR (date(end_date) IS end_date AND end_date >= start_date)),
  notice_days      INTEGER CHECK (notice_days >= 0),
  auto_renew       INTEGER NOT NULL DEFAULT 0 CHECK (auto_renew IN (0, 1)),
  value            INTEGER,
  currency         TEXT NOT NULL REFERENCES currency (code),
  status           TEXT NOT NULL DEFAULT 'active'
                   CHECK (status IN ('planned', 'active', 'ended', 'terminated')),
  owner            TEXT,
  notes            TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  renewal_months   INTEGER CHECK (renewal_months BETWEEN 1 AND 1200),
  batch_id         INTEGER REFERENCES import_batch (id)
) STRICT;
INSERT INTO engagement_new (id, ref, provider_id, service_id, title, client_unit, delivery_country,
                            delivery_model, model_source, type, type_source, start_date, end_date,
                            notice_days, auto_renew, value, currency, status, owner, notes,
                            created_at, updated_at)
  SELECT id, ref, provider_id, service_id, title, client_unit, delivery_country,
         delivery_model, model_source, type, type_source, start_date, end_date,
         notice_days, auto_renew, value, currency, status, owner, notes,
         created_at, updated_at FROM engagement;
DROP TABLE engagement;
ALTER TABLE engagement_new RENAME TO engagement;
CREATE INDEX engagement_provider ON engagement (provider_id);
CREATE INDEX engagement_service ON engagement (service_id);
CREATE INDEX engagement_type ON engagement (type, provider_id);
CREATE INDEX engagement_model ON engagement (delivery_model, provider_id);
CREATE INDEX engagement_end_date ON engagement (end_date);
CREATE INDEX engagement_ref ON engagement (lower(ref));

CREATE TABLE spend_new (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE RESTRICT,
  date          TEXT NOT NULL CHECK (length(date) = 10),
  amount        INTEGER NOT NULL,
  currency      TEXT NOT NULL REFERENCES currency (code),
  reference     TEXT,
  batch_id      INTEGER REFERENCES import_batch (id)
) STRICT;
INSERT INTO spend_new (id, engagement_id, date, amount, currency, reference)
  SELECT id, engagement_id, date, amount, currency, reference FROM spend;
DROP TABLE spend;
ALTER TABLE spend_new RENAME TO spend;
CREATE UNIQUE INDEX spend_reference ON spend (engagement_id, reference);

ALTER TABLE fx_rate ADD COLUMN batch_id INTEGER REFERENCES import_batch (id);

CREATE TABLE audit_log_new (
  id        INTEGER PRIMARY KEY AUTOINCREMENT,
  at        TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER,
  action    TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'import', 'undo')),
  before    TEXT,
  after     TEXT,
  actor     TEXT
) STRICT;
INSERT INTO audit_log_new (id, at, entity, entity_id, action, before, after, actor)
  SELECT id, at, entity, entity_id, action, before, after, actor FROM audit_log;
DROP TABLE audit_log;
ALTER TABLE audit_log_new RENAME TO audit_log;
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
