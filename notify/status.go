package notify

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strconv"

	"tuys/data"
)

// outcome is what one Twilio message status means for an outbound message.
type outcome struct {
	state string // data.Msg*; "" for statuses only inbound messages take
	text  string // why, when the status alone says the message failed
}

// statusOutcomes covers every value of the Message status enum in Twilio's
// 2010-04-01 API description (message_enum_status). accepted, scheduled
// and queued are Twilio's: for the outbox the message has left (sent); the
// store keeps states moving forward only.
var statusOutcomes = map[string]outcome{
	"accepted":            {state: data.MsgSent},
	"scheduled":           {state: data.MsgSent},
	"queued":              {state: data.MsgSent},
	"sending":             {state: data.MsgSent},
	"sent":                {state: data.MsgSent},
	"delivered":           {state: data.MsgDelivered},
	"read":                {state: data.MsgDelivered},
	"partially_delivered": {state: data.MsgUndelivered, text: "only part of the message was delivered"},
	"undelivered":         {state: data.MsgUndelivered},
	"failed":              {state: data.MsgFailed},
	"canceled":            {state: data.MsgFailed, text: "canceled at Twilio before it was sent"},
	"receiving":           {},
	"received":            {},
}

// errorText is the volunteer-readable reason for a Twilio error: our words
// when we have them, with Twilio's error_message alongside.
func errorText(code int, twilioMsg, statusText string) string {
	reason := Reason(code)
	switch {
	case reason != "" && twilioMsg != "" && reason != twilioMsg:
		return reason + " (Twilio: " + twilioMsg + ")"
	case reason != "":
		return reason
	case twilioMsg != "":
		return twilioMsg
	case code != 0:
		return fmt.Sprintf("Twilio error %d", code)
	}
	return statusText
}

// ErrBadCallback marks a status callback that cannot be read.
var ErrBadCallback = errors.New("bad status callback")

// ErrInboundStatus marks a callback whose status (receiving, received)
// only an inbound message takes: valid, but nothing for the outbox to
// record. It wraps ErrBadCallback for callers that only parse.
var ErrInboundStatus = fmt.Errorf("%w: status of an inbound message", ErrBadCallback)

// StatusCallback is a parsed Twilio status callback.
type StatusCallback struct {
	SID       string
	State     string
	ErrorCode int
	ErrorText string
}

// ParseStatusCallback reads MessageSid, MessageStatus, ErrorCode and (when
// present) ErrorMessage from a verified callback form.
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
	o, known := statusOutcomes[status]
	switch {
	case !known:
		return cb, fmt.Errorf("%w: unknown MessageStatus %q", ErrBadCallback, status)
	case o.state == "":
		return cb, fmt.Errorf("%w: %q", ErrInboundStatus, status)
	}
	cb.State = o.state
	if ec := form.Get("ErrorCode"); ec != "" {
		n, err := strconv.Atoi(ec)
		if err != nil {
			return cb, fmt.Errorf("%w: ErrorCode %q: %v", ErrBadCallback, ec, err)
		}
		cb.ErrorCode = n
	}
	if cb.ErrorCode != 0 || o.text != "" {
		cb.ErrorText = errorText(cb.ErrorCode, form.Get("ErrorMessage"), o.text)
	}
	return cb, nil
}

// StatusStore is the part of data.Store a status callback needs.
type StatusStore interface {
	AdvanceMessage(ctx context.Context, sid, state string, errCode int, errText string) error
}

// ApplyStatusCallback parses a verified callback and moves the message forward;
// repeated and out-of-order callbacks are harmless (the store only advances).
// A status only inbound messages take changes nothing.
func ApplyStatusCallback(ctx context.Context, st StatusStore, form url.Values) error {
	cb, err := ParseStatusCallback(form)
	if errors.Is(err, ErrInboundStatus) {
		return nil
	}
	if err != nil {
		return err
	}
	if err := st.AdvanceMessage(ctx, cb.SID, cb.State, cb.ErrorCode, cb.ErrorText); err != nil {
		return fmt.Errorf("status callback %s: %w", cb.SID, err)
	}
	return nil
}
