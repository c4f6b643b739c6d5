package api

import (
	"context"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"tuys/data"
	"tuys/exchange"
)

// The console's list import for coordinators: upload → preview (a dry run:
// what would be filed, every row error) → confirm → progress page.

// RowErrorText is one row error as people read it, in lang: the CLI and
// the console print the same line.
// The row is named by its number and the person it is about, the column
// by its header, with the value refused when the list has one.
func RowErrorText(lang string, e exchange.RowError) string {
	msg := T(lang, e.Key, e.Args...)
	where := T(lang, "import.row_at", e.Row)
	if e.Name != "" {
		where = T(lang, "import.row_at_name", e.Row, e.Name)
	}
	switch {
	case e.Column == "":
		return T(lang, "import.row_plain", where, msg)
	case e.Value == "":
		return T(lang, "import.row_error", where, e.Column, msg)
	}
	return T(lang, "import.row_error_value", where, e.Column, e.Value, msg)
}

// consoleImportPath takes lists as large as an import token may send.
const consoleImportPath = "/v/import"

// previewRows is how many would-be reports the preview lists.
const previewRows = 50

type importPageData struct {
	Job      *importJob
	Progress importProgress
	Sample   []exchange.Filed
	Errors   []string
	Form     struct{ Kind, Source, SourceDate string }
}

func (s *Server) importPage(c *gin.Context) {
	s.renderImport(c, http.StatusOK, &importPageData{}, "")
}

func (s *Server) renderImport(c *gin.Context, status int, d *importPageData, problem string) {
	p := s.newPage(c, "import.title")
	p.Compact, p.Problem, p.D = true, problem, d
	if d.Job != nil && d.Progress.Started && !d.Progress.Finished {
		p.Refresh = 2
	}
	s.render(c, status, "import", p)
}

// importUpload checks an uploaded list without filing it and keeps it for
// the coordinator to confirm.
func (s *Server) importUpload(c *gin.Context) {
	d := &importPageData{}
	d.Form.Kind, d.Form.Source, d.Form.SourceDate = c.PostForm("kind"), c.PostForm("source"), c.PostForm("source_date")
	if !s.csrfOK(c) {
		s.renderImport(c, http.StatusForbidden, d, "err.csrf")
		return
	}
	opts, problem := importOptions(d, lang(c))
	if problem != "" {
		s.renderImport(c, http.StatusUnprocessableEntity, d, problem)
		return
	}
	fh, err := c.FormFile("list")
	if err != nil {
		s.renderImport(c, http.StatusUnprocessableEntity, d, "import.no_file")
		return
	}
	f, err := fh.Open()
	if err != nil {
		c.Error(err)
		return
	}
	defer f.Close()
	job, problem := s.previewImport(c, f, fh.Filename, opts)
	if problem != "" {
		s.renderImport(c, http.StatusUnprocessableEntity, d, problem)
		return
	}
	s.web.imports.add(job)
	seeOther(c, "/v/import/"+job.ID)
}

func importOptions(d *importPageData, lang string) (exchange.Options, string) {
	o := exchange.Options{Kind: d.Form.Kind, Source: d.Form.Source, Lang: lang}
	if o.Kind != string(data.KindSafe) && o.Kind != string(data.KindSeek) {
		return o, "field.kind"
	}
	if d.Form.SourceDate != "" {
		t, err := exchange.ParseSourceDate(d.Form.SourceDate, time.Now())
		if err != nil {
			return o, "import.date"
		}
		o.SourceDate = t
	}
	return o, ""
}

func (s *Server) previewImport(c *gin.Context, f io.Reader, name string, o exchange.Options) (*importJob, string) {
	t, err := exchange.ReadTable(f)
	if err != nil {
		if asAppError(err) == errTooLarge {
			return nil, "err.too_large"
		}
		return nil, "import.unreadable"
	}
	is, err := data.Imports(s.store)
	if err != nil {
		return nil, "err.internal"
	}
	o.DryRun = true
	sum, err := exchange.ImportTable(c.Request.Context(), s.intake, is, t, o)
	if errors.Is(err, exchange.ErrNoHeaderRow) {
		return nil, exchange.ErrNoHeader
	}
	if err != nil {
		return nil, "err.internal"
	}
	o.DryRun = false
	return &importJob{ID: data.NewID(), Owner: volunteer(c).Login, FileName: name, Opts: o, Created: s.now(),
		Preview: sum, table: t}, ""
}

// importJobPage shows a job: its preview until confirmed, then progress.
func (s *Server) importJobPage(c *gin.Context) {
	j := s.web.imports.get(c.Param("id"), volunteer(c).Login)
	if j == nil {
		c.Error(errNotFound)
		return
	}
	l := lang(c)
	d := &importPageData{Job: j, Progress: j.progress(s.now())}
	sum := j.Preview
	if d.Progress.Result != nil {
		sum = d.Progress.Result
	}
	if !d.Progress.Started {
		d.Sample = sum.Reports[:min(len(sum.Reports), previewRows)]
	}
	for _, e := range sum.Errors {
		d.Errors = append(d.Errors, RowErrorText(l, e))
	}
	s.renderImport(c, http.StatusOK, d, "")
}

// importConfirm files a previewed list in the background.
func (s *Server) importConfirm(c *gin.Context) {
	j := s.web.imports.get(c.Param("id"), volunteer(c).Login)
	if j == nil {
		c.Error(errNotFound)
		return
	}
	if !s.csrfOK(c) {
		s.renderImport(c, http.StatusForbidden, &importPageData{Job: j, Progress: j.progress(s.now())}, "err.csrf")
		return
	}
	is, err := data.Imports(s.store)
	if err != nil {
		c.Error(err)
		return
	}
	if j.start(s.now()) {
		s.audit(c, volunteer(c).Login, "import", j.Opts.Source+" ("+j.FileName+")")
		go j.run(context.WithoutCancel(c.Request.Context()), s, is)
	}
	seeOther(c, "/v/import/"+j.ID)
}
