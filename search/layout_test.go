package search

import (
	"context"
	"testing"

	"tuys/data"
)

func TestOnRussianKeys(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Oerby Fhn`v", "Щукин Артём"},
		{"Ghbnekf Cntgfy", "Притула Степан"},
		{"ifhbgjd ,jkfn", "шарипов болат"},
		{"Ntktuevf-Rfhfuekjdf", "Телегума-Карагулова"},
	} {
		if got, ok := onRussianKeys(c.in); !ok || got != c.want {
			t.Errorf("onRussianKeys(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
	for _, in := range []string{"Жумабаев", "Ivanov 8701", "Ivanov!"} {
		if got, ok := onRussianKeys(in); ok {
			t.Errorf("onRussianKeys(%q) = %q, want none", in, got)
		}
	}
}

// A name typed with the keyboard on its Latin layout finds the person; a
// Latin name that finds someone is not read again, and one that finds no
// one stays as typed when the other reading finds no one either.
func TestSearchOnTheWrongLayout(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	eng, _ := newTestEngine(t, st, Options{})
	for _, r := range []*data.Report{
		report(data.KindSafe, "Щукин Артём", 1984, "Алматы", "M"),
		report(data.KindSafe, "Ivanov Oleg", 1970, "Almaty", "M"),
	} {
		if err := st.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := eng.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ q, want string }{
		{"Oerby Fhn`v", "Щукин Артём"},
		{"ofrby fhntv", "Щукин Артём"},
		{"Ivanov Oleg", "Ivanov Oleg"},
	} {
		res, err := eng.Search(ctx, Query{Name: c.q})
		if err != nil || len(res) == 0 || res[0].Report == nil || res[0].Report.FullName != c.want {
			t.Errorf("Search(%q): %+v %v, want %s first", c.q, res, err, c.want)
		}
	}
	if res, _ := eng.Search(ctx, Query{Name: "Zzzzz Qqqqq"}); best(res) >= DefaultThresholds.Review {
		t.Errorf("a name no one has: %+v", res)
	}
}
