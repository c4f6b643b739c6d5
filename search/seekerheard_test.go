package search

import (
	"context"
	"testing"

	"tuys/data"
)

// A family told of an impostor's "safe" report, which the impostor then
// deleted, hears of the real person's report that follows: a removed
// report's match is no news the family already has (an attacker's
// trial, 2026-12-07).
func TestSeekerHearsAgainAfterTheToldReportWasRemoved(t *testing.T) {
	ctx := context.Background()
	store := openTestStore(t)
	var knows []bool
	composer := func(_ context.Context, m data.Match, seek, safe *data.Report) ([]data.Message, []data.Consent, error) {
		knows = append(knows, m.SeekerKnows)
		return nil, nil, nil
	}
	eng, _ := newTestEngine(t, store, Options{Composer: composer})
	file := func(r *data.Report) {
		t.Helper()
		if err := store.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
		if err := eng.CatchUp(ctx); err != nil {
			t.Fatal(err)
		}
	}
	safe := func(phone string) *data.Report {
		return &data.Report{Kind: data.KindSafe, FullName: "Zhumabayev Yerlan", Sex: "M", BirthYear: 1985, City: "Almaty", ContactPhone: phone}
	}
	file(&data.Report{Kind: data.KindSeek, FullName: "Жумабаев Ерлан", Sex: "M", BirthYear: 1985, City: "Алматы", ContactPhone: "+77011234567"})
	impostor := safe("+77059000001")
	file(impostor)
	if err := store.RemoveReport(ctx, impostor.ID); err != nil {
		t.Fatal(err)
	}
	file(safe("+77057770001"))
	if len(knows) != 2 || knows[0] || knows[1] {
		t.Fatalf("SeekerKnows of the impostor's match, then of the real one: %v, want [false false]", knows)
	}
}
