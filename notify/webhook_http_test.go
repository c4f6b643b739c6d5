package notify

import (
	"bytes"
	"context"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"tuys/notify/twiliotest"
)

type replyAll string

func (r replyAll) Handle(context.Context, string, string) (string, error) { return string(r), nil }

func postForm(t *testing.T, h http.Handler, target string, form url.Values, sig string, body string) *httptest.ResponseRecorder {
	t.Helper()
	if body == "" {
		body = form.Encode()
	}
	req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Twilio-Signature", sig)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestInboundWebhook(t *testing.T) {
	const public = "https://tuys.example"
	form := url.Values{"From": {"+77011234567"}, "Body": {"HELP"}}
	sig := twiliotest.Sign(testToken, public+"/webhooks/twilio/sms", form)
	h := InboundWebhook(testToken, public, replyAll("<b>hi & bye</b>"), nil, quiet)

	rec := postForm(t, h, "/webhooks/twilio/sms", form, sig, "")
	if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/xml") ||
		!strings.Contains(rec.Body.String(), "<Message>&lt;b&gt;hi &amp; bye&lt;/b&gt;</Message>") {
		t.Errorf("signed: %d %q %s", rec.Code, rec.Header().Get("Content-Type"), rec.Body)
	}
	// The signature covers the query string: a moved request is refused,
	// and the log says which URL the signature was checked against (an
	// operator's TUYS_PUBLIC_URL that is not Twilio's was a silent 403).
	var logged bytes.Buffer
	moved := InboundWebhook(testToken, public, replyAll("x"), nil, slog.New(slog.NewTextHandler(&logged, nil)))
	if rec := postForm(t, moved, "/webhooks/twilio/sms?x=1", form, sig, ""); rec.Code != 403 {
		t.Errorf("other URL: %d", rec.Code)
	}
	if !strings.Contains(logged.String(), "webhook refused") || !strings.Contains(logged.String(), public+"/webhooks/twilio/sms?x=1") {
		t.Errorf("refusal logged as %q, want the reason and the signed URL", logged.String())
	}
	if rec := postForm(t, InboundWebhook("", public, replyAll("x"), nil, quiet), "/webhooks/twilio/sms", form, twiliotest.Sign("", public+"/webhooks/twilio/sms", form), ""); rec.Code != 403 {
		t.Errorf("no auth token configured: %d, want 403", rec.Code)
	}
	if rec := postForm(t, h, "/webhooks/twilio/sms", nil, sig, "Body="+strings.Repeat("a", maxWebhookBody)); rec.Code != 413 {
		t.Errorf("oversized body: %d", rec.Code)
	}
	if got := TwiML(""); got != `<?xml version="1.0" encoding="UTF-8"?><Response/>` {
		t.Errorf("empty TwiML %q", got)
	}
}

func TestStatusWebhookCodes(t *testing.T) {
	st := openStore(t)
	const public = "https://tuys.example"
	h := StatusWebhook(testToken, public, st, quiet)
	send := func(form url.Values) int {
		return postForm(t, h, "/webhooks/twilio/status", form, twiliotest.Sign(testToken, public+"/webhooks/twilio/status", form), "").Code
	}
	if c := send(url.Values{"MessageSid": {"SMunknown"}, "MessageStatus": {"delivered"}}); c != http.StatusNoContent {
		t.Errorf("unknown SID: %d, want 204 so Twilio stops", c)
	}
	if c := send(url.Values{"MessageSid": {"SM1"}, "MessageStatus": {"exploded"}}); c != http.StatusBadRequest {
		t.Errorf("unknown status: %d, want 400", c)
	}
	for _, status := range twiliotest.Statuses {
		if c := send(url.Values{"MessageSid": {"SMunknown"}, "MessageStatus": {status}}); c != http.StatusNoContent {
			t.Errorf("Twilio status %q: %d, want 204", status, c)
		}
	}
}
