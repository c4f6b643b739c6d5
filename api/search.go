package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
	"tuys/data"
	"tuys/search"
)

// Result limits, in one place. Public searches have no paging, so nobody
// can list everyone (anti-enumeration); the console may see more, so that
// its status and year filters work on more than one page of hits.
const (
	defaultPublicResults = 20  // a public page, and the API without ?limit=
	maxPublicResults     = 50  // the API's ?limit= at most
	maxConsoleResults    = 100 // a volunteer's search before its filters
)

// SearchQuery is a name search, public or by a volunteer.
type SearchQuery struct {
	Name      string
	Kind      data.Kind // "" = both kinds
	BirthYear int
	City      string
	Limit     int
	Lang      string // of the explanations
}

// Hit is one ranked result. Report is the record as the store's public read
// gives it (no contact, last location or sought phone): pages and the API
// still render it only through publicView, which hides what people typed.
type Hit struct {
	Report   *data.Report
	View     PublicReport // Report's public view, hidden with the answer's other hits
	Score    float64
	Decision string   // "auto", "review" or ""
	Reasons  []string // readable explanation, one line per field
}

// searchReports runs a ranked search through the matching engine and loads
// each hit's public fields from the store (the source of truth: a report
// removed since the index saw it is left out).
func (s *Server) searchReports(ctx context.Context, q SearchQuery) ([]Hit, error) {
	if s.engine == nil || strings.TrimSpace(q.Name) == "" {
		return nil, nil
	}
	if q.Limit <= 0 {
		q.Limit = defaultPublicResults
	}
	q.Limit = min(q.Limit, maxConsoleResults)
	start := time.Now()
	res, err := s.engine.Search(ctx, search.Query{Name: q.Name, Kind: q.Kind, BirthYear: q.BirthYear, City: q.City, Limit: q.Limit})
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	timeStage(ctx, "search", start)
	ids := make([]string, len(res))
	for i, r := range res {
		ids[i] = r.ReportID
	}
	start = time.Now()
	reports, err := s.store.PublicReports(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	timeStage(ctx, "read", start)
	byID := make(map[string]*data.Report, len(reports))
	for _, r := range reports {
		byID[r.ID] = r
	}
	start = time.Now()
	var hide data.Hider // one per answer: its hits share names, places and the query's words
	say := phrase(q.Lang)
	hits := make([]Hit, 0, len(res))
	for _, r := range res {
		rep := byID[r.ReportID]
		if rep == nil || rep.Status == data.StatusRemoved {
			continue // removed since the index saw it
		}
		hits = append(hits, Hit{Report: rep, View: hide.Public(rep), Score: r.Score, Decision: r.Decision,
			Reasons: search.PublicLines(r.Explanation, say, &hide)})
	}
	timeStage(ctx, "answer", start)
	return hits, nil
}

// jsonContentType is what gin's c.JSON sends; the search answer is encoded
// apart, so that its Server-Timing can say how long encoding took.
const jsonContentType = "application/json; charset=utf-8"

// PublicHit is a search result as anyone may see it.
type PublicHit struct {
	Report      PublicReport `json:"report"`
	Score       float64      `json:"score"`
	Decision    string       `json:"decision,omitempty"`
	Explanation []string     `json:"explanation"`
}

// apiSearch: GET /api/v1/search?q=…&kind=…&birth_year=…&city=…
func (s *Server) apiSearch(c *gin.Context) {
	q, fe := searchQueryFrom(c)
	if fe != nil {
		c.Error(validationError(fe))
		return
	}
	ctx, times := withStageTimes(c.Request.Context())
	hits, err := s.searchReports(ctx, q)
	if err != nil {
		c.Error(err)
		return
	}
	out := make([]PublicHit, len(hits))
	for i, h := range hits {
		out[i] = PublicHit{Report: h.View, Score: h.Score, Decision: h.Decision, Explanation: h.Reasons}
	}
	start := time.Now()
	body, err := json.Marshal(gin.H{"results": out})
	if err != nil {
		c.Error(fmt.Errorf("search: %w", err))
		return
	}
	timeStage(ctx, "json", start)
	c.Header("Server-Timing", times.header())
	c.Data(http.StatusOK, jsonContentType, body)
}

// searchQueryFrom reads q (or name), kind, birth_year and city; a name is required.
func searchQueryFrom(c *gin.Context) (SearchQuery, intake.FieldErrors) {
	fe := intake.FieldErrors{}
	q := SearchQuery{Name: intake.CleanText(c.Query("q")), City: intake.CleanText(c.Query("city")), Kind: data.Kind(c.Query("kind")), Lang: lang(c)}
	if q.Name == "" {
		q.Name = intake.CleanText(c.Query("name"))
	}
	if q.Name == "" || !intake.HasLetter(q.Name) {
		fe.Add("q", "field.query")
	}
	intake.CheckText(fe, "q", q.Name, intake.MaxNameLen, false)
	if q.Kind != "" && q.Kind != data.KindSeek && q.Kind != data.KindSafe {
		fe.Add("kind", "field.kind")
	}
	q.Limit = defaultPublicResults
	if l := c.Query("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > maxPublicResults {
			fe.Add("limit", "field.limit", maxPublicResults)
		}
		q.Limit = n
	}
	if y := c.Query("birth_year"); y != "" {
		n, err := strconv.Atoi(y)
		n = intake.ExpandYear(n, time.Now())
		if lo, hi := intake.YearRange(time.Now()); err != nil || n < lo || n > hi {
			fe.Add("birth_year", "field.birth_year", lo, hi)
		}
		q.BirthYear = n
	}
	if len(fe) > 0 {
		return q, fe
	}
	return q, nil
}

// PublicMatch is a proposed match as the API shows it: ids, score, state and
// the explanation; the other report is read through its own public view.
type PublicMatch struct {
	ID          string   `json:"id"`
	SeekID      string   `json:"seek_id"`
	SafeID      string   `json:"safe_id"`
	Score       float64  `json:"score"`
	State       string   `json:"state"`
	Explanation []string `json:"explanation"`
}

// reportMatches: GET /api/v1/reports/{id}/matches
func (s *Server) reportMatches(c *gin.Context) {
	ctx := c.Request.Context()
	r, err := s.store.GetReport(ctx, c.Param("id"))
	if err != nil {
		c.Error(err)
		return
	}
	if r.Status == data.StatusRemoved { // its matches went with it: who it was linked to is its data too
		c.JSON(http.StatusOK, gin.H{"matches": []PublicMatch{}})
		return
	}
	ms, err := s.store.MatchesForReport(ctx, c.Param("id"))
	if err != nil {
		c.Error(err)
		return
	}
	ms, err = s.withoutRemoved(ctx, ms)
	if err != nil {
		c.Error(err)
		return
	}
	out := make([]PublicMatch, 0, len(ms))
	for _, m := range ms {
		out = append(out, PublicMatch{ID: m.ID, SeekID: m.SeekID, SafeID: m.SafeID, Score: m.Score, State: m.State,
			Explanation: search.StoredLines(m.Explanation, false, phrase(lang(c)))})
	}
	c.JSON(http.StatusOK, gin.H{"matches": out})
}

// withoutRemoved leaves out the matches whose other report was removed
// (or purged): its id and its link to this one were its author's data
// too, and the other side went on listing them (attacker trial,
// 2026-12-07). A confirmed match stays in the store for the outcome the
// family sees.
func (s *Server) withoutRemoved(ctx context.Context, ms []data.Match) ([]data.Match, error) {
	ids := make([]string, 0, 2*len(ms))
	for _, m := range ms {
		ids = append(ids, m.SeekID, m.SafeID)
	}
	rs, err := s.store.PublicReports(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("matches: %w", err)
	}
	kept := map[string]bool{}
	for _, r := range rs {
		kept[r.ID] = r.Status != data.StatusRemoved
	}
	return slices.DeleteFunc(ms, func(m data.Match) bool { return !kept[m.SeekID] || !kept[m.SafeID] }), nil
}
