package notify

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"tuys/data"
	"tuys/search"
)

// A family that files twice (the same phone, name and relation) hears
// the news once, and the found person is asked once, with one code: the
// later reports' matches send nothing, in one batch of the matcher or in
// the next. Another name on the same phone is another seeker, asked on
// its own: a phone is typed, not proven, and whoever typed a family's
// number must not silence that family's own request.
func TestFamilyFilingTwiceIsToldOnce(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	comp := newTestComposer(t, st)
	ix, err := search.OpenIndex(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	eng := search.NewEngine(st, ix, search.Options{Composer: comp.MatchConfirmed})
	const mother, found = "+77011234567", "+77029876543"
	seek := func(contact, relation string) *data.Report {
		return &data.Report{Kind: data.KindSeek, FullName: "Жумабаев Ерлан", BirthYear: 1985, City: "Алматы", Sex: "M",
			ContactName: contact, ContactPhone: mother, Relation: relation, Language: "ru", Channel: data.ChannelWeb}
	}
	safe := &data.Report{Kind: data.KindSafe, FullName: "Zhumabayev Yerlan", BirthYear: 1985, City: "Almaty", Sex: "M",
		ContactPhone: found, Language: "kk", Channel: data.ChannelWeb}
	file := func(rs ...*data.Report) {
		t.Helper()
		for _, r := range rs {
			if err := st.CreateReport(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		if err := eng.CatchUp(ctx); err != nil {
			t.Fatal(err)
		}
	}
	// The first report, its copy typed again with other spacing and case,
	// and the safe report, in one batch; then the same again, later; then
	// a report with another name on the same phone.
	file(seek("Гульнара", "mother"), seek(" гульнара ", "mother"), safe)
	file(seek("Гульнара", "mother"))
	file(seek("Асель", "sister"))

	ms, err := st.MatchesForReport(ctx, safe.ID)
	if err != nil {
		t.Fatal(err)
	}
	told := map[string]int{} // by recipient and purpose
	confirmed := 0
	for _, m := range ms {
		if m.Confirmed() {
			confirmed++
		}
		msgs, err := st.MessagesForMatch(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range msgs {
			told[x.To+" "+x.Key[strings.LastIndex(x.Key, ":")+1:]]++
		}
	}
	if confirmed != 4 {
		t.Fatalf("%d confirmed matches, want all 4 (the test would prove nothing)", confirmed)
	}
	want := map[string]int{mother + " seeker": 2, found + " found": 2} // Гульнара once, Асель once
	for k, n := range want {
		if told[k] != n {
			t.Errorf("%s: %d SMS, want %d (all: %v)", k, told[k], n, told)
		}
	}
	pending, err := st.PendingConsents(ctx, found)
	if err != nil || len(pending) != 2 {
		t.Errorf("the found person has %d requests pending (%v), want 2: one per seeker", len(pending), err)
	}
}
