package data

import (
	"context"
	"errors"
	"fmt"
	"strings"
)

// MatchLister reads a report's matches and reports (data.Store does).
type MatchLister interface {
	GetReport(ctx context.Context, id string) (*Report, error)
	MatchesForReport(ctx context.Context, reportID string) ([]Match, error)
}

// SameSeeker reports whether two "looking for" reports were filed by one
// person as the found person would be told of them: the same phone, the
// same name and the same relation. A request about the second would read
// exactly like the first. A phone alone is not enough: it is typed, not
// proven, and whoever typed a family's number with another name must not
// silence that family's own request.
func SameSeeker(a, b *Report) bool {
	return a.ContactPhone != "" && SeekerKey(a) == SeekerKey(b)
}

// SeekerKey is what SameSeeker compares: phone, relation and the name
// as the found person reads it (case and spaces aside).
func SeekerKey(r *Report) string {
	return strings.Join([]string{r.ContactPhone, r.Relation, strings.ToLower(strings.Join(strings.Fields(r.ContactName), " "))}, "\x00")
}

// AskedBefore reports whether the found person of m was already asked
// about seek (m's seek report) through another confirmed match of m's safe
// report whose seek report, still there, is SameSeeker as seek. The
// engine and a volunteer's confirmation both ask it (Match.AskedBefore),
// and the seeker's private page.
func AskedBefore(ctx context.Context, st MatchLister, m Match, seek *Report) (bool, error) {
	if seek.ContactPhone == "" {
		return false, nil
	}
	ms, err := st.MatchesForReport(ctx, m.SafeID)
	if err != nil {
		return false, fmt.Errorf("matches of %s: %w", m.SafeID, err)
	}
	for _, o := range ms {
		if o.ID == m.ID || o.SeekID == seek.ID || !o.Confirmed() {
			continue
		}
		other, err := st.GetReport(ctx, o.SeekID)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return false, fmt.Errorf("seek report %s: %w", o.SeekID, err)
		}
		if other.Status != StatusRemoved && SameSeeker(other, seek) {
			return true, nil
		}
	}
	return false, nil
}

// SeekerHeard reports whether the seeker of m was already told of another
// confirmed match whose "safe" report is still there: a second "safe"
// report of the same person is then no news. A removed one does not count
// (an attacker's trial, 2026-12-07): an impostor filed the person safe,
// the family was told, the impostor deleted the report, and the family
// heard nothing of the real person's report that followed.
func SeekerHeard(ctx context.Context, st MatchLister, m Match) (bool, error) {
	ms, err := st.MatchesForReport(ctx, m.SeekID)
	if err != nil {
		return false, fmt.Errorf("matches of %s: %w", m.SeekID, err)
	}
	for _, o := range ms {
		if o.ID == m.ID || o.SeekID != m.SeekID || !o.Confirmed() {
			continue
		}
		safe, err := st.GetReport(ctx, o.SafeID)
		if errors.Is(err, ErrNotFound) {
			continue
		}
		if err != nil {
			return false, fmt.Errorf("safe report %s: %w", o.SafeID, err)
		}
		if safe.Status != StatusRemoved {
			return true, nil
		}
	}
	return false, nil
}
