package api

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// smsCommand is one line of the SMS help printed for people without internet.
type smsCommand struct{ Words, Example, What string }

func (s *Server) homePage(c *gin.Context) {
	p := s.newPage(c, "home.title")
	p.NoSearch = true
	p.D = struct {
		Search   bool
		Number   string // where to text; empty with a messaging service or no SMS
		Commands []smsCommand
	}{s.cfg.PublicSearch, s.smsNumber(), []smsCommand{
		{"SAFE / АМАН / ЖИВ", p.T("home.sms.safe_example"), p.T("home.sms.safe")},
		{"FIND / ІЗДЕУ / ИЩУ", p.T("home.sms.find_example"), p.T("home.sms.find")},
		{"STOP / ТОҚТА / СТОП", "STOP", p.T("home.sms.stop")},
		{"HELP / КӨМЕК / ПОМОЩЬ", "HELP", p.T("home.sms.help")},
	}}
	s.render(c, http.StatusOK, "home", p)
}

func (s *Server) deletedPage(c *gin.Context) {
	s.render(c, http.StatusOK, "deleted", s.newPage(c, "deleted.title"))
}

// smsSends reports whether SMS leave this server (Twilio or the modem),
// not into the log: only then do pages promise them, or a volunteer send one.
func (s *Server) smsSends() bool { return s.deps.SMS != nil && s.deps.SMS.Config.Sends() }

// smsNumber is the number people text commands to, when SMS is wired with
// a plain sender number (a messaging service has none to print).
func (s *Server) smsNumber() string {
	if s.deps.SMS == nil {
		return ""
	}
	return s.deps.SMS.Config.From
}
