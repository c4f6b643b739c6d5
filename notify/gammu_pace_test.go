package notify

import (
	"strings"
	"testing"
	"time"

	"tuys/data"
)

// The pacer gives one turn every minute/rate, match SMS before the rest
// and, within a priority, the longest waiting first; it tells each message
// how long until its turn, and holds everything while the daemon's outbox
// is full.
func TestPacerTurnsByPriority(t *testing.T) {
	t0 := time.Date(2026, 1, 5, 10, 0, 0, 0, time.UTC)
	now, queued := t0, 0
	p := &Pacer{Rate: 6, Now: func() time.Time { return now }, Queued: func() (int, error) { return queued, nil }}
	msg := func(key string) *data.Message {
		m := &data.Message{Key: key}
		if strings.HasPrefix(key, "match:") {
			m.MatchID = key
		}
		return m
	}
	steps := []struct {
		at     time.Duration
		queued int
		key    string
		wait   time.Duration // 0: sent now
		ahead  string
	}{
		{0, 0, "sub:1", 0, ""},
		{0, 0, "sub:2", 10 * time.Second, "(0 SMS ahead, 6 a minute)"},
		{time.Second, 0, "match:a", 9 * time.Second, "(0 SMS ahead"},
		{time.Second, 0, "sub:3", 29 * time.Second, "(2 SMS ahead"},
		{10 * time.Second, 0, "sub:2", 10 * time.Second, "(1 SMS ahead"}, // the match goes first
		{10 * time.Second, 0, "match:a", 0, ""},
		{20 * time.Second, 2, "sub:2", 10 * time.Second, "(2 SMS ahead"}, // the daemon still holds two
		{20 * time.Second, 1, "sub:2", 0, ""},
		{30 * time.Second, 0, "sub:3", 0, ""},
	}
	for i, s := range steps {
		now, queued = t0.Add(s.at), s.queued
		wait, why := p.Wait(msg(s.key))
		if wait != s.wait || !strings.Contains(why, s.ahead) {
			t.Fatalf("step %d (%s at %v): wait %v %q, want %v %q", i, s.key, s.at, wait, why, s.wait, s.ahead)
		}
	}
}
