package search

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"tuys/data"
)

// wordClause builds the clause of one name word on the given fields, or
// nil when the word has no key left (seen holds the keys earlier words
// took). A word counts once, at the best level it reaches: an exact key,
// else a fuzzy primary key, else a phonetic key. Summing the keys instead
// let a document written in a convention with two keys per word (German
// j, -ович and -ұлы, English g) outscore the true record, written in the
// other script with one key, many times over.
func (ix *Index) wordClause(text string, boost float64, names, phon string, seen map[string]bool, withEdits bool) (query.Query, error) {
	var exact, phonetic, edits, alts []query.Query
	primary := ""
	for i, k := range wordIndexKeys(text) {
		if seen[k] {
			continue
		}
		if strings.HasPrefix(k, firstLetterMark) {
			if !withEdits {
				continue
			}
			seen[k] = true
			tq := bleve.NewTermQuery(k)
			tq.SetField(names)
			edits = append(edits, tq)
			continue
		}
		seen[k] = true
		tq := bleve.NewTermQuery(k)
		tq.SetField(names)
		exact = append(exact, tq)
		// Fuzzy on the primary key of the family and given names only:
		// alternates are exact readings of the same letters, and a
		// patronymic alone does not find a person.
		if i == 0 && boost >= 1 {
			primary = k
		}
		if p := Phonetic(k); len(p) >= 3 && !seen["#"+p] {
			seen["#"+p] = true
			pq := bleve.NewTermQuery(p)
			pq.SetField(phon)
			phonetic = append(phonetic, pq)
		}
	}
	if f := fuzzBudget(primary); f > 0 {
		// The keys asked for exactly are left out of the fuzzy clause: for
		// a common name they are the longest postings, walked once is enough.
		fq, err := ix.fuzzyClause(names, primary, f, fuzzPrefix, seen)
		if err != nil {
			return nil, err
		}
		if fq != nil {
			edits = append(edits, fq)
		}
	}
	if len(edits) > 0 && boost >= 1 {
		alts = append(alts, levelQuery(bleve.NewDisjunctionQuery(edits...), levelFuzzy))
	}
	if len(exact) > 0 {
		alts = append(alts, levelQuery(bleve.NewDisjunctionQuery(exact...), levelExact))
	}
	if len(phonetic) > 0 {
		alts = append(alts, levelQuery(bleve.NewDisjunctionQuery(phonetic...), levelPhonetic))
	}
	if len(alts) == 0 {
		return nil, nil
	}
	return bestLevel(bleve.NewDisjunctionQuery(alts...), boost), nil
}

// Match levels of one word. Each group of keys scores its level whatever
// the number of keys it matched, and the levels are powers of ten apart,
// so that the sum of the groups a document matched (times Bleve's
// coordination factor, at least 1/3 and at most 1) tells the best one.
const (
	levelExact    = 100.0
	levelFuzzy    = 10.0
	levelPhonetic = 1.0
)

// levelQuery scores every document q matches as level.
func levelQuery(q query.Query, level float64) query.Query {
	return rescoreQuery{q, func(float64) float64 { return level }}
}

// bestLevel scores a word's group disjunction by the best group matched:
// exact 3, fuzzy 1, phonetic 0.5 (an exact key outweighs a fuzzy one),
// times the word's boost.
func bestLevel(q query.Query, boost float64) query.Query {
	return rescoreQuery{q, func(s float64) float64 {
		switch {
		case s >= levelExact/3:
			return 3 * boost
		case s >= levelFuzzy/3:
			return boost
		}
		return 0.5 * boost
	}}
}

// nameQuery builds the name part of a retrieval query on the given fields:
// one clause per name word, so that Bleve's coordination factor rewards
// documents that match more words (family AND given) over documents that
// match one word many ways. nil when q has no usable name.
func (ix *Index) nameQuery(q *Person, names, phon string, edits bool) (query.Query, error) {
	seen := map[string]bool{}
	var should []query.Query
	for i, w := range nameWords(q) {
		if w == "" {
			continue
		}
		c, err := ix.wordClause(w, wordBoost(i), names, phon, seen, edits)
		if err != nil {
			return nil, err
		}
		if c != nil {
			should = append(should, c)
		}
	}
	if len(should) == 0 {
		return nil, nil
	}
	return bleve.NewDisjunctionQuery(should...), nil
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
	s     stored
	raw   string  // the stored blob, as the cache key of its parsed Person
	score float64 // retrieval score
}

// retrieve returns up to limit active reports of the given kind ("" =
// both) whose names share a key with q: exactly, phonetically or within
// the fuzzy budget. When no document carries every word of q exactly, a
// second pass adds the first-letter keys (an edit in the first letter:
// Ыкова for Быкова), whose postings are as long as the exact ones and are
// not worth walking when the name was found as written.
func (ix *Index) retrieve(ctx context.Context, q *Person, kind data.Kind, limit int) ([]candidate, error) {
	cands, full, err := ix.retrievePass(ctx, q, kind, limit, false)
	if err != nil || full {
		return cands, err
	}
	cands, _, err = ix.retrievePass(ctx, q, kind, limit, true)
	return cands, err
}

// retrievePass runs one retrieval; full reports that the best candidate
// matched every word of q exactly.
func (ix *Index) retrievePass(ctx context.Context, q *Person, kind data.Kind, limit int, edits bool) ([]candidate, bool, error) {
	kinds := []data.Kind{kind}
	if kind == "" {
		kinds = []data.Kind{data.KindSeek, data.KindSafe}
	}
	var perKind []query.Query
	for _, k := range kinds {
		d, err := ix.nameQuery(q, namesField(k), phonField(k), edits)
		if err != nil {
			return nil, false, fmt.Errorf("retrieve: %w", err)
		}
		if d != nil {
			perKind = append(perKind, d)
		}
	}
	if len(perKind) == 0 {
		return nil, true, nil
	}
	cands, err := ix.search(ctx, anyOf(perKind), limit)
	full := len(cands) > 0 && cands[0].score >= fullScore(q)-1e-9
	return cands, full, err
}

// fullScore is the retrieval score of a document that matches every name
// word of q exactly (3 times each word's boost, coordination 1).
func fullScore(q *Person) float64 {
	s := 0.0
	for i, w := range nameWords(q) {
		if w == "" {
			continue
		}
		s += 3 * wordBoost(i)
	}
	return s
}

func anyOf(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// search runs q on every shard at once and decodes the stored copies of
// the top limit hits. The shards' hits are merged here, not by Bleve's
// alias, whose unstable sort let equal scores (namesakes) straddle the
// cut at random (a 100k-distractor eval run lost a true match that way):
// merged ties go to the smaller report id, so the same query on the same
// index retrieves the same candidates.
func (ix *Index) search(ctx context.Context, q query.Query, limit int) ([]candidate, error) {
	hits, err := ix.topHits(ctx, q, limit+1)
	if err == nil && len(hits) > limit && hits[limit].Score == hits[0].Score {
		hits, err = ix.topHits(ctx, q, limit*tieDepth) // all tied: look deeper
	}
	if err != nil {
		return nil, err
	}
	hits = hits[:tieCut(hits, limit)]
	// The stored copies are read after the merge, for the final hits only.
	out := make([]candidate, 0, len(hits))
	for _, h := range hits {
		s, raw, ok := ix.stored(h.ID)
		if !ok {
			continue // deleted since the search: the next query will not see it either
		}
		out = append(out, candidate{s: s, raw: raw, score: h.Score})
	}
	return out, nil
}

// topHits returns the best n hits of q over all shards, ties to the
// smaller id.
func (ix *Index) topHits(ctx context.Context, q query.Query, n int) (search.DocumentMatchCollection, error) {
	perShard := make([]search.DocumentMatchCollection, len(ix.shards))
	err := ix.eachShard(func(i int, bi bleve.Index) error {
		res, err := bi.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, n, 0, false))
		if err == nil {
			perShard[i] = res.Hits
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("index search: %w", err)
	}
	var hits search.DocumentMatchCollection
	for _, h := range perShard {
		hits = append(hits, h...)
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].Score != hits[j].Score {
			return hits[i].Score > hits[j].Score
		}
		return hits[i].ID < hits[j].ID
	})
	return hits, nil
}

// tieDepth bounds how far past its limit a search reaches when candidates
// tie at the cut (namesakes that only the re-ranker can tell apart).
const tieDepth = 2

// tieCut returns how many of the sorted hits to keep: limit, or, when
// every hit kept ties with the best (namesakes that only the re-ranker can
// tell apart), more while the hits past it tie too.
func tieCut(hits search.DocumentMatchCollection, limit int) int {
	n := min(limit, len(hits))
	if n == 0 || hits[n-1].Score != hits[0].Score {
		return n
	}
	for n < len(hits) && n < limit*tieDepth && hits[n].Score == hits[0].Score {
		n++
	}
	return n
}
