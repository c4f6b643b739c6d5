package search

import (
	"context"
	"strings"
	"testing"

	"tuys/data"
)

// TestVerifiedMatchIsAutomaticAndPrivate: a safe report filed from the
// number the seeker gave is decided automatically, across a spelling
// difference that alone needs a volunteer; the public explanation and
// score do not show it (they would answer "is this their number?").
func TestVerifiedMatchIsAutomaticAndPrivate(t *testing.T) {
	ctx := context.Background()
	var controlScore float64
	for _, knows := range []bool{false, true} {
		st := openTestStore(t)
		eng, _ := newTestEngine(t, st, Options{})
		seek := report(data.KindSeek, "Сейтказиева Гульжанат", 1977, "Алматы", "F")
		seek.ContactPhone = "+77011112233"
		if knows {
			seek.SoughtPhone = "+77055554433"
		}
		safe := report(data.KindSafe, "Seitkali Gulzhanat", 1977, "Almaty", "F")
		safe.ContactPhone = "+77055554433"
		for _, r := range []*data.Report{seek, safe} {
			if err := st.CreateReport(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		if err := eng.CatchUp(ctx); err != nil {
			t.Fatal(err)
		}
		ms, err := st.MatchesForReport(ctx, seek.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !knows {
			if len(ms) == 1 {
				controlScore = ms[0].Score
			}
			if len(ms) == 1 && ms[0].State == data.MatchAutoConfirmed {
				t.Fatalf("control: the pair is automatic without the number (%+v): pick names further apart", ms[0])
			}
			continue
		}
		if len(ms) != 1 || ms[0].State != data.MatchAutoConfirmed || !strings.Contains(ms[0].Explanation, FieldVerified) {
			t.Fatalf("verified pair: %+v", ms)
		}
		for _, l := range StoredLines(ms[0].Explanation, false, English) {
			if strings.Contains(l, "number") || strings.Contains(l, "phone") {
				t.Errorf("public explanation mentions the number: %q", l)
			}
		}
		if controlScore == 0 || ms[0].Score != controlScore {
			t.Errorf("the score moved with the number: %v verified, %v not", ms[0].Score, controlScore)
		}
	}
}
