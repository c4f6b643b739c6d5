-- Who wrote a note (data.NoteBy): the public, the report's own author
-- from the private page, or a volunteer. Only the public's own author
-- name is shown publicly: the private page used to sign notes with the
-- report's contact name, and the console with the volunteer's login.
ALTER TABLE notes ADD COLUMN author_by TEXT NOT NULL DEFAULT '';
