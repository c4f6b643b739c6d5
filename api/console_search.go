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
	q := SearchQuery{Name: d.Q, Kind: data.Kind(d.Kind), City: d.City, Limit: maxConsoleResults, Lang: p.Lang}
	if from != 0 && from == to {
		q.BirthYear = from
	}
	hits, err := s.web.search(c.Request.Context(), q)
	if err != nil {
		c.Error(err)
		return
	}
	d.Hits = consoleHits(p.Lang, filterHits(hits, d.Status, from, to))
	s.render(c, http.StatusOK, "vsearch", p)
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
