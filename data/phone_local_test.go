package data

import "testing"

// TestLabelledLocalNumbers: a village's number of five or six digits
// right after a phone's word is hidden, parted by blanks or not; sizes,
// routes, days with their year and short numbers stay.
func TestLabelledLocalNumbers(t *testing.T) {
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"тел 27 45 67", "тел •••"},
		{"телефон 274567; phone 27 45 67", "телефон •••; phone •••"},
		{"үй телефоны 27 45 67", "үй телефоны •••"},
		{"Тел.: 2 45 67, Ерлан", "Тел.: •••, Ерлан"},
		{"звоните: 5-12-34; номер 12345", "звоните: •••; номер •••"},
		// what stays
		{"телефон 1234; тел 12.05.2024", "телефон 1234; тел 12.05.2024"},
		{"номер 12 45 автобуса; номер рейса 12345; Размеры 90 60 90", "номер 12 45 автобуса; номер рейса 12345; Размеры 90 60 90"},
	})
}
