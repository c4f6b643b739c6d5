-- Each report's author gets a private page: a random token, shown once,
-- kept only as its keyed hash.
ALTER TABLE reports ADD COLUMN private_hash TEXT NOT NULL DEFAULT '';
CREATE INDEX reports_private ON reports (private_hash) WHERE private_hash <> '';
