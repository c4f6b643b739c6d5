package api

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
	"tuys/data"
)

// NoteInput is the body of POST /api/v1/reports/{id}/notes (PFIF note);
// intake validates it.
type NoteInput = intake.NoteInput

// PublicNote is a note as anyone may see it (data.PublicNote).
type PublicNote = data.PublicNote

func (s *Server) addNote(c *gin.Context) {
	var in NoteInput
	if err := s.decodeJSON(c, &in); err != nil {
		c.Error(err)
		return
	}
	n, err := s.storeNote(c, c.Param("id"), &in, data.NoteByPublic)
	if err != nil {
		c.Error(err)
		return
	}
	c.JSON(http.StatusCreated, publicNote(n))
}

// storeNote files in as a note on reportID written by by (a volunteer's
// note is signed with their login, which only the console shows).
func (s *Server) storeNote(c *gin.Context, reportID string, in *NoteInput, by data.NoteBy) (*data.Note, error) {
	if fe := in.Validate(); fe != nil {
		return nil, validationError(fe)
	}
	if !data.PublicNoteStatus(in.Status) && !knownWriter(c) && !(by == data.NoteByReportAuthor && in.Status == data.NoteIsNoteAuthor) {
		// A stranger's "believed dead" on someone's record is a cruelty
		// scammers use; a death is reported to the hotline, and a partner
		// (a token that may write) or a volunteer records it. "This is me"
		// is not a note on a stranger's record either, but the report's own
		// author (the private page) says it of an "I am safe" report.
		return nil, validationError(intake.FieldErrors{"status": {Key: "field.note_status_public", Args: []any{s.cfg.Hotline}}})
	}
	// A note written in the console is seen; any other waits for a
	// volunteer to open its record before subscribers hear of it.
	n := &data.Note{ReportID: reportID, Status: in.Status, Text: in.Text, Author: in.Author, By: by, Seen: by == data.NoteByVolunteer}
	if err := s.store.AddNote(c.Request.Context(), n); err != nil {
		return nil, err
	}
	s.wake()
	return n, nil
}

// knownWriter reports whether the request comes from a volunteer's
// session or with a token that may write, rather than from the public.
func knownWriter(c *gin.Context) bool {
	t := tokenOf(c)
	return volunteer(c).ID != 0 || t != nil && (t.Has(scopeWrite) || t.Has(scopeImport))
}

func (s *Server) listNotes(c *gin.Context) {
	if _, err := s.store.GetReport(c.Request.Context(), c.Param("id")); err != nil {
		c.Error(err)
		return
	}
	notes, err := s.store.ListNotes(c.Request.Context(), c.Param("id"))
	if err != nil {
		c.Error(err)
		return
	}
	out := make([]PublicNote, 0, len(notes))
	for i := range notes {
		out = append(out, publicNote(&notes[i]))
	}
	c.JSON(http.StatusOK, gin.H{"notes": out})
}

func publicNote(n *data.Note) PublicNote { return data.PublicNoteOf(n) }
