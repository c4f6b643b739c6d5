package search

import (
	"context"
	"path/filepath"
	"testing"

	"tuys/data"
)

// A cached stored copy never outlives the commit that changed or removed
// its document, and a read racing a commit does not keep the old copy.
func TestDocCacheFollowsCommits(t *testing.T) {
	ix := tempIndex(t)
	put := func(name string, status string) {
		commitReport(t, ix, &data.Report{ID: "r1", Kind: data.KindSafe, Status: status, FullName: name, FamilyName: name})
	}
	read := func() string {
		s, ok := ix.document("r1")
		if !ok {
			return "<none>"
		}
		return s.Full
	}
	put("Жумабаев", data.StatusActive)
	if got := read(); got != "Жумабаев" || read() != got {
		t.Fatalf("first reads: %q", got)
	}
	put("Жұмабаев", data.StatusActive)
	if got := read(); got != "Жұмабаев" {
		t.Fatalf("after an update the cache served %q", got)
	}
	put("Жұмабаев", data.StatusRemoved)
	if got := read(); got != "<none>" {
		t.Fatalf("after a removal the cache served %q", got)
	}

	// A copy loaded before a commit is not kept after it.
	c := newDocCache()
	c.get("x", func() (stored, bool) {
		c.forget([]string{"x"}) // the commit lands while the old copy is read
		return stored{Full: "old"}, true
	})
	if _, ok := c.get("x", func() (stored, bool) { return stored{}, false }); ok {
		t.Fatal("a copy read across a commit was kept")
	}
}

// A fuzzy expansion of the seekers' field survives a commit of "safe"
// reports (none of its terms changed) and never one of seekers: a new
// seeker's spelling within the edit budget is found at once.
func TestFuzzyCachePerField(t *testing.T) {
	ix := tempIndex(t)
	put := func(id string, kind data.Kind, name string) {
		commitReport(t, ix, &data.Report{ID: id, Kind: kind, Status: data.StatusActive, FullName: name, FamilyName: name})
	}
	key := wordIndexKeys("Жумабаев")[0]
	expand := func() []string {
		terms, err := ix.fuzzy.terms(ix, fuzzyKey{namesField(data.KindSeek), key, 1})
		if err != nil {
			t.Fatal(err)
		}
		return terms
	}
	put("s1", data.KindSeek, "Жумабаев")
	before := expand()
	put("f1", data.KindSafe, "Жумабаева")
	fk := fuzzyKey{namesField(data.KindSeek), key, 1}
	if hit, ok := ix.fuzzy.m.get(fk); !ok || hit.gen != ix.fuzzy.gens[fk.field].Load() {
		t.Fatal("a commit of a safe report emptied the seekers' cached expansion")
	}
	if got := expand(); len(got) != len(before) {
		t.Fatalf("a safe report changed the seekers' expansion: %v -> %v", before, got)
	}
	put("s2", data.KindSeek, "Жумабаева")
	if got := expand(); len(got) <= len(before) {
		t.Fatalf("a new seeker's spelling is missing from the expansion after its commit: %v -> %v", before, got)
	}
}

// tempIndex is an empty index in a temporary directory, closed after t.
func tempIndex(t testing.TB) *Index {
	ix, err := OpenIndex(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return ix
}

// commitReport indexes r alone in one batch and commits it.
func commitReport(t testing.TB, ix *Index, r *data.Report) {
	b := ix.NewBatch()
	if err := b.Put(r, 1); err != nil {
		t.Fatal(err)
	}
	if err := ix.Commit(context.Background(), b, 1); err != nil {
		t.Fatal(err)
	}
}
