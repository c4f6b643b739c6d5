package search

import (
	"runtime"
	"slices"
	"strings"
	"sync"

	"tuys/data"
)

// postings holds the name keys: for every field (names_<kind>,
// phon_<kind>) and key, the numbers of the active reports that carry it.
// Retrieval walks these lists instead of asking Bleve: a Bleve query
// builds a term searcher per key, shard and segment, and that
// construction, not the walk, was most of a query's time (search/doc.go).
// Bleve stays the durable index: the stored copies the re-ranker reads and
// the event mark; these lists are rebuilt from the stored copies when a
// node starts (loadPostings) and follow every commit. Fuzzy expansion
// reads their keys too (postingsnear.go).
type postings struct {
	mu    sync.RWMutex
	ids   []string                 // doc number → report id; "" once the report left, until a sweep
	gone  []uint64                 // bitmap by doc number: the report left (ids[n] == ""); 128 KB at 1M, where ids is 16 MB and a cache miss per report asked
	num   map[string]uint32        // report id → its current doc number
	lists map[string][]uint32      // field + "\x00" + key → doc numbers, ascending
	vocab map[vocabBucket][]string // the names fields' keys, for fuzzy expansion (near)
	dead  int                      // doc numbers left behind by removals and updates
	free  chan *scratch            // scratches for queries (scratchFor)
}

func newPostings() *postings {
	return &postings{num: map[string]uint32{}, lists: map[string][]uint32{}, vocab: map[vocabBucket][]string{},
		free: make(chan *scratch, runtime.GOMAXPROCS(0))}
}

// live reports whether doc number n is a report still held (not removed
// or replaced since it was listed).
func (p *postings) live(n uint32) bool { return p.gone[n/64]&(1<<(n%64)) == 0 }

func listKey(field, key string) string { return field + "\x00" + key }

// docKeys returns the keys a report's names are indexed under, per field:
// whitespace words, their keys (names field), and the keys' phonetic codes
// (phonetic field).
func docKeys(names string) (keys, phon []string) {
	seenP := map[string]bool{}
	seenK := map[string]bool{}
	for _, w := range strings.Fields(names) {
		for _, k := range wordIndexKeys(w) {
			if !seenK[k] {
				seenK[k] = true
				keys = append(keys, k)
			}
			if p, ok := indexedPhonetic(k); ok && !seenP[p] {
				seenP[p] = true
				phon = append(phon, p)
			}
		}
	}
	return keys, phon
}

// apply replaces or removes the reports of ops, in order, and returns the
// kinds whose names field gained a key it did not have (their cached fuzzy
// expansions may miss it).
func (p *postings) apply(ops []postingOp) (grew map[data.Kind]bool) {
	grew = map[data.Kind]bool{}
	if len(ops) == 0 {
		return grew
	}
	prepareOps(ops) // on every core, before the lock
	p.mu.Lock()
	defer p.mu.Unlock()
	for i := range ops {
		p.removeLocked(ops[i].id)
		if p.addLocked(&ops[i]) {
			grew[ops[i].kind] = true
		}
	}
	if p.dead > 10000 && p.dead > len(p.num)/4 {
		p.sweepLocked()
	}
	return grew
}

func (p *postings) removeLocked(id string) {
	if n, ok := p.num[id]; ok {
		delete(p.num, id)
		p.ids[n] = ""
		p.gone[n/64] |= 1 << (n % 64)
		p.dead++
	}
}

// addLocked adds a prepared report and reports whether one of its keys is
// new to its names field.
func (p *postings) addLocked(op *postingOp) (newKey bool) {
	if len(op.lists) == 0 {
		return false
	}
	n := uint32(len(p.ids))
	p.ids = append(p.ids, op.id)
	if int(n/64) >= len(p.gone) {
		p.gone = append(p.gone, 0)
	}
	p.num[op.id] = n
	field := namesField(op.kind)
	for i, lk := range op.lists {
		l, ok := p.lists[lk]
		if !ok && i < len(op.keys) && p.addVocabLocked(field, op.keys[i]) {
			newKey = true
		}
		p.lists[lk] = append(l, n)
	}
	return newKey
}

// sweepLocked drops the numbers of reports that left from every list and
// renumbers the rest in the same order (ties, broken by number, go the
// same way after it), so that a long-running node's lists and slots do not
// grow with every update.
func (p *postings) sweepLocked() {
	renum := make([]uint32, len(p.ids))
	ids := make([]string, 0, len(p.num))
	for n, id := range p.ids {
		if id != "" {
			renum[n] = uint32(len(ids))
			p.num[id] = renum[n]
			ids = append(ids, id)
		}
	}
	for k, l := range p.lists {
		out := l[:0]
		for _, n := range l {
			if p.ids[n] != "" {
				out = append(out, renum[n])
			}
		}
		if len(out) == 0 {
			delete(p.lists, k)
			continue
		}
		p.lists[k] = out
	}
	p.ids, p.dead = ids, 0
	p.gone = make([]uint64, (len(ids)+63)/64)
	// Keys whose last report left go from the vocabulary too (a cached
	// expansion that still names one finds an empty list: harmless).
	p.vocab = map[vocabBucket][]string{}
	for lk := range p.lists {
		field, key, _ := strings.Cut(lk, "\x00")
		p.addVocabLocked(field, key)
	}
}

// trim gives every list its exact length: after a start's bulk load,
// append's doubling leaves a quarter to a half of the lists' memory unused.
func (p *postings) trim() {
	p.mu.Lock()
	defer p.mu.Unlock()
	for k, l := range p.lists {
		if cap(l) > len(l) {
			p.lists[k] = slices.Clip(append([]uint32(nil), l...))
		}
	}
}

// size is the number of active reports held.
func (p *postings) size() int {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return len(p.num)
}
