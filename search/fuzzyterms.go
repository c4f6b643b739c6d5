package search

import (
	"fmt"
	"sync/atomic"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"tuys/data"
)

// Bleve's FuzzyQuery compiles a full Levenshtein DFA for every query term:
// at distance 2 that is 0.3-0.5 ms of CPU and up to a megabyte of garbage
// per term and shard, which made the garbage collector the main source of
// query tail latency. Here the automaton is built lazily, only for the
// states the term dictionary walk reaches, and the fuzzy clause becomes
// the same disjunction of term queries Bleve builds (boost 1/(1+distance)).
// Keys are bytes (skeletons are Latin), so distance counts bytes, as
// keysMeet does.

// levAutomaton accepts the byte strings within max edits of key. A state
// is a row of the edit-distance table (capped at max+1), interned.
type levAutomaton struct {
	key  string
	max  uint8
	rows [][]uint8
	ids  map[string]int
	next map[int]int // state<<8 | byte → state
}

func newLevAutomaton(key string, max int) *levAutomaton {
	a := &levAutomaton{key: key, max: uint8(max), ids: map[string]int{}, next: map[int]int{}}
	row := make([]uint8, len(key)+1)
	for i := range row {
		row[i] = min(uint8(i), a.max+1)
	}
	a.intern(row)
	return a
}

func (a *levAutomaton) intern(row []uint8) int {
	if id, ok := a.ids[string(row)]; ok {
		return id
	}
	id := len(a.rows)
	a.rows = append(a.rows, row)
	a.ids[string(row)] = id
	return id
}

func (a *levAutomaton) Start() int               { return 0 }
func (a *levAutomaton) IsMatch(s int) bool       { return a.rows[s][len(a.key)] <= a.max }
func (a *levAutomaton) WillAlwaysMatch(int) bool { return false }

func (a *levAutomaton) CanMatch(s int) bool {
	for _, d := range a.rows[s] {
		if d <= a.max {
			return true
		}
	}
	return false
}

func (a *levAutomaton) Accept(s int, b byte) int {
	if id, ok := a.next[s<<8|int(b)]; ok {
		return id
	}
	prev := a.rows[s]
	row := make([]uint8, len(prev))
	row[0] = min(prev[0]+1, a.max+1)
	for j := 1; j < len(row); j++ {
		cost := uint8(1)
		if a.key[j-1] == b {
			cost = 0
		}
		row[j] = min(prev[j-1]+cost, prev[j]+1, row[j-1]+1, a.max+1)
	}
	id := a.intern(row)
	a.next[s<<8|int(b)] = id
	return id
}

// fuzzyTerms walks the term dictionary of field in every segment of every
// shard with one lazy automaton and returns the distinct terms it accepts.
func (ix *Index) fuzzyTerms(field, key string, max, prefix int) ([]string, error) {
	a := newLevAutomaton(key, max)
	var lo, hi []byte
	if prefix > 0 && len(key) >= prefix {
		lo = []byte(key[:prefix])
		hi = prefixEnd(lo)
	}
	seen := map[string]bool{}
	var out []string
	for _, bi := range ix.shards {
		err := shardTerms(bi, field, a, lo, hi, func(t string) {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
			}
		})
		if err != nil {
			return nil, fmt.Errorf("fuzzy terms: %w", err)
		}
	}
	return out, nil
}

// shardTerms passes to add the terms of field in every segment of one
// shard's current snapshot that automaton a accepts within [lo, hi).
func shardTerms(bi bleve.Index, field string, a *levAutomaton, lo, hi []byte, add func(string)) error {
	sc, err := scorchOf(bi)
	if err != nil {
		return err
	}
	r, err := sc.Reader()
	if err != nil {
		return err
	}
	defer r.Close()
	for _, seg := range r.(*scorch.IndexSnapshot).Segments() {
		dict, err := seg.Segment().Dictionary(field)
		if err != nil {
			return err
		}
		it := dict.AutomatonIterator(a, lo, hi)
		for {
			e, err := it.Next()
			if err != nil {
				return err
			}
			if e == nil {
				break
			}
			add(e.Term)
		}
	}
	return nil
}

// fuzzyCache keeps term expansions until the index's terms change: the
// matcher judges a whole batch of reports against one state of the index,
// and names repeat (namesakes, common given names), so most expansions in
// a batch or a bulk catch-up are asked for more than once. Each field has
// its own generation: an import of "safe" reports changes no term of the
// seekers' field, whose expansions are what matching those reports asks for.
type fuzzyCache struct {
	gens map[string]*atomic.Uint64 // per field, bumped after every commit that changes its documents
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
	field, key  string
	max, prefix int
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
	terms, err := ix.fuzzyTerms(k.field, k.key, k.max, k.prefix)
	if err != nil {
		return nil, err
	}
	c.m.put(k, cachedTerms{gen, terms})
	return terms, nil
}

// invalidate is called after a commit changed documents of these kinds
// (a removal may be of either: both).
func (c *fuzzyCache) invalidate(kinds map[data.Kind]bool) {
	for _, k := range []data.Kind{data.KindSeek, data.KindSafe} {
		if kinds[k] {
			c.gens[namesField(k)].Add(1)
		}
	}
}

// prefixEnd returns the smallest key greater than every key starting with p
// (nil: no end).
func prefixEnd(p []byte) []byte {
	end := append([]byte(nil), p...)
	for i := len(end) - 1; i >= 0; i-- {
		if end[i] < 0xff {
			end[i]++
			return end[:i+1]
		}
	}
	return nil
}
