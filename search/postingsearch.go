package search

import (
	"math"
	"sort"

	"tuys/data"
)

// hit is one retrieved report (its id once the hits are final) and its
// retrieval score.
type hit struct {
	doc   uint32
	id    string
	score float64
}

// better orders hits by score, ties to the report indexed first (the
// smaller doc number; numbers follow the log's order, also when a node
// reloads them, see loadPostings), so the same query on the same index
// retrieves the same candidates. Comparing numbers, not ids: at a million
// reports, tens of thousands of namesakes tie and string comparison was a
// third of a query's retrieval.
func better(a, b hit) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.doc < b.doc
}

// scratch is one query's per-document state for one block of documents
// (blockDocs, indexed by doc number minus the block's first): 12 bytes a
// report, kept on a free list and reused without clearing. A document's
// mark holds the stamp of the last word that scored it; stamps only grow,
// so a mark below the block's first stamp is another block's or query's.
// One block's states (384 KB) stay in a core's L2 cache from query to
// query, where states for every report (12 MB at a million) were a cache
// miss per report reached once other work had run between two queries.
// The three fields of a document sit together: the walk reaches documents
// in no order the cache can foresee.
type scratch struct {
	docs    []docState
	stamp   uint32             // the last word's stamp
	touched []uint32           // the documents the block's walk reached
	cands   []rankedDoc        // kept only when the query has written forms for the tie-break to use
	ties    bool               // whether this query keeps cands
	tied    []uint64           // bitmap by doc number: cands ranked at the cut (preferWrittenLike); cleared after
	near    map[uint32]float64 // the tie-break's weights (preferWrittenLike), cleared, not remade: a third of a query's allocations at 1M
}

// rankedDoc is a report that ranked at or above the worst hit kept when
// its block was taken: a report that ties at the final cut is one of them.
type rankedDoc struct {
	doc   uint32
	score float64
}

type docState struct {
	mark  uint32
	score float32 // sums of levels times boosts: quarters, exact in float32
	words uint8
}

// rank is the retrieval score of a document: its sum times the share of
// the n words of the query it matched.
func (d *docState) rank(n float64) float64 { return float64(d.score) * float64(d.words) / n }

// scratchFor takes a free scratch, or makes one. They are kept in a
// bounded free list, not a sync.Pool: a pool is emptied by every other
// collection, and its block's states would start cold again.
func (p *postings) scratchFor() *scratch {
	select {
	case s := <-p.free:
		return s
	default:
	}
	return &scratch{docs: make([]docState, blockDocs), near: map[uint32]float64{}}
}

// release returns s to the free list, or drops it when the list is full.
func (p *postings) release(s *scratch) {
	select {
	case p.free <- s:
	default:
	}
}

// top scores the reports of each kind against that kind's word groups and
// returns the best limit, sorted; when the hits at the cut tie with the
// best (namesakes only the re-ranker can tell apart), up to tieDepth times
// limit of them; at a full cut, those written like the query first
// (forms: the query's written forms, see preferWrittenLike). A report
// scores, per word, its level times the word's boost, summed over the
// words it matched, times the share of words it matched: documents that match more words (family and given) come before
// documents that match one word many ways.
func (p *postings) top(kinds []data.Kind, groups [][]wordGroup, forms []string, limit int) []hit {
	p.mu.RLock()
	defer p.mu.RUnlock()
	s := p.scratchFor()
	defer p.release(s)
	stamps := 0 // this query takes one per word and block
	for _, g := range groups {
		stamps += len(g) * (len(p.ids)/blockDocs + 1)
	}
	if s.stamp > math.MaxUint32-uint32(stamps)-1 { // would wrap: old marks could pass for new ones
		clear(s.docs)
		s.stamp = 0
	}
	best := hitHeap(make([]hit, 0, max(limit*tieDepth, limit+1)))
	s.cands, s.ties = s.cands[:0], len(forms) > 0
	for i, kind := range kinds {
		p.scoreWords(s, kind, groups[i], &best)
	}
	hits := []hit(best)
	sort.Slice(hits, func(i, j int) bool { return better(hits[i], hits[j]) })
	if len(hits) == cap(hits) && len(forms) > 0 {
		hits = p.preferWrittenLike(s, kinds, forms, hits) // more may tie at the cut than it keeps
	}
	hits = hits[:tieCut(hits, limit)]
	for i := range hits {
		hits[i].id = p.ids[hits[i].doc]
	}
	return hits
}

// blockDocs is how many documents' states a block of the walk spans:
// 32,768 of 12 bytes, 384 KB, which a core's L2 cache holds. A report
// matching a word is reached through several keys of it (spellings,
// edits, a phonetic code) and of the other words; walking all lists one
// block at a time keeps its state in the cache between those visits,
// where walking each list through a million reports (12 MB of states)
// found it evicted, more so on a machine shared with other work.
const blockDocs = 1 << 15

// cursor is one key's list, at one level of one word, still to walk.
type cursor struct {
	docs []uint32
	add  float32 // the level times the word's boost
}

// scoreWords adds each word's score to every report its group reaches, at
// the best level the report reaches (levels are walked best first, and a
// report counts once per word: a stamp per word and block), one block of
// documents at a time, and takes each block's reports into best.
func (p *postings) scoreWords(s *scratch, kind data.Kind, groups []wordGroup, best *hitHeap) {
	words := make([][]cursor, len(groups))
	for w, g := range groups {
		for _, lv := range [...]struct {
			field string
			keys  []string
			level float32
		}{{namesField(kind), g.exact, levelExact}, {namesField(kind), g.edits, levelFuzzy}, {phonField(kind), g.phonetic, levelPhonetic}} {
			for _, key := range lv.keys {
				if l := p.lists[listKey(lv.field, key)]; len(l) > 0 {
					words[w] = append(words[w], cursor{l, lv.level * float32(g.boost)})
				}
			}
		}
	}
	n := float64(len(groups))
	for next := uint32(0); next != math.MaxUint32; {
		end := next - next%blockDocs + blockDocs // the block of the next document any list holds
		base, first := end-blockDocs, s.stamp+1
		next = math.MaxUint32
		s.touched = s.touched[:0]
		for _, cs := range words {
			s.stamp++
			for c := range cs {
				if cs[c].docs = s.walk(cs[c].docs, base, end, cs[c].add, first); len(cs[c].docs) > 0 {
					next = min(next, cs[c].docs[0])
				}
			}
		}
		p.take(s, base, n, best)
	}
}

// walk scores the documents of l below end (in the block from base, whose
// first stamp is first) and returns the rest of l.
func (s *scratch) walk(l []uint32, base, end uint32, add float32, first uint32) []uint32 {
	for i, d := range l {
		if d >= end {
			return l[i:]
		}
		st := &s.docs[d-base]
		switch {
		case st.mark == s.stamp:
			continue // scored for this word already
		case st.mark < first: // first touched in this block by this query
			st.score, st.words = 0, 0
			s.touched = append(s.touched, d)
		}
		st.mark = s.stamp
		st.score += add
		st.words++
	}
	return nil
}

// take offers the block's reports to best (n: the query's words) and keeps
// those that rank at or above its worst in s.cands for the tie-break.
// Most reports reached score too low to be kept: whether one is gone
// (removed or updated since it was listed) is looked up only when it would
// be, and in the gone bitmap: p.ids is a cache miss per report at 1M.
func (p *postings) take(s *scratch, base uint32, n float64, best *hitHeap) {
	for _, d := range s.touched {
		h := hit{doc: d, score: s.docs[d-base].rank(n)}
		if b := *best; len(b) == cap(b) && h.score < b[0].score {
			continue
		}
		if s.ties {
			s.cands = append(s.cands, rankedDoc{d, h.score})
		}
		if best.takes(h) && p.live(d) {
			best.offer(h)
		}
	}
}

// hitHeap keeps the best hits seen so far, up to its capacity, the worst
// of them first (a binary heap on better; no container/heap, whose
// interface boxed every hit).
type hitHeap []hit

// takes reports whether offer would keep x.
func (h hitHeap) takes(x hit) bool {
	return len(h) < cap(h) || len(h) > 0 && x.score >= h[0].score && better(x, h[0])
}

// offer keeps h if the heap has room or h is better than its worst.
func (h *hitHeap) offer(x hit) {
	b := *h
	if len(b) < cap(b) {
		b = append(b, x)
		for i := len(b) - 1; i > 0; { // up
			parent := (i - 1) / 2
			if !better(b[parent], b[i]) {
				break
			}
			b[parent], b[i] = b[i], b[parent]
			i = parent
		}
		*h = b
		return
	}
	if !b.takes(x) {
		return
	}
	b[0] = x
	for i := 0; ; { // down
		worst, l, r := i, 2*i+1, 2*i+2
		if l < len(b) && better(b[worst], b[l]) {
			worst = l
		}
		if r < len(b) && better(b[worst], b[r]) {
			worst = r
		}
		if worst == i {
			return
		}
		b[i], b[worst] = b[worst], b[i]
		i = worst
	}
}

// tieDepth bounds how far past its limit a search reaches when candidates
// tie at the cut (namesakes that only the re-ranker can tell apart).
const tieDepth = 2

// tieCut returns how many of the sorted hits to keep: limit, or, when
// every hit kept ties with the best, more while the hits past it tie too.
func tieCut(hits []hit, limit int) int {
	n := min(limit, len(hits))
	if n == 0 || hits[n-1].score != hits[0].score {
		return n
	}
	for n < len(hits) && n < limit*tieDepth && hits[n].score == hits[0].score {
		n++
	}
	return n
}
