package api

import (
	"net"
	"net/http"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
	"tuys/data"
)

// CreatedReport answers a new report: the deletion code and the private
// page's address are shown once; possible_matches says at once whether
// reports of the other kind already look like this person.
type CreatedReport struct {
	ID              string       `json:"id"`
	DeletionCode    string       `json:"deletion_code"`
	PrivateURL      string       `json:"private_url"`
	PossibleMatches int          `json:"possible_matches"`
	Report          PublicReport `json:"report"`
	// Notices are what the author must know that is not an error (the
	// filing page says the same): a landline for a contact, which SMS
	// cannot reach.
	Notices []Notice `json:"notices,omitempty"`
}

// noticeLandline: SMS cannot reach the contact number (api/openapi.yaml
// lists the notice codes; they are not errors).
const noticeLandline = "landline"

// Notice is one such thing: a stable code, and its words in the
// request's language.
type Notice struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (s *Server) createReport(c *gin.Context) {
	var in intake.ReportInput
	if err := s.decodeJSON(c, &in); err != nil {
		c.Error(err)
		return
	}
	done, err := s.fileReport(c, &in, data.ChannelAPI)
	if err != nil {
		c.Error(err)
		return
	}
	r := done.Report
	c.JSON(http.StatusCreated, CreatedReport{ID: r.ID, DeletionCode: done.DeletionCode,
		PrivateURL: s.cfg.PublicURL + privatePath(done.PrivateToken), PossibleMatches: len(s.possibleMatches(c.Request.Context(), r)),
		Report: filedView(r), Notices: s.filingNotices(lang(c), r)})
}

// filedView is the public view of a report just filed, its outcome none:
// news comes with a match, which the matcher makes from the stored report
// after it is filed, and the private page and GET tell it. Asking the
// store for the new report's matches was an eighth of a node's CPU under
// HTTP ingest.
func filedView(r *data.Report) PublicReport {
	v := publicView(r)
	v.Outcome = data.OutcomeNone
	return v
}

// filingNotices are the notices of a report just filed.
func (s *Server) filingNotices(lang string, r *data.Report) []Notice {
	if say := s.landlineNotice(lang, r.ContactPhone); say != "" {
		return []Notice{{Code: noticeLandline, Message: say}}
	}
	return nil
}

// landlineNotice tells whoever filed with phone, if SMS cannot reach it,
// what to do instead: call the hotline, or, from abroad, where a short
// hotline number (1414) cannot be dialled, open the private link ("call
// 1414" was said to a family in Germany: a new user's trial, 2026-12-07).
func (s *Server) landlineNotice(lang, phone string) string {
	switch {
	case !data.IsLandline(phone):
		return ""
	case data.InKazakhstan(phone) || dialledFromAbroad(s.cfg.Hotline):
		return T(lang, "filed.landline", s.cfg.Hotline)
	}
	return T(lang, "filed.landline_abroad")
}

// dialledFromAbroad: a hotline written as a whole number (ten digits or
// more, +7 727 …) can be called from another country; a short one cannot.
func dialledFromAbroad(hotline string) bool {
	digits := 0
	for _, r := range hotline {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits >= 10
}

// fileReport files through intake in the request's language; field errors
// become a validation error. A web or API report carries its network's
// tag (filerTag).
func (s *Server) fileReport(c *gin.Context, in *intake.ReportInput, channel string) (*intake.Filed, error) {
	if channel == data.ChannelWeb || channel == data.ChannelAPI {
		in.FilerTag = s.filerTag(c)
	}
	done, fe, err := s.intake.File(c.Request.Context(), in, lang(c), channel)
	if fe != nil {
		return nil, validationError(fe)
	}
	return done, err
}

func (s *Server) getReport(c *gin.Context) {
	r, err := s.store.GetReport(c.Request.Context(), c.Param("id"))
	if err != nil {
		c.Error(err)
		return
	}
	c.JSON(http.StatusOK, s.withOutcome(c.Request.Context(), r))
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
	code = data.TypedCode(code)
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
	if !isAuthor(r, code) {
		return errWrongCode
	}
	if err := s.store.RemoveReport(c.Request.Context(), id); err != nil {
		return err
	}
	s.wake()
	return nil
}

// filerTag is a keyed hash of the network a request came from: its /24
// (IPv4) or /48 (IPv6), wider than one address so that a pumper cannot
// file pairs from neighbouring addresses. The reports of a network take
// part in three automatic matches a day at most (search: busyNetwork).
// Private and loopback addresses get no tag.
func (s *Server) filerTag(c *gin.Context) string {
	ip := net.ParseIP(c.ClientIP())
	if ip == nil || ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsUnspecified() {
		// A proxy's or this host's address (TUYS_TRUSTED_PROXIES not
		// set, a local test): it would tag everyone alike.
		return ""
	}
	bits, size := 48, 128
	if ip.To4() != nil {
		ip, bits, size = ip.To4(), 24, 32
	}
	return s.store.PhoneTag("filer:" + ip.Mask(net.CIDRMask(bits, size)).String())
}
