package api

import (
	"context"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"tuys/data"
	"tuys/notify"
)

// privatePath is where the author of a report sees what happened to it.
func privatePath(token string) string { return data.PrivatePath(token) }

// privateURL is privatePath on the public address ("" without a token).
func privateURL(base, token string) string {
	if token == "" {
		return ""
	}
	return base + privatePath(token)
}

// privateNews is one confirmed match as its author sees it: who, when,
// verified or not, whether the found person was asked and the number shared.
type privateNews struct {
	Other    PublicReport
	At       time.Time
	Verified bool
	Asked    bool
	AskLost  bool   // the request could not be sent (STOP, daily cap, refused): say so
	AskCheck bool   // asked a typed number: what became of it is not said (asked anyway, and the hotline)
	Phone    string // the found person's number, once they agreed (seeker's page only)
	Twice    bool   // asked once already, about the author's earlier report (data.AskedBefore)
	NoPhone  bool   // the found person's report gives no phone: nobody to ask (seeker's page only)
}

// privateSMS is one SMS sent to the author about this report.
type privateSMS struct {
	At    time.Time
	State string // catalog key: sms.state.*
	Body  string
}

type privateData struct {
	Token        string
	Report       PublicReport
	ContactName  string
	ContactPhone string // masked: the author knows it; a shoulder need not
	News         string
	Matches      []privateNews
	SMS          []privateSMS
	Seeking      bool
	Closed       bool
	SMSOff       bool // SMS go to the log on this server: nobody is asked or told by SMS
}

// NextKey is what to do next, by what the page can offer: a number to
// call, a request still waiting for the person's answer, or, on the
// safe side, the SMS to answer. "Call or write to them" stood above
// matches that had no number yet (a new user's trial, 2026-12-07).
func (d *privateData) NextKey() string {
	switch {
	case d.Closed:
		return "private.next_closed"
	case d.SMSOff && !d.hasPhone(): // "we asked them by SMS" and "answer that SMS" stood where no SMS went out (a new user's trial, 2026-12-07)
		return "private.next_off"
	case len(d.Matches) == 0 && d.Seeking:
		return "private.next_seek"
	case len(d.Matches) == 0:
		return "private.next_safe"
	case !d.Seeking:
		return "private.next_safe_news"
	}
	twice, nophone := 0, 0
	for _, m := range d.Matches {
		if m.Phone != "" {
			return "private.next_news"
		}
		if m.Twice {
			twice++
		}
		if m.NoPhone {
			nophone++
		}
	}
	switch len(d.Matches) {
	case twice:
		return "private.next_twice"
	case nophone: // "we asked by SMS" stood where nobody could be asked
		return "private.next_nophone"
	}
	return "private.next_wait"
}

// hasPhone reports whether a match on the page shows a number to call.
func (d *privateData) hasPhone() bool {
	return slices.ContainsFunc(d.Matches, func(m privateNews) bool { return m.Phone != "" })
}

// privateReport finds the report of the token in the URL; a wrong or
// removed one is a plain 404, the same as for any unknown page.
func (s *Server) privateReport(c *gin.Context) (*data.Report, bool) {
	r, err := s.store.ReportByPrivateHash(c.Request.Context(), data.HashCode(strings.TrimSpace(c.Param("token"))))
	if err != nil || r.Status == data.StatusRemoved {
		c.Error(errNotFound)
		return nil, false
	}
	return r, true
}

func (s *Server) privatePage(c *gin.Context) {
	r, ok := s.privateReport(c)
	if !ok {
		return
	}
	if chosen, _ := c.Cookie("lang"); !supported(c.Query("lang")) && !supported(chosen) && supported(r.Language) {
		// The author chose a language when filing; the link opened from an
		// SMS comes with only the phone's Accept-Language (Russian, often).
		c.Set(langKey, r.Language)
	}
	p := s.newPage(c, "private.title")
	if done := c.Query("done"); done == "note" || done == "close" || done == "confirm" {
		p.Flash = "private.done." + done
	}
	d, err := s.privateView(c.Request.Context(), r, p.Lang, c.Param("token"))
	if err != nil {
		c.Error(err)
		return
	}
	p.D = d
	c.Header("Referrer-Policy", "no-referrer") // the token is in the URL
	s.render(c, http.StatusOK, "private", p)
}

func (s *Server) privateView(ctx context.Context, r *data.Report, lang, token string) (*privateData, error) {
	v := s.withOutcome(ctx, r)
	d := &privateData{Token: token, Report: v, ContactName: r.ContactName, ContactPhone: data.MaskPhone(r.ContactPhone),
		News: s.newsLine(lang, r, v), Seeking: r.Kind == data.KindSeek, Closed: r.Status != data.StatusActive,
		SMSOff: !s.smsSends()}
	ms, err := s.store.MatchesForReport(ctx, r.ID)
	if err != nil {
		return nil, err
	}
	for _, m := range ms {
		if !m.Confirmed() {
			continue
		}
		n, sms, err := s.privateMatch(ctx, r, m)
		if err != nil {
			return nil, err
		}
		if n != nil {
			d.Matches = append(d.Matches, *n)
		}
		d.SMS = append(d.SMS, sms...)
	}
	return d, nil
}

// privateMatch is one confirmed match of r and the SMS r's author got about it.
//
// Whoever typed the author's number may be reading, not its owner: for a
// typed number the page lists no SMS and says the same whether or not a
// request went out. A request is not sent when the number typed for the
// seeker is the found person's own, nor when the same phone, name and
// relation filed before; its SMS list and wording told a stranger either
// (an attacker's trial, 2026-12-07).
func (s *Server) privateMatch(ctx context.Context, r *data.Report, m data.Match) (*privateNews, []privateSMS, error) {
	otherID := m.SafeID
	if r.Kind == data.KindSafe {
		otherID = m.SeekID
	}
	other, err := s.store.GetReport(ctx, otherID)
	if err != nil || other.Status == data.StatusRemoved {
		return nil, nil, nil // gone since: nothing to show
	}
	seek, safe := r, other
	if r.Kind == data.KindSafe {
		seek, safe = other, r
	}
	n := &privateNews{Other: publicView(other), At: m.UpdatedAt, Verified: data.Verified(seek, safe),
		NoPhone: r.Kind == data.KindSeek && safe.ContactPhone == ""}
	msgs, err := s.store.MessagesForMatch(ctx, m.ID)
	if err != nil {
		return nil, nil, err
	}
	proven := data.NumberProven(r)
	var sms []privateSMS
	for _, x := range msgs {
		switch {
		case strings.HasSuffix(x.Key, ":found") && !data.NumberProven(safe):
			n.AskCheck = true // the same words whatever became of it: whoever typed the number may be reading
		case strings.HasSuffix(x.Key, ":found"):
			lost := x.State == data.MsgSuppressed || x.State == data.MsgFailed || x.State == data.MsgUndelivered
			n.Asked, n.AskLost = !lost, lost
		case strings.HasSuffix(x.Key, ":contact") && r.Kind == data.KindSeek: // agreed: whatever became of our SMS to the seeker
			n.Phone = safe.ContactPhone
		}
		if x.ReportID == r.ID && proven {
			sms = append(sms, privateSMS{At: x.CreatedAt, State: smsStateKey(x), Body: x.Body})
		}
	}
	switch {
	case r.Kind != data.KindSeek || n.Asked || n.AskLost || n.AskCheck:
	case proven && len(msgs) == 0:
		// Nothing sent about this match: the author filed before and was
		// asked about through that report, whose page keeps its news.
		if n.Twice, err = data.AskedBefore(ctx, s.store, m, r); err != nil {
			return nil, nil, err
		}
	case proven || safe.ContactPhone == "": // the author's own SMS said it, or there was nobody to ask
	case data.NumberProven(safe):
		n.Asked = true
	default:
		n.AskCheck = true
	}
	return n, sms, nil
}

// smsStateKey names an SMS's state for people: an SMS that only went to
// the log (no SMS provider configured) is not "sent".
func smsStateKey(m data.Message) string {
	if m.State == data.MsgSent && notify.Logged(m.ProviderSID) {
		return "sms.state.logged"
	}
	return "sms.state." + m.State
}

// privateNotePost adds the author's note.
func (s *Server) privateNotePost(c *gin.Context) {
	s.privateAction(c, func(r *data.Report) (string, error) {
		in := NoteInput{Text: c.PostForm("text")} // signed "the report's author", never with the contact's name
		if r.Kind == data.KindSafe {
			in.Status = data.NoteIsNoteAuthor
		}
		_, err := s.storeNote(c, r.ID, &in, data.NoteByReportAuthor)
		return privatePath(c.Param("token")) + "?done=note", err
	})
}

// privateClosePost is "found, thank you": a search ends, a safe report closes.
func (s *Server) privateClosePost(c *gin.Context) {
	s.privateAction(c, func(r *data.Report) (string, error) {
		status := data.StatusClosed
		if r.Kind == data.KindSeek {
			status = data.StatusFound
		}
		err := s.store.SetReportStatus(c.Request.Context(), r.ID, status)
		s.wake()
		return privatePath(c.Param("token")) + "?done=close", err
	})
}

// privateDeletePost removes the report and everything derived from it.
func (s *Server) privateDeletePost(c *gin.Context) {
	s.privateAction(c, func(r *data.Report) (string, error) {
		if c.PostForm("confirm") == "" { // one tap must not delete a family's search for good
			return privatePath(c.Param("token")) + "?done=confirm", nil
		}
		err := s.store.RemoveReport(c.Request.Context(), r.ID)
		s.wake()
		return "/deleted", err
	})
}

// privateAction runs a form of the private page: CSRF, then fn, then to
// the page fn names (POST-redirect-GET).
func (s *Server) privateAction(c *gin.Context, fn func(r *data.Report) (string, error)) {
	r, ok := s.privateReport(c)
	if !ok {
		return
	}
	if !s.csrfOK(c) {
		c.Error(errForbidden)
		return
	}
	next, err := fn(r)
	if err != nil {
		c.Error(err)
		return
	}
	seeOther(c, next)
}

// sendPrivateLink queues the SMS that gives the author of r (filed by SMS
// or by a volunteer taking a call) the link to their private page. The
// report is already stored: a failure here is logged, and the volunteer
// can still read the link out from the console.
func (s *Server) sendPrivateLink(ctx context.Context, r *data.Report, token string) {
	if s.deps.SMS == nil || r.ContactPhone == "" || token == "" {
		return
	}
	if err := s.queuePrivateLink(ctx, r, token, ""); err != nil {
		s.log.WarnContext(ctx, "private link sms", "id", r.ID, "err", err)
	}
}

// queuePrivateLink queues the private link's SMS (again: see
// Composer.PrivateLink) and wakes the dispatcher.
func (s *Server) queuePrivateLink(ctx context.Context, r *data.Report, token, again string) error {
	msg, err := s.deps.SMS.Composer.PrivateLink(r, privateURL(s.cfg.PublicURL, token), again)
	if err == nil {
		err = s.store.EnqueueMessages(ctx, []data.Message{msg})
	}
	if err != nil {
		return err
	}
	s.deps.SMS.Dispatcher.Wake()
	return nil
}
