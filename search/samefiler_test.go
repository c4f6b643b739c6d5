package search

import (
	"context"
	"testing"

	"tuys/data"
)

// Both sides of a pair filed from one network (the pattern of an attacker
// who spent the SMS budget on pairs with numbers of its choosing) match
// only through a volunteer: review, no SMS. From two networks, or without
// a tag (SMS, console, imports), the same pair is automatic.
func TestPairFromOneNetworkGoesToReview(t *testing.T) {
	for _, tc := range []struct {
		name             string
		seekTag, safeTag string
		want             string
	}{
		{"one network", "net-a", "net-a", data.MatchReview},
		{"two networks", "net-a", "net-b", data.MatchAutoConfirmed},
		{"no tags", "", "", data.MatchAutoConfirmed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			store := openTestStore(t)
			composed := 0
			composer := func(context.Context, data.Match, *data.Report, *data.Report) ([]data.Message, []data.Consent, error) {
				composed++
				return nil, nil, nil
			}
			eng, _ := newTestEngine(t, store, Options{Composer: composer})
			seek := &data.Report{Kind: data.KindSeek, FullName: "Жумабаев Ерлан", Sex: "M", BirthYear: 1985, City: "Алматы",
				ContactPhone: "+77011234567", FilerTag: tc.seekTag}
			safe := &data.Report{Kind: data.KindSafe, FullName: "Zhumabayev Yerlan", Sex: "M", BirthYear: 1985, City: "Almaty",
				ContactPhone: "+77057770001", FilerTag: tc.safeTag}
			for _, r := range []*data.Report{seek, safe} {
				if err := store.CreateReport(ctx, r); err != nil {
					t.Fatal(err)
				}
			}
			if err := eng.CatchUp(ctx); err != nil {
				t.Fatal(err)
			}
			ms, err := store.MatchesForReport(ctx, seek.ID)
			if err != nil || len(ms) != 1 || ms[0].State != tc.want {
				t.Fatalf("matches %+v (%v), want one %s", ms, err, tc.want)
			}
			if (composed > 0) != (tc.want == data.MatchAutoConfirmed) {
				t.Errorf("composed %d SMS sets for a %s match", composed, tc.want)
			}
		})
	}
}
