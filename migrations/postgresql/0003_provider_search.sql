-- Full-text search over providers (name, legal name, city, notes) with
-- PostgreSQL's text search: one document per provider in provider_search,
-- the name weighted above the legal name, the city and the notes, kept in
-- step by a trigger and removed with its provider. Accents are ignored
-- (unaccent), so "Malmo" finds "Malmö". A table of its own rather than a
-- column, so that the provider's rows (which the audit trail records column
-- by column) are the same on both backends.

CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE provider_search (
  provider_id BIGINT PRIMARY KEY REFERENCES provider (id) ON DELETE CASCADE,
  document    tsvector NOT NULL
);

CREATE INDEX provider_search_document ON provider_search USING gin (document);

CREATE FUNCTION provider_search_document(name TEXT, legal_name TEXT, hq_city TEXT, notes TEXT)
  RETURNS tsvector LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('simple', unaccent(coalesce(name, ''))), 'A')
      || setweight(to_tsvector('simple', unaccent(coalesce(legal_name, ''))), 'B')
      || setweight(to_tsvector('simple', unaccent(coalesce(hq_city, ''))), 'C')
      || setweight(to_tsvector('simple', unaccent(coalesce(notes, ''))), 'D')
$$;

CREATE FUNCTION provider_search_refresh() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO provider_search (provider_id, document)
    VALUES (NEW.id, provider_search_document(NEW.name, NEW.legal_name, NEW.hq_city, NEW.notes))
    ON CONFLICT (provider_id) DO UPDATE SET document = excluded.document;
  RETURN NULL;
END
$$;

CREATE TRIGGER provider_search_insert AFTER INSERT ON provider
  FOR EACH ROW EXECUTE FUNCTION provider_search_refresh();
CREATE TRIGGER provider_search_update AFTER UPDATE OF name, legal_name, hq_city, notes ON provider
  FOR EACH ROW EXECUTE FUNCTION provider_search_refresh();
