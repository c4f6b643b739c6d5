package bench

import (
	"cmp"
	"context"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"testing"
	"time"

	"tuys/data"
	"tuys/data/datatest"
	"tuys/search"
)

// BenchmarkSlowestQueries finds where the time of tuys's slowest searches
// goes. It stores and indexes the side-by-side corpus (the same seed, so
// the same records) in process, as a starting node does, runs every query
// twice through Engine.Search with limit 10 (the first pass warms up), keeps the slowest 1%, and replays those b.N times, under the
// CPU profiler when TUYS_BENCH_PROFILE names a file (`go tool pprof -top`
// reads it). HTTP, JSON and the store's read of the hits are not in this
// figure: the side-by-side benchmark has them.
func BenchmarkSlowestQueries(b *testing.B) {
	n, targets := envInt("TUYS_BENCH_N", 20000), envInt("TUYS_BENCH_TARGETS", 400)
	ctx := context.Background()
	c := newCorpus(n, targets, 18)
	dir := b.TempDir()
	if err := storeCorpus(ctx, dir, datatest.Key, c); err != nil {
		b.Fatal(err)
	}
	store, err := data.Open(ctx, data.Config{Dir: dir, SecretKey: datatest.Key})
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	ix, err := search.OpenIndex(filepath.Join(dir, "index"))
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	eng := search.NewEngine(store, ix, search.Options{})
	if err := eng.CatchUp(ctx); err != nil { // indexes and compacts as a starting node does
		b.Fatal(err)
	}
	lat := make([]time.Duration, len(c.queries))
	for pass := 0; pass < 2; pass++ { // the first pass warms the page cache
		for i, q := range c.queries {
			start := time.Now()
			if _, err := eng.Search(ctx, search.Query{Name: q.text, Limit: 10}); err != nil {
				b.Fatal(err)
			}
			lat[i] = time.Since(start)
		}
	}
	idx := make([]int, len(lat))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(lat[b], lat[a]) })
	slow := idx[:max(1, len(idx)/100)]
	b.ReportMetric(ms(pct(lat, 50)), "all_p50_ms")
	b.ReportMetric(ms(pct(lat, 99)), "all_p99_ms")
	kinds := map[string]int{}
	for _, i := range slow {
		kinds[c.queries[i].kind]++
	}
	b.Logf("slowest 1%% (%d queries) by type: %v; slowest: %q %.1f ms", len(slow), kinds, c.queries[slow[0]].text, ms(lat[slow[0]]))
	if path := os.Getenv("TUYS_BENCH_PROFILE"); path != "" {
		f, err := os.Create(path)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	b.ResetTimer()
	var total time.Duration
	for it := 0; it < b.N; it++ {
		for _, i := range slow {
			start := time.Now()
			if _, err := eng.Search(ctx, search.Query{Name: c.queries[i].text, Limit: 10}); err != nil {
				b.Fatal(err)
			}
			total += time.Since(start)
		}
	}
	b.ReportMetric(ms(total/time.Duration(b.N*len(slow))), "slowest1%_mean_ms")
}
