package api

import (
	"context"

	"tuys/data"
)

// SearchQuery is a name search, public or by a volunteer.
type SearchQuery struct {
	Name      string
	Kind      data.Kind // "" = both kinds
	BirthYear int
	City      string
	Limit     int
}

// Hit is one ranked result. Report is the full record: public pages and the
// public API must render it only through publicView.
type Hit struct {
	Report   *data.Report
	Score    float64
	Decision string   // "auto", "review" or ""
	Reasons  []string // readable explanation, one line per field
}

// searchReports runs a ranked search through the matching engine.
// (Wired to search.Engine once the matching package lands.)
func (s *Server) searchReports(ctx context.Context, q SearchQuery) ([]Hit, error) {
	return nil, nil
}
