package api

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
	"tuys/data"
	"tuys/exchange"
	"tuys/exchange/pfif"
)

var errBadPFIF = &AppError{HTTP: http.StatusBadRequest, Code: "bad_pfif", Key: "err.bad_pfif"}

// exportOptions: public fields only; PFIF record ids name this instance by
// its public URL's host; removed reports go out as placeholders so mirrors
// delete them too. ?since= is RFC 3339.
func (s *Server) exportOptions(c *gin.Context) (exchange.ExportOptions, error) {
	o := exchange.ExportOptions{Domain: exchange.DomainOf(s.cfg.PublicURL), Removed: true, Now: s.now()}
	if v := c.Query("since"); v != "" {
		t, err := time.Parse(time.RFC3339, v)
		if err != nil {
			return o, validationError(intake.FieldErrors{"since": {Key: "field.type"}})
		}
		o.Since = t
	}
	return o, nil
}

type pfifExport func(ctx context.Context, st data.Store, w io.Writer, o exchange.ExportOptions) (int, error)

// pfifFeed serves GET /api/v1/pfif/persons and /notes (token scope read).
func (s *Server) pfifFeed(write pfifExport) gin.HandlerFunc {
	return func(c *gin.Context) {
		o, err := s.exportOptions(c)
		if err != nil {
			c.Error(err)
			return
		}
		c.Header("Content-Type", "application/xml; charset=utf-8")
		c.Status(http.StatusOK)
		if _, err := write(c.Request.Context(), s.store, c.Writer, o); err != nil {
			// The status line has gone; the truncated document tells the
			// partner to retry.
			s.log.ErrorContext(c.Request.Context(), "pfif feed", "err", err)
		}
	}
}

// PFIFResult is the answer to POST /api/v1/pfif.
type PFIFResult struct {
	Filed      int           `json:"filed"`
	Duplicates int           `json:"duplicates"`
	Rejected   int           `json:"rejected"`
	Removed    int           `json:"removed"`
	Notes      int           `json:"notes"`
	Links      int           `json:"links"`
	Errors     []RecordError `json:"errors"`
}

// RecordError is one record's problem, in the request's language.
type RecordError struct {
	RecordID string `json:"record_id"`
	Field    string `json:"field"`
	Message  string `json:"message"`
}

// pfifImport files a partner's PFIF 1.4 document (token scope import):
// every person through intake, like any report.
func (s *Server) pfifImport(c *gin.Context) {
	doc, err := pfif.Read(c.Request.Body)
	if err != nil {
		if ae := asAppError(err); ae == errTooLarge {
			c.Error(ae)
			return
		}
		c.Error(errBadPFIF)
		return
	}
	l := lang(c)
	sum, err := exchange.ImportPFIF(c.Request.Context(), s.intake, s.store, doc, exchange.PFIFOptions{Lang: l, Domain: exchange.DomainOf(s.cfg.PublicURL)})
	if err != nil {
		c.Error(err)
		return
	}
	out := PFIFResult{Filed: sum.Filed, Duplicates: sum.Duplicates, Rejected: sum.Rejected, Removed: sum.Removed,
		Notes: sum.Notes, Links: sum.Links, Errors: []RecordError{}}
	for _, e := range sum.Errors {
		out.Errors = append(out.Errors, RecordError{RecordID: e.RecordID, Field: e.Field, Message: T(l, e.Key, e.Args...)})
	}
	c.JSON(http.StatusOK, out)
}

// Change is one entry of the changes feed: a report's public view after
// an event (nil once removed: mirrors delete it).
type Change struct {
	Seq      int64         `json:"seq"`
	Type     string        `json:"type"`
	At       time.Time     `json:"at"`
	ReportID string        `json:"report_id"`
	Report   *PublicReport `json:"report"`
}

// publicEvents are the events a partner mirror may see; a match decision
// is nobody's business outside.
var publicEvents = map[string]bool{data.EventReportCreated: true, data.EventReportUpdated: true,
	data.EventReportRemoved: true, data.EventNoteAdded: true}

const maxChanges = 1000

// changes serves GET /api/v1/changes?after=SEQ&limit=N (token scope read):
// the event log in commit order, public fields only. "next" is the after=
// of the following call.
func (s *Server) changes(c *gin.Context) {
	after, err1 := strconv.ParseInt(c.DefaultQuery("after", "0"), 10, 64)
	limit, err2 := strconv.Atoi(c.DefaultQuery("limit", "500"))
	fe := intake.FieldErrors{}
	if err1 != nil || after < 0 {
		fe.Add("after", "field.type")
	}
	if err2 != nil || limit < 1 || limit > maxChanges {
		fe.Add("limit", "field.limit", maxChanges)
	}
	if len(fe) > 0 {
		c.Error(validationError(fe))
		return
	}
	ctx := c.Request.Context()
	events, err := s.store.EventsAfter(ctx, after, limit)
	if err != nil {
		c.Error(err)
		return
	}
	views, err := s.reportViews(ctx, events)
	if err != nil {
		c.Error(err)
		return
	}
	out, next := []Change{}, after
	for _, e := range events {
		next = e.Seq
		if !publicEvents[e.Type] {
			continue
		}
		ch := Change{Seq: e.Seq, Type: e.Type, At: e.At, ReportID: e.ReportID}
		if v, ok := views[e.ReportID]; ok && v.Status != data.StatusRemoved {
			ch.Report = &v
		}
		out = append(out, ch)
	}
	c.JSON(http.StatusOK, gin.H{"changes": out, "next": next})
}

func (s *Server) reportViews(ctx context.Context, events []data.Event) (map[string]PublicReport, error) {
	ids, seen := []string{}, map[string]bool{}
	for _, e := range events {
		if publicEvents[e.Type] && !seen[e.ReportID] {
			ids, seen[e.ReportID] = append(ids, e.ReportID), true
		}
	}
	rs, err := s.store.PublicReports(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[string]PublicReport, len(rs))
	for _, r := range rs {
		out[r.ID] = publicView(r)
	}
	return out, nil
}
