package notify

import (
	"context"
	"fmt"
	"log/slog"

	"tuys/data"
)

// InboundStore is the part of data.Store inbound commands use.
type InboundStore interface {
	PendingConsents(ctx context.Context, phone string) ([]data.Consent, error)
	AnsweredConsents(ctx context.Context, phone string) ([]data.Consent, error)
	MessageByKey(ctx context.Context, key string) (*data.Message, error)
	AnswerConsent(ctx context.Context, matchID, phone, answer string, msgs []data.Message) error
	GetMatch(ctx context.Context, id string) (*data.Match, error)
	GetReport(ctx context.Context, id string) (*data.Report, error)
	SetOptOut(ctx context.Context, phone string, out bool) error
	PendingSubscriptions(ctx context.Context, phone string) ([]data.Subscription, error)
	ConfirmSubscription(ctx context.Context, reportID, phone string) error
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
		return in.answer(ctx, cmd, from, lang)
	case VerbStop, VerbStart:
		if err := in.Store.SetOptOut(ctx, from, cmd.Verb == VerbStop); err != nil {
			return "", fmt.Errorf("set opt-out: %w", err)
		}
		return in.text(lang, map[Verb]string{VerbStop: "stop_ok", VerbStart: "start_ok"}[cmd.Verb])
	}
	return in.text(lang, "help")
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
		v.Matches = c.matchesLine(lang, matches, level)
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
