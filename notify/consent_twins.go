package notify

import (
	"context"
	"errors"
	"fmt"

	"tuys/data"
)

// twinSeeker reports whether another request asked of phone, pending or
// answered, reads as c's does (the same first name and relation) but
// comes from another seeker's number. The found person cannot tell the two
// apart, and one may be an impostor who learnt the family's name and
// relation (an attacker's trial, 2026-12-07: a "safe" report filed under
// the person's name received the family's request; a seek copying its
// name and relation then asked the real person, whose YES to it went to
// the impostor). A YES by SMS then shares nothing: a volunteer calls the
// person back and asks which one is theirs (api consentPost).
func (in *Inbound) twinSeeker(ctx context.Context, c data.Consent, seek *data.Report, phone string) (bool, error) {
	pending, err := in.Store.PendingConsents(ctx, phone)
	if err != nil {
		return false, fmt.Errorf("pending consents: %w", err)
	}
	answered, err := in.Store.AnsweredConsents(ctx, phone)
	if err != nil {
		return false, fmt.Errorf("answered consents: %w", err)
	}
	for _, o := range append(pending, answered...) {
		if o.MatchID == c.MatchID {
			continue
		}
		_, other, _, err := in.parties(ctx, o.MatchID)
		if errors.Is(err, data.ErrNotFound) {
			continue // a removed report's match
		}
		if err != nil {
			return false, err
		}
		if other.Status != data.StatusRemoved && data.ReadsAlike(other, seek) {
			return true, nil
		}
	}
	return false, nil
}
