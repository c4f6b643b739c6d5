package api

import "github.com/gin-gonic/gin"

// security holds rate limiters and API-token checks.
type security struct{}

func newSecurity(s *Server) *security { return &security{} }

// securityMiddleware runs on every request: headers, limits.
func (s *Server) securityMiddleware() []gin.HandlerFunc { return nil }
