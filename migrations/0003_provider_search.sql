-- Full-text search over providers (name, legal name, city, notes), kept in
-- sync with the provider table by triggers. Accents are ignored, so
-- "Malmo" finds "Malmö".

CREATE VIRTUAL TABLE provider_fts USING fts5(
  name, legal_name, hq_city, notes,
  content = 'provider', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

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
