package notify

import (
	"context"
	"errors"
	"fmt"
)

// ErrNoPendingConsent: the request was answered meanwhile (by SMS, or by
// another volunteer), or the found person gave no phone to ask.
var ErrNoPendingConsent = errors.New("no consent request pending for this match")

// AnswerByPhone records the answer a found person gave a volunteer on the
// phone (the hotline, when SMS do not get through) to one seeker's request.
// It does what their SMS answer would (record): a YES queues the seeker's
// SMS with the number, in the same transaction as the answer. The person
// is also told by SMS what was done on their word, with the hotline to
// call if it was not them: a volunteer cannot share a number unseen.
func (in *Inbound) AnswerByPhone(ctx context.Context, matchID string, yes bool) error {
	m, seek, safe, err := in.parties(ctx, matchID)
	if err != nil {
		return err
	}
	if safe.ContactPhone == "" {
		return ErrNoPendingConsent
	}
	verb, name := VerbNo, "phone_no"
	if yes {
		verb, name = VerbYes, "phone_yes"
	}
	told, err := in.Composer.T.Fit(safe.Language, name, func(level int) Vars {
		v := in.Composer.seekerVars(seek, safe.Language, level)
		v.Hotline = in.Composer.hotline()
		return v
	})
	if err != nil {
		return fmt.Errorf("compose %s: %w", name, err)
	}
	msg := in.Composer.message(phoneAnswerKey(m.ID), m.ID, safe.ID, safe.ContactPhone, safe.Language, told, in.Composer.now())
	return in.record(ctx, verb, m, seek, safe, safe.ContactPhone, msg)
}
