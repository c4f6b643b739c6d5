package data

import (
	"strings"
	"testing"
)

// TestHideWordedMail: an e-mail address written with its provider in
// words is hidden; a provider named in a sentence, with no mailbox, is not.
func TestHideWordedMail(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"erlan_zh на mail.ru", "•••"},
		{"пишите erlan_zh mail.ru вечером", "пишите ••• вечером"},
		{"erlanzh at gmail", "•••"},
		{"почта erlan1985 майл ру", "почта •••"},
		{"пишите на gmail: erlan.zh", "пишите на •••"},
		{"erlan собака джимейл точка ком", "•••"},
		{"пишите ерлан_жумабаев собака мейл ру.", "пишите •••."},
		{"e.zhumabaev yandex kz", "•••"},
		{"работает в Яндекс такси", "работает в Яндекс такси"},
		{"Живёт на Абая с сестрой", "Живёт на Абая с сестрой"},
		{"отправили письмо по mail", "отправили письмо по mail"},
		{"пишите на mail.ru", "пишите на mail.ru"},
		{"Sent by mail on Monday", "Sent by mail on Monday"},
		{"водитель Yandex Go", "водитель Yandex Go"},
	} {
		if got := HideContacts(tc.in); got != tc.want {
			t.Errorf("HideContacts(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzHideWordedMail: whatever mailbox name stands before "собака gmail
// точка com", nothing of it shows, and any text is handled.
func FuzzHideWordedMail(f *testing.F) {
	for _, s := range []string{"erlan", "erlan_zh", "e.zh85", "ерлан", "x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		box := strings.Map(func(r rune) rune {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' {
				return r
			}
			return -1
		}, strings.ToLower(name))
		if len(box) < 2 || strings.Trim(box, "0123456789_") == "" {
			return
		}
		got := hideWordedMail("пишите zz" + box + " собака gmail точка com")
		if strings.Contains(got, "zz"+box) || strings.Contains(got, "gmail") {
			t.Fatalf("%q: the address shows: %q", box, got)
		}
		_ = hideWordedMail(name)
	})
}
