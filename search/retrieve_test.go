package search

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"tuys/data"
)

// Retrieval finds a relative known by only one of the names, and when
// more than limit documents carry both, those outrank every partial match
// (the coordination factor); candidates tied at the cut all come (up to
// tieDepth times the limit).
func TestRetrieveBothNamesFirst(t *testing.T) {
	ctx := context.Background()
	ix, b, put := retrieveIndex(t, "Almaty", "M")
	put("family-only", "Жумабаев Серик")
	put("given-only", "Ахметов Ерлан")
	put("other", "Seitkali Dana")
	if err := ix.Commit(ctx, b, 1); err != nil {
		t.Fatal(err)
	}
	q := PersonFromReport(report(data.KindSeek, "Zhumabayev Yerlan", 1985, "", ""))
	got := ids(t, ix, q, 10)
	if !got["family-only"] || !got["given-only"] || got["other"] {
		t.Fatalf("with no document carrying both names, want both partial matches and not the stranger: %v", got)
	}

	*b = *ix.NewBatch()
	for i := 0; i < 12; i++ {
		put(fmt.Sprintf("namesake-%d", i), "Жұмабаев Ерлан")
	}
	if err := ix.Commit(ctx, b, 2); err != nil {
		t.Fatal(err)
	}
	got = ids(t, ix, q, 10)
	if len(got) != 12 || got["family-only"] || got["given-only"] {
		t.Fatalf("with 12 full namesakes tied at the cut of 10, want all 12 (the depth adapts to ties) and no partial match: %v", got)
	}
}

// retrieveIndex opens an empty index for t and returns a batch and a
// function that puts a safe report born in 1985 into it.
func retrieveIndex(t *testing.T, city, sex string) (*Index, *Batch, func(id, name string)) {
	t.Helper()
	ix, err := OpenIndex(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	b := ix.NewBatch()
	return ix, b, func(id, name string) {
		r := report(data.KindSafe, name, 1985, city, sex)
		r.ID = id
		if err := b.Put(r, 1); err != nil {
			t.Fatal(err)
		}
	}
}

func ids(t *testing.T, ix *Index, q *Person, limit int) map[string]bool {
	t.Helper()
	cands, err := ix.retrieve(context.Background(), q, data.KindSafe, limit)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for _, c := range cands {
		out[c.s.ID] = true
	}
	return out
}

// One word counts once: a document whose spelling has two keys per word
// (German j) does not outrank the same person written in Cyrillic, and
// an edit in the first letter (Ыкова for Быкова, Venisov for Denisov)
// still finds the person.
func TestRetrieveWordCountsOnce(t *testing.T) {
	ctx := context.Background()
	ix, b, put := retrieveIndex(t, "", "")
	put("person", "Быкова Елена")
	put("person2", "Денисов Галым Ғалымұлы")
	for i := 0; i < 40; i++ {
		put(fmt.Sprintf("german-%02d", i), "Jelena Bykowa")
		put(fmt.Sprintf("denis-%02d", i), fmt.Sprintf("Denisow Galym Galymowitsch%c", 'a'+i%20))
	}
	if err := ix.Commit(ctx, b, 1); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ q, want string }{
		{"Jelena Bykowa", "person"},
		{"Ыкова Елена", "person"},
		{"Venisov Galym Galymovich", "person2"},
	} {
		q := PersonFromReport(report(data.KindSeek, c.q, 1985, "", ""))
		if got := ids(t, ix, q, 30); !got[c.want] {
			t.Errorf("%s: %s not among the candidates", c.q, c.want)
		}
	}
}

// TestThreeLetterTypoFoundInSecondPass: a three-letter name with an edit
// (Kin for Kim) finds its person among many who share the other name,
// once the name as written finds nobody.
func TestThreeLetterTypoFoundInSecondPass(t *testing.T) {
	var rs []*data.Report
	for i := 0; i < 200; i++ {
		rs = append(rs, report(data.KindSafe, fmt.Sprintf("Viktor %s", []string{"Ivanov", "Petrov", "Sidorov", "Pak", "Li"}[i%5]), 1970+i%30, "", "M"))
	}
	kim := report(data.KindSafe, "Kim Viktor", 1980, "", "M")
	ix := indexed(t, append(rs, kim)...)
	if got := retrievedIDs(t, ix, "Kin Viktor", data.KindSafe); !slices.Contains(got, kim.ID) {
		t.Errorf("Kin Viktor did not retrieve Kim Viktor among %d", len(got))
	}
}

// TestFirstLetterEditBesideAFullMatch: Amir typed for Damir finds Damir
// even when one Amir of that family exists and fills the first place: the
// name as written did not fill every candidate place, so the first-letter
// keys are walked too (else Damir ties with every other given name of the
// family and is cut), and among the sixty as near as Damir, his rare
// spelling of the family counts for more than their common Amir.
func TestFirstLetterEditBesideAFullMatch(t *testing.T) {
	rs := []*data.Report{report(data.KindSafe, "Sadykbekov Amir", 1990, "", "M")}
	for i := 0; i < 60; i++ {
		rs = append(rs, report(data.KindSafe, "Sadykbekov "+[]string{"Nurlan", "Erlan", "Aidos", "Marat", "Timur", "Ruslan"}[i%6], 1950+i, "", "M"),
			// as near as Damir: a family one edit away, the given name as typed
			report(data.KindSafe, "Sadybekov Amir", 1950+i, "", "M"))
	}
	damir := report(data.KindSafe, "Ssadykbekow Damir", 2000, "", "M")
	ix := indexed(t, append(rs, damir)...)
	if got := retrievedIDs(t, ix, "Ssadykbekow Amir", data.KindSafe); !slices.Contains(got, damir.ID) {
		t.Errorf("Ssadykbekow Amir did not retrieve Ssadykbekow Damir among %d", len(got))
	}
}

// indexed files rs into a fresh store and returns the index once the
// engine has caught up with them.
func indexed(t *testing.T, rs ...*data.Report) *Index {
	t.Helper()
	st := openTestStore(t)
	eng, ix := newTestEngine(t, st, Options{})
	if err := st.CreateReports(context.Background(), rs); err != nil {
		t.Fatal(err)
	}
	if err := eng.CatchUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	return ix
}

// TestMostFullBoundsTheFullHits: the first retrieval pass is skipped when
// mostFull says fewer than limit reports can carry every word exactly, so
// it must never count fewer than there are: across generated names in
// every spelling, namesakes, typos and both kinds, the reports that
// reach the full score are at most the bound.
func TestMostFullBoundsTheFullHits(t *testing.T) {
	syn := NewSynth(11)
	var rs []*data.Report
	for i := 0; i < 2500; i++ {
		r := syn.Report()
		if i%2 == 0 {
			r.Kind = data.KindSeek
		}
		rs = append(rs, r)
	}
	for i := 0; i < 45; i++ { // namesakes enough to fill the first pass
		rs = append(rs, report([]data.Kind{data.KindSafe, data.KindSeek}[i%2], []string{"Петров Нурдаулет", "Petrov Nurdaulet", "Петров Нұрдәулет Федорұлы"}[i%3], 1950+i, "", "M"))
	}
	for i := 0; i < 60; i++ { // a rarer word under two keys (Jelena: zhelena and elena), its reports in both lists in turn
		rs = append(rs, report(data.KindSafe, []string{"Быкова Елена", "Jelena Bykova"}[i%2], 1950+i, "", "F"),
			report(data.KindSafe, "Быкова "+[]string{"Айгуль", "Мария", "Асель"}[i%3], 1950+i, "", "F"))
	}
	ix := indexed(t, rs...)
	queries := []string{"Jelena Bykova", "Петров Нурдаулет", "Petrov Nurdaulet Fedoruly", "Петров Нурдаулт", "Нурдаулет Нурдаулет", "Петров"}
	for _, r := range rs[:600] {
		queries = append(queries, r.FullName, strings.Replace(r.FullName, "а", "о", 1), strings.ToLower(r.FullName))
	}
	skipped, filled := 0, 0
	for _, text := range queries {
		q := PersonFromReport(&data.Report{FullName: text})
		for _, kinds := range [][]data.Kind{{data.KindSafe}, {data.KindSeek}, {data.KindSeek, data.KindSafe}} {
			perKind, err := ix.groupsOf(q, kinds, false) // the first pass's
			if err != nil {
				t.Fatal(err)
			}
			wide, err := ix.groupsOf(q, kinds, true) // the bound reads the second's, as retrieve does
			if err != nil {
				t.Fatal(err)
			}
			full, all := 0, fullScore(q)-1e-9
			for _, h := range ix.keys.top(kinds, perKind, q.written, 5000) {
				if h.score >= all {
					full++
				}
			}
			// Asked up to full itself, the bound must reach it: else a pass
			// with limit full would be skipped although it fills.
			for _, limit := range []int{max(full, 1), defaultCandidates} {
				bound := ix.keys.mostFull(kinds, wide, wordCount(q), limit)
				if bound < limit && full > bound {
					t.Fatalf("%q in %v: %d reports carry every word exactly, mostFull up to %d says %d", text, kinds, full, limit, bound)
				}
				if limit == defaultCandidates && bound < limit {
					skipped++
				}
			}
			if full >= defaultCandidates {
				filled++
			}
		}
	}
	if skipped == 0 || filled == 0 {
		t.Fatalf("the queries did not reach both sides: %d skipped the first pass, %d filled it", skipped, filled)
	}
}
