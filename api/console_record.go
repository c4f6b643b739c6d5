package api

import (
	"context"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
	"tuys/data"
	"tuys/search"
)

// matchView is a match of the record: the other report by name, the
// explanation, and its SMS with their delivery state.
type matchView struct {
	Match    data.Match
	OtherID  string
	Other    *PublicReport // nil when it is gone
	Reasons  []string
	Messages []messageView
	Pending  bool // the found person has not answered this seeker's request yet
	Twin     bool // another request to the person reads the same from another number (notify.Twins)
}

// messageView shows where an SMS went, what it was for and how far it got.
// The text is shown only when it went to the log instead of a phone (SMS
// not set up): then a volunteer reads it out by phone.
type messageView struct {
	To, Error, Purpose string
	StateKey           string // sms.state.*
	Body               string // logged messages only
	Segments           int
}

type consoleRecordData struct {
	R       *data.Report
	Linked  *PublicReport // the report linked as "same person", by name
	Notes   []PublicNote
	Matches []matchView
	LinkTo  string
	Reason  string
}

// consoleRecordPage shows everything, contact details included; every view
// is audited because a rogue volunteer is one of the threats (issue 7).
func (s *Server) consoleRecordPage(c *gin.Context) {
	p := s.newPage(c, "vrecord.title")
	p.Compact = true
	if c.Query("done") != "" {
		p.Flash = "vrecord.done." + c.Query("done")
	}
	// The page lists every note: the volunteer has now seen the public's,
	// which may then go to subscribers by SMS.
	if n, err := s.store.MarkNotesSeen(c.Request.Context(), c.Param("id")); err != nil {
		s.log.WarnContext(c.Request.Context(), "mark notes seen", "report", c.Param("id"), "err", err)
	} else if n > 0 {
		s.wake()
	}
	s.renderConsoleRecord(c, http.StatusOK, p, &consoleRecordData{})
}

func (s *Server) renderConsoleRecord(c *gin.Context, status int, p *page, d *consoleRecordData) {
	ctx := c.Request.Context()
	r, err := s.store.GetReport(ctx, c.Param("id"))
	if err != nil {
		c.Error(err)
		return
	}
	s.audit(c, volunteer(c).Login, "view_contact", r.ID)
	notes, err := s.store.ListNotes(ctx, r.ID)
	if err != nil {
		c.Error(err)
		return
	}
	d.R = r
	for i := range notes {
		d.Notes = append(d.Notes, PublicNote{ID: notes[i].ID, Status: notes[i].Status, Text: notes[i].Text,
			Author: notes[i].Author, By: notes[i].By, CreatedAt: notes[i].CreatedAt})
	}
	if d.Matches, err = s.recordMatches(ctx, r.ID, p.Lang); err != nil {
		c.Error(err)
		return
	}
	if err := s.markPending(ctx, r, d.Matches); err != nil {
		c.Error(err)
		return
	}
	for _, m := range d.Matches {
		if m.showsOthersContact() {
			s.audit(c, volunteer(c).Login, "view_contact", m.OtherID)
		}
	}
	d.Linked = s.publicOf(ctx, r.LinkedID)
	p.D = d
	s.render(c, status, "vrecord", p)
}

func (s *Server) recordMatches(ctx context.Context, id, lang string) ([]matchView, error) {
	ms, err := s.store.MatchesForReport(ctx, id)
	if err != nil {
		return nil, err
	}
	out := make([]matchView, 0, len(ms))
	for _, m := range ms {
		mv := matchView{Match: m, OtherID: m.SafeID, Reasons: search.StoredLines(m.Explanation, true, phrase(lang))}
		if m.SafeID == id {
			mv.OtherID = m.SeekID
		}
		mv.Other = s.publicOf(ctx, mv.OtherID)
		msgs, err := s.store.MessagesForMatch(ctx, m.ID)
		if err != nil {
			return nil, err
		}
		for _, msg := range msgs {
			v := messageView{To: data.MaskPhone(msg.To), StateKey: smsStateKey(msg), Error: msg.ErrorText,
				Purpose: purposeOf(msg.Key), Segments: msg.Segments}
			if v.StateKey == "sms.state.logged" {
				v.Body = data.MaskPrivateLinks(msg.Body) // the author's link is theirs, not the volunteer's
			}
			mv.Messages = append(mv.Messages, v)
		}
		out = append(out, mv)
	}
	return out, nil
}

// showsOthersContact reports whether the page shows an SMS's text about
// this match: the number a YES released, or the seeker's name in a
// request, are the other report's contact data, and reading them is
// audited on that report too (an attacker's trial, 2026-12-07: only the
// record opened was).
func (m matchView) showsOthersContact() bool {
	for _, msg := range m.Messages {
		if msg.Body != "" {
			return true
		}
	}
	return false
}

// publicOf is the public view of report id, nil when it is unknown or gone.
func (s *Server) publicOf(ctx context.Context, id string) *PublicReport {
	if id == "" {
		return nil
	}
	r, err := s.store.GetReport(ctx, id)
	if err != nil || r.Status == data.StatusRemoved {
		return nil
	}
	v := publicView(r)
	return &v
}

// purposeOf names what an SMS was for from its idempotency key
// ("match:ID:seeker" → seeker, "sub:…:confirm" → sub_confirm).
func purposeOf(key string) string {
	parts := strings.Split(key, ":")
	switch {
	case len(parts) == 3 && parts[0] == "match":
		return parts[2]
	case len(parts) >= 4 && parts[0] == "sub" && parts[3] == "confirm":
		return "sub_confirm"
	case parts[0] == "sub":
		return "sub_update"
	}
	return parts[0]
}

// recordPost starts a form posted from a record's console page: the page
// to show again with the form's errors, or false when the post is not this
// site's (answered here, with d's typed values).
func (s *Server) recordPost(c *gin.Context, d *consoleRecordData) (*page, bool) {
	p := s.newPage(c, "vrecord.title")
	p.Compact = true
	if !s.csrfOK(c) {
		p.Problem = "err.csrf"
		s.renderConsoleRecord(c, http.StatusForbidden, p, d)
		return nil, false
	}
	return p, true
}

func (s *Server) consoleNotePost(c *gin.Context) {
	p, ok := s.recordPost(c, &consoleRecordData{})
	if !ok {
		return
	}
	in := NoteInput{Status: c.PostForm("status"), Text: c.PostForm("text"), Author: volunteer(c).Login}
	if _, err := s.store.GetReport(c.Request.Context(), c.Param("id")); err != nil {
		c.Error(err)
		return
	}
	if _, err := s.storeNote(c, c.Param("id"), &in, data.NoteByVolunteer); err != nil {
		if ae := asAppError(err); len(ae.Fields) > 0 {
			p.Errors = translateFields(ae.Fields, p.Lang)
			p.Problem = "err.validation"
			s.renderConsoleRecord(c, http.StatusUnprocessableEntity, p, &consoleRecordData{})
			return
		}
		c.Error(err)
		return
	}
	s.audit(c, volunteer(c).Login, "note", c.Param("id"))
	seeOther(c, "/v/r/"+c.Param("id")+"?done=note")
}

// linkPost marks this record as the same person as another (PFIF
// linked_person_record_id); the reason goes into a note and the audit log.
func (s *Server) linkPost(c *gin.Context) {
	d := &consoleRecordData{LinkTo: strings.TrimSpace(c.PostForm("link_to")), Reason: intake.CleanText(c.PostForm("reason"))}
	p, ok := s.recordPost(c, d)
	if !ok {
		return
	}
	ctx, id := c.Request.Context(), c.Param("id")
	fe := intake.FieldErrors{}
	if d.Reason == "" {
		fe.Add("reason", "field.required")
	}
	if _, err := s.store.GetReport(ctx, d.LinkTo); err != nil || d.LinkTo == id {
		fe.Add("link_to", "vrecord.err.link")
	}
	if len(fe) > 0 {
		p.Errors, p.Problem = translateFields(fe, p.Lang), "err.validation"
		s.renderConsoleRecord(c, http.StatusUnprocessableEntity, p, d)
		return
	}
	if err := s.store.LinkReports(ctx, id, d.LinkTo); err != nil {
		c.Error(err)
		return
	}
	note := NoteInput{Text: "= " + d.LinkTo + ": " + d.Reason, Author: volunteer(c).Login}
	if _, err := s.storeNote(c, id, &note, data.NoteByVolunteer); err != nil {
		c.Error(err)
		return
	}
	s.audit(c, volunteer(c).Login, "link", id) // the target is on the record itself
	seeOther(c, "/v/r/"+id+"?done=link")
}

// auditPage: coordinators see who viewed or changed what.
func (s *Server) auditPage(c *gin.Context) {
	entries, err := s.store.ListAudit(c.Request.Context(), 200)
	if err != nil {
		c.Error(err)
		return
	}
	p := s.newPage(c, "audit.title")
	p.Compact = true
	p.D = entries
	s.render(c, http.StatusOK, "audit", p)
}
