-- "I know their number": a seek report may carry the sought person's own
-- phone (sealed like every phone; the hash finds it). A safe report filed
-- from that number is a verified match.
ALTER TABLE reports ADD COLUMN sought_phone_enc TEXT NOT NULL DEFAULT '';
ALTER TABLE reports ADD COLUMN sought_phone_hash TEXT NOT NULL DEFAULT '';
