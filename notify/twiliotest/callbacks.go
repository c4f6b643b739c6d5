package twiliotest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Statuses is the Message status enum of Twilio's 2010-04-01 API
// description (message_enum_status).
var Statuses = []string{
	"queued", "sending", "sent", "failed", "delivered", "undelivered", "receiving",
	"received", "accepted", "scheduled", "read", "partially_delivered", "canceled",
}

// leftTwilio are the statuses of a message that has been handed to a
// carrier: from the first of them on, date_sent is set.
var leftTwilio = map[string]bool{
	"sending": true, "sent": true, "delivered": true, "undelivered": true, "read": true, "partially_delivered": true,
}

// ErrNoCallbacks: Twilio sends no status callback for a message created
// with test credentials.
var ErrNoCallbacks = errors.New("twiliotest: test credentials get no status callbacks")

// SetStatus moves message sid to status as Twilio would, without a
// callback: date_sent is set when it leaves Twilio, a Messaging Service
// assigns the sender and segment count when the message leaves "accepted",
// and a non-zero errorCode sets error_code and error_message.
func (s *Server) SetStatus(sid, status string, errorCode int) (Message, error) {
	if !known(status) {
		return Message{}, fmt.Errorf("twiliotest: %q is not a Message status", status)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range s.msgs {
		m := &s.msgs[i]
		if m.SID != sid {
			continue
		}
		if m.MessagingServiceSID != "" && m.From == "" && status != "accepted" && status != "scheduled" && status != "canceled" {
			m.From, m.NumSegments = s.ServiceFrom, segments(m.Body)
		}
		if leftTwilio[status] && m.DateSent.IsZero() {
			m.DateSent = time.Now().UTC()
		}
		m.Status = status
		if errorCode != 0 {
			m.ErrorCode, m.ErrorMessage = errorCode, ErrorText[errorCode]
		}
		return *m, nil
	}
	return Message{}, fmt.Errorf("twiliotest: no message %s", sid)
}

func known(status string) bool {
	for _, s := range Statuses {
		if s == status {
			return true
		}
	}
	return false
}

// SendStatus applies SetStatus, then posts a signed status callback to the
// StatusCallback URL the message was created with, as Twilio does. It
// returns the HTTP status the service answered. With test credentials it
// changes the status and returns ErrNoCallbacks.
func (s *Server) SendStatus(ctx context.Context, sid, status string, errorCode int) (int, error) {
	m, err := s.SetStatus(sid, status, errorCode)
	if err != nil {
		return 0, err
	}
	if s.test {
		return 0, ErrNoCallbacks
	}
	if m.StatusCallback == "" {
		return 0, fmt.Errorf("twiliotest: message %s has no StatusCallback", sid)
	}
	form := url.Values{
		"MessageSid": {sid}, "SmsSid": {sid}, "MessageStatus": {status}, "SmsStatus": {status},
		"AccountSid": {m.AccountSID}, "To": {m.To}, "From": {m.From}, "ApiVersion": {"2010-04-01"},
	}
	if m.MessagingServiceSID != "" {
		form.Set("MessagingServiceSid", m.MessagingServiceSID)
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
