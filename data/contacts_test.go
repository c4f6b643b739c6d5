package data

import (
	"strings"
	"testing"
	"unicode"
)

// TestHideContacts: every way to reach a person that people type into a
// description is hidden from the public, and what is not one is kept.
func TestHideContacts(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"пишите erlan.zh@mail.ru или @erlan_zh", "пишите ••• или •••"},
		{"Telegram: t.me/erlan_zh, WhatsApp https://wa.me/77011234567", "Telegram: •••, WhatsApp •••"},
		{"жил на ул. Абая 10, кв. 5", "жил на ул. Абая •••, кв. •••"},
		{"ул.Абая 10/2", "ул.Абая •••"},
		{"Абай көшесі 10, 5-пәтер", "Абай көшесі •••, •••"},
		{"lives at 10 Abay street, apt 5", "lives at ••• Abay street, apt •••"},
		{"мкр Самал-2, д. 5", "мкр •••, д. •••"},
		{"звоните 8 701 123 45 67", "звоните •••"},
		// not contacts: kept as written
		{"рост 175, родился в 1985, шрам на левой руке", "рост 175, родился в 1985, шрам на левой руке"},
		{"Жұмабаев Ерлан, 1985 ж.т.", "Жұмабаев Ерлан, 1985 ж.т."},
		{"a cat @ home", "a cat @ home"},
		{"went to school No 25 by bus 12", "went to school No 25 by bus 12"},
	} {
		if got := HideContacts(tc.in); got != tc.want {
			t.Errorf("HideContacts(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzHideContacts: whatever the text, nothing of an e-mail address
// survives, and the text is never longer than it could be hiding.
func FuzzHideContacts(f *testing.F) {
	for _, s := range []string{"ул. Абая 10", "a@b.kz", "@@@", "t.me/x", "кв.5-пәтер 1/2/3", "\xff@\xfe.kz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, local string) {
		email := "zz" + strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return r
			}
			return -1
		}, local) + "@mail.kz"
		got := HideContacts("пишите " + email + " вечером")
		if strings.Contains(got, "@") || strings.Contains(got, "mail.kz") {
			t.Fatalf("%q: the address shows: %q", email, got)
		}
		_ = HideContacts(local) // any input: no panic
	})
}
