package api

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// internalTerms are the words of the code and the database: a volunteer
// reading the console in Kazakh or Russian must never meet them.
var internalTerms = []string{"seek", "safe", "active", "review", "engine", "auto_confirmed", "auto", "confirmed",
	"rejected", "queued", "sending", "sent", "delivered", "undelivered", "suppressed", "match:", "sub:", "view_contact",
	"volunteer", "web", "import", "information_sought", "believed_alive", "is_note_author"}

var (
	tagOrComment = regexp.MustCompile(`(?s)<!--.*?-->|<[^>]*>`)
	wordRun      = regexp.MustCompile(`[A-Za-z_:]+`)
)

// TestConsoleSpeaksTheVolunteersLanguage reads the console pages rendered
// in kk and ru (the golden files) as a person sees them — text, not tags
// or attribute values — and finds no internal English term.
func TestConsoleSpeaksTheVolunteersLanguage(t *testing.T) {
	for _, name := range []string{"vrecord", "review", "vsearch", "dashboard", "intake", "audit"} {
		for _, lang := range []string{"kk", "ru"} {
			path := filepath.Join("testdata", "web", name+"."+lang+".html")
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			text := tagOrComment.ReplaceAllString(string(raw), " ")
			words := map[string]bool{}
			for _, w := range wordRun.FindAllString(text, -1) {
				words[strings.ToLower(w)] = true
			}
			for _, term := range internalTerms {
				if words[term] || (strings.HasSuffix(term, ":") && strings.Contains(text, term)) {
					t.Errorf("%s shows %q", path, term)
				}
			}
		}
	}
}
