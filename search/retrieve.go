package search

import (
	"context"
	"fmt"
	"strings"

	"tuys/data"
)

// wordGroup is what one name word of a query looks for, by level: its keys
// exactly; within an edit (fuzzy expansions of its primary key, and in the
// second pass its first-letter keys); its phonetic codes. A word counts
// once, at the best level it reaches. Summing the keys instead let a
// document written in a convention with two keys per word (German j,
// -ович and -ұлы, English g) outscore the true record, written in the
// other script with one key, many times over.
type wordGroup struct {
	boost                  float64
	exact, edits, phonetic []string
}

func (g wordGroup) empty() bool { return len(g.exact)+len(g.edits)+len(g.phonetic) == 0 }

// wordGroupOf builds the group of one word against the names field of a
// kind (seen holds the keys earlier words took: a key counts for the first
// word that has it).
func (ix *Index) wordGroupOf(text string, boost float64, names string, seen map[string]bool, withEdits bool) (wordGroup, error) {
	g := wordGroup{boost: boost}
	primary := ""
	for i, k := range wordIndexKeys(text) {
		if seen[k] {
			continue
		}
		if strings.HasPrefix(k, firstLetterMark) {
			if withEdits && boost >= 1 {
				seen[k] = true
				g.edits = append(g.edits, k)
			}
			continue
		}
		seen[k] = true
		g.exact = append(g.exact, k)
		// Fuzzy on the primary key of the family and given names only:
		// alternates are exact readings of the same letters, and a
		// patronymic alone does not find a person.
		if i == 0 && boost >= 1 {
			primary = k
		}
		if p := Phonetic(k); len(p) >= 3 && !seen["#"+p] {
			seen["#"+p] = true
			g.phonetic = append(g.phonetic, p)
		}
	}
	f := fuzzBudget(primary)
	if f == 0 && withEdits && len(primary) == 3 {
		// A three-letter name gets an edit only when the name as written
		// found nobody (Ina for Inna, Kin for Kim): one edit of three
		// letters reaches many names, too many for every query.
		f = 1
	}
	if f > 0 {
		terms, err := ix.fuzzy.terms(ix, fuzzyKey{names, primary, f})
		if err != nil {
			return g, err
		}
		// The keys asked for exactly are left out: for a common name they
		// are the longest lists, walked once is enough.
		for _, t := range terms {
			if !seen[t] {
				g.edits = append(g.edits, t)
			}
		}
	}
	return g, nil
}

// Scores of a word by the best level it reached, times its boost. An exact
// key outweighs a fuzzy one, a fuzzy one a phonetic code.
const (
	levelExact    = 3.0
	levelFuzzy    = 1.0
	levelPhonetic = 0.5
)

// nameGroups builds the groups of q's name words against one kind's
// fields; words with nothing left to look for are dropped.
func (ix *Index) nameGroups(q *Person, kind data.Kind, edits bool) ([]wordGroup, error) {
	seen := map[string]bool{}
	var groups []wordGroup
	for i, w := range nameWords(q) {
		if w == "" {
			continue
		}
		g, err := ix.wordGroupOf(w, wordBoost(i), namesField(kind), seen, edits)
		if err != nil {
			return nil, err
		}
		if !g.empty() {
			groups = append(groups, g)
		}
	}
	return groups, nil
}

// nameWords lists the name words retrieval queries: family, given,
// patronymic, then other words and the full names of a diminutive.
func nameWords(q *Person) []string {
	words := []string{q.Name.Family, q.Name.Given, q.Name.Patronymic}
	return append(append(words, q.Name.Other...), q.Name.AltGiven...)
}

// wordBoost is the weight of the i-th of nameWords: the family and given
// names count fully, the patronymic and other words half.
func wordBoost(i int) float64 {
	if i < 2 {
		return 1
	}
	return 0.5
}

// candidate is one retrieved document.
type candidate struct {
	s      *stored // the cached copy: shared, never changed
	person *Person // parsed from s
	score  float64 // retrieval score
}

// retrieve returns up to limit active reports of the given kind ("" =
// both) whose names share a key with q: exactly, phonetically or within
// the fuzzy budget. When fewer than limit documents carry every word of q
// exactly, a second pass adds the first-letter keys (an edit in the first
// letter: Ыкова for Быкова; Amir typed for Damir, when an Amir of that
// family exists too), whose lists are as long as the exact ones and are
// not worth walking when the name as written fills every place.
func (ix *Index) retrieve(ctx context.Context, q *Person, kind data.Kind, limit int) ([]candidate, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	kinds := []data.Kind{kind}
	if kind == "" {
		kinds = []data.Kind{data.KindSeek, data.KindSafe}
	}
	wide, err := ix.groupsOf(q, kinds, true)
	if err != nil {
		return nil, err
	}
	// The first pass only when it can fill every place (mostFull): the
	// exact keys, all the bound reads, are the same in both passes.
	if ix.keys.mostFull(kinds, wide, wordCount(q), limit) >= limit {
		narrow, err := ix.groupsOf(q, kinds, false)
		if err != nil {
			return nil, err
		}
		if cands, full := ix.retrievePass(q, kinds, narrow, limit); full >= limit {
			return cands, nil
		}
	}
	cands, _ := ix.retrievePass(q, kinds, wide, limit)
	return cands, nil
}

// groupsOf builds q's word groups for each of kinds (nameGroups).
func (ix *Index) groupsOf(q *Person, kinds []data.Kind, edits bool) ([][]wordGroup, error) {
	perKind := make([][]wordGroup, 0, len(kinds))
	for _, k := range kinds {
		g, err := ix.nameGroups(q, k, edits)
		if err != nil {
			return nil, fmt.Errorf("retrieve: %w", err)
		}
		perKind = append(perKind, g)
	}
	return perKind, nil
}

// retrievePass runs one retrieval over the groups; full counts the
// candidates that matched every word of q exactly.
func (ix *Index) retrievePass(q *Person, kinds []data.Kind, perKind [][]wordGroup, limit int) ([]candidate, int) {
	hits := ix.keys.top(kinds, perKind, q.written, limit)
	full, all := 0, fullScore(q)-1e-9
	for full < len(hits) && hits[full].score >= all {
		full++
	}
	// The stored copies are read for the final hits only.
	out := make([]candidate, 0, len(hits))
	for _, h := range hits {
		d, ok := ix.stored(h.id)
		if !ok {
			continue // deleted since the search: the next query will not see it either
		}
		out = append(out, candidate{s: &d.s, person: d.person, score: h.score})
	}
	return out, full
}

// fullScore is the retrieval score of a document that matches every name
// word of q exactly.
func fullScore(q *Person) float64 {
	s := 0.0
	for i, w := range nameWords(q) {
		if w == "" {
			continue
		}
		s += levelExact * wordBoost(i)
	}
	return s
}

// wordCount is how many name words q has: those fullScore counts.
func wordCount(q *Person) int {
	n := 0
	for _, w := range nameWords(q) {
		if w != "" {
			n++
		}
	}
	return n
}
