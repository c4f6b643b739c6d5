-- Notes from the public reach subscribers by SMS only once a volunteer has
-- seen them (opened the record in the console); volunteers' own notes are
-- seen when written. Notes written before this migration count as seen.
ALTER TABLE notes ADD COLUMN seen INTEGER NOT NULL DEFAULT 1;
