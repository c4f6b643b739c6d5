package search

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"tuys/data"
)

// failingReads is a store whose report reads fail while broken is set.
type failingReads struct {
	data.Store
	broken atomic.Bool
}

func (f *failingReads) GetReports(ctx context.Context, ids []string) ([]*data.Report, error) {
	if f.broken.Load() {
		return nil, errors.New("sealed value: cipher: message authentication failed")
	}
	return f.Store.GetReports(ctx, ids)
}

// lockedBuffer is a log sink Run's goroutine and the test share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestStalledCatchUpIsShownAndLoggedOnce: a report the engine cannot read
// stops every catch-up. Run retries ten times a second; the failure is
// logged once, not at every retry, StalledSince says since when, and both
// clear when the reads work again (and the report is matched).
func TestStalledCatchUpIsShownAndLoggedOnce(t *testing.T) {
	st := &failingReads{Store: openTestStore(t)}
	var logs lockedBuffer
	eng, _ := newTestEngine(t, st, Options{Poll: 10 * time.Millisecond, Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go eng.Run(ctx)
	waitFor(t, "ready", eng.Ready)
	if !eng.StalledSince().IsZero() {
		t.Fatal("stalled before any failure")
	}
	st.broken.Store(true)
	safe := report(data.KindSafe, "Пак Сергей", 1960, "Алматы", "M")
	seek := report(data.KindSeek, "Park Sergey", 1960, "Almaty", "")
	for _, r := range []*data.Report{safe, seek} {
		if err := st.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	eng.Wake()
	waitFor(t, "stalled", func() bool { return !eng.StalledSince().IsZero() })
	time.Sleep(300 * time.Millisecond) // some thirty retries
	if n := strings.Count(logs.String(), "search: catch up"); n != 1 {
		t.Errorf("the failure was logged %d times in 300 ms of retries, want once:\n%s", n, logs.String())
	}
	st.broken.Store(false)
	waitFor(t, "recovered", func() bool { return eng.StalledSince().IsZero() })
	waitFor(t, "matched", func() bool {
		ms, err := st.MatchesForReport(ctx, seek.ID)
		return err == nil && len(ms) == 1
	})
	if !strings.Contains(logs.String(), "catching up again") {
		t.Errorf("the recovery was not logged:\n%s", logs.String())
	}
}

func waitFor(t *testing.T, what string, ok func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !ok(); time.Sleep(5 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("not %s after 10 s", what)
		}
	}
}

// TestUncomposableMatchGoesToReview: a pair whose SMS cannot be written
// (a text too long for two segments) is saved for a volunteer, and the
// pairs after it are matched as usual: it once failed every catch-up, and
// no report after it was matched.
func TestUncomposableMatchGoesToReview(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	compose := func(_ context.Context, m data.Match, seek, safe *data.Report) ([]data.Message, []data.Consent, error) {
		if seek.FullName == "Ахметова Гульнара" {
			return nil, nil, errors.New("ru/seeker_found: 3 segments even with the shortest names")
		}
		return []data.Message{{Key: "match:" + m.ID + ":seeker", To: "+77011112233", Body: "found"}}, nil, nil
	}
	eng, _ := newTestEngine(t, st, Options{Composer: compose, Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	var seeks []*data.Report
	for _, name := range []string{"Ахметова Гульнара", "Пак Сергей"} {
		seek := report(data.KindSeek, name, 1980, "Шымкент", "")
		for _, r := range []*data.Report{seek, report(data.KindSafe, name, 1980, "Шымкент", "")} {
			if err := st.CreateReport(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		seeks = append(seeks, seek)
	}
	if err := eng.CatchUp(ctx); err != nil {
		t.Fatalf("catch up: %v", err)
	}
	for i, want := range []string{data.MatchReview, data.MatchAutoConfirmed} {
		ms, err := st.MatchesForReport(ctx, seeks[i].ID)
		if err != nil || len(ms) != 1 || ms[0].State != want {
			t.Errorf("%s: matches %+v (%v), want one %s", seeks[i].FullName, ms, err, want)
		}
	}
}
