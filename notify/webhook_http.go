package notify

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	"tuys/data"
)

// maxWebhookBody bounds what Twilio may post (real callbacks are < 4 KB).
const maxWebhookBody = 64 << 10

// verified reads the body once, checks X-Twilio-Signature against the public
// URL Twilio called and parses the form. It answers 403 (and returns false)
// when the signature is wrong or no auth token is configured.
func verified(w http.ResponseWriter, r *http.Request, authToken, publicURL string, l *slog.Logger) (url.Values, bool) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxWebhookBody))
	if err != nil {
		http.Error(w, "body too large", http.StatusRequestEntityTooLarge)
		return nil, false
	}
	full := strings.TrimRight(publicURL, "/") + r.URL.Path
	if r.URL.RawQuery != "" {
		full += "?" + r.URL.RawQuery
	}
	if !VerifyTwilioBody(authToken, full, body, r.Header.Get("X-Twilio-Signature")) {
		// Said in the log, so that an operator sees why Twilio (or a test
		// by hand) is refused: most often TUYS_PUBLIC_URL is not the
		// address Twilio was given, and the signed URL differs.
		l.WarnContext(r.Context(), "webhook refused: X-Twilio-Signature does not match this URL and TUYS_TWILIO_AUTH_TOKEN",
			"url", full, "signed", r.Header.Get("X-Twilio-Signature") != "")
		http.Error(w, "forbidden", http.StatusForbidden)
		return nil, false
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return nil, false
	}
	return form, true
}

// StatusWebhook serves POST /webhooks/twilio/status (mount it with
// gin.WrapH). Repeated and out-of-order callbacks only move state forward.
func StatusWebhook(authToken, publicURL string, st StatusStore, l *slog.Logger) http.Handler {
	if l == nil {
		l = slog.Default()
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		form, ok := verified(w, r, authToken, publicURL, l)
		if !ok {
			return
		}
		err := ApplyStatusCallback(r.Context(), st, form)
		switch {
		case errors.Is(err, data.ErrNotFound):
			// Not ours (or purged): a 200 stops Twilio from trying again.
			l.WarnContext(r.Context(), "status callback for an unknown message", "sid", form.Get("MessageSid"))
		case errors.Is(err, ErrBadCallback):
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		case err != nil:
			l.ErrorContext(r.Context(), "status callback", "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	})
}

// InboundHandler runs one inbound SMS; *Inbound implements it.
type InboundHandler interface {
	Handle(ctx context.Context, from, body string) (string, error)
}

// InboundLog remembers which inbound SMS were handled (data.Store
// implements it).
type InboundLog interface {
	FirstInbound(ctx context.Context, sid, body string) (bool, error)
}

// firstDelivery reports whether the signed inbound form is new. A signed
// request can be captured and sent again, and Twilio itself retries: each
// delivery (MessageSid with its Body, which a replay repeats) runs once
// (a report filed once; an old START cannot undo a later STOP). The sid is recorded before the command runs, so a command
// that fails is not run again either: its sender got the "try again"
// reply and a new SMS has a new sid.
func firstDelivery(ctx context.Context, w http.ResponseWriter, seen InboundLog, form url.Values, l *slog.Logger) bool {
	sid := form.Get("MessageSid")
	if sid == "" {
		http.Error(w, "MessageSid missing", http.StatusBadRequest)
		return false
	}
	first, err := seen.FirstInbound(ctx, sid, form.Get("Body"))
	if err != nil {
		l.ErrorContext(ctx, "inbound sms", "sid", sid, "err", err)
		http.Error(w, "internal error", http.StatusInternalServerError)
		return false
	}
	if !first {
		l.WarnContext(ctx, "inbound sms replayed; not run again", "sid", sid, "from", MaskPhone(form.Get("From")))
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		_, _ = io.WriteString(w, TwiML(""))
	}
	return first
}

// InboundWebhook serves POST /webhooks/twilio/sms: it runs the command and
// answers with TwiML carrying the reply in the sender's language.
//
// seen makes it idempotent on MessageSid (nil: every delivery runs, for
// tests of the handler alone).
func InboundWebhook(authToken, publicURL string, in InboundHandler, seen InboundLog, l *slog.Logger) http.Handler {
	if l == nil {
		l = slog.Default()
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		form, ok := verified(w, r, authToken, publicURL, l)
		if !ok || seen != nil && !firstDelivery(r.Context(), w, seen, form, l) {
			return
		}
		reply, err := in.Handle(r.Context(), form.Get("From"), form.Get("Body"))
		if err != nil {
			l.WarnContext(r.Context(), "inbound sms", "from", MaskPhone(form.Get("From")), "err", err)
		}
		w.Header().Set("Content-Type", "text/xml; charset=utf-8")
		_, _ = io.WriteString(w, TwiML(reply))
	})
}
