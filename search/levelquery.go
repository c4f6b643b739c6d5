package search

import (
	"context"

	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// rescoreQuery runs a query and replaces each hit's score by score(hit's
// score). Bleve's CustomScoreQuery does the same but resolves every hit's
// external id on the way (for doc values we do not use), which doubled the
// retrieval time at 100,000 reports.
type rescoreQuery struct {
	q     query.Query
	score func(float64) float64
}

func (r rescoreQuery) Searcher(ctx context.Context, i index.IndexReader, m mapping.IndexMapping, o search.SearcherOptions) (search.Searcher, error) {
	s, err := r.q.Searcher(ctx, i, m, o)
	if err != nil {
		return nil, err
	}
	return rescoreSearcher{s, r.score}, nil
}

// rescoreSearcher is the searcher of rescoreQuery: the child's, with the
// score of each hit replaced.
type rescoreSearcher struct {
	search.Searcher
	score func(float64) float64
}

func (r rescoreSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	d, err := r.Searcher.Next(ctx)
	if d != nil {
		d.Score = r.score(d.Score)
	}
	return d, err
}

func (r rescoreSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	d, err := r.Searcher.Advance(ctx, id)
	if d != nil {
		d.Score = r.score(d.Score)
	}
	return d, err
}
