package api

import "github.com/gin-gonic/gin"

// webhookRoutes are Twilio's callbacks: delivery status and inbound SMS.
func (s *Server) webhookRoutes(r *gin.Engine) {}
