package twiliotest

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// SendStatus posts a signed status callback for message sid to the
// StatusCallback URL it was created with, as Twilio does, and records the
// new status. It returns the HTTP status the service answered.
func (s *Server) SendStatus(ctx context.Context, sid, status string, errorCode int) (int, error) {
	m, ok := s.setStatus(sid, status)
	if !ok {
		return 0, fmt.Errorf("twiliotest: no message %s", sid)
	}
	if m.StatusCallback == "" {
		return 0, fmt.Errorf("twiliotest: message %s has no StatusCallback", sid)
	}
	form := url.Values{
		"MessageSid": {sid}, "SmsSid": {sid}, "MessageStatus": {status}, "SmsStatus": {status},
		"AccountSid": {m.AccountSID}, "To": {m.To}, "From": {m.From}, "ApiVersion": {"2010-04-01"},
	}
	if errorCode != 0 {
		form.Set("ErrorCode", fmt.Sprint(errorCode))
	}
	return PostSigned(ctx, s.AuthToken, m.StatusCallback, form, "")
}

// PostSigned posts form to fullURL with X-Twilio-Signature computed with
// authToken, or with forged when it is not empty.
func PostSigned(ctx context.Context, authToken, fullURL string, form url.Values, forged string) (int, error) {
	sig := forged
	if sig == "" {
		sig = Sign(authToken, fullURL, form)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, fullURL, strings.NewReader(form.Encode()))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Twilio-Signature", sig)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}

func (s *Server) setStatus(sid, status string) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.msgs {
		if s.msgs[i].SID == sid {
			s.msgs[i].Status = status
			return s.msgs[i], true
		}
	}
	return Message{}, false
}
