package notify

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"tuys/data"
)

// ReportFiler files reports from SMS; the api wiring implements it with the
// same intake (validation, normalization, events) as the web form.
type ReportFiler interface {
	FileSMSReport(ctx context.Context, kind data.Kind, from, name string, year int, city, lang string) (*data.Report, error)
}

// Finder returns the best public matches for a report (no phones needed:
// replies list names, years and cities only).
type Finder interface {
	PublicMatches(ctx context.Context, r *data.Report, limit int) ([]*data.Report, error)
}

// InboundStore is the part of data.Store inbound commands use.
type InboundStore interface {
	PendingConsents(ctx context.Context, phone string) ([]data.Consent, error)
	AnswerConsent(ctx context.Context, matchID, phone, answer string, msgs []data.Message) error
	GetMatch(ctx context.Context, id string) (*data.Match, error)
	GetReport(ctx context.Context, id string) (*data.Report, error)
	SetOptOut(ctx context.Context, phone string, out bool) error
	ConfirmSubscriptions(ctx context.Context, phone string) (int, error)
}

// Inbound executes SMS commands and returns the reply text (send it back as
// TwiML with TwiML(reply)).
type Inbound struct {
	Store    InboundStore
	Composer *Composer
	Filer    ReportFiler // nil: SAFE/FIND answer with help
	Finder   Finder      // nil: FIND lists no matches
	Queued   func()      // called after outbox rows were written (Dispatcher.Wake)
	Log      *slog.Logger
	// PerHour caps commands per sender (SMS loops and floods); 0 = 20.
	PerHour int

	mu   sync.Mutex
	seen map[string][]time.Time
}

// Handle runs one inbound SMS from `from` (E.164). On error the reply is
// still worth sending (it says to try later); the error is for the log.
func (in *Inbound) Handle(ctx context.Context, from, body string) (string, error) {
	cmd := ParseCommand(body)
	lang := ReplyLang(cmd, from)
	allowed := in.allow(from)
	if !allowed && cmd.Verb != VerbStop {
		// No reply: answering a flood would pay for it twice.
		return "", fmt.Errorf("inbound sms from %s: rate limited", MaskPhone(from))
	}
	reply, err := in.run(ctx, cmd, from, lang)
	if !allowed {
		reply = "" // STOP is always honoured, but a flood gets no answers
	}
	if err != nil {
		in.log().ErrorContext(ctx, "inbound sms", "from", MaskPhone(from), "verb", cmd.Verb.String(), "err", err)
		failed, _ := in.Composer.T.Render(lang, "failed", Vars{Hotline: in.Composer.hotline()})
		return failed, err
	}
	return reply, nil
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
	case VerbSafe, VerbFind:
		if cmd.Name != "" && in.Filer != nil {
			return in.file(ctx, cmd, from, lang)
		}
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

func (in *Inbound) file(ctx context.Context, cmd Command, from, lang string) (string, error) {
	kind := data.KindSafe
	if cmd.Verb == VerbFind {
		kind = data.KindSeek
	}
	r, err := in.Filer.FileSMSReport(ctx, kind, from, cmd.Name, cmd.Year, cmd.City, lang)
	if err != nil {
		return "", fmt.Errorf("file %s report: %w", kind, err)
	}
	if kind == data.KindSafe {
		return in.Composer.T.Fit(lang, "filed_safe", func(level int) Vars { return in.Composer.personVars(r, lang, level) })
	}
	var matches []*data.Report
	if in.Finder != nil {
		if matches, err = in.Finder.PublicMatches(ctx, r, 3); err != nil {
			in.log().WarnContext(ctx, "inbound find: matches", "err", err) // the report is filed; reply without
			matches = nil
		}
	}
	return in.Composer.T.Fit(lang, "filed_seek", func(level int) Vars {
		v := in.Composer.personVars(r, lang, level)
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

// allow is a sliding one-hour window per sender, in memory: enough to stop
// loops with auto-responders; the api's per-phone limit is the real guard.
func (in *Inbound) allow(from string) bool {
	limit := in.PerHour
	if limit <= 0 {
		limit = 20
	}
	now := time.Now()
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.seen == nil {
		in.seen = map[string][]time.Time{}
	}
	key := phoneTag(from)
	recent := in.seen[key][:0]
	for _, t := range in.seen[key] {
		if now.Sub(t) < time.Hour {
			recent = append(recent, t)
		}
	}
	if len(recent) >= limit {
		in.seen[key] = recent
		return false
	}
	in.seen[key] = append(recent, now)
	if len(in.seen) > 100000 {
		in.seen = map[string][]time.Time{} // bounded memory under a flood of senders
	}
	return true
}
