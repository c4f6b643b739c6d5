package search

import (
	"context"
	"fmt"
	"sort"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"tuys/data"
)

// wordClause builds the clause of one name word on the given fields, or
// nil when the word has no key left (seen holds the keys earlier words
// took). Three alternatives (any exact key, fuzzy primary key, any
// phonetic key), so that a word written the same way does not outscore a
// word matched across conventions many times over; an exact key outweighs
// a phonetic or fuzzy one.
func (ix *Index) wordClause(text string, boost float64, names, phon string, seen map[string]bool) (query.Query, error) {
	var exact, phonetic, alts []query.Query
	primary := ""
	for i, k := range wordIndexKeys(text) {
		if seen[k] {
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
			alts = append(alts, fq)
		}
	}
	if len(exact) > 0 {
		d := bleve.NewDisjunctionQuery(exact...)
		d.SetBoost(3)
		alts = append(alts, d)
	}
	if len(phonetic) > 0 {
		d := bleve.NewDisjunctionQuery(phonetic...)
		d.SetBoost(0.5)
		alts = append(alts, d)
	}
	if len(alts) == 0 {
		return nil, nil
	}
	d := bleve.NewDisjunctionQuery(alts...)
	d.SetBoost(boost)
	return d, nil
}

// nameQuery builds the name part of a retrieval query on the given fields:
// one clause per name word, so that Bleve's coordination factor rewards
// documents that match more words (family AND given) over documents that
// match one word many ways. nil when q has no usable name.
func (ix *Index) nameQuery(q *Person, names, phon string) (query.Query, error) {
	seen := map[string]bool{}
	var should []query.Query
	words := []string{q.Name.Family, q.Name.Given, q.Name.Patronymic}
	words = append(append(words, q.Name.Other...), q.Name.AltGiven...)
	for i, w := range words {
		if w == "" {
			continue
		}
		boost := 0.5 // patronymic and other words
		if i < 2 {
			boost = 1
		}
		c, err := ix.wordClause(w, boost, names, phon, seen)
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

// candidate is one retrieved document.
type candidate struct {
	s   stored
	raw string // the stored blob, as the cache key of its parsed Person
}

// retrieve returns up to limit active reports of the given kind ("" =
// both) whose names share a key with q: exactly, phonetically or within
// the fuzzy budget.
func (ix *Index) retrieve(ctx context.Context, q *Person, kind data.Kind, limit int) ([]candidate, error) {
	kinds := []data.Kind{kind}
	if kind == "" {
		kinds = []data.Kind{data.KindSeek, data.KindSafe}
	}
	var perKind []query.Query
	for _, k := range kinds {
		d, err := ix.nameQuery(q, namesField(k), phonField(k))
		if err != nil {
			return nil, fmt.Errorf("retrieve: %w", err)
		}
		if d != nil {
			perKind = append(perKind, d)
		}
	}
	if len(perKind) == 0 {
		return nil, nil
	}
	return ix.search(ctx, anyOf(perKind), limit)
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
	perShard := make([]search.DocumentMatchCollection, len(ix.shards))
	err := ix.eachShard(func(i int, bi bleve.Index) error {
		res, err := bi.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, limit, 0, false))
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
	hits = hits[:min(limit, len(hits))]
	// The stored copies are read after the merge, for the final hits only.
	out := make([]candidate, 0, len(hits))
	for _, h := range hits {
		s, raw, ok := storedOf(ix.shards[ix.shardOf(h.ID)], h.ID)
		if !ok {
			continue // deleted since the search: the next query will not see it either
		}
		out = append(out, candidate{s: s, raw: raw})
	}
	return out, nil
}
