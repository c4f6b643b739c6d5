package api

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
	"tuys/data"
	"tuys/search"
)

// reviewItem is one match waiting for a volunteer: both reports side by
// side with the engine's explanation.
type reviewItem struct {
	Match   data.Match
	Seek    PublicReport
	Safe    PublicReport
	Score   string
	Reasons []string
	// Known are the matches already confirmed for either side: a second
	// "safe" report of someone already found is usually the same person.
	Known []PublicReport
}

const reviewPageSize = 20

func (s *Server) reviewPage(c *gin.Context) {
	p := s.newPage(c, "review.title")
	p.Compact = true
	if c.Query("done") != "" {
		p.Flash = "review.done." + c.Query("done")
	}
	s.renderReview(c, http.StatusOK, p)
}

func (s *Server) renderReview(c *gin.Context, status int, p *page) {
	ctx := c.Request.Context()
	ms, err := s.store.MatchesByState(ctx, data.MatchReview, reviewPageSize)
	if err != nil {
		c.Error(err)
		return
	}
	items := make([]reviewItem, 0, len(ms))
	for _, m := range ms {
		rs, err := s.store.PublicReports(ctx, []string{m.SeekID, m.SafeID})
		if err != nil {
			c.Error(err)
			return
		}
		it := reviewItem{Match: m, Score: fmt.Sprintf("%.2f", m.Score), Reasons: search.StoredLines(m.Explanation, true, phrase(p.Lang))}
		for _, r := range rs {
			if r.ID == m.SeekID {
				it.Seek = publicView(r)
			} else {
				it.Safe = publicView(r)
			}
		}
		if it.Known, err = s.confirmedOthers(ctx, m); err != nil {
			c.Error(err)
			return
		}
		items = append(items, it)
	}
	p.D = items
	s.render(c, status, "review", p)
}

// confirmedOthers are the reports already confirmed as matches of m's
// seek or safe report (other than m itself).
func (s *Server) confirmedOthers(ctx context.Context, m data.Match) ([]PublicReport, error) {
	var out []PublicReport
	for _, id := range []string{m.SeekID, m.SafeID} {
		ms, err := s.store.MatchesForReport(ctx, id)
		if err != nil {
			return nil, err
		}
		for _, o := range ms {
			if o.ID == m.ID || !o.Confirmed() {
				continue
			}
			other := o.SafeID
			if id == o.SafeID {
				other = o.SeekID
			}
			if v := s.publicOf(ctx, other); v != nil {
				out = append(out, *v)
			}
		}
	}
	return out, nil
}

// reviewPost confirms or rejects a match. Confirming asks the hook for the
// SMS so the decision and its messages commit together.
func (s *Server) reviewPost(c *gin.Context) {
	p := s.newPage(c, "review.title")
	p.Compact = true
	if !s.csrfOK(c) {
		p.Problem = "err.csrf"
		s.renderReview(c, http.StatusForbidden, p)
		return
	}
	decision, reason := c.PostForm("decision"), strings.TrimSpace(c.PostForm("reason"))
	state := map[string]string{"confirm": data.MatchConfirmed, "reject": data.MatchRejected}[decision]
	if state == "" || (state == data.MatchRejected && reason == "") {
		p.Problem = "review.need_reason"
		s.renderReview(c, http.StatusUnprocessableEntity, p)
		return
	}
	ctx := c.Request.Context()
	m, err := s.store.GetMatch(ctx, c.Param("id"))
	if err != nil {
		c.Error(err)
		return
	}
	var msgs []data.Message
	var consents []data.Consent
	if hook := s.deps.Confirm; state == data.MatchConfirmed && hook != nil {
		if msgs, consents, err = hook(ctx, *m); err != nil {
			c.Error(err)
			return
		}
	}
	who := volunteer(c).Login
	if err := s.store.DecideMatch(ctx, m.ID, state, who, intake.CleanText(reason), msgs, consents); err != nil {
		if errors.Is(err, data.ErrConflict) { // another volunteer was quicker
			p.Problem = "review.already"
			s.renderReview(c, http.StatusConflict, p)
			return
		}
		c.Error(err)
		return
	}
	s.audit(c, who, "match."+decision, m.ID)
	s.wake()
	seeOther(c, "/v/review?done="+decision)
}
