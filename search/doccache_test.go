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
	ctx := context.Background()
	ix, err := OpenIndex(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	put := func(name string, status string) {
		b := ix.NewBatch()
		r := &data.Report{ID: "r1", Kind: data.KindSafe, Status: status, FullName: name, FamilyName: name}
		if err := b.Put(r, 1); err != nil {
			t.Fatal(err)
		}
		if err := ix.Commit(ctx, b, 1); err != nil {
			t.Fatal(err)
		}
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
	c.get("x", func() (stored, string, bool) {
		c.forget([]string{"x"}) // the commit lands while the old copy is read
		return stored{Full: "old"}, "old", true
	})
	if _, _, ok := c.get("x", func() (stored, string, bool) { return stored{}, "", false }); ok {
		t.Fatal("a copy read across a commit was kept")
	}
}
