package api

import "github.com/gin-gonic/gin"

// webUI holds the server-rendered pages: public forms and the volunteer console.
type webUI struct{}

func newWebUI(s *Server) *webUI { return &webUI{} }

// webRoutes registers the public pages and the volunteer console.
func (s *Server) webRoutes(r *gin.Engine) {}

// renderErrorPage shows an error as an HTML page in the user's language.
func (s *Server) renderErrorPage(c *gin.Context, e *AppError) {
	c.String(e.HTTP, T(lang(c), e.Key, e.Args...))
}
