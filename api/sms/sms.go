package sms

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"

	"tuys/api/intake"
	"tuys/data"
	"tuys/notify"
	"tuys/search"
)

// Finder returns the best reports of the other kind for a report filed by
// SMS: a FIND reply lists their names, years and cities.
type Finder func(ctx context.Context, r *data.Report, limit int) ([]*data.Report, error)

// Handler runs one inbound SMS.
type Handler struct {
	Service *notify.Service
	Intake  *intake.Filer
	Find    Finder
	// Allow is the per-phone limit (TUYS_RATE_SMS_IN); nil = no limit.
	Allow func(phone string) bool
	// SendLink queues the SMS with the author's private page (may be nil).
	SendLink func(ctx context.Context, r *data.Report, token string)
	Log      *slog.Logger
}

// findReplyMatches is how many reports a FIND reply lists (two SMS segments).
const findReplyMatches = 3

// Handle answers an SMS from `from`. STOP is honoured even from a number
// over its limit; otherwise a flood gets no answer (answering would pay for
// it twice).
func (h *Handler) Handle(ctx context.Context, from, body string) (string, error) {
	phone, ok := data.NormalizePhone(from)
	if !ok {
		return "", nil // not a number we could ever answer
	}
	cmd := withCity(notify.ParseCommand(body))
	if cmd.Verb != notify.VerbStop && h.Allow != nil && !h.Allow(phone) {
		return "", fmt.Errorf("inbound sms from %s: over the per-phone limit", data.MaskPhone(phone))
	}
	if (cmd.Verb == notify.VerbSafe || cmd.Verb == notify.VerbFind) && cmd.Name != "" {
		lang := notify.ReplyLang(cmd, phone)
		reply, err := h.file(ctx, cmd, phone, lang)
		if err != nil {
			return h.Service.Composer.Failed(lang), err
		}
		return reply, nil
	}
	return h.Service.Inbound.Handle(ctx, phone, body)
}

func (h *Handler) file(ctx context.Context, cmd notify.Command, phone, lang string) (string, error) {
	kind := data.KindSafe
	if cmd.Verb == notify.VerbFind {
		kind = data.KindSeek
	}
	if !intake.HasLetter(cmd.Name) {
		return h.Service.Inbound.Handle(ctx, phone, "HELP") // no name to file: explain the format
	}
	done, err := h.Intake.FileSMS(ctx, kind, phone, cmd.Name, cmd.Year, cmd.City, lang)
	if err != nil {
		return "", fmt.Errorf("file %s report by sms: %w", kind, err)
	}
	r := done.Report
	if h.SendLink != nil {
		h.SendLink(ctx, r, done.PrivateToken)
	}
	var matches []*data.Report
	if kind == data.KindSeek && h.Find != nil {
		if matches, err = h.Find(ctx, r, findReplyMatches); err != nil {
			h.Log.WarnContext(ctx, "inbound find: matches", "err", err) // the report is filed; reply without
			matches = nil
		}
	}
	return h.Service.Composer.FiledReply(lang, r, matches)
}

// withCity reads a known place at the end of a SAFE/FIND text without a
// year as the city: "ИЩУ Нурланов Ерлан Тараз" is Нурланов Ерлан in Тараз.
// The name keeps at least two words.
func withCity(cmd notify.Command) notify.Command {
	if cmd.City != "" {
		cmd.City = placeOf(cmd.City)
		return cmd
	}
	if cmd.Year != 0 {
		return cmd
	}
	words := strings.Fields(cmd.Name)
	if len(words) >= 3 && search.KnownPlace(words[len(words)-1]) {
		cmd.Name, cmd.City = strings.Join(words[:len(words)-1], " "), words[len(words)-1]
	}
	return cmd
}

// placeOf keeps the place of the words after the year: the first known
// place, else the first word. The rest (a street, a flat, a number) would
// become public text of the report.
func placeOf(after string) string {
	words := strings.Fields(after)
	for _, w := range words {
		if search.KnownPlace(w) {
			return w
		}
	}
	if len(words) > 0 {
		return words[0]
	}
	return ""
}

// Webhooks are the two handlers Twilio calls. notify checks
// X-Twilio-Signature against the public URL before anything else; without
// SMS (or an auth token) both answer 403.
type Webhooks struct {
	Status, Inbound http.Handler
}

// Store is what the webhooks record: delivery states and the MessageSid
// of each inbound SMS (data.Store implements it).
type Store interface {
	notify.StatusStore
	notify.InboundLog
}

// NewWebhooks builds the webhooks for h; st records delivery states and
// makes inbound SMS idempotent on MessageSid.
func NewWebhooks(h *Handler, st Store, publicURL string, l *slog.Logger) Webhooks {
	if h == nil || h.Service == nil {
		refuse := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			l.WarnContext(r.Context(), "webhook refused: no TUYS_TWILIO_AUTH_TOKEN to check its signature with (README: SMS, trying it on your machine)")
			http.Error(w, "forbidden", http.StatusForbidden)
		})
		return Webhooks{Status: refuse, Inbound: refuse}
	}
	token := h.Service.Config.AuthToken
	return Webhooks{
		Status:  notify.StatusWebhook(token, publicURL, st, h.Log),
		Inbound: notify.InboundWebhook(token, publicURL, h, st, h.Log),
	}
}
