package search

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"tuys/data"
)

// A node that joins after another has matched the log indexes those
// reports without judging them again, then matches what comes next.
func TestJoiningEngineSkipsMatchedEvents(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	first, _ := newTestEngine(t, st, Options{})
	people := []*data.Report{
		report(data.KindSafe, "Zhumabayev Yerlan", 1985, "Almaty", "M"),
		report(data.KindSeek, "Жұмабаев Ерлан", 1985, "Алматы", ""),
		report(data.KindSafe, "Seitkali Dana", 1992, "Shymkent", "F"),
	}
	for _, r := range people {
		if err := st.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := first.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	last, _ := st.LastEventSeq(ctx)
	if got, _ := st.MatchedThrough(ctx); got != last {
		t.Fatalf("after a catch-up the mark is %d, want the last seq %d", got, last)
	}

	judged := map[string]bool{}
	joiner, _ := newTestEngine(t, st, Options{OnMatched: func(r *data.Report, _ []Result, _ time.Duration) {
		judged[r.ID] = true
	}})
	if err := joiner.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if len(judged) != 0 {
		t.Errorf("the joining node re-judged %d reports the first had matched", len(judged))
	}
	res, err := joiner.Search(ctx, Query{Name: "Seitkali Dana"})
	if err != nil || len(res) == 0 || res[0].ReportID != people[2].ID {
		t.Fatalf("joining node cannot find an indexed report: %v %+v", err, res)
	}

	seek := report(data.KindSeek, "Сейтқали Дана", 1992, "Шымкент", "")
	if err := st.CreateReport(ctx, seek); err != nil {
		t.Fatal(err)
	}
	if err := joiner.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if !judged[seek.ID] {
		t.Fatal("a report after the mark was not matched by the joining node")
	}
	ms, _ := st.MatchesForReport(ctx, seek.ID)
	if len(ms) != 1 || ms[0].SafeID != people[2].ID {
		t.Errorf("matches for the new seek report: %+v", ms)
	}
}

// A node that only indexes while another leads, then becomes the leader,
// first matches what nobody matched, then what comes next; a follower
// never judges a report.
func TestLeaderHandover(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	var leads atomic.Bool
	judged := map[string]bool{}
	eng, _ := newTestEngine(t, st, Options{Leading: leads.Load, OnMatched: func(r *data.Report, _ []Result, _ time.Duration) {
		judged[r.ID] = true
	}})
	pair := func(safeName, seekName string) (*data.Report, *data.Report) {
		safe := report(data.KindSafe, safeName, 1985, "Almaty", "M")
		seek := report(data.KindSeek, seekName, 1985, "Алматы", "")
		for _, r := range []*data.Report{safe, seek} {
			if err := st.CreateReport(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		return safe, seek
	}
	matched := func(seek, safe *data.Report) bool {
		ms, err := st.MatchesForReport(ctx, seek.ID)
		return err == nil && len(ms) == 1 && ms[0].SafeID == safe.ID
	}

	safe1, seek1 := pair("Zhumabayev Yerlan", "Жұмабаев Ерлан")
	if err := eng.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if len(judged) != 0 || matched(seek1, safe1) {
		t.Fatalf("a follower matched: judged %v", judged)
	}
	if res, _ := eng.Search(ctx, Query{Name: "Zhumabayev Yerlan"}); len(res) == 0 {
		t.Fatal("a follower does not index")
	}

	leads.Store(true)
	if err := eng.CatchUp(ctx); err != nil { // no new event: the backlog alone
		t.Fatal(err)
	}
	if !matched(seek1, safe1) {
		t.Fatal("the new leader did not match the backlog")
	}
	safe2, seek2 := pair("Seitkali Dana", "Сейтқали Дана")
	if err := eng.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if !matched(seek2, safe2) {
		t.Fatal("the leader did not match a new pair")
	}
	time.Sleep(1100 * time.Millisecond) // the mark is published at most once a second
	if err := eng.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	last, _ := st.LastEventSeq(ctx)
	if got, _ := st.MatchedThrough(ctx); got != last {
		t.Errorf("matched-through %d, want %d", got, last)
	}
}
