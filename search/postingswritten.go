package search

import (
	"slices"
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
// that carry the query's words as written.

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

// writtenForms are the distinct written forms of the words of text.
func writtenForms(text string) []string {
	var out []string
	for _, w := range strings.Fields(text) {
		if f := writtenForm(w); f != "" && !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	return out
}

// preferWrittenLike reorders hits, all tied with the best and as many as
// the cut keeps, so that the tied reports carrying most of the query's
// written forms come first; they may come from beyond the cut. s holds
// this query's scores (first is its first stamp), groups the word groups
// per kind that produced them.
func (p *postings) preferWrittenLike(s *scratch, kinds []data.Kind, groups [][]wordGroup, forms []string, first uint32, hits []hit) []hit {
	top := hits[0].score
	near := map[uint32]uint8{}
	for i, kind := range kinds {
		n := float64(len(groups[i]))
		for _, f := range forms {
			for _, d := range p.lists[listKey(writtenField(kind), f)] {
				if s.mark[d] >= first && s.mark[d] <= s.stamp && p.ids[d] != "" && float64(s.score[d])*float64(s.words[d])/n == top {
					near[d]++
				}
			}
		}
	}
	if len(near) == 0 {
		return hits
	}
	alike := make([]hit, 0, len(near))
	for d := range near {
		alike = append(alike, hit{doc: d, score: top})
	}
	slices.SortFunc(alike, func(a, b hit) int {
		if near[a.doc] != near[b.doc] {
			return int(near[b.doc]) - int(near[a.doc])
		}
		return int(a.doc) - int(b.doc)
	})
	out := make([]hit, 0, len(hits))
	out = append(out, alike[:min(len(alike), len(hits))]...)
	for _, h := range hits {
		if len(out) == len(hits) {
			break
		}
		if _, ok := near[h.doc]; !ok {
			out = append(out, h)
		}
	}
	return out
}
