package data

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"
)

// wakeCounter turns callbacks into channel sends the test can wait on.
type wakeCounter chan struct{}

func (w wakeCounter) fn() func() {
	return func() {
		select {
		case w <- struct{}{}:
		default:
		}
	}
}

func (w wakeCounter) wait(t *testing.T, what string) {
	t.Helper()
	select {
	case <-w:
	case <-time.After(5 * time.Second):
		t.Fatalf("no wake-up for %s within 5s", what)
	}
}

// drain forgets wake-ups already delivered (other tests share the database,
// and NOTIFY channels are database-wide).
func (w wakeCounter) drain() {
	for {
		select {
		case <-w:
		default:
			return
		}
	}
}

func TestListenPostgresWakesAndReconnectsPG(t *testing.T) {
	s := openTestPostgres(t).(*sqlStore)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	app := fmt.Sprintf("tuys_listen_test_%d", time.Now().UnixNano())
	sep := "?"
	if strings.Contains(pgURL(), "?") {
		sep = "&"
	}
	events, outbox, errs := make(wakeCounter, 1), make(wakeCounter, 1), make(chan error, 10)
	l := &PGListener{URL: pgURL() + sep + "application_name=" + app, OnEvents: events.fn(), OnOutbox: outbox.fn(),
		OnError: func(err error) { errs <- err }}
	done := make(chan error, 1)
	go func() { done <- l.Run(ctx) }()

	// Connecting calls both once: whatever happened before is caught up.
	events.wait(t, "connect (events)")
	outbox.wait(t, "connect (outbox)")

	events.drain()
	if err := s.CreateReport(ctx, sampleReport(KindSeek, "Ахметов Данияр", "+77011112233")); err != nil {
		t.Fatal(err)
	}
	events.wait(t, "a committed report")

	outbox.drain()
	if err := s.EnqueueMessages(ctx, []Message{{Key: "notify-test:" + app, To: "+77011112233", Body: "сәлем"}}); err != nil {
		t.Fatal(err)
	}
	outbox.wait(t, "a queued message")

	// Kill the listener's connection: it must report it, reconnect and
	// catch up with one call of each callback.
	var killed int
	if err := s.w.QueryRowContext(ctx, `SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1`,
		app).Scan(&killed); err != nil || killed != 1 {
		t.Fatalf("terminate listener: killed %d, %v", killed, err)
	}
	select {
	case err := <-errs:
		if err == nil {
			t.Fatal("OnError called with nil")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("a dropped connection was not reported")
	}
	events.drain()
	outbox.drain()
	events.wait(t, "reconnect (events)")
	outbox.wait(t, "reconnect (outbox)")
	events.drain()
	if err := s.CreateReport(ctx, sampleReport(KindSafe, "Ахметов Данияр", "")); err != nil {
		t.Fatal(err)
	}
	events.wait(t, "a report after reconnecting")

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run after cancel: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after ctx ended")
	}
}
