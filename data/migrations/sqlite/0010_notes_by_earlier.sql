-- Notes written before 0009 recorded who wrote them: a volunteer's is
-- known by its login; any other signed one may carry the contact name the
-- private page used to sign with, so its author is no longer shown
-- (data.NoteByEarlier). Attacker trial, 2026-12-06.
UPDATE notes SET author_by = 'volunteer' WHERE author_by = '' AND author IN (SELECT login FROM volunteers);
UPDATE notes SET author_by = 'earlier' WHERE author_by = '' AND author <> '';
