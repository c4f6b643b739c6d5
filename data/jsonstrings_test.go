package data

import (
	"encoding/json"
	"slices"
	"testing"
)

// FuzzJSONStrings: whatever the values, the list reads back as them, as
// json_each reads it.
func FuzzJSONStrings(f *testing.F) {
	for _, s := range []string{"01J0000000000000000000000X", `a"b`, `back\slash`, "таб\tлица", "<&>", "\x00", "\xff\xfe"} {
		f.Add(s, "01J0000000000000000000000Y")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		vals := []string{a, b, a}
		var back []string
		if err := json.Unmarshal([]byte(jsonStrings(vals)), &back); err != nil {
			t.Fatalf("jsonStrings(%q): %v", vals, err)
		}
		want, _ := json.Marshal(vals) // invalid UTF-8 reads back as U+FFFD either way
		var wantBack []string
		json.Unmarshal(want, &wantBack)
		if !slices.Equal(back, wantBack) {
			t.Fatalf("jsonStrings(%q) reads back as %q, want %q", vals, back, wantBack)
		}
	})
}

func TestJSONStringsEmpty(t *testing.T) {
	if got := jsonStrings(nil); got != "[]" {
		t.Fatalf("jsonStrings(nil) = %s", got)
	}
}
