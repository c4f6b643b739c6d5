package notify

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"tuys/data"
)

var update = flag.Bool("update", false, "rewrite golden files")

// Longest realistic values: double-barrelled Kazakh and Russian names with
// patronymics, long cities and institutions, foreign numbers.
var (
	longNames = []string{
		"Нұрсұлтанова-Жанғабылова Гүлжанат Қуанышбекқызы",
		"Константинопольская-Преображенская Александра Владиславовна",
		"Nursultanova-Zhangabylova Gulzhanat Kuanyshbekkyzy",
		"Константинопольская-Преображенская",
	}
	longCity    = "Петропавловск-Камчатский"
	longSource  = "Городская клиническая больница скорой медицинской помощи №7 г. Усть-Каменогорск"
	longSeeker  = "Александра-Виктория Константинопольская"
	longLink    = "https://tuys.example.kz/p/0123456789abcdef0123456789abcdef"
	longRel     = "relative" // "родственник": the longest in the closed list
	longPhone   = "+821012345678"
	longHotline = "+7 727 123 45 67"
)

func templateNames(t *testing.T, tm *Templates, lang string) []string {
	t.Helper()
	var names []string
	for _, x := range tm.byLang[lang].Templates() {
		if x.Name() != lang && !strings.HasSuffix(x.Name(), ".tmpl") {
			names = append(names, x.Name())
		}
	}
	sort.Strings(names)
	return names
}

func TestCatalogSameInEveryLanguage(t *testing.T) {
	tm := MustTemplates()
	want := templateNames(t, tm, "en")
	if len(want) < 15 {
		t.Fatalf("en defines only %d templates", len(want))
	}
	for _, lang := range data.Languages {
		if got := templateNames(t, tm, lang); strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s defines %v, en defines %v", lang, got, want)
		}
	}
}

// TestEveryTemplateFitsTwoSegments renders every template in every language
// with the longest names we expect, shortening like the composer does.
// moneyLine is each language's "tuys never asks for money".
var moneyLine = map[string]string{"kk": "tuys ақша сұрамайды", "ru": "tuys не просит денег", "en": "tuys never asks for money"}

func TestEveryTemplateFitsTwoSegments(t *testing.T) {
	tm := MustTemplates()
	for _, lang := range data.Languages {
		for _, name := range templateNames(t, tm, lang) {
			for i, full := range longNames {
				r := &data.Report{FullName: full, BirthYear: 1987, City: longCity, SourceName: longSource, CreatedAt: time.Now()}
				verified := i%2 == 0 // "from the number you gave", with no sex known (an SMS ЖИВ gives none)
				c := &Composer{T: tm, Hotline: longHotline}
				vars := func(level int) Vars {
					v := c.personVars(r, lang, level)
					seeker := longSeeker
					if verified {
						seeker = "" // a seeker who gave no name is called so: a long phrase
					}
					sv := c.seekerVars(&data.Report{ContactName: seeker, Relation: longRel, ContactPhone: longPhone}, lang, level)
					v.Seeker, v.Relation, v.Phone = sv.Seeker, sv.Relation, longPhone
					v.Where, v.Status = (&Composer{}).where(r, lang, level), statusWord("note", lang)
					v.Link, v.Code, v.Verified = longLink, "999", verified
					v.Matches = (&Composer{}).matchesLine(lang, []*data.Report{r, r, r}, level)
					return v
				}
				body, err := tm.Fit(lang, name, vars)
				if err != nil {
					t.Errorf("%s/%s with %q: %v", lang, name, full, err)
					continue
				}
				// The warning against scammers is never what a long name
				// pushes out (an attacker's trial forced the terse form).
				if longest, _ := tm.Render(lang, name, vars(0)); strings.Contains(longest, moneyLine[lang]) && !strings.Contains(body, moneyLine[lang]) {
					t.Errorf("%s/%s with %q lost the money line: %q", lang, name, full, body)
				}
				if !utf8.ValidString(body) || strings.ContainsRune(body, utf8.RuneError) {
					t.Errorf("%s/%s: invalid UTF-8 in %q", lang, name, body)
				}
			}
		}
	}
}

func TestShortName(t *testing.T) {
	tests := []struct {
		full  string
		level int
		max   int
		want  string
	}{
		{"Жумабаев  Ерлан Серикович", 0, 40, "Жумабаев Ерлан Серикович"},
		{"Жумабаев Ерлан Серикович", 1, 40, "Жумабаев Е. С."},
		{"Жумабаев Ерлан Серикович", 2, 40, "Жумабаев Е."},
		{"Жумабаев Ерлан Серикович", 3, 40, "Жумабаев"},
		{"Жумабаев Ерлан Серикович", 4, 40, "Ж."},
		{"Нұрсұлтанова-Жанғабылова Гүлжанат", 3, 40, "Нұрсұлтанов."},
		{"Нұрсұлтанова-Жанғабылова Гүлжанат", 1, 12, "Нұрсұлтанов."},
		{"Ömer Şahin", 1, 40, "Ömer Ş."},
		{"", 1, 10, ""},
		// A decomposed й is composed first, so it counts as one letter.
		{"Аби\u0306 Ли", 0, 4, "Абй."},
	}
	for _, tt := range tests {
		got := ShortName(tt.full, tt.level, tt.max)
		if got != tt.want {
			t.Errorf("ShortName(%q, %d, %d) = %q, want %q", tt.full, tt.level, tt.max, got, tt.want)
		}
		if utf8.RuneCountInString(got) > tt.max {
			t.Errorf("ShortName(%q) = %q is longer than %d", tt.full, got, tt.max)
		}
	}
}

func TestTruncateNeverSplitsACharacter(t *testing.T) {
	s := "Қ\u0301азақ" // a letter with a combining accent that NFC cannot compose
	for n := 1; n <= 7; n++ {
		got := Truncate(s, n)
		if strings.HasPrefix(got, "Қ") && !strings.HasPrefix(got, "Қ\u0301") && got != "." {
			t.Errorf("Truncate(%q, %d) = %q split a letter from its accent", s, n, got)
		}
		if !utf8.ValidString(got) {
			t.Errorf("Truncate(%q, %d) = invalid UTF-8", s, n)
		}
	}
}

func TestRelation(t *testing.T) {
	for _, tt := range []struct{ in, lang, want string }{
		{"sister", "ru", "сестра"}, {"Сестра", "en", "sister"}, {"мать", "kk", "ана"},
		{"sister", "kk", "әпке-сіңлі"}, {"", "ru", ""}, {"троюродная племянница мужа", "en", ""}, {"ПОЛИЦИЯ, перезвоните", "ru", ""},
	} {
		if got := Relation(tt.in, tt.lang); got != tt.want {
			t.Errorf("Relation(%q, %s) = %q, want %q", tt.in, tt.lang, got, tt.want)
		}
	}
}

// TestGolden renders every template with typical values; review diffs of
// testdata/golden/*.txt like code (go test ./notify -run Golden -update).
func TestGolden(t *testing.T) {
	tm := MustTemplates()
	day := time.Date(2026, 3, 14, 9, 0, 0, 0, time.UTC)
	r := &data.Report{FullName: "Жумабаев Ерлан Серикович", Sex: "M", BirthYear: 1985, City: "Алматы", SourceName: "Больница №7", CreatedAt: day}
	for _, lang := range data.Languages {
		var b strings.Builder
		for _, name := range templateNames(t, tm, lang) {
			v := (&Composer{T: tm}).personVars(r, lang, 0)
			v.Seeker, v.Relation, v.Phone = "Айгуль", Relation("sister", lang), "+77011234567"
			v.Where, v.Hotline, v.Status = (&Composer{}).where(r, lang, 0), "+7 727 000 00 00", statusWord("found", lang)
			v.Code, v.Link = "123", "https://tuys.example.kz/p/0123456789abcdef0123456789abcdef"
			switch name {
			case "filed_seek":
				v.Matches = (&Composer{}).matchesLine(lang, []*data.Report{r}, 0)
			case "yes_which", "no_which", "answer_unsure", "yes_code", "no_code":
				v.Matches = "Айгуль (" + Relation("sister", lang) + ") - 123; Марат (" + Relation("brother", lang) + ") - 456"
			}
			body, err := tm.Render(lang, name, v)
			if err != nil {
				t.Fatal(err)
			}
			enc, n := Units(body)
			fmt.Fprintf(&b, "## %s (%s, %d units, %d segments)\n%s\n\n", name, enc, n, Segments(body), body)
		}
		path := filepath.Join("testdata", "golden", lang+".txt")
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to create)", err)
		}
		if string(want) != b.String() {
			t.Errorf("%s differs from golden file; got:\n%s", path, b.String())
		}
	}
}

// Every relation the form suggests, in any language, reaches the SMS in
// the receiver's language (the form's Kazakh "анасы" was dropped from the
// SMS: a new user's trial), and so do the words the form offered before.
func TestEveryRelationChoiceReachesTheSMS(t *testing.T) {
	for _, from := range []string{"kk", "ru", "en"} {
		for i, word := range RelationChoices(from) {
			for _, to := range []string{"kk", "ru", "en"} {
				if got, want := Relation(word, to), RelationChoices(to)[i]; got != want {
					t.Errorf("%s %q in %s: %q, want %q", from, word, to, got, want)
				}
			}
		}
	}
	for old, want := range map[string]string{"анасы": "мама", "ағасы не інісі": "брат", "атасы не әжесі": "бабушка или дедушка", "туысы": "родственник"} {
		if got := Relation(old, "ru"); got != want {
			t.Errorf("%q in ru: %q, want %q", old, got, want)
		}
	}
}

// TestDatesAreOfTheServicesDay: a report filed at 20:30 UTC was filed the
// next day in Almaty; an SMS with TUYS_TIMEZONE=+05:00 says that day, in
// each language's way.
func TestDatesAreOfTheServicesDay(t *testing.T) {
	r := &data.Report{FullName: "Жумабаев Ерлан", CreatedAt: time.Date(2026, 1, 5, 20, 30, 0, 0, time.UTC)}
	almaty := time.FixedZone("UTC+05:00", 5*3600)
	for _, tc := range []struct {
		zone       *time.Location
		lang, want string
	}{
		{nil, "ru", "05.01.2026"}, {almaty, "ru", "06.01.2026"}, {almaty, "kk", "06.01.2026"}, {almaty, "en", "6 Jan 2026"},
	} {
		if got := (&Composer{T: MustTemplates(), Zone: tc.zone}).personVars(r, tc.lang, 0).Date; got != tc.want {
			t.Errorf("zone %v, %s: date %q, want %q", tc.zone, tc.lang, got, tc.want)
		}
	}
}

// A seeker's name stored as an office (filed before the intake refused
// such names) is no name the found person is told: "Вас ищет Полиция" in
// tuys's own SMS is what a scammer wants (an attacker's trial).
func TestAuthorityIsNoSeekerName(t *testing.T) {
	c := &Composer{T: MustTemplates()}
	for _, name := range []string{"Полиция", "ДЧС", "Майор Ахметов", "Айⲅⲉрим", "П0лиция"} { // and letters of other alphabets, a digit for a letter
		if v := c.seekerVars(&data.Report{ContactName: name, Channel: data.ChannelWeb}, "ru", 0); v.Seeker != "человек, не указавший имени" {
			t.Errorf("a seeker named %q is announced as %q", name, v.Seeker)
		}
	}
	if v := c.seekerVars(&data.Report{ContactName: "Больница №7", Channel: data.ChannelImport}, "ru", 0); v.Seeker != "Больница" {
		t.Errorf("an imported list's seeker is announced as %q", v.Seeker)
	}
}
