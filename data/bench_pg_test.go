package data

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"
)

// BenchmarkCommitOrderPG measures what the commit-order lock costs: 16
// concurrent writers filing reports with the lock (as shipped) and without
// it (unsafe for tailers, shown only for comparison). The lock serializes
// the end of writing transactions, fsync included, so the gap grows with
// commit latency.
func BenchmarkCommitOrderPG(b *testing.B) {
	for _, lock := range []bool{true, false} {
		b.Run(fmt.Sprintf("lock=%v", lock), func(b *testing.B) {
			s := openTestPostgres(b).(*sqlStore)
			if !lock {
				s.d.orderEvents, s.d.eventsInsert = "", pgEventsInsert("")
			}
			const perIter, writers = 1000, 16
			b.ResetTimer()
			start := time.Now()
			for it := 0; it < b.N; it++ {
				var wg sync.WaitGroup
				for w := 0; w < writers; w++ {
					wg.Add(1)
					go func(w int) {
						defer wg.Done()
						for i := w; i < perIter; i += writers {
							if err := s.CreateReport(context.Background(), sampleReport(KindSeek, fmt.Sprint("Писатель ", i), "")); err != nil {
								b.Error(err)
								return
							}
						}
					}(w)
				}
				wg.Wait()
			}
			b.ReportMetric(float64(perIter*b.N)/time.Since(start).Seconds(), "reports/s")
		})
	}
}
