package data

import (
	"strings"
	"testing"
)

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

func TestTypedCode(t *testing.T) {
	code := NewCode(8)
	for _, typed := range []string{code, strings.ToUpper(code), code[:8] + " " + code[8:], " " + code[:4] + "-" + code[4:] + "\n"} {
		if got := TypedCode(typed); got != code {
			t.Errorf("TypedCode(%q) = %q, want %q", typed, got, code)
		}
	}
	if got := TypedCode("6ааbf279 7сс5е143"); got != "6aabf2797cc5e143" { // Cyrillic а, с, е
		t.Errorf("Cyrillic lookalikes: %q", got)
	}
	if TypedCode("6aabf2797cc5e144") == "6aabf2797cc5e143" {
		t.Error("another code reads as this one")
	}
}
