package api

import (
	"fmt"
	"strings"
	"testing"
)

// TestGuessedNumbersReadAsAnyOther: a stranger files a report with a
// guessed number and reads its private page. Whether the guess is right
// must not show: (a) a "looking for" report typed with the found
// person's own number (no request is sent to the person about it), (b)
// an "I am safe" report typed with the number of the family looking for
// that name (no request either), (c) a second "looking for" report with
// the family's phone, name and relation (the family was asked about
// already). Each page reads as the same page filed with a wrong guess
// (an attacker's trial, 2026-12-07).
func TestGuessedNumbersReadAsAnyOther(t *testing.T) {
	const person, family = "+77017770011", "+77013334455"
	seek := func(contactName, phone string) string {
		return fmt.Sprintf(`{"kind":"seek","person":{"full_name":"Жаксыбеков Ермек","birth_year":1975,"city":"Тараз"},"contact":{"name":%q,"phone":%q,"relation":"daughter","language":"ru"}}`, contactName, phone)
	}
	safe := func(phone string) string {
		return `{"kind":"safe","person":{"full_name":"Жаксыбеков Ермек","birth_year":1975,"city":"Тараз"},"contact":{"name":"Ермек","phone":"` + phone + `","language":"ru"}}`
	}
	cases := []struct {
		name         string
		setup, guess func(f *smsFixture, number string) CreatedReport
		right, wrong string
	}{
		{"seek typed with the person's own number",
			func(f *smsFixture, _ string) CreatedReport { return f.file(safe(person)) },
			func(f *smsFixture, n string) CreatedReport { return f.file(seek("Асель", n)) }, person, "+77017770012"},
		{"safe typed with the family's number",
			func(f *smsFixture, _ string) CreatedReport { return f.file(seek("Жанна", family)) },
			func(f *smsFixture, n string) CreatedReport { return f.file(safe(n)) }, family, "+77013334456"},
		{"the family's phone, name and relation again",
			func(f *smsFixture, _ string) CreatedReport {
				f.file(safe(person))
				return f.file(seek("Айгуль", family))
			},
			func(f *smsFixture, n string) CreatedReport { return f.file(seek("Айгуль", n)) }, family, "+77013334456"},
	}
	for _, c := range cases {
		pages := map[string]string{}
		for _, number := range []string{c.right, c.wrong} {
			f := newSMSFixture(t, false, number)
			c.setup(f, number)
			cr := c.guess(f, number)
			f.dispatch()
			pages[number] = strings.ReplaceAll(f.privatePage(cr), number[len(number)-2:], "NN")
		}
		if pages[c.right] != pages[c.wrong] {
			t.Errorf("%s: a right guess reads otherwise than a wrong one:\nright: %s\nwrong: %s", c.name, pages[c.right], pages[c.wrong])
		}
	}
}
