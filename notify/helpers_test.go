package notify

import (
	"context"
	"io"
	"log/slog"
	"testing"
	"time"

	"tuys/data"
	"tuys/data/datatest"
	"tuys/notify/twiliotest"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func openStore(t testing.TB) data.Store { return datatest.SQLite(t) }

// rig is a store, a fake Twilio, a twilio-go sender and a dispatcher on them.
type rig struct {
	st   data.Store
	fake *twiliotest.Server
	tw   *Twilio
	d    *Dispatcher
}

func newRig(t testing.TB) *rig { return newRigOn(t, twiliotest.New(testSID, testToken), "") }

// newRigOn builds the rig on fake, sending through the Messaging Service
// service when it is not "".
func newRigOn(t testing.TB, fake *twiliotest.Server, service string) *rig {
	t.Helper()
	st := openStore(t)
	t.Cleanup(fake.Close)
	cfg := Config{AccountSID: testSID, AuthToken: testToken, From: testFrom, MessagingServiceSID: service, APIURL: fake.URL,
		PublicURL: "https://tuys.example", Timeout: 300 * time.Millisecond, DailyCapPerPhone: 10, HourlyBudget: 1000}
	tw, err := NewTwilio(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return &rig{st: st, fake: fake, tw: tw, d: testDispatcher(st, tw, cfg)}
}

func testDispatcher(st data.Store, s Sender, cfg Config) *Dispatcher {
	d := NewDispatcher(st, s, cfg, quiet)
	d.Policy.AllowTestNumbers = true
	d.Backoff = 0 // retries are due at once: tests drive time with DispatchOnce
	d.Lease = time.Minute
	return d
}

func (r *rig) enqueue(t testing.TB, msgs ...data.Message) {
	t.Helper()
	for i := range msgs {
		if msgs[i].State == "" {
			msgs[i].State = data.MsgQueued
		}
		msgs[i].NextAttemptAt = time.Now().Add(-time.Second)
	}
	if err := r.st.EnqueueMessages(context.Background(), msgs); err != nil {
		t.Fatal(err)
	}
}

// drain dispatches until nothing is due.
func (r *rig) drain(t testing.TB) {
	t.Helper()
	for i := 0; i < 20; i++ {
		n, err := r.d.DispatchOnce(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return
		}
	}
	t.Fatal("outbox never drained")
}

func (r *rig) byKey(t testing.TB, key string) *data.Message {
	t.Helper()
	m, err := r.st.MessageByKey(context.Background(), key)
	if err != nil {
		t.Fatalf("message %s: %v", key, err)
	}
	return m
}

// newTestComposer is the composer of a node whose hotline is 1414, keyed by st.
func newTestComposer(t testing.TB, st data.Store) *Composer {
	t.Helper()
	c, err := NewComposer(Config{Hotline: "1414"}, st.PhoneTag)
	if err != nil {
		t.Fatal(err)
	}
	return c
}
