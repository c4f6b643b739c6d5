package sms

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"

	"tuys/api/intake"
	"tuys/data"
	"tuys/notify"
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
	Log   *slog.Logger
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
	cmd := notify.ParseCommand(body)
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
	r, err := h.Intake.FileSMS(ctx, kind, phone, cmd.Name, cmd.Year, cmd.City, lang)
	if err != nil {
		return "", fmt.Errorf("file %s report by sms: %w", kind, err)
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

// Webhooks are the two handlers Twilio calls. notify checks
// X-Twilio-Signature against the public URL before anything else; without
// SMS (or an auth token) both answer 403.
type Webhooks struct {
	Status, Inbound http.Handler
}

// NewWebhooks builds the webhooks for h; st records delivery states.
func NewWebhooks(h *Handler, st notify.StatusStore, publicURL string) Webhooks {
	if h == nil || h.Service == nil {
		refuse := http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { http.Error(w, "forbidden", http.StatusForbidden) })
		return Webhooks{Status: refuse, Inbound: refuse}
	}
	token := h.Service.Config.AuthToken
	return Webhooks{
		Status:  notify.StatusWebhook(token, publicURL, st, h.Log),
		Inbound: notify.InboundWebhook(token, publicURL, h, h.Log),
	}
}
