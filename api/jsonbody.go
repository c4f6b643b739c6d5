package api

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
)

// decodeJSON reads one JSON object into v: bounded size, unknown fields
// refused (a typo should not silently drop what the user meant to say).
func (s *Server) decodeJSON(c *gin.Context, v any) error {
	c.Request.Body = http.MaxBytesReader(c.Writer, c.Request.Body, s.cfg.MaxBodyBytes)
	dec := json.NewDecoder(c.Request.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return badJSON("json.trailing")
	}
	return nil
}

func jsonError(err error) error {
	var mbe *http.MaxBytesError
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &mbe):
		return errTooLarge
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "body"
		}
		return validationError(intake.FieldErrors{field: {Key: "field.type"}})
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return validationError(intake.FieldErrors{name: {Key: "field.unknown"}})
	case errors.As(err, &syn):
		return badJSON("json.syntax", syn.Offset)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return badJSON("json.eof")
	}
	return badJSON("json.unreadable")
}
