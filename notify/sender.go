package notify

import (
	"context"
	"fmt"
	"time"
)

// SendResult is what the provider said about one message.
type SendResult struct {
	SID      string    // provider message id (Twilio "SM…")
	State    string    // data.Msg* state the message is in now
	Segments int       // parts billed, 0 when the provider did not say
	At       time.Time // when the provider created it (zero if unknown)
}

// Sender delivers one SMS. Implementations must be safe for concurrent use.
type Sender interface {
	// Send asks the provider to send body to the E.164 number to.
	// statusCallback may be empty. Errors are *SendError when classified.
	Send(ctx context.Context, to, body, statusCallback string) (SendResult, error)
	// Find looks for a message with this body sent to `to` at or after since:
	// it settles an attempt whose outcome is unknown (timeout, crash) before
	// anything is resent, because the provider has no idempotency key.
	// It returns nil, nil when there is none.
	Find(ctx context.Context, to string, since time.Time, body string) (*SendResult, error)
}

// Outcome says what a failed send means for the message.
type Outcome int

const (
	// Retryable: the provider refused for now (429, 5xx, network); try later.
	Retryable Outcome = iota
	// Permanent: retrying cannot help (invalid number, STOP, not mobile…).
	Permanent
)

// SendError is a classified provider failure.
type SendError struct {
	Outcome Outcome
	Code    int    // Twilio error code (21211…) or HTTP status when no code
	Status  int    // HTTP status, 0 for network errors
	Reason  string // short text for volunteers
	// MaybeSent is true when the request may have reached the provider and
	// been accepted (timeout, dropped connection, 5xx): reconcile before resending.
	MaybeSent bool
	Err       error
}

func (e *SendError) Error() string {
	if e.Code != 0 {
		return fmt.Sprintf("sms %d: %s", e.Code, e.Reason)
	}
	return "sms: " + e.Reason
}

func (e *SendError) Unwrap() error { return e.Err }
