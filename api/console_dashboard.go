package api

import (
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
)

type statGroup struct {
	Title string // catalog key
	Rows  []statRow
}

type statRow struct {
	Name  string
	Count int
}

type dashboardData struct {
	Groups       []statGroup
	OldestReview string
	Waiting      bool
	StalledSince string // when this node's matching began failing; "" while it works
	SMSOff       bool   // SMS go to the log: "sent" counts SMS written there (a new user's trial, 2026-12-07)
}

func (s *Server) dashboardPage(c *gin.Context) {
	now := s.now().In(s.zone()) // "today" is the hotline's day, not UTC's
	midnight := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, s.zone())
	stats, err := s.store.Stats(c.Request.Context(), midnight)
	if err != nil {
		c.Error(err)
		return
	}
	p := s.newPage(c, "dash.title")
	if c.Query("done") == "removed" { // a record removed from the console lands here: its page is gone
		p.Flash = "vrecord.done.removed"
	}
	p.Compact = true
	d := dashboardData{SMSOff: !s.smsSends()}
	for _, g := range []struct{ prefix, title string }{
		{"reports.", "dash.reports"}, {"channel.", "dash.channels"}, {"matches.", "dash.matches"}, {"messages.", "dash.messages"},
	} {
		d.Groups = append(d.Groups, statGroup{Title: g.title, Rows: statRows(p.Lang, stats, g.prefix)})
	}
	if at, ok := stats["review.oldest_s"]; ok {
		d.Waiting = true
		d.OldestReview = time.Unix(int64(at), 0).In(s.zone()).Format("2006-01-02 15:04")
	}
	if s.engine != nil {
		if since := s.engine.StalledSince(); !since.IsZero() {
			d.StalledSince = since.In(s.zone()).Format("2006-01-02 15:04")
		}
	}
	p.D = d
	s.render(c, http.StatusOK, "dashboard", p)
}

func statRows(lang string, stats map[string]int, prefix string) []statRow {
	var rows []statRow
	for k, v := range stats {
		if strings.HasPrefix(k, prefix) {
			rows = append(rows, statRow{Name: statLabel(lang, strings.TrimPrefix(k, prefix)), Count: v})
		}
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].Name < rows[j].Name })
	return rows
}
