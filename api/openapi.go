package api

import (
	_ "embed"
	"net/http"

	"github.com/gin-gonic/gin"
)

// openAPISpec is the JSON API's contract; openapi_test.go holds it to the
// route table and the handlers' answers.
//
//go:embed openapi.yaml
var openAPISpec []byte

func (s *Server) openAPI(c *gin.Context) {
	c.Header("Cache-Control", "public, max-age=3600")
	c.Data(http.StatusOK, "application/yaml; charset=utf-8", openAPISpec)
}
