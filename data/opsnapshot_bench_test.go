package data

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"
)

// BenchmarkOpsSnapshot measures one /metrics scrape's store reads at
// TUYS_BENCH_N reports (default 100,000), half with a match and an SMS.
func BenchmarkOpsSnapshot(b *testing.B) {
	n := 100_000
	if v, err := strconv.Atoi(os.Getenv("TUYS_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	for name, open := range map[string]func(testing.TB) Store{"sqlite": openTestSQLite, "postgres": openTestPostgres} {
		b.Run(name, func(b *testing.B) {
			s, ctx := open(b), context.Background()
			for done := 0; done < n; done += 5000 {
				var rs []*Report
				for i := done; i < min(n, done+5000); i++ {
					rs = append(rs, sampleReport([]Kind{KindSeek, KindSafe}[i%2], fmt.Sprint("Имя ", i), ""))
				}
				if err := s.CreateReports(ctx, rs); err != nil {
					b.Fatal(err)
				}
				var ws []MatchWrite
				for i := 0; i+1 < len(rs); i += 2 {
					m := &Match{SeekID: rs[i].ID, SafeID: rs[i+1].ID, Score: 0.9, State: MatchAutoConfirmed}
					ws = append(ws, MatchWrite{Match: m, Messages: []Message{{Key: "m:" + rs[i].ID, To: "+77011234567", Body: "x"}}})
				}
				if _, err := s.SaveMatches(ctx, ws); err != nil {
					b.Fatal(err)
				}
			}
			b.ResetTimer()
			start := time.Now()
			for i := 0; i < b.N; i++ {
				if _, err := s.OpsSnapshot(ctx, time.Now().Add(-time.Hour)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(time.Since(start).Milliseconds())/float64(b.N), "ms/scrape")
		})
	}
}
