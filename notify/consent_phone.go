package notify

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"tuys/data"
)

// ErrNoPendingConsent: the request was answered meanwhile (by SMS, or by
// another volunteer), or the found person gave no phone to ask.
var ErrNoPendingConsent = errors.New("no consent request pending for this match")

// phoneAnswerKey is the SMS telling the found person what a volunteer
// recorded on their word: one per request, as a request is answered once.
func phoneAnswerKey(matchID string) string { return "match:" + matchID + ":" + phoneAnswerPurpose }

const phoneAnswerPurpose = "phone_answer"

func isPhoneAnswerKey(key string) bool {
	return strings.HasPrefix(key, "match:") && strings.HasSuffix(key, ":"+phoneAnswerPurpose)
}

// AnswerByPhone records the answer a found person gave a volunteer on the
// phone (the hotline, when SMS do not get through) to one seeker's request.
// It does what their SMS answer would: a YES queues the seeker's SMS with
// the number, in the same transaction as the answer. The person is also
// told by SMS what was done on their word, with the hotline to call if it
// was not them: a volunteer cannot share a number unseen.
func (in *Inbound) AnswerByPhone(ctx context.Context, matchID string, yes bool) error {
	m, seek, safe, err := in.parties(ctx, matchID)
	if err != nil {
		return err
	}
	if safe.ContactPhone == "" {
		return ErrNoPendingConsent
	}
	pending, err := in.Store.PendingConsents(ctx, safe.ContactPhone)
	if err != nil {
		return fmt.Errorf("pending consents: %w", err)
	}
	for _, c := range pending {
		if c.MatchID == matchID {
			return in.recordPhoneAnswer(ctx, m, seek, safe, yes)
		}
	}
	return ErrNoPendingConsent
}

func (in *Inbound) recordPhoneAnswer(ctx context.Context, m *data.Match, seek, safe *data.Report, yes bool) error {
	var msgs []data.Message
	if yes && seek.ContactPhone != "" && seek.Status != data.StatusRemoved {
		msg, err := in.Composer.Contact(*m, seek, safe)
		if err != nil {
			return err
		}
		msgs = append(msgs, msg)
	}
	name, answer := "phone_no", data.ConsentNo
	if yes {
		name, answer = "phone_yes", data.ConsentYes
	}
	told, err := in.Composer.T.Fit(safe.Language, name, func(level int) Vars {
		v := in.Composer.seekerVars(seek, safe.Language, level)
		v.Hotline = in.Composer.hotline()
		return v
	})
	if err != nil {
		return fmt.Errorf("compose %s: %w", name, err)
	}
	msgs = append(msgs, in.Composer.message(phoneAnswerKey(m.ID), m.ID, safe.ID, safe.ContactPhone, safe.Language, told, in.Composer.now()))
	err = in.Store.AnswerConsent(ctx, m.ID, safe.ContactPhone, answer, msgs)
	if errors.Is(err, data.ErrNotFound) {
		return ErrNoPendingConsent // answered by SMS a moment ago
	}
	if err != nil {
		return fmt.Errorf("answer consent %s by phone: %w", m.ID, err)
	}
	if in.Queued != nil {
		in.Queued()
	}
	return nil
}
