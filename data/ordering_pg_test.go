package data

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Tailers read `seq > last`. PostgreSQL hands out sequence values at insert
// time, so if a transaction that inserted seq 10 commits after the one that
// inserted seq 11, a tailer can read 11, move on, and never see 10. These
// tests prove the store's advisory lock prevents that, and that the test
// would notice if it did not (the control run without the lock must skip).

// tailer polls EventsAfter as a node's index does and records what it saw.
type tailer struct {
	s    Store
	mu   sync.Mutex
	seen []int64
	last int64
}

func (tl *tailer) poll(ctx context.Context) error {
	evs, err := tl.s.EventsAfter(ctx, tl.last, 500)
	if err != nil {
		return err
	}
	tl.mu.Lock()
	defer tl.mu.Unlock()
	for _, e := range evs {
		tl.seen = append(tl.seen, e.Seq)
		tl.last = e.Seq
	}
	return nil
}

// run polls until stop is closed, then once more to drain.
func (tl *tailer) run(ctx context.Context, stop <-chan struct{}, every time.Duration) error {
	for {
		select {
		case <-stop:
			return tl.poll(ctx)
		default:
		}
		if err := tl.poll(ctx); err != nil {
			return err
		}
		time.Sleep(every)
	}
}

func allSeqs(t *testing.T, s Store) []int64 {
	t.Helper()
	var out []int64
	var last int64
	for {
		evs, err := s.EventsAfter(context.Background(), last, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) == 0 {
			return out
		}
		for _, e := range evs {
			out = append(out, e.Seq)
			last = e.Seq
		}
	}
}

// lateCommit runs the race: transaction A inserts an event first, then stays
// open while the store writes report B; A commits last. It returns the seqs
// the concurrent tailer saw, every seq in the log, and A's and B's seqs.
func lateCommit(t *testing.T, s *sqlStore) (seen, all []int64, seqA, seqB int64) {
	t.Helper()
	ctx := context.Background()
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	// A does what addEvents does: the dialect's lock, then the insert.
	if s.d.orderEvents != "" {
		if _, err := tx.ExecContext(ctx, s.d.orderEvents); err != nil {
			t.Fatal(err)
		}
	}
	if err := tx.QueryRowContext(ctx, `INSERT INTO events (type, report_id, at) VALUES ($1, 'A', 0) RETURNING seq`,
		EventReportUpdated).Scan(&seqA); err != nil {
		t.Fatal(err)
	}
	tl := &tailer{s: s}
	stop := make(chan struct{})
	tailErr := make(chan error, 1)
	go func() { tailErr <- tl.run(ctx, stop, time.Millisecond) }()
	b := sampleReport(KindSafe, "Ким Виктория", "")
	bDone := make(chan error, 1)
	go func() { bDone <- s.CreateReport(ctx, b) }()
	// Hold A open long enough for B to commit and the tailer to poll many
	// times, if B is allowed to commit first.
	time.Sleep(300 * time.Millisecond)
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-bDone; err != nil {
		t.Fatal(err)
	}
	time.Sleep(20 * time.Millisecond)
	close(stop)
	if err := <-tailErr; err != nil {
		t.Fatal(err)
	}
	if err := s.r.QueryRowContext(ctx, `SELECT seq FROM events WHERE report_id = $1`, b.ID).Scan(&seqB); err != nil {
		t.Fatal(err)
	}
	return tl.seen, allSeqs(t, s), seqA, seqB
}

func TestEventsLateCommitNotSkippedPG(t *testing.T) {
	s := openTestPostgres(t).(*sqlStore)
	seen, all, seqA, seqB := lateCommit(t, s)
	if seqA >= seqB {
		t.Fatalf("A inserted first but got seq %d >= B's %d", seqA, seqB)
	}
	if fmt.Sprint(seen) != fmt.Sprint(all) {
		t.Fatalf("tailer saw %v, log holds %v: a sequence number was skipped", seen, all)
	}
}

// The control: the same race without the lock must make the tailer skip A,
// or the test above proves nothing.
func TestEventsLateCommitSkippedWithoutLockPG(t *testing.T) {
	// The race needs the tailer to poll inside a 300 ms window; on a loaded
	// machine (race detector, parallel packages) it may miss it, so try a
	// few times and skip, saying so, rather than fail on timing.
	for attempt := 1; attempt <= 5; attempt++ {
		s := openTestPostgres(t).(*sqlStore)
		unlocked := *s
		unlocked.d.orderEvents, unlocked.d.eventsInsert = "", pgEventsInsert("")
		unlocked.group = nil // the group committer writes through the locked store
		seen, all, seqA, _ := lateCommit(t, &unlocked)
		if len(all) != 2 {
			t.Fatalf("log: %v", all)
		}
		skipped := true
		for _, q := range seen {
			if q == seqA {
				skipped = false
			}
		}
		if skipped {
			return // the control reproduced the skip: the locked test above is meaningful
		}
		t.Logf("attempt %d: the tailer did not poll between B's and A's commits (seen %v)", attempt, seen)
	}
	t.Skip("SKIP: could not reproduce the unlocked race in 5 attempts on this machine's load; the control proves nothing this run")
}

// The lock orders nextval calls only if every session draws from the
// sequence one value at a time: with CACHE > 1 each session reserves a
// block, and a later commit can carry a lower number. Guard the migration.
func TestEventSequenceNotCachedPG(t *testing.T) {
	s := openTestPostgres(t).(*sqlStore)
	var cache int64
	err := s.r.QueryRowContext(context.Background(), `SELECT seqcache FROM pg_sequence
		WHERE seqrelid = pg_get_serial_sequence('events', 'seq')::regclass`).Scan(&cache)
	if err != nil {
		t.Fatal(err)
	}
	if cache != 1 {
		t.Fatalf("events.seq sequence cache = %d, want 1", cache)
	}
}

// Many writers of every kind of event while a tailer runs: it must see
// every event exactly once, in increasing order, with nothing left behind.
func TestEventsConcurrentWritersPG(t *testing.T) {
	s := openTestPostgres(t)
	ctx := context.Background()
	tl := &tailer{s: s}
	stop := make(chan struct{})
	tailErr := make(chan error, 1)
	go func() { tailErr <- tl.run(ctx, stop, 0) }()

	const writers, rounds = 8, 25
	var wrote atomic.Int64
	var wg sync.WaitGroup
	errc := make(chan error, writers)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := 0; i < rounds; i++ {
				r := sampleReport(KindSeek, fmt.Sprintf("Писатель %d-%d", w, i), "")
				batch := []*Report{r, sampleReport(KindSafe, fmt.Sprintf("Читатель %d-%d", w, i), "")}
				if err := s.CreateReports(ctx, batch); err != nil {
					errc <- err
					return
				}
				if err := s.SetReportStatus(ctx, r.ID, StatusFound); err != nil {
					errc <- err
					return
				}
				if err := s.AddNote(ctx, &Note{ReportID: r.ID, Text: "seen", Seen: true}); err != nil {
					errc <- err
					return
				}
				wrote.Add(4)
			}
		}(w)
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Fatal(err)
	}
	close(stop)
	if err := <-tailErr; err != nil {
		t.Fatal(err)
	}
	all := allSeqs(t, s)
	if int64(len(all)) != wrote.Load() {
		t.Fatalf("log holds %d events, writers wrote %d", len(all), wrote.Load())
	}
	if len(tl.seen) != len(all) {
		t.Fatalf("tailer saw %d events, log holds %d", len(tl.seen), len(all))
	}
	for i := range all {
		if tl.seen[i] != all[i] {
			t.Fatalf("tailer saw seq %d at position %d, log has %d", tl.seen[i], i, all[i])
		}
		if i > 0 && all[i] <= all[i-1] {
			t.Fatalf("log not increasing at %d: %d after %d", i, all[i], all[i-1])
		}
	}
}

// One statement inserts a batch's events: they must keep the batch's order.
func TestEventsBatchOrderPG(t *testing.T) {
	s := openTestPostgres(t)
	ctx := context.Background()
	var rs []*Report
	for i := 0; i < 50; i++ {
		rs = append(rs, sampleReport(KindSafe, fmt.Sprintf("Порядок %02d", i), ""))
	}
	if err := s.CreateReports(ctx, rs); err != nil {
		t.Fatal(err)
	}
	evs, err := s.EventsAfter(ctx, 0, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != len(rs) {
		t.Fatalf("%d events for %d reports", len(evs), len(rs))
	}
	for i, e := range evs {
		if e.ReportID != rs[i].ID || e.Type != EventReportCreated {
			t.Fatalf("event %d is %s %s, want report.created %s", i, e.Type, e.ReportID, rs[i].ID)
		}
	}
}
