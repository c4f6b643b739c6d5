package notify

import (
	"tuys/data"

	"embed"
	"fmt"
	"strings"
	"text/template"
	"time"
)

//go:embed messages/*.tmpl
var messageFS embed.FS

// MaxSegments is the most parts any SMS we compose may take.
const MaxSegments = 2

// Vars are the values a template may use. Names arrive already shortened.
type Vars struct {
	Name     string // the person the message is about
	Details  string // "1985, Алматы"
	Sex      string // M, F or ""
	Date     string
	Phone    string
	Seeker   string // the seeker's first name
	Relation string // the seeker's relation, in the recipient's language
	Where    string // where a phoneless safe person was reported
	Hotline  string
	Status   string
	Matches  string
	Code     string // the code to answer with: "ДА 123"
	Verified bool   // the safe report came from the number the seeker gave
	Link     string // the author's private page
	// Terse is Fit's last resort, past the shortest names: a template
	// leaves out what the message can do without (details, the opt-out
	// line), never the money line: a stranger could force the terse form
	// with a long name to strip the warning against scammers
	Terse bool
}

// Templates renders the message catalog.
type Templates struct {
	byLang map[string]*template.Template
}

// LoadTemplates parses the embedded catalog.
func LoadTemplates() (*Templates, error) {
	t := &Templates{byLang: map[string]*template.Template{}}
	funcs := template.FuncMap{"g": gendered}
	for _, lang := range data.Languages {
		tm, err := template.New(lang).Funcs(funcs).ParseFS(messageFS, "messages/"+lang+".tmpl")
		if err != nil {
			return nil, fmt.Errorf("load %s templates: %w", lang, err)
		}
		t.byLang[lang] = tm
	}
	return t, nil
}

// MustTemplates is LoadTemplates for a catalog compiled into the binary.
func MustTemplates() *Templates {
	t, err := LoadTemplates()
	if err != nil {
		panic(err)
	}
	return t
}

// Render executes template name in lang (unknown languages fall back to ru).
func (t *Templates) Render(lang, name string, v Vars) (string, error) {
	tm := t.byLang[Lang(lang)]
	var b strings.Builder
	if err := tm.ExecuteTemplate(&b, name, v); err != nil {
		return "", fmt.Errorf("render %s/%s: %w", lang, name, err)
	}
	return strings.TrimSpace(b.String()), nil
}

// Fit renders name with vars(level) for level 0, 1, 2… until the body fits in
// MaxSegments; each level shortens names further, and a last one renders
// the shortest names Terse. It fails only when even that is too long: a
// failure here once stopped matching for everyone (an attacker's trial,
// 2026-12-07), so the catalog's test renders every template with the
// longest names, places and numbers in every language.
func (t *Templates) Fit(lang, name string, vars func(level int) Vars) (string, error) {
	var body string
	for level := 0; level <= maxLevel+1; level++ {
		v := vars(min(level, maxLevel))
		v.Terse = level > maxLevel
		var err error
		if body, err = t.Render(lang, name, v); err != nil {
			return "", err
		}
		if Segments(body) <= MaxSegments {
			return body, nil
		}
	}
	return "", fmt.Errorf("%s/%s: %d segments even with the shortest names", lang, name, Segments(body))
}

// Lang maps a report's language to one we write; Russian is the lingua
// franca of the region, so it is the fallback.
func Lang(l string) string {
	switch strings.ToLower(strings.TrimSpace(l)) {
	case "kk", "kz", "kaz", "kk-kz":
		return "kk"
	case "en", "eng", "en-us", "en-gb":
		return "en"
	}
	return "ru"
}

func gendered(sex, m, f, unknown string) string {
	switch sex {
	case "M":
		return m
	case "F":
		return f
	}
	return unknown
}

// FormatDate writes a date of zone's day (UTC when nil) the way each
// language's readers expect.
func FormatDate(lang string, t time.Time, zone *time.Location) string {
	if t.IsZero() {
		t = time.Now()
	}
	if zone == nil {
		zone = time.UTC
	}
	if Lang(lang) == "en" {
		return t.In(zone).Format("2 Jan 2006")
	}
	return t.In(zone).Format("02.01.2006")
}
