package notify

import (
	"context"
	"errors"
	"fmt"
	"html"
	"net/url"
	"strconv"

	"github.com/twilio/twilio-go/client"

	"tuys/data"
)

// VerifyTwilio checks X-Twilio-Signature for a form POST. fullURL must be the
// public URL Twilio called (from TUYS_PUBLIC_URL plus path and query), not
// one rebuilt from the request's Host, which a proxy or an attacker controls.
func VerifyTwilio(authToken, fullURL string, form url.Values, signature string) bool {
	if authToken == "" || signature == "" {
		return false
	}
	params := make(map[string]string, len(form))
	for k, v := range form {
		if len(v) > 0 {
			params[k] = v[0]
		}
	}
	v := client.NewRequestValidator(authToken)
	return v.Validate(fullURL, params, signature)
}

// VerifyTwilioBody is VerifyTwilio on the raw request body (read it once,
// verify, then parse it).
func VerifyTwilioBody(authToken, fullURL string, body []byte, signature string) bool {
	if authToken == "" || signature == "" {
		return false
	}
	v := client.NewRequestValidator(authToken)
	return v.ValidateBody(fullURL, body, signature)
}

// StateForStatus maps Twilio's MessageStatus to a data.Msg* state.
func StateForStatus(status string) (string, bool) {
	switch status {
	case "accepted", "scheduled", "queued", "sending", "sent":
		return data.MsgSent, true
	case "delivered", "read":
		return data.MsgDelivered, true
	case "undelivered":
		return data.MsgUndelivered, true
	case "failed", "canceled":
		return data.MsgFailed, true
	}
	return "", false
}

// ErrBadCallback marks a status callback that cannot be read.
var ErrBadCallback = errors.New("bad status callback")

// StatusCallback is a parsed Twilio status callback.
type StatusCallback struct {
	SID       string
	State     string
	ErrorCode int
}

// ParseStatusCallback reads MessageSid, MessageStatus and ErrorCode from a
// verified callback form.
func ParseStatusCallback(form url.Values) (StatusCallback, error) {
	cb := StatusCallback{SID: form.Get("MessageSid")}
	if cb.SID == "" {
		cb.SID = form.Get("SmsSid")
	}
	if cb.SID == "" {
		return cb, fmt.Errorf("%w: no MessageSid", ErrBadCallback)
	}
	status := form.Get("MessageStatus")
	if status == "" {
		status = form.Get("SmsStatus")
	}
	state, ok := StateForStatus(status)
	if !ok {
		return cb, fmt.Errorf("%w: unknown MessageStatus %q", ErrBadCallback, status)
	}
	cb.State = state
	if ec := form.Get("ErrorCode"); ec != "" {
		n, err := strconv.Atoi(ec)
		if err != nil {
			return cb, fmt.Errorf("%w: ErrorCode %q: %v", ErrBadCallback, ec, err)
		}
		cb.ErrorCode = n
	}
	return cb, nil
}

// StatusStore is the part of data.Store a status callback needs.
type StatusStore interface {
	AdvanceMessage(ctx context.Context, sid, state string, errCode int) error
}

// ApplyStatusCallback parses a verified callback and moves the message forward;
// repeated and out-of-order callbacks are harmless (the store only advances).
func ApplyStatusCallback(ctx context.Context, st StatusStore, form url.Values) error {
	cb, err := ParseStatusCallback(form)
	if err != nil {
		return err
	}
	if err := st.AdvanceMessage(ctx, cb.SID, cb.State, cb.ErrorCode); err != nil {
		return fmt.Errorf("status callback %s: %w", cb.SID, err)
	}
	return nil
}

// TwiML renders the reply to an inbound SMS webhook (Content-Type text/xml).
// An empty reply gives an empty <Response/>: Twilio then sends nothing.
func TwiML(reply string) string {
	if reply == "" {
		return `<?xml version="1.0" encoding="UTF-8"?><Response/>`
	}
	return `<?xml version="1.0" encoding="UTF-8"?><Response><Message>` + html.EscapeString(reply) + `</Message></Response>`
}
