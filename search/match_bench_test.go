package search

import (
	"cmp"
	"context"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"tuys/data"
	"tuys/data/datatest"
)

// burstSize is how many "looking for" reports the burst files: TUYS_BENCH_BURST,
// else the share of the measured surge (72,736 at 1,000,000 reports).
func burstSize(n int) int {
	if v, err := strconv.Atoi(os.Getenv("TUYS_BENCH_BURST")); err == nil && v > 0 {
		return v
	}
	return max(500, n*72736/1000000)
}

// BenchmarkMatchBurst stores benchN() synthetic safe reports (marked
// matched, as a running node leaves them) and indexes them, then files a
// burst of seek reports with the corpus's most common names (namesake-
// dense: every one has many candidates of the same name) and times the
// engine judging them all: matched reports/s, and the p99 of matching one
// report (retrieval, ranking and decision, as OnMatched sees it).
func BenchmarkMatchBurst(b *testing.B) {
	n := benchN()
	ctx := context.Background()
	store := datatest.SQLite(b)
	burst := storeSynthCorpus(b, store, n)
	var mu sync.Mutex
	var took []time.Duration
	ix, err := OpenIndex(filepath.Join(b.TempDir(), "index"))
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	var decided int // matches saved: what the store writes and volunteers review
	eng := NewEngine(store, ix, Options{OnMatched: func(_ *data.Report, res []Result, d time.Duration) {
		mu.Lock()
		took = append(took, d)
		for _, r := range res {
			if r.Decision != "" {
				decided++
			}
		}
		mu.Unlock()
	}})
	start := time.Now()
	if err := eng.CatchUp(ctx); err != nil {
		b.Fatal(err)
	}
	indexRate := float64(n) / time.Since(start).Seconds()
	b.ResetTimer()
	defer profileCPU(b)()
	var elapsed time.Duration
	for it := 0; it < b.N; it++ {
		for i := range burst {
			burst[i].ID = "" // a new report each iteration
		}
		for i := 0; i < len(burst); i += 100 { // filed as they arrive, not as one import
			if err := store.CreateReports(ctx, burst[i:min(i+100, len(burst))]); err != nil {
				b.Fatal(err)
			}
		}
		start := time.Now()
		if err := eng.CatchUp(ctx); err != nil {
			b.Fatal(err)
		}
		elapsed += time.Since(start)
	}
	b.StopTimer()
	if len(took) != len(burst)*b.N {
		b.Fatalf("matched %d reports, filed %d", len(took), len(burst)*b.N)
	}
	slices.Sort(took)
	b.ReportMetric(float64(len(took))/elapsed.Seconds(), "matched_reports/s")
	b.ReportMetric(float64(took[len(took)*99/100].Microseconds())/1000, "match_p99_ms")
	b.ReportMetric(float64(len(burst)), "burst")
	b.ReportMetric(float64(decided)/float64(len(took)), "matches/report")
	b.ReportMetric(indexRate, "index_reports/s") // after ResetTimer, which drops metrics
}

// storeSynthCorpus stores n synthetic safe reports, marked matched as a
// running node leaves them, and returns the burst of seek reports to file.
// The corpus is not kept: a node does not hold it in memory, and the
// collector would work against the memory limit for the benchmark's sake.
func storeSynthCorpus(b *testing.B, store data.Store, n int) []*data.Report {
	ctx := context.Background()
	corpus := NewSynth(42).Reports(n)
	for i := 0; i < n; i += 5000 {
		if err := store.CreateReports(ctx, corpus[i:min(i+5000, n)]); err != nil {
			b.Fatal(err)
		}
	}
	last, err := store.LastEventSeq(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if err := store.SetMatchedThrough(ctx, last); err != nil {
		b.Fatal(err)
	}
	return commonNameBurst(corpus, burstSize(n), 50)
}

// profileCPU profiles only the timed part when TUYS_BENCH_CPUPROFILE names a
// file (go test -cpuprofile would mix in the set-up, which is most of the run).
func profileCPU(b *testing.B) (stop func()) {
	path := os.Getenv("TUYS_BENCH_CPUPROFILE")
	if path == "" {
		return func() {}
	}
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		b.Fatal(err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }
}

// commonNameBurst returns k seek reports, each with one of the top most
// common family+given names of corpus, a random year and a city.
func commonNameBurst(corpus []*data.Report, k, top int) []*data.Report {
	type name struct{ family, given string }
	count := map[name]int{}
	for _, r := range corpus {
		count[name{r.FamilyName, r.GivenName}]++
	}
	names := make([]name, 0, len(count))
	for nm := range count {
		names = append(names, nm)
	}
	slices.SortFunc(names, func(a, b name) int {
		return cmp.Or(count[b]-count[a], cmp.Compare(a.family, b.family), cmp.Compare(a.given, b.given))
	})
	names = names[:min(top, len(names))]
	syn := NewSynth(99)
	out := make([]*data.Report, k)
	for i := range out {
		nm, p := names[i%len(names)], syn.Person()
		r := &data.Report{Kind: data.KindSeek, Status: data.StatusActive, Channel: data.ChannelAPI, SourceName: "burst",
			FullName: nm.family + " " + nm.given, FamilyName: nm.family, GivenName: nm.given, BirthYear: p.Year}
		if p.City != "" {
			r.City = p.City
		}
		out[i] = r
	}
	return out
}
