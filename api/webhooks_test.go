package api

import (
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"tuys/data/datatest"
	"tuys/notify"
	"tuys/notify/twiliotest"
)

// webhookToken is an auth token of the shape Twilio issues.
const webhookToken = "0123456789abcdef0123456789abcdef"

// TestSignedWebhooksThroughTheRoutes: Twilio's signed callbacks pass the
// server's whole middleware chain. The chain once read every form body to
// answer oversized forms, which left the webhooks nothing to verify their
// signature over: every inbound SMS and status callback got 403 (attacker
// trial, 2026-12-06). The webhooks' own tests call them directly and did
// not see it.
func TestSignedWebhooksThroughTheRoutes(t *testing.T) {
	st := datatest.SQLite(t)
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc, err := notify.New(notify.Config{Hotline: "1414", AccountSID: "ACtest", AuthToken: webhookToken,
		From: "+15005550006", PublicURL: fuzzPublicURL, APIURL: "http://127.0.0.1:9"}, st, quiet)
	if err != nil {
		t.Fatal(err)
	}
	h := New(Config{PublicURL: fuzzPublicURL, Hotline: "1414", Security: NoLimits}, Deps{Store: st, Log: quiet, SMS: svc}).Handler()
	for path, body := range map[string]string{
		"/webhooks/twilio/sms":    "From=%2B77011112233&To=%2B15005550006&Body=HELP&MessageSid=SMwebhooktest1&AccountSid=ACtest",
		"/webhooks/twilio/status": "MessageSid=SMunknown1&MessageStatus=delivered&AccountSid=ACtest",
	} {
		form, _ := url.ParseQuery(body)
		w := post(h, path, body, twiliotest.Sign(webhookToken, fuzzPublicURL+path, form))
		if w.Code != http.StatusOK && w.Code != http.StatusNoContent {
			t.Errorf("signed %s: %d %s", path, w.Code, w.Body)
		}
		if path == "/webhooks/twilio/sms" && !strings.Contains(w.Body.String(), "<Message>") {
			t.Errorf("HELP got no reply: %s", w.Body)
		}
		if w := post(h, path, body, "forged"); w.Code != http.StatusForbidden {
			t.Errorf("forged %s: %d", path, w.Code)
		}
	}
}
