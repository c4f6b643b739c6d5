package data

import (
	"fmt"
	"testing"
)

// TestCleanTextsRemembersOnlyClean: a name found clean is remembered (by
// hash) and comes back unchanged; a text with a contact is hidden every
// time and never remembered; texts too long to repeat are not kept.
func TestCleanTextsRemembersOnlyClean(t *testing.T) {
	for _, tc := range []struct {
		text     string
		remember bool
	}{
		{"Жұмабаев Ерлан Серікұлы", true},
		{"Алматы", true},
		{"Ерлан 8 701 123 45 67", false},
		{"erlan@mail.kz", false},
		{"Абая 10-5", false},
		{string(make([]byte, cleanTextMaxLen+1)), false},
	} {
		first := HideContacts(tc.text)
		if got := clean.has(tc.text); got != tc.remember {
			t.Errorf("%.30q: remembered %v, want %v", tc.text, got, tc.remember)
		}
		if again := HideContacts(tc.text); again != first {
			t.Errorf("%.30q: %q the first time, %q the second", tc.text, first, again)
		}
		if !tc.remember && len(tc.text) <= cleanTextMaxLen && first == tc.text {
			t.Errorf("%q: nothing hidden", tc.text)
		}
	}
}

// TestCleanTextsBounded: two generations at most, the newest kept.
func TestCleanTextsBounded(t *testing.T) {
	c := newCleanTexts()
	for i := range 3*cleanTextsPerGen + 7 {
		c.add(fmt.Sprintf("name %d", i))
	}
	if n := len(c.cur) + len(c.old); n > 2*cleanTextsPerGen {
		t.Errorf("%d hashes held, want at most %d", n, 2*cleanTextsPerGen)
	}
	if !c.has(fmt.Sprintf("name %d", 3*cleanTextsPerGen+6)) || c.has("name 0") {
		t.Error("the newest text forgotten, or the oldest kept")
	}
	if c.has("name -1") {
		t.Error("a text never added is remembered")
	}
}
