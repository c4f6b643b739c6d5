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
		"ДЧС\u3164":                  "ДЧС", // a blank Hangul filler is a letter to Unicode
		"По\u115fли\uffa0ция":        "Полиция",
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

func TestExpandYear(t *testing.T) {
	now := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	for in, want := range map[int]int{85: 1985, 99: 1999, 27: 1927, 12: 12, 0: 0, 1985: 1985, 2026: 2026} {
		if got := ExpandYear(in, now); got != want {
			t.Errorf("ExpandYear(%d) = %d, want %d", in, got, want)
		}
	}
	in := ReportInput{Kind: "seek", Person: PersonInput{FullName: "Жумабаев Ерлан", BirthYear: 85}, Contact: ContactInput{Phone: "+77011234567"}}
	if r, fe := in.ToReport(now, "ru", data.ChannelAPI); fe != nil || r.BirthYear != 1985 {
		t.Errorf("birth_year 85: %+v %v", r, fe)
	}
	in.Person.BirthYear = 12 // 1912 or 2012: ambiguous, a field error
	if _, fe := in.ToReport(now, "ru", data.ChannelAPI); fe == nil {
		t.Error("birth_year 12 accepted")
	}
}
