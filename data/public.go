package data

import (
	"regexp"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// PublicReport is all that anyone may see of a report: never a phone number,
// a contact name, or an exact location. The API, the pages, the exports and
// the changes feed all show this and nothing more.
type PublicReport struct {
	ID          string `json:"id"`
	Kind        Kind   `json:"kind"`
	FullName    string `json:"full_name"`
	GivenName   string `json:"given_name,omitempty"`
	FamilyName  string `json:"family_name,omitempty"`
	Patronymic  string `json:"patronymic,omitempty"`
	Sex         string `json:"sex,omitempty"`
	BirthYear   int    `json:"birth_year,omitempty"`
	YearApprox  bool   `json:"birth_year_approximate,omitempty"`
	City        string `json:"city,omitempty"`
	Region      string `json:"region,omitempty"`
	Country     string `json:"country,omitempty"`
	Description string `json:"description,omitempty"`
	Status      string `json:"status"`
	LinkedID    string `json:"linked_report_id,omitempty"`
	// Outcome says whether there is news (single-report views only):
	// none, reported_safe or found, with its date; never the details.
	Outcome   Outcome    `json:"outcome,omitempty"`
	OutcomeAt *time.Time `json:"outcome_at,omitempty"`
	CreatedAt time.Time  `json:"created_at"`
	ExpiresAt time.Time  `json:"expires_at"`
}

// Public is r's public view.
func Public(r *Report) PublicReport { return publicWith(r, HideContacts, HidePlace) }

// Hider hides the contacts in the texts of one answer, each distinct text
// once: a search answer repeats names, places and the query's words across
// its hits (namesakes, one city), and hiding is most of what a public view
// costs. Made for one answer and dropped with it, it keeps nobody's text
// past the request. The zero value is ready; not for concurrent use.
type Hider struct{ texts, places map[string]string }

// Hide is HideContacts(s), worked out once per distinct s.
func (h *Hider) Hide(s string) string { return remembered(&h.texts, s, HideContacts) }

// Place is HidePlace(s), worked out once per distinct s.
func (h *Hider) Place(s string) string { return remembered(&h.places, s, HidePlace) }

// remembered is hide(s), from *done when s was seen before.
func remembered(done *map[string]string, s string, hide func(string) string) string {
	if s == "" {
		return s
	}
	if v, ok := (*done)[s]; ok {
		return v
	}
	v := hide(s)
	if *done == nil {
		*done = make(map[string]string, 64)
	}
	(*done)[s] = v
	return v
}

// Public is r's public view, hidden through h.
func (h *Hider) Public(r *Report) PublicReport { return publicWith(r, h.Hide, h.Place) }

func publicWith(r *Report, hide, place func(string) string) PublicReport {
	names := namesHider(r, hide)
	return PublicReport{
		ID: r.ID, Kind: r.Kind, FullName: names(r.FullName), GivenName: names(r.GivenName), FamilyName: names(r.FamilyName),
		Patronymic: names(r.Patronymic), Sex: r.Sex, BirthYear: r.BirthYear, YearApprox: r.YearApprox,
		City: place(r.City), Region: place(r.Region), Country: place(r.Country), Description: hide(r.Description),
		Status: r.Status, LinkedID: r.LinkedID, CreatedAt: r.CreatedAt, ExpiresAt: r.ExpiresAt,
	}
}

// PublicNote is a note as anyone may see it.
type PublicNote struct {
	ID        string    `json:"id"`
	Status    string    `json:"status,omitempty"`
	Text      string    `json:"text"`
	Author    string    `json:"author,omitempty"`
	By        NoteBy    `json:"by,omitempty"` // report_author or volunteer; their names are not shown
	CreatedAt time.Time `json:"created_at"`
}

// PublicNoteOf is n's public view: phone numbers in the text are hidden,
// and only a note by the public shows its author's name.
func PublicNoteOf(n *Note) PublicNote {
	p := PublicNote{ID: n.ID, Status: n.Status, Text: HideContacts(n.Text), By: n.By, CreatedAt: n.CreatedAt}
	switch n.By {
	case NoteByPublic:
		p.Author = HideContacts(n.Author)
	case NoteByEarlier:
		p.By = NoteByPublic // nothing to say of who wrote it
	}
	return p
}

// namesHider hides r's name fields: through hide, and, when they hold a
// phone number's count of digits (letters typed for digits counted with
// them), every digit and such letter too. The digits are counted before
// hide: a group it takes for a house (Ахметов 8701) leaves the others to
// spell the rest of the number. Names
// carry a list's number at most (Пациент №12); one digit group glued to
// each name word (Ахметов-8701 Арман-123 Серикович-4567) passed the
// patterns, which read one number at a time, and the three name fields
// shown apart spelled the number again (an attacker's trial, 2026-12-07).
func namesHider(r *Report, hide func(string) string) func(string) string {
	if !anyDigit(r.FullName, r.GivenName, r.FamilyName, r.Patronymic) {
		return hide // a number has digits (hideLookalikePhones asks four): most names have none
	}
	n := 0
	for _, f := range []string{r.FullName, r.GivenName, r.FamilyName, r.Patronymic} {
		n = max(n, countNumberish(f))
	}
	if given := countNumberish(r.GivenName) + countNumberish(r.FamilyName) + countNumberish(r.Patronymic); given > n {
		n = given
	}
	if n < minPhoneDigits {
		return hide
	}
	return func(s string) string { return numberishWord.ReplaceAllStringFunc(hide(s), hideNumberish) }
}

func anyDigit(fields ...string) bool {
	for _, f := range fields {
		if strings.ContainsFunc(f, unicode.IsNumber) {
			return true
		}
	}
	return false
}

// numberishWord is a run of letters and digits in a name.
var numberishWord = regexp.MustCompile(`[\p{L}\p{N}]+`)

// numberish reports whether a word of a name reads as part of a number:
// it has a digit, or is two or more letters typed for digits (IЗЗ, бT).
func numberish(w string) bool {
	if strings.ContainsFunc(w, unicode.IsNumber) {
		return true
	}
	return utf8.RuneCountInString(w) >= 2 && !strings.ContainsFunc(w, func(r rune) bool { return !strings.ContainsRune(lookalikeDigits, r) })
}

// hideNumberish hides a numberish word's digits and letters typed for
// digits; the rest of a word (Ахметов in Ахметов8701) stays.
func hideNumberish(w string) string {
	switch {
	case !numberish(w):
		return w
	case !strings.ContainsFunc(w, unicode.IsNumber):
		return hidden // letters typed for digits alone (IЗЗ)
	}
	return lookalikeRun.ReplaceAllStringFunc(w, func(run string) string {
		if strings.ContainsFunc(run, unicode.IsNumber) {
			return hidden
		}
		return run // the о of Ахметов in Ахметов8701
	})
}

// lookalikeRun is a run of digits and letters typed for digits.
var lookalikeRun = regexp.MustCompile(`[\p{N}` + regexp.QuoteMeta(lookalikeDigits) + `]+`)

// countNumberish counts the digits and the letters typed for digits in
// the numberish words of s.
func countNumberish(s string) int {
	n := 0
	for _, w := range numberishWord.FindAllString(s, -1) {
		if !numberish(w) {
			continue
		}
		for _, r := range w {
			if unicode.IsNumber(r) || strings.ContainsRune(lookalikeDigits, r) {
				n++
			}
		}
	}
	return n
}

// HideNameDigits hides every run of digits in a name (or a reason about
// one): what a name needs of digits is a list's number at most.
func HideNameDigits(s string) string {
	if !strings.ContainsFunc(s, unicode.IsNumber) {
		return s
	}
	return digitRun.ReplaceAllString(s, hidden)
}

// digitRun is a run of digits of any script.
var digitRun = regexp.MustCompile(`\p{N}+`)
