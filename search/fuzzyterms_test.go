package search

import (
	"context"
	"math/rand"
	"path/filepath"
	"slices"
	"testing"

	"tuys/data"
)

// The lazy automaton accepts exactly the strings within max edits.
func TestLevAutomatonAgreesWithLevenshtein(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	word := func() string {
		b := make([]byte, rng.Intn(9))
		for i := range b {
			b[i] = "abcde"[rng.Intn(5)]
		}
		return string(b)
	}
	for i := 0; i < 20000; i++ {
		key, s, max := word(), word(), 1+rng.Intn(2)
		a := newLevAutomaton(key, max)
		st := a.Start()
		for j := 0; j < len(s) && a.CanMatch(st); j++ {
			st = a.Accept(st, s[j])
		}
		got := a.IsMatch(st)
		if want := levenshtein(key, s, max) <= max; got != want {
			t.Fatalf("key %q, %q, max %d: automaton %v, levenshtein %v", key, s, max, got, want)
		}
	}
}

// fuzzyTerms finds the indexed keys near a key across shards and segments,
// and nothing beyond the budget or outside the prefix.
func TestFuzzyTerms(t *testing.T) {
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
	terms, err := ix.fuzzyTerms(namesField(data.KindSafe), key, 2, 1)
	if err != nil {
		t.Fatal(err)
	}
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
	if none, _ := ix.fuzzyTerms(namesField(data.KindSeek), key, 2, 1); len(none) != 0 {
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
		if terms, err := ix.fuzzy.terms(ix, fuzzyKey{field, key, 2, 1}); err != nil || len(terms) != 1 {
			t.Fatalf("before: %v %v", terms, err)
		}
	}
	put("b", "zhumabaeva")
	terms, err := ix.fuzzy.terms(ix, fuzzyKey{field, key, 2, 1})
	if err != nil || !slices.Contains(terms, Skeleton("zhumabaeva")) {
		t.Fatalf("after a commit the expansion misses the new term: %v %v", terms, err)
	}
}
