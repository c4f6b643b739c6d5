package cluster

import (
	"context"
	"encoding/hex"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"tuys/data"
)

// benchN is how many reports the catch-up benchmark stores
// (TUYS_BENCH_N, default 20,000; the acceptance figure is 1,000,000).
func benchN(def int) int {
	if v, err := strconv.Atoi(os.Getenv("TUYS_BENCH_N")); err == nil && v > 0 {
		return v
	}
	return def
}

// BenchmarkClusterIngest posts reports through the HTTP API of 1 and 3
// nodes on one PostgreSQL, 16 clients round-robin across the nodes.
// Every node indexes and matches every report, so on a small machine more
// nodes share the same cores; the figure is what the database and API
// take, with matching running.
func BenchmarkClusterIngest(b *testing.B) {
	n := 2000
	if v, err := strconv.Atoi(os.Getenv("TUYS_BENCH_INGEST")); err == nil && v > 0 {
		n = v
	}
	for _, nodes := range []int{1, 3} {
		b.Run(fmt.Sprintf("nodes=%d", nodes), func(b *testing.B) {
			c := newCluster(b, nodes)
			ctx := context.Background()
			b.ResetTimer()
			var total time.Duration
			for it := 0; it < b.N; it++ {
				people, _ := population(n, n/20, int64(it+1))
				start := time.Now()
				if err := c.postEach(ctx, people, 16); err != nil {
					b.Fatal(err)
				}
				total += time.Since(start)
			}
			b.ReportMetric(float64(n*b.N)/total.Seconds(), "reports/s")
		})
	}
}

// postEach posts people round-robin across the nodes with w clients.
func (c *cluster) postEach(ctx context.Context, people []*person, w int) error {
	jobs := make(chan int)
	var wg sync.WaitGroup
	var mu sync.Mutex
	var first error
	for k := 0; k < w; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				id, _, err := c.post(ctx, j%len(c.nodes), people[j], clientIP(j))
				mu.Lock()
				if err != nil && first == nil {
					first = err
				}
				mu.Unlock()
				people[j].ID = id
			}
		}()
	}
	for j := range people {
		jobs <- j
	}
	close(jobs)
	wg.Wait()
	return first
}

// BenchmarkClusterCatchUp stores TUYS_BENCH_N reports straight through the
// store (as an import would), then starts a fresh node and times how long
// it takes to become ready (its index has caught up with the log) and to
// find the last report stored.
//
// The joining node finds the log marked as matched, as in a running
// cluster whose nodes matched each report when it arrived, so it only
// indexes. TUYS_BENCH_UNMATCHED=1 leaves the mark at zero: the new node
// then judges every report itself (an import nobody has matched yet).
// TUYS_BENCH_KIND=safe stores one kind only: nothing to match either way.
func BenchmarkClusterCatchUp(b *testing.B) {
	n := benchN(20000)
	c := &cluster{t: b, bin: binary(b), client: http.DefaultClient}
	ctx := context.Background()
	// TUYS_BENCH_DB names a database kept between runs: loading a million
	// reports takes minutes, and the figure is the catch-up, not the load.
	if name := os.Getenv("TUYS_BENCH_DB"); name != "" {
		c.dbURL = keptDatabase(b, name)
	} else {
		c.dbURL = newDatabase(b)
	}
	store, err := data.Open(ctx, data.Config{DatabaseURL: c.dbURL, SecretKey: mustKey(b)})
	if err != nil {
		b.Fatal(err)
	}
	defer store.Close()
	last, err := lastBenchReport(ctx, store)
	if err != nil {
		b.Fatal(err)
	}
	if have, _ := store.Stats(ctx, time.Time{}); last == nil || have["reports.seek"]+have["reports.safe"] != n {
		if last != nil {
			b.Fatalf("TUYS_BENCH_DB holds %d reports, not %d: drop it or use another name", have["reports.seek"]+have["reports.safe"], n)
		}
		start := time.Now()
		last = bulkLoad(b, ctx, store, n)
		load := time.Since(start)
		b.ReportMetric(float64(n)/load.Seconds(), "stored/s")
		b.Logf("stored %d reports through store.CreateReports in %v", n, load.Round(time.Millisecond))
	}

	if err := markMatched(ctx, store); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for it := 0; it < b.N; it++ {
		i := c.addNode(b.TempDir() + "/node")
		start := time.Now()
		c.start(i)
		for !c.ready(i) {
			if time.Since(start) > 2*time.Hour {
				b.Fatal("node never became ready")
			}
			time.Sleep(100 * time.Millisecond)
		}
		ready := time.Since(start)
		u := c.nodes[i].base + "/api/v1/search?q=" + url.QueryEscape(last.FullName)
		for {
			status, body, err := c.do(ctx, http.MethodGet, u, nil, "10.99.0.1")
			if err == nil && status == http.StatusOK && strings.Contains(string(body), last.ID) {
				break
			}
			if err == nil && status == http.StatusNotFound {
				b.Logf("search endpoint missing: only readiness measured")
				break
			}
			if time.Since(start) > 2*time.Hour {
				b.Fatalf("last report never searchable: %d %.200s %v", status, body, err)
			}
			time.Sleep(100 * time.Millisecond)
		}
		found := time.Since(start)
		b.ReportMetric(ready.Seconds(), "s-to-ready")
		b.ReportMetric(found.Seconds(), "s-to-last-found")
		b.ReportMetric(float64(n)/found.Seconds(), "caught-up-reports/s")
		c.stopAll()
	}
}

// markMatched sets the store's matched-through mark to the end of the log
// (what the running nodes would have published), unless
// TUYS_BENCH_UNMATCHED is set.
func markMatched(ctx context.Context, store data.Store) error {
	if os.Getenv("TUYS_BENCH_UNMATCHED") != "" {
		return nil
	}
	last, err := store.LastEventSeq(ctx)
	if err != nil {
		return err
	}
	return store.SetMatchedThrough(ctx, last)
}

func mustKey(b testing.TB) []byte {
	k, err := hex.DecodeString(secretKey)
	if err != nil {
		b.Fatal(err)
	}
	return k
}

// bulkLoad stores n generated reports in batches of 1,000 and returns the last.
func bulkLoad(b testing.TB, ctx context.Context, store data.Store, n int) *data.Report {
	const batch = 1000
	people, _ := population(min(n, 4000), 0, 1)
	var r *data.Report
	rs := make([]*data.Report, 0, batch)
	for k := 0; k < n; k++ {
		p := people[k%len(people)]
		r = &data.Report{Kind: data.Kind(p.In.Kind), FullName: p.In.Person.FullName, BirthYear: 1940 + k%75,
			City: p.In.Person.City, ContactPhone: fmt.Sprintf("+7702%07d", k%9999999), Language: "ru", Channel: data.ChannelImport}
		if kind := os.Getenv("TUYS_BENCH_KIND"); kind != "" {
			// One kind only (a shelter list import): the engine has nothing
			// to match, so the figure is indexing alone.
			r.Kind = data.Kind(kind)
		}
		if k == n-1 {
			// A name no other report has, so the search can only find this one.
			r.FullName, r.City, r.ContactPhone = lastName, "Түркістан", lastPhone
		}
		rs = append(rs, r)
		if len(rs) == batch || k == n-1 {
			if err := store.CreateReports(ctx, rs); err != nil {
				b.Fatal(err)
			}
			rs = rs[:0]
		}
	}
	return r
}

// lastName is the unique name of the last report bulkLoad stores.
const lastName = "Тұрсынбаев Әбілқайыр"

// lastBenchReport finds the report bulkLoad stored last, or nil.
func lastBenchReport(ctx context.Context, store data.Store) (*data.Report, error) {
	rs, err := store.ReportsWithPhone(ctx, lastPhone) // names are not indexed in the store; phones are
	if err != nil || len(rs) == 0 {
		return nil, err
	}
	return rs[0], nil
}

// lastPhone is the phone of the last report bulkLoad stores.
const lastPhone = "+77029999999"
