package api

import (
	"context"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
	"tuys/data"
)

// searchResult is one public hit: only what publicView lets through.
type searchResult struct {
	Report PublicReport
	Status string // translated
	Date   string
}

type searchData struct {
	Q, Year  string
	Asked    bool
	Results  []searchResult
	Failed   bool
	HasYear  bool
	MaxShown int
}

// searchPage is GET /search?q=NAME&year=YYYY: bookmarkable, a name is
// required, at most 20 results, never a phone number.
func (s *Server) searchPage(c *gin.Context) {
	if !s.cfg.PublicSearch {
		c.Error(errSearchOff)
		return
	}
	p := s.newPage(c, "search.title")
	p.NoSearch = true
	d := &searchData{Q: strings.TrimSpace(c.Query("q")), Year: strings.TrimSpace(c.Query("year")), MaxShown: defaultPublicResults}
	_, d.Asked = c.GetQuery("q")
	p.D = d
	status := http.StatusOK
	fe := intake.FieldErrors{}
	year := formYear(fe, "year", d.Year)
	// A name of at least two characters: one letter would list everyone.
	if d.Asked && (utf8.RuneCountInString(d.Q) < 2 || !intake.HasLetter(d.Q)) {
		fe.Add("q", "field.query")
	}
	if len(fe) > 0 {
		p.Errors = translateFields(fe, p.Lang)
		s.render(c, http.StatusUnprocessableEntity, "search", p)
		return
	}
	if d.Asked {
		hits, err := s.web.search(c.Request.Context(), SearchQuery{Name: d.Q, BirthYear: year, Limit: defaultPublicResults, Lang: lang(c)})
		if err != nil {
			s.log.WarnContext(c.Request.Context(), "public search", "err", err)
			d.Failed = true
			status = http.StatusServiceUnavailable
		}
		d.HasYear = year != 0
		d.Results = s.publicResults(c.Request.Context(), p.Lang, hits)
	}
	s.render(c, status, "search", p)
}

// publicResults are the hits as the list shows them, each with the same
// news line as its record page: a family told "reported safe" must not
// read "still looking" in the list.
func (s *Server) publicResults(ctx context.Context, l string, hits []Hit) []searchResult {
	out := make([]searchResult, 0, len(hits))
	for _, h := range hits {
		if h.Report == nil || len(out) == defaultPublicResults {
			continue
		}
		pv := s.addOutcome(ctx, h.Report, h.View)
		status := T(l, "status."+string(pv.Kind)+"."+pv.Status) // tells a safe report from a search
		if pv.Outcome != "" && pv.Outcome != data.OutcomeNone {
			status = s.newsLine(l, h.Report, pv)
		}
		out = append(out, searchResult{Report: pv, Status: status,
			Date: s.day(l, pv.CreatedAt)})
	}
	return out
}
