package api

import (
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
	"tuys/data"
)

// suggestion is one possible match shown while a volunteer types a name
// (static/app.js); contact details stay on the audited record page.
type suggestion struct {
	ID    string  `json:"id"`
	Name  string  `json:"name"`
	Year  int     `json:"year,omitempty"`
	City  string  `json:"city,omitempty"`
	Kind  string  `json:"kind"`
	Score float64 `json:"score"`
}

const suggestLimit = 8

// suggestJSON is GET /v/suggest?q=NAME&kind=seek|safe: possible matches of
// the other kind for the report being typed. Without JavaScript the same
// list appears after filing.
func (s *Server) suggestJSON(c *gin.Context) {
	q := strings.TrimSpace(c.Query("q"))
	out := []suggestion{}
	if len([]rune(q)) < 3 || !intake.HasLetter(q) {
		c.JSON(http.StatusOK, out)
		return
	}
	other := data.KindSafe
	if c.Query("kind") == string(data.KindSafe) {
		other = data.KindSeek
	}
	year := formYear(intake.FieldErrors{}, "year", c.Query("year"))
	hits, err := s.web.search(c.Request.Context(), SearchQuery{Name: q, Kind: other, BirthYear: year, Limit: suggestLimit, Lang: lang(c)})
	if err != nil {
		c.Error(errUnavailable)
		return
	}
	for _, h := range hits {
		if h.Report == nil || len(out) == suggestLimit {
			continue
		}
		pv := h.View
		out = append(out, suggestion{ID: pv.ID, Name: pv.FullName, Year: pv.BirthYear, City: pv.City, Kind: string(pv.Kind), Score: h.Score})
	}
	c.Header("Cache-Control", "no-store")
	c.JSON(http.StatusOK, out)
}
