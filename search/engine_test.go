package search

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"tuys/data"
	"tuys/data/datatest"
)

func newTestEngine(t testing.TB, store data.Store, opts Options) (*Engine, *Index) {
	t.Helper()
	ix, err := OpenIndex(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return NewEngine(store, ix, opts), ix
}

func openTestStore(t testing.TB) data.Store { return datatest.SQLite(t) }

func report(kind data.Kind, name string, year int, city, sex string) *data.Report {
	r := &data.Report{Kind: kind, FullName: name, BirthYear: year, City: city, Sex: sex, Status: data.StatusActive, Channel: data.ChannelAPI}
	n := ParseName(name)
	r.GivenName, r.FamilyName, r.Patronymic = n.Given, n.Family, n.Patronymic
	return r
}

func TestEngineMatchesAcrossScripts(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	var composed int
	eng, _ := newTestEngine(t, st, Options{Composer: func(ctx context.Context, m data.Match, seek, safe *data.Report) ([]data.Message, []data.Consent, error) {
		composed++
		if m.ID == "" {
			t.Error("composer got a match without an ID")
		}
		return nil, nil, nil
	}})
	son := report(data.KindSafe, "Zhumabayev Yerlan", 1985, "Almaty", "M")
	sister := report(data.KindSafe, "Жумабаева Айгерим", 1990, "Алматы", "F")
	father := report(data.KindSafe, "Жумабаев Ерлан", 1958, "Алматы", "M")
	for _, r := range []*data.Report{son, sister, father} {
		if err := st.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	seek := report(data.KindSeek, "Жұмабаев Ерлан", 1985, "Алма-Ата", "")
	if err := st.CreateReport(ctx, seek); err != nil {
		t.Fatal(err)
	}
	if err := eng.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if !eng.Ready() {
		t.Error("not ready after CatchUp")
	}
	ms, err := st.MatchesForReport(ctx, seek.ID)
	if err != nil {
		t.Fatal(err)
	}
	states := map[string]string{}
	for _, m := range ms {
		states[m.SafeID] = m.State
	}
	if states[son.ID] != data.MatchAutoConfirmed {
		t.Errorf("son: state %q, want auto_confirmed (matches %+v)", states[son.ID], ms)
	}
	if s := states[sister.ID]; s == data.MatchAutoConfirmed {
		t.Errorf("sister auto-confirmed")
	}
	if s := states[father.ID]; s == data.MatchAutoConfirmed {
		t.Errorf("father auto-confirmed")
	}
	if composed != 1 {
		t.Errorf("composer called %d times, want 1", composed)
	}

	// A second node with its own index replays the log: same decisions, no
	// second match or message set.
	eng2, _ := newTestEngine(t, st, Options{})
	if err := eng2.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	ms2, _ := st.MatchesForReport(ctx, seek.ID)
	if len(ms2) != len(ms) {
		t.Errorf("replay changed matches: %d → %d", len(ms), len(ms2))
	}

	// Volunteer search in another script finds him first.
	res, err := eng.Search(ctx, Query{Name: "Jumabaev Erlan", BirthYear: 1985, Kind: data.KindSafe})
	if err != nil || len(res) == 0 || res[0].ReportID != son.ID {
		t.Fatalf("search: %v %+v", err, res)
	}

	// A removed report leaves the index.
	if err := st.RemoveReport(ctx, son.ID); err != nil {
		t.Fatal(err)
	}
	if err := eng.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	res, _ = eng.Search(ctx, Query{Name: "Jumabaev Erlan", BirthYear: 1985, Kind: data.KindSafe})
	for _, r := range res {
		if r.ReportID == son.ID {
			t.Error("removed report still found")
		}
	}

	// Reindex rebuilds from the store and keeps the sequence.
	if err := eng.Reindex(ctx); err != nil {
		t.Fatal(err)
	}
	res, _ = eng.Search(ctx, Query{Name: "Aigerim Zhumabayeva", Kind: data.KindSafe})
	if len(res) == 0 || res[0].ReportID != sister.ID {
		t.Errorf("after reindex: %+v", res)
	}
}

// A safe report that arrives after two seekers of the same person is
// auto-matched to both; one that fits two different sought people is not.
func TestEngineSafeAfterSeekers(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	eng, _ := newTestEngine(t, st, Options{})
	mother := report(data.KindSeek, "Ахметов Даурен", 1978, "Шымкент", "M")
	brother := report(data.KindSeek, "Akhmetov Dauren", 1978, "Chimkent", "M")
	for _, r := range []*data.Report{mother, brother} {
		if err := st.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := eng.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	safe := report(data.KindSafe, "Даурен Ахметов", 1978, "Shymkent", "M")
	if err := st.CreateReport(ctx, safe); err != nil {
		t.Fatal(err)
	}
	if err := eng.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	ms, _ := st.MatchesForReport(ctx, safe.ID)
	auto := 0
	for _, m := range ms {
		if m.State == data.MatchAutoConfirmed {
			auto++
		}
	}
	if auto != 2 {
		t.Errorf("auto matches %d, want 2: %+v", auto, ms)
	}
}

// Run tails the log: a report written after start is matched after Wake,
// and Run returns when its context ends.
func TestEngineRun(t *testing.T) {
	st := openTestStore(t)
	eng, _ := newTestEngine(t, st, Options{Poll: 20 * time.Millisecond})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- eng.Run(ctx) }()
	safe := report(data.KindSafe, "Пак Сергей", 1960, "Алматы", "M")
	seek := report(data.KindSeek, "Park Sergey", 1960, "Almaty", "")
	for _, r := range []*data.Report{safe, seek} {
		if err := st.CreateReport(context.Background(), r); err != nil {
			t.Fatal(err)
		}
	}
	eng.Wake()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ms, err := st.MatchesForReport(context.Background(), seek.ID)
		if err != nil {
			t.Fatal(err)
		}
		// The match is saved inside a catch-up pass; Ready turns true when
		// that pass finds the log exhausted, a moment later.
		if len(ms) == 1 && ms[0].SafeID == safe.ID && eng.Ready() {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("after 10s: matches %+v, ready %v", ms, eng.Ready())
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Run: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Run did not return after cancel")
	}
}

// Among candidates that score the same, the one written exactly as the
// query ranks first: not its other-script twin, not a namesake with an
// extra patronymic.
func TestExactSpellingRanksFirst(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	eng, _ := newTestEngine(t, st, Options{})
	names := []string{"Zhumabaev Erlan", "Жумабаев Ерлан Серикович", "Жумабаев Ерлан", "Jumabaev Erlan"}
	for _, n := range names {
		if err := st.CreateReport(ctx, report(data.KindSafe, n, 1985, "Алматы", "M")); err != nil {
			t.Fatal(err)
		}
	}
	if err := eng.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"Жумабаев Ерлан", "Zhumabaev Erlan", "Jumabaev Erlan"} {
		res, err := eng.Search(ctx, Query{Name: q, BirthYear: 1985, City: "Алматы", Kind: data.KindSafe})
		if err != nil || len(res) < len(names) {
			t.Fatalf("%s: %v, %d results", q, err, len(res))
		}
		if res[0].Report.FullName != q || res[0].Score != res[1].Score {
			t.Errorf("%s: top %q (%.3f), second %.3f; want the exact spelling first among equal scores", q, res[0].Report.FullName, res[0].Score, res[1].Score)
		}
	}
}

// A catch-up longer than one batch reads each next batch while it indexes
// the one before (readAhead): every report is indexed once, the cursor
// ends on the last event, and the last report filed is found.
func TestCatchUpReadsAheadOverBatches(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	rs := NewSynth(3).Reports(2*eventBatch + 123)
	for i := 0; i < len(rs); i += 1000 {
		if err := st.CreateReports(ctx, rs[i:min(i+1000, len(rs))]); err != nil {
			t.Fatal(err)
		}
	}
	eng, ix := newTestEngine(t, st, Options{})
	if err := eng.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	last, _ := st.LastEventSeq(ctx)
	if seq, err := ix.LastSeq(); err != nil || seq != last {
		t.Fatalf("cursor at %d (%v), want the last event %d", seq, err, last)
	}
	if n, _ := ix.DocCount(); n != uint64(len(rs)) {
		t.Fatalf("%d documents, want %d", n, len(rs))
	}
	final := rs[len(rs)-1]
	res, err := eng.Search(ctx, Query{Name: final.FullName, Kind: final.Kind, Limit: 50})
	if err != nil || !slices.ContainsFunc(res, func(r Result) bool { return r.ReportID == final.ID }) {
		t.Fatalf("the last report filed (%s) not found: %v %v", final.FullName, res, err)
	}
}
