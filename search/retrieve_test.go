package search

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"tuys/data"
)

// Retrieval finds a relative known by only one of the names, and when
// more than limit documents carry both, those outrank every partial match
// (the coordination factor).
func TestRetrieveBothNamesFirst(t *testing.T) {
	ctx := context.Background()
	ix, err := OpenIndex(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	b := ix.NewBatch()
	put := func(id, name string) {
		r := report(data.KindSafe, name, 1985, "Almaty", "M")
		r.ID = id
		if err := b.Put(r, 1); err != nil {
			t.Fatal(err)
		}
	}
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

	b = ix.NewBatch()
	for i := 0; i < 12; i++ {
		put(fmt.Sprintf("namesake-%d", i), "Жұмабаев Ерлан")
	}
	if err := ix.Commit(ctx, b, 2); err != nil {
		t.Fatal(err)
	}
	got = ids(t, ix, q, 10)
	if len(got) != 10 || got["family-only"] || got["given-only"] {
		t.Fatalf("with 12 full namesakes, want 10 of them and no partial match: %v", got)
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
