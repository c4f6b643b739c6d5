package search

import (
	"slices"
	"sort"

	"tuys/data"
)

// mostFull bounds how many reports can carry every one of the query's
// words (words: how many it has) exactly, counting no further than limit.
// retrieve skips its first pass when the bound is below limit: a report
// reaches the full score only through every word's exact keys (a word
// counts at the best level it reached, and exact is the highest), so the
// first pass could not fill its places, and the second, which walks the
// same lists and the first-letter ones too, would run after it anyway.
// A word whose group was dropped or has no exact key leaves no full
// report in that kind.
func (p *postings) mostFull(kinds []data.Kind, groups [][]wordGroup, words, limit int) int {
	p.mu.RLock()
	defer p.mu.RUnlock()
	total := 0
	for i, kind := range kinds {
		if len(groups[i]) == 0 || len(groups[i]) < words || total >= limit {
			continue
		}
		total += p.inRarestTwo(kind, groups[i], limit-total)
	}
	return total
}

// inRarestTwo counts, up to most, the reports in the exact lists of the
// rarest word that are in the exact lists of the next rarest too (with a
// report under two keys of the word counted twice: a bound, not a count).
// Every word's lists being long says little: at a million reports a
// common family, given and father's name each have thousands, and only a
// few people all three; most queries with a father's name or a typo had
// their first pass walked for nothing when the shortest list decided.
// Looking the rarest word's reports up in the next one's lists costs a
// binary search each, far less than a pass.
func (p *postings) inRarestTwo(kind data.Kind, groups []wordGroup, most int) int {
	type word struct {
		lists [][]uint32
		n     int
	}
	ws := make([]word, len(groups))
	for i, g := range groups {
		for _, key := range g.exact {
			if l := p.lists[listKey(namesField(kind), key)]; len(l) > 0 {
				ws[i].lists = append(ws[i].lists, l)
				ws[i].n += len(l)
			}
		}
	}
	slices.SortFunc(ws, func(a, b word) int { return a.n - b.n })
	if len(ws) == 1 || ws[0].n < most {
		return ws[0].n
	}
	count := 0
	from := make([]int, len(ws[1].lists)) // where each list of the second word is searched from
	for _, l := range ws[0].lists {
		clear(from) // each list of the rarest word is in order by itself
		for _, d := range l {
			if inAny(ws[1].lists, from, d) {
				if count++; count >= most {
					return count
				}
			}
		}
	}
	return count
}

// inAny reports whether d is in one of lists, each searched from its
// from, which moves to the first document not below d (the lists and the
// documents asked for are in order).
func inAny(lists [][]uint32, from []int, d uint32) bool {
	for j, l := range lists {
		k := from[j] + sort.Search(len(l)-from[j], func(x int) bool { return l[from[j]+x] >= d })
		from[j] = k
		if k < len(l) && l[k] == d {
			return true
		}
	}
	return false
}
