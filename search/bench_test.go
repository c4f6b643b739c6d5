package search

import (
	"context"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"testing"
	"time"

	"tuys/data"
)

// benchN is the synthetic index size: TUYS_BENCH_N (default 20000 so that
// `go test -bench` is quick; `make bench` runs 1,000,000).
func benchN() int { return benchInt("TUYS_BENCH_N", 20000) }

// benchInt reads a positive integer setting of the benchmarks, else def.
func benchInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// buildBenchIndex indexes n synthetic reports directly (no store) and
// returns the index and the build rate.
func buildBenchIndex(b *testing.B, n int) (*Index, float64) {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "index")
	ix, err := OpenIndex(dir)
	if err != nil {
		b.Fatal(err)
	}
	syn := NewSynth(42)
	ctx := context.Background()
	const chunk = 5000
	pool := syn.Reports(min(n, 50000)) // generated outside the timing, reused
	start := time.Now()
	for done := 0; done < n; {
		batch := ix.NewBatch()
		m := min(chunk, n-done)
		for i := 0; i < m; i++ {
			r := *pool[(done+i)%len(pool)]
			r.ID = "r" + strconv.Itoa(done+i)
			if err := batch.Put(&r, int64(done+i+1)); err != nil {
				b.Fatal(err)
			}
		}
		if err := ix.Commit(ctx, batch, int64(done+m)); err != nil {
			b.Fatal(err)
		}
		done += m
	}
	rate := float64(n) / time.Since(start).Seconds()
	if err := ix.compact(ctx); err != nil {
		b.Fatal(err)
	}
	return ix, rate
}

// BenchmarkIndexBuild reports the index build rate (reports/s) and size of
// one build of benchN() reports, whatever b.N is (a build is the unit).
func BenchmarkIndexBuild(b *testing.B) {
	n := benchN()
	ix, rate := buildBenchIndex(b, n)
	b.ReportMetric(rate, "reports/s")
	b.ReportMetric(dirSizeMB(ix.dir), "MB_on_disk")
	ix.Close()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(ms.Sys)/(1<<20), "MB_go_sys")
}

// BenchmarkIndexReopen reports how long a node that restarts takes to
// open an index of benchN() reports: the in-memory name keys are rebuilt
// from the stored copies (loadPostings) before the node is ready.
func BenchmarkIndexReopen(b *testing.B) {
	n := benchN()
	ix, _ := buildBenchIndex(b, n)
	dir := ix.dir
	ix.Close()
	start := time.Now()
	ix, err := OpenIndex(dir)
	if err != nil {
		b.Fatal(err)
	}
	took := time.Since(start)
	defer ix.Close()
	if got := ix.keys.size(); got != n {
		b.Fatalf("reopened with the keys of %d reports, want %d", got, n)
	}
	b.ReportMetric(took.Seconds(), "s_to_open")
	b.ReportMetric(float64(n)/took.Seconds(), "reports/s")
}

// BenchmarkQuery reports retrieval + re-ranking latency (p50/p99) for
// cross-script queries of synthetic people against an index of benchN().
func BenchmarkQuery(b *testing.B) {
	n := benchN()
	ix, rate := buildBenchIndex(b, n)
	defer ix.Close()
	b.ReportMetric(rate, "build_reports/s")
	eng := NewEngine(nil, ix, Options{})
	qs := NewSynth(7).Reports(1000)
	ctx := context.Background()
	// Warm up with 1,000 other people (another seed): a serving node's
	// index pages are in the page cache, a freshly compacted one's are not,
	// and the first touch of each page would otherwise be the p99.
	for _, q := range NewSynth(8).Reports(1000) {
		if _, err := eng.rank(ctx, PersonFromReport(q), data.KindSafe, 0, 10); err != nil {
			b.Fatal(err)
		}
	}
	// Every iteration runs all 1,000 queries, so that p99 is a real
	// percentile even under -benchtime 1x (make bench). The fuzzy
	// expansion cache is emptied before each query, as a commit does under
	// live ingest: the figure is the cold path.
	var lat []time.Duration
	// TUYS_BENCH_FLUSH_MB=128 writes that much memory before each query:
	// the caches are then as cold as on a machine where other work ran
	// since the last search (side by side, PostgreSQL's queries do).
	flush := make([]byte, benchInt("TUYS_BENCH_FLUSH_MB", 0)<<20)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, q := range qs {
			ix.fuzzy.invalidate(map[data.Kind]bool{data.KindSeek: true, data.KindSafe: true})
			for j := 0; j < len(flush); j += 64 {
				flush[j]++
			}
			start := time.Now()
			if _, err := eng.rank(ctx, PersonFromReport(q), data.KindSafe, 0, 10); err != nil {
				b.Fatal(err)
			}
			lat = append(lat, time.Since(start))
		}
	}
	b.StopTimer()
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50_ms")
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99_ms")
}

func dirSizeMB(dir string) float64 {
	var total int64
	filepath.Walk(dir, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			total += info.Size()
		}
		return nil
	})
	return float64(total) / (1 << 20)
}
