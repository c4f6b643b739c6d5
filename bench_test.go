package main

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// BenchmarkIngestHTTP posts reports to a real `tuys serve` (SQLite, matcher
// and dispatcher running) from concurrent keep-alive clients and reports
// acknowledged reports per second. TUYS_BENCH_INGEST sets the count.
func BenchmarkIngestHTTP(b *testing.B) {
	total := 5000
	if v, err := strconv.Atoi(os.Getenv("TUYS_BENCH_INGEST")); err == nil && v > 0 {
		total = v
	}
	addr := freePort(b)
	startTuys(b, addr, b.TempDir(), "TUYS_LOG_LEVEL=warn", "TUYS_RATE_REPORTS=off") // one client IP: measure ingest, not the limiter
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	const workers = 32
	for it := 0; it < b.N; it++ {
		var next, failed atomic.Int64
		var wg sync.WaitGroup
		start := time.Now()
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for {
					i := next.Add(1)
					if i > int64(total) {
						return
					}
					body := fmt.Sprintf(`{"kind":"safe","person":{"full_name":"Бенчмарков Тест %d","birth_year":%d,"city":"Алматы"},"contact":{"phone":"+7 701 %03d %04d"}}`,
						i, 1950+i%60, i%1000, i%10000)
					resp, err := client.Post("http://"+addr+"/api/v1/reports", "application/json", bytes.NewBufferString(body))
					if err != nil {
						failed.Add(1)
						continue
					}
					io.Copy(io.Discard, resp.Body)
					resp.Body.Close()
					if resp.StatusCode != 201 {
						failed.Add(1)
					}
				}
			}()
		}
		wg.Wait()
		elapsed := time.Since(start)
		if failed.Load() > 0 {
			b.Fatalf("%d of %d posts failed", failed.Load(), total)
		}
		b.ReportMetric(float64(total)/elapsed.Seconds(), "reports/s")
	}
}
