package data

import "testing"

// TestNoteStatusLists: the public form's statuses are a subset of the one
// list, without the two the public may not set.
func TestNoteStatusLists(t *testing.T) {
	public := 0
	for _, s := range NoteStatuses {
		if !ValidNoteStatus(s) {
			t.Errorf("%q is listed but not valid", s)
		}
		if PublicNoteStatus(s) {
			public++
		}
	}
	if public != len(NoteStatuses)-2 || PublicNoteStatus(NoteBelievedDead) || PublicNoteStatus(NoteIsNoteAuthor) || ValidNoteStatus("dead") {
		t.Errorf("public statuses: %d of %d", public, len(NoteStatuses))
	}
}
