-- Documents: one row per stored article. The text has its own column (indexed for full-text search); the other
-- layers are kept as the Doc JSON without the text, and tokens packed as bytes (9 per token).
CREATE TABLE documents (
  id            INTEGER PRIMARY KEY,
  content_hash  TEXT NOT NULL UNIQUE,
  title         TEXT,
  site          TEXT,
  url           TEXT,
  published     TEXT,
  date_source   TEXT NOT NULL,
  origin        TEXT,
  format        TEXT,
  ingested_at   TEXT NOT NULL,
  text          TEXT NOT NULL,
  layers_json   TEXT NOT NULL,
  tokens        BLOB,
  pipeline_json TEXT NOT NULL
);

CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_url ON documents (url);

CREATE VIRTUAL TABLE documents_fts USING fts5 (
  title, text,
  content = 'documents', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
  INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;

CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;

CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN
  INSERT INTO documents_fts (documents_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
  INSERT INTO documents_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
END;
