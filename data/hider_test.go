package data

import (
	"reflect"
	"testing"
)

// TestHiderHidesAsHideContacts: an answer's Hider gives what HideContacts
// gives, for a text seen the first time and again, and its public views
// are Public's.
func TestHiderHidesAsHideContacts(t *testing.T) {
	texts := []string{"", "Жумабаев Ерлан", "звоните 8 701 123 45 67", "erlan@mail.ru", "Алматы",
		"восемь семьсот один сто двадцать три сорок пять шестьдесят семь", "тг: @erlan_zh", "Жумабаев Ерлан"}
	var h Hider
	for round := 0; round < 2; round++ {
		for _, s := range texts {
			if got, want := h.Hide(s), HideContacts(s); got != want {
				t.Errorf("round %d: Hide(%q) = %q, want %q", round, s, got, want)
			}
		}
	}
	r := &Report{ID: "01J00000000000000000000000", Kind: KindSafe, FullName: "Омарова Сара", City: "Алматы",
		Description: "пишите erlan@mail.ru или 8 701 123 45 67", BirthYear: 1990, Status: StatusActive}
	for i := 0; i < 2; i++ {
		if got, want := h.Public(r), Public(r); !reflect.DeepEqual(got, want) {
			t.Errorf("Hider.Public = %+v, want %+v", got, want)
		}
	}
	if h.Public(r).Description == r.Description {
		t.Errorf("description shown as typed: %q", r.Description)
	}
}
