package api

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/gin-gonic/gin"

	"tuys/api/intake"
	"tuys/data"
)

// AppError is an error with a stable code that clients can rely on and a
// message key translated into the user's language.
type AppError struct {
	HTTP   int
	Code   string // stable, machine-readable
	Key    string // message catalog key
	Args   []any
	Fields intake.FieldErrors
	Header map[string]string
}

func (e *AppError) Error() string { return e.Code }

// The table of errors tuys returns.
var (
	errValidation  = &AppError{HTTP: http.StatusBadRequest, Code: "validation", Key: "err.validation"}
	errTooLarge    = &AppError{HTTP: http.StatusRequestEntityTooLarge, Code: "too_large", Key: "err.too_large"}
	errNotFound    = &AppError{HTTP: http.StatusNotFound, Code: "not_found", Key: "err.not_found"}
	errWrongCode   = &AppError{HTTP: http.StatusForbidden, Code: "wrong_code", Key: "err.wrong_code"}
	errForbidden   = &AppError{HTTP: http.StatusForbidden, Code: "forbidden", Key: "err.forbidden"}
	errCoordinator = &AppError{HTTP: http.StatusForbidden, Code: "forbidden", Key: "err.coordinator_only"} // a console page for coordinators
	errUnauth      = &AppError{HTTP: http.StatusUnauthorized, Code: "unauthorized", Key: "err.unauthorized"}
	errUnavailable = &AppError{HTTP: http.StatusServiceUnavailable, Code: "unavailable", Key: "err.unavailable"}
	errSearchOff   = &AppError{HTTP: http.StatusNotFound, Code: "search_off", Key: "err.search_off"}
	errRateLimited = &AppError{HTTP: http.StatusTooManyRequests, Code: "rate_limited", Key: "err.rate_limited"} // Args/Header: rateLimited()
	errInternal    = &AppError{HTTP: http.StatusInternalServerError, Code: "internal", Key: "err.internal"}
	errScope       = &AppError{HTTP: http.StatusForbidden, Code: "insufficient_scope", Key: "err.scope"}
	errMediaType   = &AppError{HTTP: http.StatusUnsupportedMediaType, Code: "unsupported_media_type", Key: "err.media_type"}
)

func validationError(fe intake.FieldErrors) *AppError {
	e := *errValidation
	e.Fields = fe
	return &e
}

// badJSON says why a body is not JSON; detailKey is one of the json.*
// messages, said in the client's language.
func badJSON(detailKey string, args ...any) *AppError {
	return &AppError{HTTP: http.StatusBadRequest, Code: "bad_json", Key: "err.bad_json", Args: []any{message{detailKey, args}}}
}

// asAppError maps any error to the AppError a client should see.
func asAppError(err error) *AppError {
	var ae *AppError
	if errors.As(err, &ae) {
		return ae
	}
	if errors.Is(err, data.ErrNotFound) {
		return errNotFound
	}
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return errTooLarge
	}
	return errInternal
}

// ErrorBody is the JSON shape of every API error.
type ErrorBody struct {
	Error   string            `json:"error"`
	Message string            `json:"message"`
	Fields  map[string]string `json:"fields,omitempty"`
	// RequestID is the request's X-Request-ID, for a volunteer to quote.
	RequestID string `json:"request_id,omitempty"`
}

// errorMiddleware renders the last error a handler attached with c.Error as
// JSON (API) or through the HTML error page (renderPage), in the user's
// language. Internal errors are logged with the detail and shown without it.
func errorMiddleware(log *slog.Logger, renderPage func(c *gin.Context, e *AppError)) gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Next()
		if len(c.Errors) == 0 || c.Writer.Written() {
			return
		}
		err := c.Errors.Last().Err
		ae := asAppError(err)
		if ae.HTTP >= 500 {
			log.ErrorContext(c.Request.Context(), "request failed", "method", c.Request.Method, "path", c.FullPath(),
				"request_id", requestID(c), "err", err)
		}
		for k, v := range ae.Header {
			c.Header(k, v)
		}
		if renderPage != nil && wantsHTML(c) {
			renderPage(c, ae)
			return
		}
		l := lang(c)
		body := ErrorBody{Error: ae.Code, Message: T(l, ae.Key, ae.Args...), RequestID: requestID(c)}
		if len(ae.Fields) > 0 {
			body.Fields = translateFields(ae.Fields, l)
		}
		c.JSON(ae.HTTP, body)
	}
}

// wantsHTML is true for page routes, false for the JSON API and webhooks.
func wantsHTML(c *gin.Context) bool {
	p := c.Request.URL.Path
	return !strings.HasPrefix(p, "/api/") && !strings.HasPrefix(p, "/webhooks/") && p != "/healthz" && p != "/readyz"
}

// recovery turns a panic into a logged 500 without a stack trace to the client.
func recovery(log *slog.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		defer func() {
			if r := recover(); r != nil {
				log.ErrorContext(c.Request.Context(), "panic", "path", c.Request.URL.Path, "panic", r)
				c.Error(errInternal)
				if !c.Writer.Written() {
					c.AbortWithStatusJSON(http.StatusInternalServerError,
						ErrorBody{Error: "internal", Message: T(lang(c), "err.internal"), RequestID: requestID(c)})
				}
			}
		}()
		c.Next()
	}
}

// translateFields renders intake's field errors in lang.
func translateFields(fe intake.FieldErrors, lang string) map[string]string {
	out := make(map[string]string, len(fe))
	for f, e := range fe {
		out[f] = T(lang, e.Key, e.Args...)
	}
	return out
}
