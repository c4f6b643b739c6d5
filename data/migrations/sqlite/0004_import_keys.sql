-- Imported reports and notes: the stable key of each row (a hash of the
-- source and the normalized row, or a PFIF record id) so importing a list
-- twice, or an overlapping later version of it, files nothing twice; and
-- where the record came from, for the PFIF export.
CREATE TABLE import_keys (
    key         TEXT PRIMARY KEY,
    report_id   TEXT NOT NULL,
    note_id     TEXT NOT NULL DEFAULT '',
    source_date BIGINT NOT NULL DEFAULT 0,
    record_id   TEXT NOT NULL DEFAULT '',
    created_at  BIGINT NOT NULL
);
CREATE INDEX import_keys_report ON import_keys (report_id);
CREATE INDEX import_keys_record ON import_keys (record_id);
