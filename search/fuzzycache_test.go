package search

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"tuys/data"
)

// near finds the indexed keys near a key, whatever the commit that added them,
// and nothing beyond the budget or outside the prefix.
func TestNearKeys(t *testing.T) {
	ctx := context.Background()
	ix, err := OpenIndex(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for i, names := range [][]string{{"zhumabaev", "zhumabaeva"}, {"zhumabai", "jumabaev"}, {"zhanabaev", "zhumagulov"}} {
		b := ix.NewBatch()
		for _, n := range names {
			r := report(data.KindSafe, n, 1980, "", "")
			r.ID = n
			if err := b.Put(r, int64(i+1)); err != nil {
				t.Fatal(err)
			}
		}
		if err := ix.Commit(ctx, b, int64(i+1)); err != nil { // one segment per commit
			t.Fatal(err)
		}
	}
	key := Skeleton("zhumabaev")
	terms := ix.keys.near(namesField(data.KindSafe), key, 2)
	for _, want := range []string{"zhumabaev", "zhumabaeva", "zhumabai"} {
		if k := Skeleton(want); !slices.Contains(terms, k) {
			t.Errorf("missing %q (key %q) in %v", want, k, terms)
		}
	}
	for _, term := range terms {
		if levenshtein(key, term, 2) > 2 || term[0] != key[0] {
			t.Errorf("%q is beyond the budget or the prefix of %q", term, key)
		}
	}
	if none := ix.keys.near(namesField(data.KindSeek), key, 2); len(none) != 0 {
		t.Errorf("other kind's field: %v", none)
	}
}

// A cached expansion is not served after a commit adds a near term.
func TestFuzzyCacheSeesNewTerms(t *testing.T) {
	ctx := context.Background()
	ix, err := OpenIndex(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	field, key := namesField(data.KindSafe), Skeleton("zhumabaev")
	put := func(id, name string) {
		b := ix.NewBatch()
		r := report(data.KindSafe, name, 1980, "", "")
		r.ID = id
		if err := b.Put(r, 1); err != nil {
			t.Fatal(err)
		}
		if err := ix.Commit(ctx, b, 1); err != nil {
			t.Fatal(err)
		}
	}
	put("a", "zhumabaev")
	for i := 0; i < 2; i++ { // the second call is served from the cache
		if terms, err := ix.fuzzy.terms(ix, fuzzyKey{field, key, 2}); err != nil || len(terms) != 1 {
			t.Fatalf("before: %v %v", terms, err)
		}
	}
	put("b", "zhumabaeva")
	terms, err := ix.fuzzy.terms(ix, fuzzyKey{field, key, 2})
	if err != nil || !slices.Contains(terms, Skeleton("zhumabaeva")) {
		t.Fatalf("after a commit the expansion misses the new term: %v %v", terms, err)
	}
}
