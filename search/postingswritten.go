package search

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"

	"tuys/data"
)

// At a million reports a common name has hundreds of namesakes that all
// match a query equally: the same keys, the same retrieval score. Only
// tieDepth × limit of them reach the re-ranker, which alone can prefer the
// one written like the query (closeness). Which ones reached it was the
// order of indexing, so the record the query was copied from, spelled in
// its own convention (Sadykbekow, not Sadykbekov), was often left out.
// The written-form lists let the cut prefer, among the tied, the reports
// that carry the query's words as written; the same holds at any cut
// where more reports tie than fit (Amir typed for Damir: Damir ties with
// every Sadykbekov and every Amir of a near family).

// writtenField is the field of a kind's written forms.
func writtenField(k data.Kind) string { return "written_" + string(k) }

// writtenForm is a word as written, for the tie-break: lower case, marks
// kept, repeated letters once (Ssadykbekow is Sadykbekow with a doubled
// key), anything but letters dropped. Two words with one written form are
// spelled alike in one script and convention.
func writtenForm(w string) string {
	var b strings.Builder
	var last rune
	for _, r := range strings.ToLower(w) {
		if !unicode.IsLetter(r) && !unicode.Is(unicode.Mn, r) || r == last {
			continue
		}
		b.WriteRune(r)
		last = r
	}
	return b.String()
}

// writtenForms are the distinct written forms of the words of text, but
// of what the public may not see of it (a handle, an e-mail, a number
// typed into a name): the order of equal scores follows these forms, and
// a search naming a hidden handle moved its record first, which confirmed
// the guess (attacker trial, 2026-12-06).
func writtenForms(text string) []string {
	var out []string
	for _, w := range strings.Fields(data.HideContacts(text)) {
		if f := writtenForm(w); f != "" && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// maxWrittenWalk is the longest written-form list the tie-break walks:
// walking every form's list, common ones included, cost a third of a
// query's time at 200,000 reports (BenchmarkQuery p50 0.8 → 1.35 ms).
const maxWrittenWalk = 2048

// preferWrittenLike reorders the hits that tie at the cut (the lowest
// score kept, when the heap is full, so more may tie beyond it): the tied
// reports that carry the query's written forms come first, the rarer the
// form the more it counts (sharing Ssadykbekow, a spelling a few reports
// have, says more than sharing Amir, which thousands have); they may come
// from beyond the cut. s holds the reports that ranked near the cut
// (cands).
func (p *postings) preferWrittenLike(s *scratch, kinds []data.Kind, forms []string, hits []hit) []hit {
	cut := hits[len(hits)-1].score
	from := len(hits) - 1
	for from > 0 && hits[from-1].score == cut {
		from--
	}
	near := s.near
	clear(near)
	tied := s.markTied(cut, len(p.ids))
	defer s.unmarkTied(cut)
	all := float64(len(p.num) + 1)
	for _, kind := range kinds {
		for _, f := range forms {
			l := p.lists[listKey(writtenField(kind), f)]
			if len(l) > maxWrittenWalk {
				continue // a common spelling tells little and costs the most
			}
			weight := math.Log(all / float64(len(l)+1))
			for _, d := range l {
				if tied[d/64]&(1<<(d%64)) != 0 {
					near[d] += weight
				}
			}
		}
	}
	if len(near) == 0 {
		return hits
	}
	out := append(make([]hit, 0, len(hits)), hits[:from]...)
	// Thousands may tie at the cut while a page's worth is kept: a bounded
	// heap of the most alike, not a sort of them all (most of the
	// tie-break's time at a million reports).
	alike := hitHeap(make([]hit, 0, len(hits)-from))
	for d, w := range near {
		// Whether a report is gone is asked only of those the heap would
		// keep, and of the gone bitmap: p.ids is a cache miss per report
		// at a million, and thousands of namesakes may carry the query's
		// spelling.
		if h := (hit{doc: d, score: w}); alike.takes(h) && p.live(d) {
			alike.offer(h)
		}
	}
	sort.Slice(alike, func(i, j int) bool { return better(alike[i], alike[j]) })
	for _, a := range alike {
		out = append(out, hit{doc: a.doc, score: cut})
	}
	for _, h := range hits[from:] {
		if len(out) == len(hits) {
			break
		}
		if _, ok := near[h.doc]; !ok {
			out = append(out, h)
		}
	}
	return out
}

// markTied sets the bits of the candidates ranked at cut in s.tied (sized
// for n documents) and returns it.
func (s *scratch) markTied(cut float64, n int) []uint64 {
	if need := n/64 + 1; len(s.tied) < need {
		s.tied = make([]uint64, need+need/4) // room for the reports that arrive before the next query
	}
	for _, c := range s.cands {
		if c.score == cut {
			s.tied[c.doc/64] |= 1 << (c.doc % 64)
		}
	}
	return s.tied
}

// unmarkTied clears what markTied set: a cleared bitmap is what the next
// query takes.
func (s *scratch) unmarkTied(cut float64) {
	for _, c := range s.cands {
		if c.score == cut {
			s.tied[c.doc/64] = 0
		}
	}
}
