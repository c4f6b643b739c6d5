package twiliotest

import (
	"net/http"
)

// finalStatuses are the states a message can be redacted in ("post-flight").
var finalStatuses = map[string]bool{"sent": true, "delivered": true, "undelivered": true, "failed": true, "received": true, "canceled": true}

// update serves POST .../Messages/{Sid}.json. An empty Body redacts the
// text of a message past sending, as Twilio's reference has it ("to
// redact a message-body from a post-flight message record, post to the
// message instance resource with an empty body"); a Body with text, or
// none, is error 30400; a message still queued or sending is refused too.
// Test credentials may not touch message resources.
func (s *Server) update(w http.ResponseWriter, r *http.Request, sid string) {
	if s.test {
		writeError(w, http.StatusForbidden, 20008, "Cannot access this resource with Test Credentials")
		return
	}
	if err := r.ParseForm(); err != nil {
		writeError(w, http.StatusBadRequest, 30400, "Parameters are not valid")
		return
	}
	body, ok := r.PostForm["Body"]
	if !ok || len(body) != 1 || body[0] != "" {
		writeError(w, http.StatusBadRequest, 30400, "Message body redaction request does not have empty Body parameter")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.msgs {
		if s.msgs[i].SID != sid {
			continue
		}
		if !finalStatuses[s.msgs[i].Status] {
			writeError(w, http.StatusBadRequest, 30400, "Only a message in a final state can be redacted")
			return
		}
		s.msgs[i].Body = ""
		writeJSON(w, http.StatusOK, toJSON(s.msgs[i]))
		return
	}
	writeError(w, http.StatusNotFound, 20404, "The requested resource /2010-04-01/Accounts/"+s.AccountSID+"/Messages/"+sid+".json was not found")
}
