package notify

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"strings"

	"tuys/data"
)

// TwinStore reads what twin requests are judged on (data.Store does).
type TwinStore interface {
	PendingConsents(ctx context.Context, phone string) ([]data.Consent, error)
	AnsweredConsents(ctx context.Context, phone string) ([]data.Consent, error)
	GetMatch(ctx context.Context, id string) (*data.Match, error)
	GetReport(ctx context.Context, id string) (*data.Report, error)
}

// Twins returns the matches whose request to phone, pending or answered,
// reads like another's (ReadsAlike). The found person cannot tell such
// requests apart, and one may be an impostor who learnt the family's
// name and relation (an attacker's trial, 2026-12-07: a "safe" report
// filed under the person's name received the family's request; a seek
// copying its name and relation then asked the real person, whose YES to
// it went to the impostor). A YES by SMS to a twin shares nothing: a
// volunteer calls the person back and asks which one is theirs (the
// console marks them). A refused request still counts: a person who
// cannot tell two requests apart may well have refused the family's.
func Twins(ctx context.Context, st TwinStore, phone string) (map[string]bool, error) {
	pending, err := st.PendingConsents(ctx, phone)
	if err != nil {
		return nil, fmt.Errorf("pending consents: %w", err)
	}
	answered, err := st.AnsweredConsents(ctx, phone)
	if err != nil {
		return nil, fmt.Errorf("answered consents: %w", err)
	}
	matchOf := map[string]*data.Report{} // match id → its seek report
	for _, c := range append(pending, answered...) {
		m, err := st.GetMatch(ctx, c.MatchID)
		if err == nil {
			var seek *data.Report
			if seek, err = st.GetReport(ctx, m.SeekID); err == nil && seek.Status != data.StatusRemoved {
				matchOf[c.MatchID] = seek
			}
		}
		if err != nil && !errors.Is(err, data.ErrNotFound) {
			return nil, fmt.Errorf("twin requests: %w", err)
		}
	}
	twins := map[string]bool{}
	for id, seek := range matchOf {
		for other, o := range matchOf {
			twins[id] = twins[id] || other != id && ReadsAlike(seek, o)
		}
	}
	return twins, nil
}

// ReadsAlike reports whether the found person could read two seekers'
// requests as one seeker's though they come from different numbers: first
// names that read alike (namesAlike) and relations that may be the same
// person (relationsAlike). Erring towards "alike" only sends the person to
// the hotline; erring the other way gave an impostor the number (an
// attacker's trials: «Айгерим-Апа», «Айгуля», «Şolpan», a blank Hangul
// letter, «родственник» beside «сестра»).
func ReadsAlike(a, b *data.Report) bool {
	if a.ContactPhone == b.ContactPhone || !relationsAlike(Relation(a.Relation, "en"), Relation(b.Relation, "en")) {
		return false
	}
	for _, ka := range seekerNameKeys(a) {
		for _, kb := range seekerNameKeys(b) {
			if namesAlike(ka, kb) {
				return true
			}
		}
	}
	return false
}

// seekerNameKeys are the name a request gives a seeker (seekerVars), as a
// person reads it (data.NameKey): whole, and up to a hyphen («Айгерим-Апа»
// is Айгерим with a word of respect, «Ай-герим» is Айгерим).
func seekerNameKeys(r *data.Report) []string {
	name := seekerFirstName(r) // "" reads as someone who gave no name
	first, _, _ := strings.Cut(name, "-")
	return []string{data.NameKey(name), data.NameKey(first)}
}

// namesAlike: the same key, one key the start of the other (Айгуль,
// Айгуля; Ерлан, Ерлаша), or one letter apart in names of four letters
// or more (a letter typed in another script). Two seekers who gave no
// name read alike too.
func namesAlike(a, b string) bool {
	if a == b {
		return true
	}
	if a == "" || b == "" {
		return false
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) >= 3 && strings.HasPrefix(b, a[:len(a)-1]) && len(b)-len(a) <= 3 || len(a) >= 4 && oneEditApart(a, b)
}

// oneEditApart reports whether a and b (len(a) <= len(b)) differ by one
// substitution or one insertion.
func oneEditApart(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(rb)-len(ra) > 1 {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if len(ra) == len(rb) {
		return string(ra[i+1:]) == string(rb[i+1:])
	}
	return string(ra[i:]) == string(rb[i+1:])
}

// relationsAlike: the same relation, none on either side, a relative of
// any kind, or two words for one place in the family (a parent and a
// mother, a child and a son).
func relationsAlike(a, b string) bool {
	if a == b || a == "" || b == "" || a == "relative" || b == "relative" {
		return true
	}
	group := map[string]string{"mother": "parent", "father": "parent", "son": "child", "daughter": "child",
		"grandmother": "grandparent", "grandfather": "grandparent"}
	return cmp.Or(group[a], a) == cmp.Or(group[b], b)
}
