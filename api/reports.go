package api

import (
	"crypto/subtle"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tuys/data"
)

// CreatedReport answers a new report: the deletion code is shown once.
type CreatedReport struct {
	ID           string       `json:"id"`
	DeletionCode string       `json:"deletion_code"`
	Report       PublicReport `json:"report"`
}

func (s *Server) createReport(c *gin.Context) {
	var in ReportInput
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

// fileReport validates and stores a report; the caller acknowledges only
// after this returns, i.e. after the commit.
func (s *Server) fileReport(c *gin.Context, in *ReportInput, channel string) (*data.Report, string, error) {
	r, fe := in.toReport(s.now(), lang(c), channel, s.parse)
	if fe != nil {
		return nil, "", validationError(fe)
	}
	code := data.NewCode(deletionCodeLength)
	r.DeletionHash = data.HashCode(code)
	if err := s.store.CreateReport(c.Request.Context(), r); err != nil {
		return nil, "", err
	}
	s.log.InfoContext(c.Request.Context(), "report filed", "id", r.ID, "kind", r.Kind, "channel", channel,
		"phone", data.MaskPhone(r.ContactPhone))
	s.wake()
	return r, code, nil
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
		return validationError(FieldErrors{"deletion_code": {Key: "field.deletion_code"}})
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
