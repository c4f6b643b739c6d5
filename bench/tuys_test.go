package bench

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"os"
	"os/exec"
	"runtime/debug"
	"strconv"
	"strings"
	"testing"
	"time"

	"tuys/data"
	"tuys/internal/testbin"
)

func TestMain(m *testing.M) {
	// The GOGC and GOMEMLIMIT of `make bench` are for the tuys node it
	// starts (it inherits them). This process, the users' side, holds the
	// whole corpus (over 512 MiB at a million reports): under that limit
	// its collector ran without pause and its own stalls were timed as
	// tuys's latency (side by side at 1M: p99 73 ms, against 8 ms for the
	// same queries from an unconstrained client).
	debug.SetMemoryLimit(math.MaxInt64)
	code := m.Run()
	testbin.Cleanup()
	os.Exit(code)
}

// tuysNode is a running `tuys serve` holding the corpus.
type tuysNode struct {
	base   string
	pid    int // the node's process
	client *http.Client
	pprof  string                     // the node's profiler address, when TUYS_BENCH_SERVE_PROFILE asks for one
	stages map[string][]time.Duration // the node's Server-Timing stages of every search, by name
}

// freeAddr returns a loopback address with a port free a moment ago.
func freeAddr(b *testing.B) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// profileServe records the node's CPU profile for d into
// TUYS_BENCH_SERVE_PROFILE, and what it allocated over the same time into
// that name with ".allocs" added (go tool pprof reads both), in the
// background: wait for the returned channel. Without the variable it does
// nothing.
func (n *tuysNode) profileServe(d time.Duration) <-chan error {
	done := make(chan error, 1)
	path := os.Getenv("TUYS_BENCH_SERVE_PROFILE")
	if path == "" || n.pprof == "" {
		done <- nil
		return done
	}
	go func() {
		allocs := make(chan error, 1)
		go func() { allocs <- n.fetchProfile("allocs", d, path+".allocs") }()
		done <- errors.Join(n.fetchProfile("profile", d, path), <-allocs)
	}()
	return done
}

// fetchProfile saves the node's named pprof profile over d into path.
func (n *tuysNode) fetchProfile(name string, d time.Duration, path string) error {
	resp, err := http.Get(fmt.Sprintf("http://%s/debug/pprof/%s?seconds=%d", n.pprof, name, int(d.Seconds())))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	_, err = io.Copy(f, resp.Body)
	return errors.Join(err, f.Close())
}

// startTuys stores the corpus through the store's CreateReports into a
// fresh data directory, marks the log matched (as a running node would
// have: the benchmark measures search, not the matcher), then starts the
// real binary on it and waits until its index has caught up.
func startTuys(b *testing.B, ctx context.Context, c *corpus) *tuysNode {
	dir := b.TempDir()
	key := make([]byte, 32)
	rand.Read(key)
	start := time.Now()
	if err := storeCorpus(ctx, dir, key, c); err != nil {
		b.Fatal(err)
	}
	b.Logf("tuys: stored %d reports through store.CreateReports in %v", len(c.records), time.Since(start).Round(time.Millisecond))

	return serveDir(b, dir, key, len(c.records))
}

// serveDir starts the real binary on the data directory dir, holding
// reports reports sealed with key, and waits until its index has caught up.
func serveDir(b *testing.B, dir string, key []byte, reports int) *tuysNode {
	addr := freeAddr(b)
	cmd := exec.Command(testbin.Tuys(b), "serve")
	cmd.Env = append(os.Environ(), "TUYS_ADDR="+addr, "TUYS_DATA_DIR="+dir, "TUYS_SECRET_KEY="+hex.EncodeToString(key),
		"TUYS_LOG_LEVEL=warn", "TUYS_RATE_SEARCH=off")
	n := &tuysNode{base: "http://" + addr, client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 4}}}
	if os.Getenv("TUYS_BENCH_SERVE_PROFILE") != "" {
		n.pprof = freeAddr(b)
		cmd.Env = append(cmd.Env, "TUYS_PPROF_ADDR="+n.pprof)
	}
	var logs bytes.Buffer
	cmd.Stdout, cmd.Stderr = &logs, &logs
	start := time.Now()
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	n.pid = cmd.Process.Pid
	for !n.ready() {
		if time.Since(start) > 2*time.Hour || cmd.ProcessState != nil {
			b.Fatalf("tuys never became ready:\n%s", logs.String())
		}
		time.Sleep(100 * time.Millisecond)
	}
	took := time.Since(start)
	b.Logf("tuys: started and indexed %d reports in %v (%.0f reports/s)", reports, took.Round(time.Millisecond),
		float64(reports)/took.Seconds())
	return n
}

func storeCorpus(ctx context.Context, dir string, key []byte, c *corpus) error {
	store, err := data.Open(ctx, data.Config{Dir: dir, SecretKey: key})
	if err != nil {
		return err
	}
	defer store.Close()
	const batch = 5000
	for i := 0; i < len(c.records); i += batch {
		rs := make([]*data.Report, 0, batch)
		for _, r := range c.records[i:min(i+batch, len(c.records))] {
			rs = append(rs, r.report)
		}
		if err := store.CreateReports(ctx, rs); err != nil {
			return fmt.Errorf("store corpus: %w", err)
		}
	}
	last, err := store.LastEventSeq(ctx)
	if err != nil {
		return err
	}
	return store.SetMatchedThrough(ctx, last)
}

func (n *tuysNode) ready() bool {
	resp, err := n.client.Get(n.base + "/readyz")
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// hit is one result as either system returns it.
type hit struct{ id, name string }

// search asks GET /api/v1/search for the first 10 hits, reading the whole
// answer as a browser would.
func (n *tuysNode) search(ctx context.Context, q string) ([]hit, error) {
	var wrote, first time.Time
	trace := &httptrace.ClientTrace{
		WroteRequest:         func(httptrace.WroteRequestInfo) { wrote = time.Now() },
		GotFirstResponseByte: func() { first = time.Now() },
	}
	start := time.Now()
	req, err := http.NewRequestWithContext(httptrace.WithClientTrace(ctx, trace), http.MethodGet, n.base+"/api/v1/search?limit=10&q="+url.QueryEscape(q), nil)
	if err != nil {
		return nil, err
	}
	resp, err := n.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("tuys search %q: HTTP %d", q, resp.StatusCode)
	}
	if err := n.recordStages(resp.Header.Get("Server-Timing")); err != nil {
		return nil, fmt.Errorf("tuys search %q: %w", q, err)
	}
	var body struct {
		Results []struct {
			Report struct {
				ID       string `json:"id"`
				FullName string `json:"full_name"`
			} `json:"report"`
		} `json:"results"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return nil, fmt.Errorf("tuys search %q: %w", q, err)
	}
	io.Copy(io.Discard, resp.Body) // to the end, so that the connection is reused
	n.stages["send"] = append(n.stages["send"], wrote.Sub(start))
	n.stages["wait"] = append(n.stages["wait"], first.Sub(wrote))
	n.stages["body"] = append(n.stages["body"], time.Since(first))
	hits := make([]hit, len(body.Results))
	for i, r := range body.Results {
		hits[i] = hit{r.Report.ID, r.Report.FullName}
	}
	return hits, nil
}

// reportPeakRSS logs and reports the node's resident high-water mark so
// far, and what is resident now: anonymous (the Go heap, SQLite's page
// caches) and mapped files' pages (the SQLite file its readers map, Bleve's
// segments), which the kernel takes back under memory pressure.
func (n *tuysNode) reportPeakRSS(b *testing.B) {
	var mb [4]float64
	for i, key := range []string{"VmHWM", "VmRSS", "RssAnon", "RssFile"} {
		var err error
		if mb[i], err = testbin.StatusMB(n.pid, key); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("tuys: peak resident memory (VmHWM) %.0f MiB; resident now %.0f MiB: %.0f anonymous, %.0f mapped files", mb[0], mb[1], mb[2], mb[3])
	b.ReportMetric(mb[0], "tuys_peak_rss_MiB")
}

// healthz times one GET /healthz, the node's emptiest answer.
func (n *tuysNode) healthz(ctx context.Context) (time.Duration, error) {
	start := time.Now()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, n.base+"/healthz", nil)
	if err != nil {
		return 0, err
	}
	resp, err := n.client.Do(req)
	if err != nil {
		return 0, err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	took := time.Since(start)
	resp.Body.Close()
	if err == nil && resp.StatusCode != http.StatusOK {
		err = fmt.Errorf("tuys /healthz: HTTP %d", resp.StatusCode)
	}
	return took, err
}

// recordStages keeps the durations of a Server-Timing header
// ("search;dur=1.93, read;dur=0.41", milliseconds).
func (n *tuysNode) recordStages(header string) error {
	if n.stages == nil {
		n.stages = map[string][]time.Duration{}
	}
	for _, part := range strings.Split(header, ",") {
		name, dur, ok := strings.Cut(strings.TrimSpace(part), ";dur=")
		msec, err := strconv.ParseFloat(dur, 64)
		if !ok || err != nil {
			return fmt.Errorf("Server-Timing %q: not name;dur=ms", header)
		}
		n.stages[name] = append(n.stages[name], time.Duration(msec*float64(time.Millisecond)))
	}
	return nil
}
