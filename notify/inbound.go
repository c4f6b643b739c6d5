package notify

import (
	"context"
	"errors"
	"fmt"
	"log/slog"

	"tuys/data"
)

// InboundStore is the part of data.Store inbound commands use.
type InboundStore interface {
	PendingConsents(ctx context.Context, phone string) ([]data.Consent, error)
	AnswerConsent(ctx context.Context, matchID, phone, answer string, msgs []data.Message) error
	GetMatch(ctx context.Context, id string) (*data.Match, error)
	GetReport(ctx context.Context, id string) (*data.Report, error)
	SetOptOut(ctx context.Context, phone string, out bool) error
	ConfirmSubscriptions(ctx context.Context, phone string) (int, error)
}

// Inbound executes the SMS commands that concern messages — YES/NO to a
// consent request, STOP/START — and returns the reply text (send it back
// as TwiML with TwiML(reply)). Reports by SMS (SAFE/FIND) and the per-phone
// limit belong to the api, which calls Handle for everything else.
type Inbound struct {
	Store    InboundStore
	Composer *Composer
	Queued   func() // called after outbox rows were written (Dispatcher.Wake)
	Log      *slog.Logger
}

// Handle runs one inbound SMS from `from` (E.164). On error the reply is
// still worth sending (it says to try later); the error is for the log.
func (in *Inbound) Handle(ctx context.Context, from, body string) (string, error) {
	cmd := ParseCommand(body)
	lang := ReplyLang(cmd, from)
	reply, err := in.run(ctx, cmd, from, lang)
	if err != nil {
		in.log().ErrorContext(ctx, "inbound sms", "from", MaskPhone(from), "verb", cmd.Verb.String(), "err", err)
		return in.Composer.Failed(lang), err
	}
	return reply, nil
}

// Failed is the reply when a command could not be carried out.
func (c *Composer) Failed(lang string) string {
	failed, _ := c.T.Render(lang, "failed", Vars{Hotline: c.hotline()})
	return failed
}

func (in *Inbound) run(ctx context.Context, cmd Command, from, lang string) (string, error) {
	switch cmd.Verb {
	case VerbYes, VerbNo:
		return in.answer(ctx, cmd.Verb, from, lang)
	case VerbStop, VerbStart:
		if err := in.Store.SetOptOut(ctx, from, cmd.Verb == VerbStop); err != nil {
			return "", fmt.Errorf("set opt-out: %w", err)
		}
		return in.text(lang, map[Verb]string{VerbStop: "stop_ok", VerbStart: "start_ok"}[cmd.Verb])
	}
	return in.text(lang, "help")
}

// answer applies YES/NO to every consent this number was asked for: one
// SMS asked, so one answer covers everyone looking for this person.
func (in *Inbound) answer(ctx context.Context, verb Verb, from, lang string) (string, error) {
	pending, err := in.Store.PendingConsents(ctx, from)
	if err != nil {
		return "", fmt.Errorf("pending consents: %w", err)
	}
	answered := 0
	for _, c := range pending {
		msgs, err := in.consentMessages(ctx, verb, c.MatchID)
		if err != nil {
			return "", err
		}
		answer := map[Verb]string{VerbYes: data.ConsentYes, VerbNo: data.ConsentNo}[verb]
		err = in.Store.AnswerConsent(ctx, c.MatchID, from, answer, msgs)
		if errors.Is(err, data.ErrNotFound) {
			continue // answered meanwhile (a duplicate webhook)
		}
		if err != nil {
			return "", fmt.Errorf("answer consent %s: %w", c.MatchID, err)
		}
		answered++
	}
	if answered == 0 && verb == VerbYes {
		// No consent waiting: a YES may confirm "SMS me about this report".
		n, err := in.Store.ConfirmSubscriptions(ctx, from)
		if err != nil {
			return "", fmt.Errorf("confirm subscriptions: %w", err)
		}
		if n > 0 {
			return in.text(lang, "sub_ok")
		}
	}
	if answered == 0 {
		return in.text(lang, "yes_none")
	}
	if verb == VerbYes && in.Queued != nil {
		in.Queued()
	}
	return in.text(lang, map[Verb]string{VerbYes: "yes_ok", VerbNo: "no_ok"}[verb])
}

// consentMessages is what a YES sends: the found person's number to the seeker.
func (in *Inbound) consentMessages(ctx context.Context, verb Verb, matchID string) ([]data.Message, error) {
	if verb != VerbYes {
		return nil, nil
	}
	m, err := in.Store.GetMatch(ctx, matchID)
	if err != nil {
		return nil, fmt.Errorf("consent match %s: %w", matchID, err)
	}
	seek, err := in.Store.GetReport(ctx, m.SeekID)
	if err != nil {
		return nil, fmt.Errorf("consent seek report: %w", err)
	}
	safe, err := in.Store.GetReport(ctx, m.SafeID)
	if err != nil {
		return nil, fmt.Errorf("consent safe report: %w", err)
	}
	if seek.ContactPhone == "" || seek.Status == data.StatusRemoved {
		return nil, nil // nobody left to tell
	}
	msg, err := in.Composer.Contact(*m, seek, safe)
	if err != nil {
		return nil, err
	}
	return []data.Message{msg}, nil
}

// FiledReply is the answer to a report filed by SMS: the record as
// understood and, for FIND, the closest reports of the other kind (names,
// years and cities: never a number).
func (c *Composer) FiledReply(lang string, r *data.Report, matches []*data.Report) (string, error) {
	if r.Kind == data.KindSafe {
		return c.T.Fit(lang, "filed_safe", func(level int) Vars { return c.personVars(r, lang, level) })
	}
	return c.T.Fit(lang, "filed_seek", func(level int) Vars {
		v := c.personVars(r, lang, level)
		v.Matches = matchesLine(lang, matches, level)
		return v
	})
}

func (in *Inbound) text(lang, name string) (string, error) {
	return in.Composer.T.Render(lang, name, Vars{Hotline: in.Composer.hotline()})
}

func (in *Inbound) log() *slog.Logger {
	if in.Log == nil {
		return slog.Default()
	}
	return in.Log
}
