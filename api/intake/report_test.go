package intake

import (
	"testing"
	"time"

	"tuys/data"
)

func TestCleanTextDropsBidiAndControls(t *testing.T) {
	for in, want := range map[string]string{
		"Ерлан\u202eнаблаж":          "Ерланнаблаж",
		"\u2066Aigul\u2069 \u200eK.": "Aigul K.",
		"  Gul\u200bnara\tSeit  ":    "Gulnara Seit",
		"\ufeffАсель\x00":            "Асель",
		"Ai\u200fgul \u061cB":        "Aigul B",
	} {
		if got := CleanText(in); got != want {
			t.Errorf("CleanText(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzToReport: no input makes the validator panic, and a report it
// accepts carries a name with a letter and no control or bidi characters.
func FuzzToReport(f *testing.F) {
	for _, s := range []string{"Жумабаев Ерлан", "\u202e", "", "1985", "Zhumabayev\x00Yerlan"} {
		f.Add("seek", s, 1985, "Алматы", "+77011234567")
	}
	f.Fuzz(func(t *testing.T, kind, name string, year int, city, phone string) {
		in := ReportInput{Kind: kind, Person: PersonInput{FullName: name, BirthYear: year, City: city},
			Contact: ContactInput{Phone: phone}}
		r, fe := in.ToReport(time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC), "ru", data.ChannelAPI)
		if (r == nil) == (fe == nil) {
			t.Fatalf("report %v and errors %v", r, fe)
		}
		if r == nil {
			return
		}
		if !HasLetter(r.FullName) || CleanText(r.FullName) != r.FullName {
			t.Errorf("accepted name %q", r.FullName)
		}
	})
}
