package bench

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"tuys/data/datatest"
)

// BenchmarkHTTPAlone queries a tuys node alone through HTTP, the
// side-by-side's queries once to warm it and then once each
// (TUYS_BENCH_PASSES times) timed, with the
// caches flushed before each query (TUYS_BENCH_THRASH_MB, default 64) as
// PostgreSQL's queries flush them side by side, and then GET /healthz as
// often, the floor of a request: a change to the HTTP path is measured in
// a minute or two at 1M without PostgreSQL. TUYS_BENCH_DIR keeps the
// corpus between runs; TUYS_BENCH_SERVE_PROFILE profiles the node.
func BenchmarkHTTPAlone(b *testing.B) {
	ctx := context.Background()
	c, src := storedCorpus(b, ctx)
	dir := b.TempDir()
	if out, err := exec.Command("cp", "-a", src+"/.", dir).CombinedOutput(); err != nil {
		b.Fatalf("copy corpus: %v %s", err, out)
	}
	os.Remove(filepath.Join(dir, "ids"))
	tu := serveDir(b, dir, datatest.Key, len(c.records))
	thrash := newThrasher(envInt("TUYS_BENCH_THRASH_MB", 64))
	// Warmed as side by side: the node's caches hold what the queries ask.
	warmUp(b, ctx, []*system{{search: func(ctx context.Context, q query) ([]hit, error) { return tu.search(ctx, q.text) }}}, c.queries)
	tu.stages = nil
	profiled := tu.profileServe(time.Duration(envInt("TUYS_BENCH_SERVE_PROFILE_SECONDS", 30)) * time.Second)
	var took []time.Duration
	for pass := 0; pass < envInt("TUYS_BENCH_PASSES", 1); pass++ {
		for _, q := range c.queries {
			thrash.run()
			start := time.Now()
			if _, err := tu.search(ctx, q.text); err != nil {
				b.Fatal(err)
			}
			took = append(took, time.Since(start))
		}
	}
	if err := <-profiled; err != nil {
		b.Fatal(err)
	}
	// The floor: a request that does nothing, after the same flush.
	var probe []time.Duration
	for range 2000 {
		thrash.run()
		start := time.Now()
		resp, err := tu.client.Get(tu.base + "/healthz")
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		probe = append(probe, time.Since(start))
	}
	b.Logf("GET /healthz p50 %.2f ms, p99 %.2f ms", ms(pct(probe, 50)), ms(pct(probe, 99)))
	b.Logf("search p50 %.2f ms, p99 %.2f ms; %s", ms(pct(took, 50)), ms(pct(took, 99)), tu.stageReport(took))
	b.ReportMetric(ms(pct(took, 50)), "p50_ms")
	tu.reportPeakRSS(b)
}
