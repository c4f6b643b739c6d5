package search

import (
	"context"
	"fmt"
	"testing"

	"tuys/data"
)

// The reports of one network take part in at most three automatic matches
// a day, whether their pairs come in one batch or one by one; another
// network's pair, and reports with no network (SMS, console, imports),
// stay automatic.
func TestBusyNetworkGoesToReview(t *testing.T) {
	for _, oneByOne := range []bool{false, true} {
		t.Run(fmt.Sprintf("one by one %v", oneByOne), func(t *testing.T) {
			ctx := context.Background()
			store := openTestStore(t)
			composed := 0
			composer := func(context.Context, data.Match, *data.Report, *data.Report) ([]data.Message, []data.Consent, error) {
				composed++
				return nil, nil, nil
			}
			eng, _ := newTestEngine(t, store, Options{Composer: composer})
			names := [][2]string{{"Жумабаев Ерлан", "Zhumabayev Yerlan"}, {"Сапаров Данияр", "Saparov Daniyar"},
				{"Ким Виктор", "Kim Viktor"}, {"Оспанова Алия", "Ospanova Aliya"}, {"Иванов Сергей", "Ivanov Sergey"},
				{"Токаев Арман", "Tokayev Arman"}}
			var seeks []*data.Report
			for i, n := range names {
				tag := "net-a"
				if i == len(names)-1 {
					tag = "net-b" // another network
				}
				seek := &data.Report{Kind: data.KindSeek, FullName: n[0], Sex: "M", BirthYear: 1980 + i, City: "Алматы",
					ContactPhone: fmt.Sprintf("+7701123456%d", i), FilerTag: tag}
				safe := &data.Report{Kind: data.KindSafe, FullName: n[1], Sex: "M", BirthYear: 1980 + i, City: "Almaty",
					ContactPhone: fmt.Sprintf("+7705777000%d", i), FilerTag: tag}
				for _, r := range []*data.Report{seek, safe} {
					if err := store.CreateReport(ctx, r); err != nil {
						t.Fatal(err)
					}
				}
				if oneByOne {
					if err := eng.CatchUp(ctx); err != nil {
						t.Fatal(err)
					}
				}
				seeks = append(seeks, seek)
			}
			if err := eng.CatchUp(ctx); err != nil {
				t.Fatal(err)
			}
			var states []string
			for _, seek := range seeks {
				ms, err := store.MatchesForReport(ctx, seek.ID)
				if err != nil || len(ms) != 1 {
					t.Fatalf("%s: %d matches, %v", seek.FullName, len(ms), err)
				}
				states = append(states, ms[0].State)
			}
			want := []string{data.MatchAutoConfirmed, data.MatchAutoConfirmed, data.MatchAutoConfirmed, data.MatchReview, data.MatchReview, data.MatchAutoConfirmed}
			if fmt.Sprint(states) != fmt.Sprint(want) || composed != 4 {
				t.Errorf("states %v (%d composed), want %v (4)", states, composed, want)
			}
		})
	}
}

// Deleting the pairs does not start a network's count again: a pumper
// filed a pair, waited for its SMS, deleted both reports and filed the
// next (an attacker's trial).
func TestRemovedPairsStillCountForTheirNetwork(t *testing.T) {
	ctx := context.Background()
	store := openTestStore(t)
	eng, _ := newTestEngine(t, store, Options{Composer: func(context.Context, data.Match, *data.Report, *data.Report) ([]data.Message, []data.Consent, error) {
		return nil, nil, nil
	}})
	names := [][2]string{{"Жумабаев Ерлан", "Zhumabayev Yerlan"}, {"Сапаров Данияр", "Saparov Daniyar"},
		{"Ким Виктор", "Kim Viktor"}, {"Оспанова Алия", "Ospanova Aliya"}}
	var last string
	for i, n := range names {
		seek := &data.Report{Kind: data.KindSeek, FullName: n[0], Sex: "M", BirthYear: 1980 + i, City: "Алматы", ContactPhone: fmt.Sprintf("+7701123456%d", i), FilerTag: "net-a"}
		safe := &data.Report{Kind: data.KindSafe, FullName: n[1], Sex: "M", BirthYear: 1980 + i, City: "Almaty", ContactPhone: fmt.Sprintf("+7705777000%d", i), FilerTag: "net-a"}
		for _, r := range []*data.Report{seek, safe} {
			if err := store.CreateReport(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		if err := eng.CatchUp(ctx); err != nil {
			t.Fatal(err)
		}
		ms, err := store.MatchesForReport(ctx, seek.ID)
		if err != nil || len(ms) != 1 {
			t.Fatalf("pair %d: %d matches, %v", i, len(ms), err)
		}
		last = ms[0].State
		if i < len(names)-1 {
			for _, r := range []*data.Report{seek, safe} {
				if err := store.RemoveReport(ctx, r.ID); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if last != data.MatchReview {
		t.Errorf("the fourth pair of a network whose three were deleted is %s, want review", last)
	}
}
