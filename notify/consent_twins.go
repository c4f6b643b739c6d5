package notify

import (
	"context"
	"errors"
	"fmt"

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

// ReadsAlike reports whether the found person would read two seekers'
// requests as one seeker's though they come from different numbers: the
// same first name as the SMS gives it (data.NameKey: case, marks, letters
// of another script and Latin spellings aside; an office's name is none)
// and the same relation from the closed list, or none on either side.
func ReadsAlike(a, b *data.Report) bool {
	if a.ContactPhone == b.ContactPhone {
		return false
	}
	ra, rb := Relation(a.Relation, "en"), Relation(b.Relation, "en")
	return seekerNameKey(a) == seekerNameKey(b) && (ra == rb || ra == "" || rb == "")
}

// seekerNameKey is the name a request gives a seeker (seekerVars), as a
// person reads it.
func seekerNameKey(r *data.Report) string {
	if r.Channel != data.ChannelImport && data.ClaimsAuthority(r.ContactName) {
		return ""
	}
	return data.NameKey(FirstName(LettersOnly(r.ContactName)))
}
