package notify

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// SendResult is what the provider said about one message.
type SendResult struct {
	SID       string    // provider message id (Twilio "SM…")
	State     string    // data.Msg* state the message is in now
	Segments  int       // parts billed, 0 when the provider did not say
	At        time.Time // when the provider created it (zero if unknown)
	ErrorCode int       // the provider's error code when it failed the message
	ErrorText string    // why, for volunteers ("" when it did not fail)
}

// Lookup names the message a Find looks for: the one with Body sent to To
// at or after Since, or the one with SID when an earlier answer gave it.
type Lookup struct {
	SID   string
	To    string
	Since time.Time
	Body  string
}

// ErrLookupRefused: the provider refuses every lookup with these
// credentials (Twilio's test credentials), so an unknown outcome cannot be
// settled and asking again is useless.
var ErrLookupRefused = errors.New("the SMS provider refuses message lookups with these credentials (Twilio test credentials)")

// Sender delivers one SMS. Implementations must be safe for concurrent use.
type Sender interface {
	// Send asks the provider to send body to the E.164 number to.
	// statusCallback may be empty. Errors are *SendError when classified.
	Send(ctx context.Context, to, body, statusCallback string) (SendResult, error)
	// Find looks for the message q names, in whatever state the provider
	// holds it: it settles an attempt whose outcome is unknown (timeout,
	// crash) before anything is resent, because the provider has no
	// idempotency key. It returns nil, nil when there is none, and an error
	// wrapping ErrLookupRefused when it can never tell.
	Find(ctx context.Context, q Lookup) (*SendResult, error)
}

// LookupChecker is a Sender that can tell up front whether Find can work
// (Twilio answers lookups with test credentials 403).
type LookupChecker interface {
	CheckLookup(ctx context.Context) error
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
