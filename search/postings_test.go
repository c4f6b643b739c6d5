package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"tuys/data"
)

// retrievedIDs is what retrieval finds for name among reports of kind.
func retrievedIDs(t *testing.T, ix *Index, name string, kind data.Kind) []string {
	t.Helper()
	q := PersonFromReport(&data.Report{FullName: name})
	cands, err := ix.retrieve(context.Background(), q, kind, 30)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, c := range cands {
		ids = append(ids, c.s.ID)
	}
	return ids
}

// The in-memory keys follow every commit (new, changed, closed, removed
// reports) and a reopened index holds the same keys as the one closed.
func TestPostingsFollowCommitsAndReopen(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	ix, err := OpenIndex(dir)
	if err != nil {
		t.Fatal(err)
	}
	put := func(id string, kind data.Kind, status, name string) {
		commitReport(t, ix, &data.Report{ID: id, Kind: kind, Status: status, FullName: name})
	}
	put("a", data.KindSafe, data.StatusActive, "Жұмабаев Ерлан")
	put("b", data.KindSafe, data.StatusActive, "Zhumabayev Yerlan")
	put("c", data.KindSeek, data.StatusActive, "Jumabaev Erlan")
	put("d", data.KindSafe, data.StatusActive, "Иванов Пётр")
	put("e", data.KindSafe, data.StatusActive, "Сидоров Иван")
	put("e", data.KindSafe, data.StatusActive, "Жумабаев Ерлан") // corrected name
	put("d", data.KindSafe, data.StatusFound, "Иванов Пётр")     // no longer looked for
	put("b", data.KindSafe, data.StatusRemoved, "")

	want := map[string][]string{"Jumabaev Erlan": {"a", "e"}, "Ivanov Pyotr": nil, "Sidorov Ivan": nil}
	check := func(ix *Index, when string) {
		for name, ids := range want {
			got := retrievedIDs(t, ix, name, data.KindSafe)
			slices.Sort(got)
			if !slices.Equal(got, ids) {
				t.Errorf("%s: %q retrieved %v, want %v", when, name, got, ids)
			}
		}
		if got := retrievedIDs(t, ix, "Жумабаев Ерлан", data.KindSeek); !slices.Equal(got, []string{"c"}) {
			t.Errorf("%s: seekers retrieved %v, want [c]", when, got)
		}
		if got := retrievedIDs(t, ix, "Жумабаев Ерлан", ""); len(got) != 3 {
			t.Errorf("%s: both kinds retrieved %v, want a, c, e", when, got)
		}
	}
	check(ix, "after commits")
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	if ix, err = OpenIndex(dir); err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if n := ix.keys.size(); n != 3 {
		t.Errorf("reopened index holds keys of %d reports, want 3 active", n)
	}
	check(ix, "after reopening")
}

// Many updates leave dead numbers behind; the sweep drops them from the
// lists without changing what is retrieved.
func TestPostingsSweep(t *testing.T) {
	p := newPostings()
	var ops []postingOp
	for i := range 30000 {
		ops = append(ops, postingOp{id: "same", kind: data.KindSafe, names: "Ахметов Ерлан"})
		if i%2 == 0 {
			ops = append(ops, postingOp{id: "other", kind: data.KindSafe, names: "Ахметов Бауыржан"})
		}
	}
	p.apply(ops)
	if p.size() != 2 {
		t.Fatalf("size %d, want 2", p.size())
	}
	keys, _ := docKeys("Ахметов")
	if l := p.lists[listKey(namesField(data.KindSafe), keys[0])]; len(l) > 10000 {
		t.Errorf("a key's list holds %d numbers for 2 reports: dead numbers not swept", len(l))
	}
	if len(p.ids) > 10000 {
		t.Errorf("%d doc numbers held for 2 reports: the sweep did not renumber", len(p.ids))
	}
	for d, id := range p.ids { // the gone bitmap follows removals, additions and the sweep
		if p.live(uint32(d)) != (id != "") {
			t.Fatalf("doc %d (id %q): live %v", d, id, p.live(uint32(d)))
		}
	}
	hits := p.top([]data.Kind{data.KindSafe}, [][]wordGroup{{{boost: 1, exact: keys[:1]}}}, nil, 10)
	if len(hits) != 2 || hits[0].id != "other" || hits[1].id != "same" {
		t.Errorf("hits %v, want other and same, tied, by id", hits)
	}
}

// The bounded heap keeps exactly the best hits, whatever the order they
// come in, ties included.
func TestHitHeapKeepsTheBest(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		var all []hit
		for i := range rng.IntN(300) {
			all = append(all, hit{doc: uint32(i), score: float64(rng.IntN(8))})
		}
		k := 1 + rng.IntN(40)
		h := hitHeap(make([]hit, 0, k))
		for _, x := range all {
			h.offer(x)
		}
		slices.SortFunc(all, func(a, b hit) int {
			if better(a, b) {
				return -1
			}
			return 1
		})
		got := []hit(h)
		slices.SortFunc(got, func(a, b hit) int {
			if better(a, b) {
				return -1
			}
			return 1
		})
		if want := all[:min(k, len(all))]; !slices.Equal(got, want) {
			t.Fatalf("round %d: kept %v, want %v", round, got, want)
		}
	}
}

// TestTiedNamesakesWrittenLikeTheQueryFirst: more namesakes tie than the
// cut keeps; the one written like the query (German w, indexed last) is
// still retrieved, and the search ranks it first.
func TestTiedNamesakesWrittenLikeTheQueryFirst(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	eng, ix := newTestEngine(t, st, Options{})
	var rs []*data.Report
	for i := 0; i < 3*30*tieDepth; i++ {
		rs = append(rs, report(data.KindSafe, "Sadykbekov Amir", 0, "", ""))
	}
	own := report(data.KindSafe, "Sadykbekow Amir", 0, "", "")
	rs = append(rs, own)
	if err := st.CreateReports(ctx, rs); err != nil {
		t.Fatal(err)
	}
	if err := eng.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if got := retrievedIDs(t, ix, "Ssadykbekow Amir", data.KindSafe); !slices.Contains(got, own.ID) {
		t.Errorf("the report written like the query was cut among %d tied namesakes", len(got))
	}
	res, err := eng.Search(ctx, Query{Name: "Ssadykbekow Amir", Limit: 10})
	if err != nil || len(res) == 0 || res[0].ReportID != own.ID {
		t.Errorf("first hit %+v, want the report written like the query (%s), %v", res[:min(1, len(res))], own.ID, err)
	}
	if got := retrievedIDs(t, ix, "Sadykbekov Amir", data.KindSafe); slices.Contains(got[:10], own.ID) {
		t.Errorf("the other spelling came before the reports written like the query")
	}
}

// TestTieBreakLeavesGoneReportsOut: among tied namesakes, the reports
// written like the query come first, but not one that has left since it
// was listed (its doc number still in the lists, its id gone).
func TestTieBreakLeavesGoneReportsOut(t *testing.T) {
	p := newPostings()
	const docs, limit = 500, 10
	var same, written []uint32
	p.ids = make([]string, docs)
	for d := range uint32(docs) {
		p.ids[d] = fmt.Sprintf("r%d", d)
		same = append(same, d)
		if d%50 == 7 { // ten written like the query
			written = append(written, d)
		}
	}
	gone := written[:3]
	for _, d := range gone {
		p.ids[d] = ""
	}
	syncGone(p)
	p.lists[listKey(namesField(data.KindSafe), "k")] = same
	p.lists[listKey(writtenField(data.KindSafe), "w")] = written
	hits := p.top([]data.Kind{data.KindSafe}, [][]wordGroup{{{boost: 1, exact: []string{"k"}}}}, []string{"w"}, limit)
	var got []uint32
	for _, h := range hits {
		if h.id == "" || slices.Contains(gone, h.doc) {
			t.Fatalf("a report that left is a hit: %+v", h)
		}
		got = append(got, h.doc)
	}
	if want := written[3:]; !slices.Equal(got[:len(want)], want) {
		t.Errorf("hits %v: want the %d live reports written like the query first, %v", got, len(want), want)
	}
}

// syncGone sets p's gone bitmap from p.ids, for tests that fill the ids
// and lists by hand ("" is a report that left).
func syncGone(p *postings) {
	p.gone = make([]uint64, (len(p.ids)+63)/64)
	for d, id := range p.ids {
		if id == "" {
			p.gone[d/64] |= 1 << (d % 64)
		}
	}
}

// A big batch is prepared on every core (prepareOps); the lists, their
// order and the vocabulary are those of the same reports added one at a
// time, including a report replaced and one removed within the batch.
func TestParallelPrepareEqualsOneByOne(t *testing.T) {
	rs := NewSynth(5).Reports(3 * prepareAlone)
	var ops []postingOp
	for i, r := range rs {
		r.ID = fmt.Sprintf("r%04d", i)
		ops = append(ops, postingOp{id: r.ID, kind: r.Kind, report: r})
	}
	ops = append(ops, postingOp{id: rs[7].ID}, postingOp{id: rs[9].ID, kind: rs[9].Kind, names: "Ахметов Ерлан"})
	one := newPostings()
	for _, op := range ops {
		one.apply([]postingOp{op})
	}
	all := newPostings()
	all.apply(ops)
	if !reflect.DeepEqual(one.lists, all.lists) || !reflect.DeepEqual(one.ids, all.ids) || !reflect.DeepEqual(one.vocab, all.vocab) {
		t.Errorf("a batch prepared in parallel holds other lists than the same reports one by one")
	}
	if len(all.lists) == 0 || all.size() != len(rs)-1 {
		t.Errorf("%d lists, %d reports; want lists and %d reports", len(all.lists), all.size(), len(rs)-1)
	}
}
