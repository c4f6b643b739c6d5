package data

import (
	"context"
	"fmt"
	"sync"
	"testing"
)

// One bad report in a group (a duplicate id) fails alone; its neighbours
// in the same transaction attempt are still stored.
func TestGroupCommitIsolatesFailures(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		first := sampleReport(KindSafe, "Первый", "")
		if err := s.CreateReport(ctx, first); err != nil {
			t.Fatal(err)
		}
		const n = 40
		errs := make([]error, n)
		reports := make([]*Report, n)
		var wg sync.WaitGroup
		for i := 0; i < n; i++ {
			reports[i] = sampleReport(KindSafe, fmt.Sprintf("Человек %d", i), "")
			if i == n/2 {
				reports[i].ID = first.ID // collides
			}
			wg.Add(1)
			go func(i int) {
				defer wg.Done()
				errs[i] = s.CreateReport(ctx, reports[i])
			}(i)
		}
		wg.Wait()
		for i, err := range errs {
			if (err != nil) != (i == n/2) {
				t.Errorf("report %d: err %v", i, err)
			}
			if i != n/2 {
				if _, err := s.GetReport(ctx, reports[i].ID); err != nil {
					t.Errorf("report %d acknowledged but not stored: %v", i, err)
				}
			}
		}
		evs, _ := s.EventsAfter(ctx, 0, 1000)
		if len(evs) != n { // first + n-1 good ones
			t.Fatalf("events: %d, want %d", len(evs), n)
		}
	})
}
