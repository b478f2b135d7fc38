-- The catalogue's tables. Enumerations are CHECK constraints, money is an
-- integer count of the currency's minor units, dates are ISO text.

CREATE TABLE country (
  code       TEXT PRIMARY KEY CHECK (length(code) = 2 AND code = upper(code)),
  name       TEXT NOT NULL,
  region     TEXT CHECK (region IN ('Africa', 'Americas', 'Asia', 'Europe', 'Oceania')),
  sub_region TEXT
) STRICT;

CREATE INDEX country_region ON country (region COLLATE NOCASE);
CREATE INDEX country_sub_region ON country (sub_region COLLATE NOCASE);

CREATE TABLE currency (
  code        TEXT PRIMARY KEY CHECK (length(code) = 3 AND code = upper(code)),
  name        TEXT NOT NULL,
  minor_units INTEGER NOT NULL CHECK (minor_units BETWEEN 0 AND 4)
) STRICT;

CREATE TABLE service (
  id           INTEGER PRIMARY KEY,
  code         TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (code <> ''),
  name         TEXT NOT NULL CHECK (name <> ''),
  default_type TEXT NOT NULL CHECK (default_type IN ('BPO', 'KPO')),
  parent_id    INTEGER REFERENCES service (id) ON DELETE RESTRICT
) STRICT;

CREATE TABLE setting (
  key   TEXT PRIMARY KEY CHECK (key IN ('home_country', 'base_currency')),
  value TEXT NOT NULL
) STRICT;

CREATE TABLE provider (
  id          INTEGER PRIMARY KEY,
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
  updated_at  TEXT NOT NULL
) STRICT;

CREATE INDEX provider_hq_country ON provider (hq_country);
CREATE INDEX provider_hq_city ON provider (hq_city COLLATE NOCASE);
CREATE INDEX provider_status ON provider (status);

CREATE TABLE location (
  id          INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES provider (id) ON DELETE CASCADE,
  country     TEXT NOT NULL REFERENCES country (code),
  city        TEXT,
  name        TEXT
) STRICT;

CREATE INDEX location_provider ON location (provider_id);
CREATE INDEX location_country ON location (country, provider_id);
CREATE INDEX location_city ON location (city COLLATE NOCASE, provider_id);

CREATE TABLE offering (
  id          INTEGER PRIMARY KEY,
  provider_id INTEGER NOT NULL REFERENCES provider (id) ON DELETE CASCADE,
  service_id  INTEGER NOT NULL REFERENCES service (id) ON DELETE RESTRICT,
  UNIQUE (provider_id, service_id)
) STRICT;

CREATE INDEX offering_service ON offering (service_id, provider_id);

CREATE TABLE engagement (
  id               INTEGER PRIMARY KEY,
  ref              TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim(ref) <> ''),
  provider_id      INTEGER NOT NULL REFERENCES provider (id) ON DELETE RESTRICT,
  service_id       INTEGER NOT NULL REFERENCES service (id) ON DELETE RESTRICT,
  title            TEXT,
  client_unit      TEXT,
  delivery_country TEXT NOT NULL REFERENCES country (code),
  delivery_model   TEXT NOT NULL CHECK (delivery_model IN ('onshore', 'nearshore', 'offshore')),
  model_source     TEXT NOT NULL CHECK (model_source IN ('derived', 'explicit')),
  type             TEXT NOT NULL CHECK (type IN ('BPO', 'KPO')),
  type_source      TEXT NOT NULL CHECK (type_source IN ('derived', 'explicit')),
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
  updated_at       TEXT NOT NULL
) STRICT;

CREATE INDEX engagement_provider ON engagement (provider_id);
CREATE INDEX engagement_service ON engagement (service_id);
CREATE INDEX engagement_type ON engagement (type, provider_id);
CREATE INDEX engagement_model ON engagement (delivery_model, provider_id);
CREATE INDEX engagement_end_date ON engagement (end_date);

CREATE TABLE spend (
  id            INTEGER PRIMARY KEY,
  engagement_id INTEGER NOT NULL REFERENCES engagement (id) ON DELETE RESTRICT,
  date          TEXT NOT NULL CHECK (length(date) = 10),
  amount        INTEGER NOT NULL,
  currency      TEXT NOT NULL REFERENCES currency (code),
  reference     TEXT,
  UNIQUE (engagement_id, reference)
) STRICT;

CREATE INDEX spend_date ON spend (date);

CREATE TABLE fx_rate (
  currency TEXT NOT NULL REFERENCES currency (code),
  month    TEXT NOT NULL CHECK (length(month) = 7),
  rate     TEXT NOT NULL CHECK (rate <> ''),
  PRIMARY KEY (currency, month)
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_log (
  id        INTEGER PRIMARY KEY,
  at        TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id INTEGER,
  action    TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'import')),
  before    TEXT,
  after     TEXT
) STRICT;

CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
