package notify

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/twilio/twilio-go/client"
	openapi "github.com/twilio/twilio-go/rest/api/v2010"

	"tuys/data"
)

// Bounds of one lookup. A list by To holds only what our account sent one
// person, which the per-number daily cap keeps small: maxListed messages is
// years of it. Past the bound the lookup fails rather than guess.
const (
	listPageSize = 1000 // the API's largest page
	maxListed    = 5000
	clockSlack   = time.Minute // between our clock and Twilio's date_created
	// twilioTestCredentials is Twilio's error for a resource test
	// credentials may not use (403).
	twilioTestCredentials = 20008
)

// Find implements Sender. It rests on these documented facts of the
// Messages API: a message is listed from its creation on, whatever its
// status; To filters exactly; date_created is set at creation; date_sent
// stays null until Twilio hands the message to a carrier, and DateSent
// filters compare GMT days of date_sent. It does not rest on the list's
// order, nor on where messages without date_sent appear in it.
func (t *Twilio) Find(ctx context.Context, q Lookup) (*SendResult, error) {
	api := t.api(ctx)
	if q.SID != "" {
		m, err := api.FetchMessage(q.SID, nil)
		if err == nil {
			r := resultOf(m)
			return &r, nil
		}
		if code, _ := restCode(err); code != 20404 {
			return nil, lookupError(ctx, "fetch message", err)
		}
	}
	// Sent messages first: a small list (from the day before since, for
	// clocks around midnight). Then every message to q.To: those not sent
	// yet (queued, accepted, scheduled, failed or canceled before leaving)
	// have no date_sent and no DateSent filter finds them.
	sent := &openapi.ListMessageParams{}
	sent.SetTo(q.To).SetDateSentAfter(q.Since.Add(-24 * time.Hour).UTC()).SetPageSize(listPageSize).SetLimit(maxListed)
	all := &openapi.ListMessageParams{}
	all.SetTo(q.To).SetPageSize(listPageSize).SetLimit(maxListed)
	for _, p := range []*openapi.ListMessageParams{sent, all} {
		msgs, err := api.ListMessage(p)
		if err != nil {
			return nil, lookupError(ctx, "list messages", err)
		}
		if r := pick(msgs, q); r != nil {
			return r, nil
		}
		if len(msgs) >= maxListed {
			return nil, fmt.Errorf("twilio list messages: more than %d messages to this number; cannot tell whether it was sent", maxListed)
		}
	}
	return nil, nil
}

// CheckLookup implements LookupChecker with the smallest list there is.
func (t *Twilio) CheckLookup(ctx context.Context) error {
	p := &openapi.ListMessageParams{}
	p.SetPageSize(1).SetLimit(1)
	if _, err := t.api(ctx).ListMessage(p); err != nil {
		return lookupError(ctx, "list messages", err)
	}
	return nil
}

func lookupError(ctx context.Context, what string, err error) error {
	if code, status := restCode(err); code == twilioTestCredentials || (status == 403 && code == 0) {
		return fmt.Errorf("twilio %s: %w", what, ErrLookupRefused)
	}
	return fmt.Errorf("twilio %s: %w", what, classify(ctx, err))
}

func restCode(err error) (code, status int) {
	var te *client.TwilioRestError
	if errors.As(err, &te) {
		return te.Code, te.Status
	}
	return 0, 0
}

// pick returns the oldest outbound message with our body created at or
// after since: the first attempt, should there ever be two.
func pick(msgs []openapi.ApiV2010Message, q Lookup) *SendResult {
	var best *SendResult
	for _, m := range msgs {
		if m.Body == nil || !sameBody(*m.Body, q.Body) {
			continue
		}
		if m.Direction != nil && !strings.HasPrefix(*m.Direction, "outbound") {
			continue
		}
		r := resultOf(&m)
		// No date means we cannot exclude it.
		if !r.At.IsZero() && r.At.Before(q.Since.Add(-clockSlack)) {
			continue
		}
		if best == nil || r.At.Before(best.At) {
			best = &r
		}
	}
	return best
}

// sameBody compares what Twilio stored with what we sent, letters and digits
// only: Smart Encoding may replace punctuation and a Messaging Service may
// append opt-out text.
func sameBody(stored, sent string) bool {
	if stored == sent {
		return true
	}
	a, b := skeleton(stored), skeleton(sent)
	return b != "" && strings.HasPrefix(a, b)
}

func skeleton(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return unicode.ToLower(r)
		}
		return -1
	}, s)
}

// resultOf reads a Message resource: its state, segments (0 until a
// Messaging Service assigns a sender), creation time and failure reason.
func resultOf(m *openapi.ApiV2010Message) SendResult {
	r := SendResult{State: data.MsgSent}
	if m.Sid != nil {
		r.SID = *m.Sid
	}
	o := outcome{state: data.MsgSent}
	if m.Status != nil {
		if known, ok := statusOutcomes[*m.Status]; ok && known.state != "" {
			o = known
		}
	}
	r.State = o.state
	if m.NumSegments != nil {
		r.Segments, _ = strconv.Atoi(*m.NumSegments)
	}
	if m.DateCreated != nil {
		r.At, _ = time.Parse(time.RFC1123Z, *m.DateCreated)
	}
	if m.ErrorCode != nil {
		r.ErrorCode = *m.ErrorCode
	}
	msg := ""
	if m.ErrorMessage != nil {
		msg = *m.ErrorMessage
	}
	if r.ErrorCode != 0 || msg != "" || o.text != "" {
		r.ErrorText = errorText(r.ErrorCode, msg, o.text)
	}
	return r
}
