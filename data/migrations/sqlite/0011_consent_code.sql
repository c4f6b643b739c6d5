-- A consent request's code is drawn at random and kept with it: derived
-- from the match id, which is public, it let a stranger file seeks until
-- one shared the family's code (an attacker's trial, 2026-12-07). Rows
-- from before keep '' and their derived code (notify.codeOf).
ALTER TABLE consents ADD COLUMN code TEXT NOT NULL DEFAULT '';
