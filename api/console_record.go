package api

import (
	"context"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
	"tuys/data"
)

// matchView is a match of the record with its SMS and their delivery state.
type matchView struct {
	Match    data.Match
	OtherID  string
	Messages []messageView
}

// messageView hides the message body (it may hold a phone number) but shows
// where it went and how far it got.
type messageView struct {
	To, State, Error, Key string
	Segments              int
}

type consoleRecordData struct {
	R       *data.Report
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
			Author: notes[i].Author, CreatedAt: notes[i].CreatedAt})
	}
	if d.Matches, err = s.recordMatches(ctx, r.ID); err != nil {
		c.Error(err)
		return
	}
	p.D = d
	s.render(c, status, "vrecord", p)
}

func (s *Server) recordMatches(ctx context.Context, id string) ([]matchView, error) {
	ms, err := s.store.MatchesForReport(ctx, id)
	if err != nil {
		return nil, err
	}
	out := make([]matchView, 0, len(ms))
	for _, m := range ms {
		mv := matchView{Match: m, OtherID: m.SafeID}
		if m.SafeID == id {
			mv.OtherID = m.SeekID
		}
		msgs, err := s.store.MessagesForMatch(ctx, m.ID)
		if err != nil {
			return nil, err
		}
		for _, msg := range msgs {
			mv.Messages = append(mv.Messages, messageView{To: data.MaskPhone(msg.To), State: msg.State,
				Error: msg.ErrorText, Key: msg.Key, Segments: msg.Segments})
		}
		out = append(out, mv)
	}
	return out, nil
}

func (s *Server) consoleNotePost(c *gin.Context) {
	p := s.newPage(c, "vrecord.title")
	p.Compact = true
	if !s.csrfOK(c) {
		p.Problem = "err.csrf"
		s.renderConsoleRecord(c, http.StatusForbidden, p, &consoleRecordData{})
		return
	}
	in := NoteInput{Status: c.PostForm("status"), Text: c.PostForm("text"), Author: volunteer(c).Login}
	if _, err := s.store.GetReport(c.Request.Context(), c.Param("id")); err != nil {
		c.Error(err)
		return
	}
	if _, err := s.storeNote(c, c.Param("id"), &in); err != nil {
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
	p := s.newPage(c, "vrecord.title")
	p.Compact = true
	d := &consoleRecordData{LinkTo: strings.TrimSpace(c.PostForm("link_to")), Reason: intake.CleanText(c.PostForm("reason"))}
	if !s.csrfOK(c) {
		p.Problem = "err.csrf"
		s.renderConsoleRecord(c, http.StatusForbidden, p, d)
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
	if _, err := s.storeNote(c, id, &note); err != nil {
		c.Error(err)
		return
	}
	s.audit(c, volunteer(c).Login, "link:"+d.LinkTo, id)
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
