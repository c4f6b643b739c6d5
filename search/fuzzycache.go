package search

import (
	"fmt"
	"sync/atomic"

	"tuys/data"
)

// fuzzyCache keeps term expansions until the index's terms change: the
// matcher judges a whole batch of reports against one state of the index,
// and names repeat (namesakes, common given names), so most expansions in
// a batch or a bulk catch-up are asked for more than once. Each field has
// its own generation: an import of "safe" reports changes no term of the
// seekers' field, whose expansions are what matching those reports asks for.
type fuzzyCache struct {
	gens map[string]*atomic.Uint64 // per field, bumped after every commit that adds a key new to it
	m    *boundedCache[fuzzyKey, cachedTerms]
}

func newFuzzyCache() *fuzzyCache {
	gens := map[string]*atomic.Uint64{}
	for _, k := range []data.Kind{data.KindSeek, data.KindSafe} {
		gens[namesField(k)] = new(atomic.Uint64)
	}
	return &fuzzyCache{gens: gens, m: newBoundedCache[fuzzyKey, cachedTerms](20000)}
}

type fuzzyKey struct {
	field, key string
	max        int
}

type cachedTerms struct {
	gen   uint64
	terms []string
}

func (c *fuzzyCache) terms(ix *Index, k fuzzyKey) ([]string, error) {
	g := c.gens[k.field]
	if g == nil {
		return nil, fmt.Errorf("fuzzy terms: field %q has no generation", k.field)
	}
	gen := g.Load()
	if hit, ok := c.m.get(k); ok && hit.gen == gen {
		return hit.terms, nil
	}
	// The generation read before is stored with the result: a commit that
	// lands meanwhile bumps it, so an expansion from before the commit is
	// never served after it.
	terms := ix.keys.near(k.field, k.key, k.max)
	c.m.put(k, cachedTerms{gen, terms})
	return terms, nil
}

// invalidate is called after a commit added keys new to the names fields
// of these kinds (removed keys may stay in an expansion: their lists are
// empty).
func (c *fuzzyCache) invalidate(kinds map[data.Kind]bool) {
	for _, k := range []data.Kind{data.KindSeek, data.KindSafe} {
		if kinds[k] {
			c.gens[namesField(k)].Add(1)
		}
	}
}
