package api

import (
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
	"tuys/data"
)

// CreatedReport answers a new report: the deletion code is shown once.
type CreatedReport struct {
	ID           string       `json:"id"`
	DeletionCode string       `json:"deletion_code"`
	Report       PublicReport `json:"report"`
}

func (s *Server) createReport(c *gin.Context) {
	var in intake.ReportInput
	if err := s.decodeJSON(c, &in); err != nil {
		c.Error(err)
		return
	}
	r, code, err := s.fileReport(c, &in, data.ChannelAPI)
	if err != nil {
		c.Error(err)
		return
	}
	c.JSON(http.StatusCreated, CreatedReport{ID: r.ID, DeletionCode: code, Report: publicView(r)})
}

// fileReport files through intake in the request's language; field errors
// become a validation error.
func (s *Server) fileReport(c *gin.Context, in *intake.ReportInput, channel string) (*data.Report, string, error) {
	r, code, fe, err := s.intake.File(c.Request.Context(), in, lang(c), channel)
	if fe != nil {
		return nil, "", validationError(fe)
	}
	return r, code, err
}

func (s *Server) getReport(c *gin.Context) {
	r, err := s.store.GetReport(c.Request.Context(), c.Param("id"))
	if err != nil {
		c.Error(err)
		return
	}
	c.JSON(http.StatusOK, publicView(r))
}

// deleteReport needs the one-time code, in the body {"deletion_code": …},
// the X-Deletion-Code header, or ?code=.
func (s *Server) deleteReport(c *gin.Context) {
	code := c.GetHeader("X-Deletion-Code")
	if code == "" {
		code = c.Query("code")
	}
	if code == "" && c.Request.ContentLength != 0 {
		var body struct {
			DeletionCode string `json:"deletion_code"`
		}
		if err := s.decodeJSON(c, &body); err != nil {
			c.Error(err)
			return
		}
		code = body.DeletionCode
	}
	if err := s.removeWithCode(c, c.Param("id"), code); err != nil {
		c.Error(err)
		return
	}
	c.Status(http.StatusNoContent)
}

func (s *Server) removeWithCode(c *gin.Context, id, code string) error {
	code = strings.TrimSpace(code)
	if code == "" {
		return validationError(intake.FieldErrors{"deletion_code": {Key: "field.deletion_code"}})
	}
	r, err := s.store.GetReport(c.Request.Context(), id)
	if err != nil {
		return err
	}
	if r.Status == data.StatusRemoved {
		return errNotFound
	}
	if subtle.ConstantTimeCompare([]byte(data.HashCode(code)), []byte(r.DeletionHash)) != 1 {
		return errWrongCode
	}
	if err := s.store.RemoveReport(c.Request.Context(), id); err != nil {
		return err
	}
	s.wake()
	return nil
}
