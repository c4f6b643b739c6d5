package notify

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"tuys/data"
	"tuys/notify/twiliotest"
)

// history gives `to` a month of earlier messages from us, one a day, all
// delivered: what a relative or a volunteer's number looks like.
func history(fake *twiliotest.Server, to string, days int) {
	for i := 1; i <= days; i++ {
		at := time.Now().UTC().Add(-time.Duration(i) * 24 * time.Hour)
		fake.Add(twiliotest.Message{To: to, From: testFrom, Body: fmt.Sprintf("tuys: earlier message %d", i),
			Status: "delivered", NumSegments: 1, DateCreated: at, DateSent: at})
	}
}

// TestReconcileAfterTimeout: the create request times out after Twilio
// recorded the message; before the next attempt Twilio holds it in one of
// the states it documents. Each case must end with the purpose at Twilio
// exactly once and our record as Twilio has it, error included.
func TestReconcileAfterTimeout(t *testing.T) {
	const to, body = "+77011234567", "tuys: Ерлан Жумабаев is safe"
	type twilioDid func(t *testing.T, fake *twiliotest.Server, sid string)
	status := func(s string, code int) twilioDid {
		return func(t *testing.T, fake *twiliotest.Server, sid string) {
			if _, err := fake.SetStatus(sid, s, code); err != nil {
				t.Fatal(err)
			}
		}
	}
	tests := []struct {
		name     string
		testCred bool
		service  string
		then     twilioDid // what Twilio did with the message before we look; nil: nothing
		state    string
		code     int
		text     string
	}{
		{"still queued, date_sent null", false, "", nil, data.MsgSent, 0, ""},
		{"accepted via a Messaging Service", false, "MG0123456789abcdef0123456789abcdef", nil, data.MsgSent, 0, ""},
		{"scheduled via a Messaging Service", false, "MG0123456789abcdef0123456789abcdef", status("scheduled", 0), data.MsgSent, 0, ""},
		{"failed with an error code before leaving", false, "", status("failed", 30007), data.MsgFailed, 30007, "filtered as spam by the carrier (Twilio: Message filtered)"},
		{"canceled", false, "", status("canceled", 0), data.MsgFailed, 0, "canceled at Twilio"},
		{"delivered, date_sent set", false, "", status("delivered", 0), data.MsgDelivered, 0, ""},
		{"undelivered", false, "", status("undelivered", 30003), data.MsgUndelivered, 30003, "Unreachable destination handset"},
		{"test credentials: lookups answer 403", true, "", nil, data.MsgFailed, 20008, "test credentials"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake := twiliotest.New(testSID, testToken)
			if tt.testCred {
				fake = twiliotest.NewTestCredentials(testSID, testToken)
			}
			r := newRigOn(t, fake, tt.service)
			history(fake, to, 30)
			fake.HangNext(1)
			r.enqueue(t, msg("k", to, body))
			if _, err := r.d.DispatchOnce(context.Background()); err != nil {
				t.Fatal(err)
			}
			ours := withBody(fake.SentTo(to), body)
			if len(ours) != 1 || r.byKey(t, "k").State != data.MsgQueued {
				t.Fatalf("after the timeout: %d at Twilio, state %s; want 1, queued for a look", len(ours), r.byKey(t, "k").State)
			}
			if tt.then != nil {
				tt.then(t, fake, ours[0].SID)
			}
			r.drain(t)
			ours = withBody(fake.SentTo(to), body)
			m := r.byKey(t, "k")
			if len(ours) != 1 || fake.Posts() != 1 {
				t.Fatalf("Twilio holds %d messages with our body after %d creates; want exactly 1", len(ours), fake.Posts())
			}
			if m.State != tt.state || m.ErrorCode != tt.code || !strings.Contains(m.ErrorText, tt.text) || (tt.text == "") != (m.ErrorText == "") {
				t.Errorf("recorded %s %d %q; want %s %d %q", m.State, m.ErrorCode, m.ErrorText, tt.state, tt.code, tt.text)
			}
			if !tt.testCred && m.ProviderSID != ours[0].SID {
				t.Errorf("recorded SID %q, want %s", m.ProviderSID, ours[0].SID)
			}
			if m.Segments != Segments(body) {
				t.Errorf("segments %d, want our count %d (a Messaging Service says 0 until it picks a sender)", m.Segments, Segments(body))
			}
			if tt.testCred && fake.Lists() != 1 {
				t.Errorf("%d lookups with test credentials; want 1, then none", fake.Lists())
			}
		})
	}
}

func withBody(msgs []twiliotest.Message, body string) []twiliotest.Message {
	var out []twiliotest.Message
	for _, m := range msgs {
		if m.Body == body {
			out = append(out, m)
		}
	}
	return out
}

// TestReconcileTestCredentialsKnownAtStart: Run says at start that the
// credentials are Twilio's test ones, and a later unknown outcome is then
// settled without asking Twilio again and without a second SMS.
func TestReconcileTestCredentialsKnownAtStart(t *testing.T) {
	r := newRigOn(t, twiliotest.NewTestCredentials(testSID, testToken), "")
	var logs bytes.Buffer
	r.d.Log = slog.New(slog.NewTextHandler(&logs, nil))
	r.d.Poll = time.Hour
	r.fake.HangNext(1)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.d.Run(ctx) }()
	deadline := time.Now().Add(10 * time.Second) // a loaded machine; success ends the waits early
	for r.fake.Lists() == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	r.enqueue(t, msg("k", "+77011234567", "hello"))
	r.d.Wake()
	for r.byKey(t, "k").State != data.MsgFailed && time.Now().Before(deadline) {
		r.d.Wake()
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
	if !strings.Contains(logs.String(), "test credentials") || strings.Count(logs.String(), "Twilio test credentials:") != 1 {
		t.Errorf("want one warning about test credentials at start, logs:\n%s", logs.String())
	}
	if n := r.fake.Lists(); n != 1 {
		t.Errorf("%d lookups; want only the one at start", n)
	}
	if m := r.byKey(t, "k"); m.State != data.MsgFailed || len(r.fake.Messages()) != 1 {
		t.Errorf("state %s with %d at Twilio; want failed (unknown, not resent) with 1", m.State, len(r.fake.Messages()))
	}
}

// TestReconcileFollowsPages: a message not sent yet sits after every sent
// one in the fake's list; with more than a page of history to the number,
// Find must follow next_page_uri to reach it.
func TestReconcileFollowsPages(t *testing.T) {
	fake, tw := newFakeTwilio(t)
	const to = "+77011234567"
	history(fake, to, listPageSize+10)
	since := time.Now()
	queued := fake.Add(twiliotest.Message{To: to, From: testFrom, Body: "tuys: ours", Status: "queued", DateCreated: time.Now().UTC()})
	found, err := tw.Find(context.Background(), Lookup{To: to, Since: since, Body: "tuys: ours"})
	if err != nil || found == nil || found.SID != queued.SID {
		t.Fatalf("Find = %+v, %v; want %s from the second page", found, err, queued.SID)
	}
	if n := fake.Lists(); n != 3 {
		t.Errorf("%d list requests; want 3 (sent today, then two pages of all)", n)
	}
}
