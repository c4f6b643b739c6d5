package search

import (
	"sort"

	"tuys/data"
)

// hit is one retrieved report and its retrieval score.
type hit struct {
	id    string
	score float64
}

// better orders hits by score, ties to the smaller report id, so the same
// query on the same index retrieves the same candidates.
func better(a, b hit) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.id < b.id
}

// scratch is one query's per-document state, indexed by doc number. The
// marks say which query and which word last touched a document, so the
// arrays are reused without clearing.
type scratch struct {
	qmark, wmark []uint32
	score        []float64
	words        []uint16
	q, w         uint32
	touched      []uint32
}

func (p *postings) scratchFor(n int) *scratch {
	if s, ok := p.pool.Get().(*scratch); ok && len(s.qmark) >= n {
		return s
	}
	n += n/4 + 1024 // room for the reports that arrive before the next query
	return &scratch{qmark: make([]uint32, n), wmark: make([]uint32, n), score: make([]float64, n), words: make([]uint16, n)}
}

// top scores the reports of each kind against that kind's word groups and
// returns the best limit, sorted; when the hits at the cut tie with the
// best (namesakes only the re-ranker can tell apart), up to tieDepth times
// limit of them. A report scores, per word, its level times the word's
// boost, summed over the words it matched, times the share of words it
// matched: documents that match more words (family and given) come before
// documents that match one word many ways.
func (p *postings) top(kinds []data.Kind, groups [][]wordGroup, limit int) []hit {
	p.mu.RLock()
	defer p.mu.RUnlock()
	s := p.scratchFor(len(p.ids))
	defer p.pool.Put(s)
	if s.q++; s.q == 0 { // wrapped: the marks of old queries could collide
		clear(s.qmark)
		clear(s.wmark)
		s.q, s.w = 1, 0
	}
	best := hitHeap(make([]hit, 0, max(limit*tieDepth, limit+1)))
	for i, kind := range kinds {
		s.touched = s.touched[:0]
		for _, g := range groups[i] {
			p.scoreWord(s, kind, g)
		}
		n := float64(len(groups[i]))
		for _, d := range s.touched {
			best.offer(hit{id: p.ids[d], score: s.score[d] * float64(s.words[d]) / n})
		}
	}
	hits := []hit(best)
	sort.Slice(hits, func(i, j int) bool { return better(hits[i], hits[j]) })
	return hits[:tieCut(hits, limit)]
}

// scoreWord adds one word's score to every report its groups reach, at
// the best level the report reaches (levels are walked best first).
func (p *postings) scoreWord(s *scratch, kind data.Kind, g wordGroup) {
	if s.w++; s.w == 0 {
		clear(s.wmark)
		s.w = 1
	}
	for _, lv := range [...]struct {
		field string
		keys  []string
		level float64
	}{{namesField(kind), g.exact, levelExact}, {namesField(kind), g.edits, levelFuzzy}, {phonField(kind), g.phonetic, levelPhonetic}} {
		for _, key := range lv.keys {
			for _, d := range p.lists[listKey(lv.field, key)] {
				if p.ids[d] == "" || s.wmark[d] == s.w {
					continue
				}
				s.wmark[d] = s.w
				if s.qmark[d] != s.q {
					s.qmark[d] = s.q
					s.score[d], s.words[d] = 0, 0
					s.touched = append(s.touched, d)
				}
				s.score[d] += lv.level * g.boost
				s.words[d]++
			}
		}
	}
}

// hitHeap keeps the best hits seen so far, up to its capacity, the worst
// of them first (a binary heap on better; no container/heap, whose
// interface boxed every hit).
type hitHeap []hit

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
	if len(b) == 0 || !better(x, b[0]) {
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
