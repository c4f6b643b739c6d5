package api

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
	"tuys/data"
)

// consoleHit is a search result for volunteers: the record (no phone — the
// number is on the record page, where each view is audited) and the score
// with its explanation.
type consoleHit struct {
	Report  PublicReport
	Score   string
	Reasons []string
	Auto    bool
	Labels  string // kind and status in the volunteer's language
}

func consoleHits(lang string, hits []Hit) []consoleHit {
	out := make([]consoleHit, 0, len(hits))
	for _, h := range hits {
		if h.Report == nil {
			continue
		}
		labels := label(lang, "kind", h.Report.Kind) + " · " + label(lang, "status", h.Report.Status)
		if h.Decision != "" {
			labels += " · " + label(lang, "decision", h.Decision)
		}
		out = append(out, consoleHit{Report: h.View, Score: fmt.Sprintf("%.2f", h.Score),
			Reasons: h.Reasons, Auto: h.Decision == "auto", Labels: labels})
	}
	return out
}

type consoleSearchData struct {
	Q, Kind, Status, City, From, To string
	Asked                           bool
	Hits                            []consoleHit
}

// consoleSearchPage searches both kinds with filters; kind, year and city
// go to the engine, status and the year range are applied to its results.
func (s *Server) consoleSearchPage(c *gin.Context) {
	d := &consoleSearchData{Q: strings.TrimSpace(c.Query("q")), Kind: c.Query("kind"), Status: c.Query("status"),
		City: strings.TrimSpace(c.Query("city")), From: c.Query("from"), To: c.Query("to")}
	_, d.Asked = c.GetQuery("q")
	p := s.newPage(c, "vsearch.title")
	p.Compact = true
	p.D = d
	fe := intake.FieldErrors{}
	from, to := formYear(fe, "from", d.From), formYear(fe, "to", d.To)
	if d.Asked && d.Q == "" {
		fe.Add("q", "field.query")
	}
	if len(fe) > 0 || !d.Asked {
		p.Errors = translateFields(fe, p.Lang)
		s.render(c, http.StatusOK, "vsearch", p)
		return
	}
	hits, err := s.consoleHitsFor(c, d, from, to, p.Lang)
	if err != nil {
		c.Error(err)
		return
	}
	d.Hits = consoleHits(p.Lang, filterHits(hits, d.Status, from, to))
	s.render(c, http.StatusOK, "vsearch", p)
}

// consoleHitsFor runs a volunteer's search: by the contact phone when the
// query is a phone number and nothing else (a caller asks "what became of
// my report?" and gives their number), else by name.
func (s *Server) consoleHitsFor(c *gin.Context, d *consoleSearchData, from, to int, lang string) ([]Hit, error) {
	if e164, ok := phoneQuery(d.Q); ok {
		return s.reportsWithPhone(c, e164, data.Kind(d.Kind), lang)
	}
	q := SearchQuery{Name: d.Q, Kind: data.Kind(d.Kind), City: d.City, Limit: maxConsoleResults, Lang: lang}
	if from != 0 && from == to {
		q.BirthYear = from
	}
	return s.web.search(c.Request.Context(), q)
}

// phoneQuery reads a query that is a phone number and nothing else.
func phoneQuery(q string) (string, bool) {
	if intake.HasLetter(q) {
		return "", false
	}
	return data.NormalizePhone(q)
}

// reportsWithPhone lists the reports whose contact phone is e164, newest
// first. Finding a report by its number reads contact data: each one
// found is audited, as a view of its record page is.
func (s *Server) reportsWithPhone(c *gin.Context, e164 string, kind data.Kind, lang string) ([]Hit, error) {
	rs, err := s.store.ReportsWithPhone(c.Request.Context(), e164)
	if err != nil {
		return nil, err
	}
	var hide data.Hider
	hits := make([]Hit, 0, len(rs))
	for i := len(rs) - 1; i >= 0 && len(hits) < maxConsoleResults; i-- {
		r := rs[i]
		if r.Status == data.StatusRemoved || kind != "" && r.Kind != kind {
			continue
		}
		s.audit(c, volunteer(c).Login, "search_phone", r.ID)
		hits = append(hits, Hit{Report: r, View: hide.Public(r), Score: 1, Reasons: []string{T(lang, "why.phone")}})
	}
	if len(hits) == 0 { // trying numbers that are not on file leaves a trace too
		s.audit(c, volunteer(c).Login, "search_phone_none", "")
	}
	return hits, nil
}

func filterHits(hits []Hit, status string, from, to int) []Hit {
	out := hits[:0:0]
	for _, h := range hits {
		r := h.Report
		if r == nil || (status != "" && r.Status != status) {
			continue
		}
		if (from != 0 || to != 0) && r.BirthYear == 0 {
			continue
		}
		if (from != 0 && r.BirthYear < from) || (to != 0 && r.BirthYear > to) {
			continue
		}
		out = append(out, h)
	}
	return out
}
