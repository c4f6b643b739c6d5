package api

import (
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"encoding/base64"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"tuys/data"
	"tuys/notify"
)

const (
	fuzzTwilioToken = "fuzz-auth-token"
	fuzzPublicURL   = "https://tuys.test"
)

// twilioSign computes X-Twilio-Signature as Twilio does: HMAC-SHA1 over the
// URL followed by the sorted key+first-value pairs of the form.
func twilioSign(fullURL string, form url.Values) string {
	keys := make([]string, 0, len(form))
	for k := range form {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	s := fullURL
	for _, k := range keys {
		s += k + form[k][0]
	}
	m := hmac.New(sha1.New, []byte(fuzzTwilioToken))
	m.Write([]byte(s))
	return base64.StdEncoding.EncodeToString(m.Sum(nil))
}

// echoInbound stands in for notify.Inbound: it parses the command like the
// real one and replies, so the fuzzer exercises the webhook's form handling.
type echoInbound struct{}

func (echoInbound) Handle(_ context.Context, from, body string) (string, error) {
	c := notify.ParseCommand(body)
	return c.Name, nil
}

// FuzzWebhook feeds any form body to the Twilio webhook parser and handlers:
// signed, through notify's handlers on a real store;
// unsigned, through the server's routes, which must refuse it. Never a
// panic, never a 500. The seed corpus is in testdata/fuzz/FuzzWebhook.
func FuzzWebhook(f *testing.F) {
	seeds := []string{
		"MessageSid=SM123&MessageStatus=delivered",
		"SmsSid=SM1&SmsStatus=undelivered&ErrorCode=30003",
		"MessageSid=SM1&MessageStatus=failed&ErrorCode=99999999999999999999",
		"From=%2B77019876543&Body=SAFE+Erlan+1985+Almaty&MessageSid=SM9",
		"From=%2B882123&Body=%D0%A1%D0%A2%D0%9E%D0%9F",
		"MessageSid=&MessageStatus=%ff",
	}
	for _, s := range seeds {
		f.Add(s, "sig")
	}
	s, h := secServer(f, Config{PublicURL: fuzzPublicURL})
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	status := notify.StatusWebhook(fuzzTwilioToken, fuzzPublicURL, s.store, quiet)
	inbound := notify.InboundWebhook(fuzzTwilioToken, fuzzPublicURL, echoInbound{}, s.store, quiet)
	f.Fuzz(func(t *testing.T, body, sig string) {
		form, err := url.ParseQuery(body)
		if err == nil {
			checkCallback(t, form)
			if notify.VerifyTwilio("", fuzzPublicURL+"/webhooks/twilio/status", form, sig) {
				t.Fatal("a callback verified without an auth token")
			}
			signed := map[string]http.Handler{"/webhooks/twilio/status": status, "/webhooks/twilio/sms": inbound}
			for path, hd := range signed {
				w := post(hd, path, body, twilioSign(fuzzPublicURL+path, form))
				checkAnswer(t, w.Code, w.Body.Bytes(), http.StatusOK, http.StatusNoContent, http.StatusBadRequest)
				if !utf8.Valid(w.Body.Bytes()) {
					t.Fatalf("%s answered invalid UTF-8: %q", path, w.Body)
				}
			}
		}
		for _, path := range []string{"/webhooks/twilio/status", "/webhooks/twilio/sms"} {
			w := post(h, path, body, sig)
			checkAnswer(t, w.Code, w.Body.Bytes(), http.StatusForbidden, http.StatusUnauthorized,
				http.StatusNotFound, http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusServiceUnavailable)
		}
	})
}

func post(h http.Handler, path, body, sig string) *httptest.ResponseRecorder {
	req := httptest.NewRequest("POST", path, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Twilio-Signature", sig)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// checkCallback: a parsed callback has a SID and a sent-or-later state;
// anything else is ErrBadCallback.
func checkCallback(t *testing.T, form url.Values) {
	cb, err := notify.ParseStatusCallback(form)
	if err != nil {
		if !errors.Is(err, notify.ErrBadCallback) {
			t.Fatalf("unexpected error kind: %v", err)
		}
		return
	}
	if cb.SID == "" || data.MessageStateRank(cb.State) < data.MessageStateRank(data.MsgSent) {
		t.Fatalf("parsed callback %+v", cb)
	}
}
