package bench

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// envInt reads a positive integer setting, else def.
func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// system is one contender: a name and how it answers a query.
type system struct {
	name   string
	search func(ctx context.Context, q query) ([]hit, error)
	stats  *stats
}

// stats gathers one system's latencies and recall.
type stats struct {
	lat           []time.Duration
	found, asked  map[string]int
	exact1, exact int
	missed        []string // the queries whose person was not in the top 10: type, text, best hit
}

// BenchmarkSideBySide loads TUYS_BENCH_N synthetic reports into tuys and
// into PostgreSQL, then runs one query of each type about each of
// TUYS_BENCH_TARGETS people, the three systems taking turns within each
// query (the order rotates). A query finds its person when any record of
// that person, in any spelling, is among the first 10 hits; exact-at-1
// counts exact-spelling queries whose first hit is written exactly as the
// query (that record, or a namesake written identically: a name-only query
// cannot tell them apart).
func BenchmarkSideBySide(b *testing.B) {
	n, targets := envInt("TUYS_BENCH_N", 20000), envInt("TUYS_BENCH_TARGETS", 400)
	ctx := context.Background()
	c := newCorpus(n, targets, 18)
	tu := startTuys(b, ctx, c) // assigns the report ids PostgreSQL then stores
	pg := startPG(b, ctx, c)
	person := c.personOf()
	texts := make([]string, len(c.queries))
	for i, q := range c.queries {
		texts[i] = q.text
	}
	roms, err := romanize(ctx, texts) // outside the timing: in pg's favour
	if err != nil {
		b.Fatal(err)
	}
	romOf := make(map[string]string, len(texts))
	for i, t := range texts {
		romOf[t] = roms[i]
	}
	systems := []*system{
		{name: "tuys (HTTP)", search: func(ctx context.Context, q query) ([]hit, error) { return tu.search(ctx, q.text) }},
		{name: "pg_trgm raw", search: func(ctx context.Context, q query) ([]hit, error) { return pg.search(ctx, pgRawQuery, q.text) }},
		{name: "pg_trgm ICU", search: func(ctx context.Context, q query) ([]hit, error) { return pg.search(ctx, pgICUQuery, romOf[q.text]) }},
	}
	for _, s := range systems {
		s.stats = &stats{found: map[string]int{}, asked: map[string]int{}}
	}
	warmUp(b, ctx, systems, c.queries)
	tu.stages = nil // the timed queries' only
	profiled := tu.profileServe(time.Duration(envInt("TUYS_BENCH_SERVE_PROFILE_SECONDS", 30)) * time.Second)
	b.ResetTimer()
	for it := 0; it < b.N; it++ {
		for i, q := range c.queries {
			for k := range systems {
				s := systems[(i+k)%len(systems)]
				start := time.Now()
				hits, err := s.search(ctx, q)
				took := time.Since(start)
				if err != nil {
					b.Fatal(err)
				}
				s.stats.record(q, hits, person, took)
			}
		}
	}
	b.StopTimer()
	if err := <-profiled; err != nil {
		b.Fatal(err)
	}
	report(b, systems, len(c.records))
	tu.reportPeakRSS(b)
	b.Log(tu.stageReport(systems[0].stats.lat))
	b.Log(floorReport(b, ctx, tu, systems[1:], c.queries))
	if err := writeSlowest(os.Getenv("TUYS_BENCH_SLOW"), c.queries, systems[0].stats.lat); err != nil {
		b.Fatal(err)
	}
	if err := writeMisses(systems[0].stats); err != nil {
		b.Fatal(err)
	}
}

// writeMisses writes tuys's misses (type, query, first hit) to
// TUYS_BENCH_MISSES when set: what recall lacks.
func writeMisses(st *stats) error {
	path := os.Getenv("TUYS_BENCH_MISSES")
	if path == "" {
		return nil
	}
	return os.WriteFile(path, []byte(strings.Join(st.missed, "\n")+"\n"), 0o644)
}

// writeSlowest writes tuys's slowest 1% of queries, a query a line
// (type, milliseconds, text), to path when set: `go test ./search -bench
// Query` replays them under a profiler (TUYS_BENCH_QUERIES).
func writeSlowest(path string, qs []query, lat []time.Duration) error {
	if path == "" {
		return nil
	}
	idx := make([]int, len(lat))
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, func(a, b int) int { return cmp.Compare(lat[b], lat[a]) })
	var out strings.Builder
	for _, i := range idx[:max(1, len(idx)/100)] {
		q := qs[i%len(qs)]
		fmt.Fprintf(&out, "%s\t%.2f\t%s\n", q.kind, ms(lat[i]), q.text)
	}
	return os.WriteFile(path, []byte(out.String()), 0o644)
}

// warmUp runs every system over the queries once without recording: a
// serving tuys has its index pages in the page cache, and PostgreSQL its
// buffers, while a freshly loaded one has neither.
func warmUp(b *testing.B, ctx context.Context, systems []*system, qs []query) {
	for _, q := range qs {
		for _, s := range systems {
			if _, err := s.search(ctx, q); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func (st *stats) record(q query, hits []hit, person map[string]int, took time.Duration) {
	st.lat = append(st.lat, took)
	st.asked[q.kind]++
	found := false
	for _, h := range hits {
		if p, ok := person[h.id]; ok && p == q.person {
			found = true
			break
		}
	}
	if found {
		st.found[q.kind]++
	} else {
		top := ""
		if len(hits) > 0 {
			top = hits[0].name
		}
		st.missed = append(st.missed, q.kind+"\t"+q.text+"\t"+top)
	}
	if q.kind == typeExact {
		st.exact++
		if len(hits) > 0 && hits[0].name == q.exact {
			st.exact1++
		}
	}
}

// floorQueries is how many rounds floorReport times: enough for a p99.
const floorQueries = 300

// floorReport times what any HTTP answer costs on this machine at the
// moment tuys answers in the side-by-side run: an empty answer
// (/healthz) from the same node, after the same PostgreSQL queries (its
// process sleeps meanwhile, and PostgreSQL fills the caches). It runs
// after the timed rounds, so it warms nothing they time. The same empty
// answer back to back shows what the idle time adds: on a virtual
// machine, waking a sleeping vCPU costs more than tuys's whole search
// stage (2-core VM, 2026-12-06: 0.12 ms hot, 0.74 ms after 100 ms idle,
// for a 2-byte answer from a plain net/http server).
func floorReport(b *testing.B, ctx context.Context, tu *tuysNode, pgs []*system, qs []query) string {
	var afterPG, hot []time.Duration
	for i := range min(floorQueries, len(qs)) {
		for _, s := range pgs {
			if _, err := s.search(ctx, qs[i]); err != nil {
				b.Fatal(err)
			}
		}
		for _, lat := range []*[]time.Duration{&afterPG, &hot} {
			took, err := tu.healthz(ctx)
			if err != nil {
				b.Fatal(err)
			}
			*lat = append(*lat, took)
		}
	}
	return fmt.Sprintf("machine floor p50/p99 ms: an empty answer from the node after the same PostgreSQL queries %s, "+
		"the same answer at once after it %s (the difference is waking the idle node)", p50p99(afterPG), p50p99(hot))
}

// report logs the table and reports the headline metrics.
func report(b *testing.B, systems []*system, n int) {
	var out strings.Builder
	fmt.Fprintf(&out, "side by side at %d reports, %d queries each, limit 10\n", n, len(systems[0].stats.lat))
	tableHeader(&out)
	for _, s := range systems {
		tableRow(&out, s.name, s.stats)
	}
	tuys := systems[0].stats
	b.ReportMetric(ms(pct(tuys.lat, 50)), "tuys_p50_ms")
	b.ReportMetric(ms(pct(tuys.lat, 99)), "tuys_p99_ms")
	for _, s := range systems[1:] {
		r := ratios(s.stats.lat, tuys.lat)
		med, p99 := pct(r, 50), pct(r, 99)
		fmt.Fprintf(&out, "per-query ratio %s / tuys: median %.1f, p99 %.1f\n", s.name, med, p99)
		b.ReportMetric(med, strings.ReplaceAll(s.name, " ", "_")+"/tuys_median")
	}
	b.Log(out.String())
}

// recallTable is one system's row of report's table, with its header.
func recallTable(st *stats) string {
	var out strings.Builder
	tableHeader(&out)
	tableRow(&out, "tuys", st)
	return out.String()
}

func tableHeader(out *strings.Builder) {
	fmt.Fprintf(out, "%-13s %8s %8s", "system", "p50_ms", "p99_ms")
	for _, t := range queryTypes {
		fmt.Fprintf(out, " %18s", t)
	}
	fmt.Fprintf(out, " %8s\n", "exact@1")
}

func tableRow(out *strings.Builder, name string, st *stats) {
	fmt.Fprintf(out, "%-13s %8.2f %8.2f", name, ms(pct(st.lat, 50)), ms(pct(st.lat, 99)))
	for _, t := range queryTypes {
		fmt.Fprintf(out, " %18.3f", frac(st.found[t], st.asked[t]))
	}
	fmt.Fprintf(out, " %8.3f\n", frac(st.exact1, st.exact))
}

// stageReport splits tuys's latencies by the node's Server-Timing stages
// (serverStages) and the rest (routing, compression, the loopback, the
// client's decoding).
func (n *tuysNode) stageReport(total []time.Duration) string {
	rest := slices.Clone(total)
	var stages []string
	for _, name := range serverStages {
		ts := n.stages[name]
		if len(ts) != len(total) {
			return fmt.Sprintf("tuys stages: %d %s timings for %d queries", len(ts), name, len(total))
		}
		for i := range rest {
			rest[i] -= ts[i]
		}
		stages = append(stages, name+" "+p50p99(ts))
	}
	return fmt.Sprintf("tuys stages p50/p99 ms: %s, HTTP and the rest %s; "+
		"client's view: sending %s, waiting for the first byte %s, reading and decoding %s",
		strings.Join(stages, ", "), p50p99(rest), p50p99(n.stages["send"]), p50p99(n.stages["wait"]), p50p99(n.stages["body"]))
}

// serverStages are the stages of tuys's Server-Timing header on a search
// (api/search.go), in their order.
var serverStages = []string{"search", "read", "answer", "json"}

func p50p99(xs []time.Duration) string {
	return fmt.Sprintf("%.2f / %.2f", ms(pct(xs, 50)), ms(pct(xs, 99)))
}

// ratios pairs the i-th latencies of two systems (the same query).
func ratios(pg, tuys []time.Duration) []float64 {
	r := make([]float64, len(pg))
	for i := range pg {
		r[i] = float64(pg[i]) / float64(max(tuys[i], time.Microsecond))
	}
	return r
}

// pct is the p-th percentile (nearest rank) of xs.
func pct[T time.Duration | float64](xs []T, p int) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[min(len(s)-1, len(s)*p/100)]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func frac(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
