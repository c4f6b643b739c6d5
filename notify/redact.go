package notify

import (
	"context"
	"errors"
	"net/http"
	"time"

	openapi "github.com/twilio/twilio-go/rest/api/v2010"

	"tuys/data"
)

// RedactionStore is the part of data.Store that keeps the provider's
// copies of removed reports' SMS until they are emptied.
type RedactionStore interface {
	DueRedactions(ctx context.Context, now time.Time, limit int) ([]data.Redaction, error)
	FinishRedaction(ctx context.Context, sid string) error
	DeferRedaction(ctx context.Context, sid string, next time.Time) error
}

// Redactor is a sender whose provider keeps the texts it sent and can
// empty them (Twilio). Redact returns nil once the text is gone, also
// when the provider no longer has the message.
type Redactor interface {
	Redact(ctx context.Context, sid string) error
}

// Redact empties the text Twilio keeps of a message: an update with an
// empty Body, which Twilio takes once the message is past sending.
func (t *Twilio) Redact(ctx context.Context, sid string) error {
	p := &openapi.UpdateMessageParams{}
	p.SetBody("")
	if _, err := t.api(ctx).UpdateMessage(sid, p); err != nil {
		return t.redactError(ctx, err)
	}
	return nil
}

func (t *Twilio) redactError(ctx context.Context, err error) error {
	var se *SendError
	if err = classify(ctx, err); errors.As(err, &se) && se.Status == http.StatusNotFound {
		return nil // nothing left to empty
	}
	return err
}

// Redact implements Redactor through Twilio; the modem's spool is pruned
// on its own.
func (f *Failover) Redact(ctx context.Context, sid string) error {
	if r, ok := f.Twilio.(Redactor); ok {
		return r.Redact(ctx, sid)
	}
	return nil
}

// Redaction pacing: tried every redactEvery, a failure waits twice as
// long each time up to six hours (a message still being delivered cannot
// be emptied yet), and a redaction still failing after redactGiveUp is
// logged and dropped.
const (
	redactEvery  = 30 * time.Second
	redactBatch  = 20
	redactGiveUp = 14 * 24 * time.Hour
)

// RedactOnce asks the provider to empty the texts of removed reports' SMS
// that are due, and returns how many it emptied.
func (d *Dispatcher) RedactOnce(ctx context.Context) (int, error) {
	st, ok := d.Store.(RedactionStore)
	r, ok2 := d.Sender.(Redactor)
	if !ok || !ok2 {
		return 0, nil
	}
	due, err := st.DueRedactions(ctx, d.now(), redactBatch)
	if err != nil {
		return 0, err
	}
	done := 0
	for _, x := range due {
		err := r.Redact(ctx, x.SID)
		switch {
		case err == nil:
			done++
			err = st.FinishRedaction(ctx, x.SID)
		case d.now().Sub(x.Queued) > redactGiveUp:
			d.Log.WarnContext(ctx, "sms redaction given up", "sid", x.SID, "attempts", x.Attempts+1, "err", err)
			err = st.FinishRedaction(ctx, x.SID)
		default:
			wait := min(time.Minute<<min(x.Attempts, 9), 6*time.Hour)
			err = st.DeferRedaction(ctx, x.SID, d.now().Add(wait))
		}
		if err != nil {
			return done, err
		}
	}
	return done, nil
}
