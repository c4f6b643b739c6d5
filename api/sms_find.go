package api

import (
	"context"

	"tuys/data"
)

// publicMatches returns the best reports of the other kind for r, for the
// reply to a FIND by SMS: names, years and cities only reach it.
func (s *Server) publicMatches(ctx context.Context, r *data.Report, limit int) ([]*data.Report, error) {
	kind := data.KindSafe
	if r.Kind == data.KindSafe {
		kind = data.KindSeek
	}
	hits, err := s.searchReports(ctx, SearchQuery{Name: r.FullName, Kind: kind, BirthYear: r.BirthYear, City: r.City, Limit: limit})
	if err != nil {
		return nil, err
	}
	out := make([]*data.Report, 0, len(hits))
	for _, h := range hits {
		if h.Decision != "" { // only candidates a volunteer would at least review
			out = append(out, h.Report)
		}
	}
	return out, nil
}
