package notify

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"time"

	"tuys/data"
)

// CodeNotSent marks a failure that proves no message left (the connection
// never opened, the file never reached the daemon's outbox): the dispatcher
// sends again without reconciling, through whichever channel is up.
const CodeNotSent = 1

// DefaultFailoverAfter is how many consecutive network failures or
// timeouts of Twilio move sending to the modem (TUYS_SMS_FAILOVER_AFTER).
const DefaultFailoverAfter = 3

// Failover sends through Twilio while it answers and through the modem
// after After consecutive network failures or timeouts; a lookup every
// Probe seconds tells when Twilio answers again. It keeps no message state:
// the outbox key and the reconcile step stay the only path to a send. A
// message whose Twilio attempt has an unknown outcome (a timeout) waits
// until Twilio answers the lookup; it is never guessed onto the modem.
type Failover struct {
	Twilio Sender // also a LookupChecker (the probe)
	Modem  *Gammu
	After  int
	Probe  time.Duration
	Log    *slog.Logger

	mu           sync.Mutex
	fails        int
	onModem      bool
	probing      bool
	lastProbe    time.Time
	firstFailure time.Time // of the current run of failures
	failoverTook time.Duration
	measured     bool
}

// Send implements Sender.
func (f *Failover) Send(ctx context.Context, to, body, statusCallback string) (SendResult, error) {
	if f.modem(ctx) || strings.HasPrefix(keyOf(ctx), gammuReplyPrefix) {
		// A reply to an SMS the modem received goes back from the same number.
		res, err := f.Modem.Send(ctx, to, body, statusCallback)
		f.noteModemSend(err)
		return res, err
	}
	res, err := f.Twilio.Send(ctx, to, body, statusCallback)
	f.note(ctx, err)
	var se *SendError
	if errors.As(err, &se) && se.Status == 0 && !se.MaybeSent && se.Code == 0 {
		se.Code = CodeNotSent // the connection never opened
	}
	return res, err
}

// Find implements Sender: modem ids on the modem, Twilio ids at Twilio;
// without an id the modem first (local), then Twilio, which must answer:
// an attempt there cannot be ruled out otherwise.
func (f *Failover) Find(ctx context.Context, q Lookup) (*SendResult, error) {
	if strings.HasPrefix(q.SID, gammuSIDPrefix) {
		return f.Modem.Find(ctx, q)
	}
	if q.SID == "" {
		if r, err := f.Modem.Find(ctx, q); r != nil || err != nil {
			return r, err
		}
	}
	if f.modem(ctx) {
		return nil, errors.New("Twilio is not answering: an earlier attempt through it stays unknown until it does")
	}
	r, err := f.Twilio.Find(ctx, q)
	if !errors.Is(err, ErrLookupRefused) {
		f.note(ctx, err)
	}
	return r, err
}

// CheckLookup implements LookupChecker for Twilio, whose lookups settle
// unknown outcomes.
func (f *Failover) CheckLookup(ctx context.Context) error {
	if c, ok := f.Twilio.(LookupChecker); ok {
		return c.CheckLookup(ctx)
	}
	return nil
}

// Wait implements PacedSender: the modem's pace while it sends.
func (f *Failover) Wait(m *data.Message) (time.Duration, string) {
	f.mu.Lock()
	onModem := f.onModem
	f.mu.Unlock()
	if onModem || strings.HasPrefix(m.Key, gammuReplyPrefix) {
		return f.Modem.Wait(m)
	}
	return 0, ""
}

// Channel names the channel in use ("twilio" or "modem").
func (f *Failover) Channel() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.onModem {
		return "modem"
	}
	return "twilio"
}

// FailoverTook is the time from the first Twilio failure of the last
// failover to the first message queued at the modem (0 before any).
func (f *Failover) FailoverTook() time.Duration {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.failoverTook
}

// modem reports whether the modem sends now, and starts a probe of Twilio
// when one is due.
func (f *Failover) modem(ctx context.Context) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.onModem {
		return false
	}
	if !f.probing && time.Since(f.lastProbe) >= f.Probe {
		f.probing, f.lastProbe = true, time.Now()
		go f.probe(context.WithoutCancel(ctx))
	}
	return true
}

// probe asks Twilio for the smallest list; any answer, even a refusal, is
// Twilio answering.
func (f *Failover) probe(ctx context.Context) {
	err := f.CheckLookup(ctx)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.probing = false
	if isNetworkFailure(err) {
		return
	}
	f.onModem, f.fails, f.measured = false, 0, false
	f.log().Warn("sms: Twilio answers again; sending through Twilio")
}

// note counts consecutive network failures of Twilio and fails over.
func (f *Failover) note(ctx context.Context, err error) {
	if ctx.Err() != nil {
		return // shutting down: says nothing about Twilio
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if !isNetworkFailure(err) {
		f.fails = 0
		return
	}
	if f.fails == 0 {
		f.firstFailure = time.Now()
	}
	f.fails++
	if f.fails >= max(f.After, 1) && !f.onModem {
		f.onModem, f.lastProbe, f.measured = true, time.Now(), false
		f.log().Warn(fmt.Sprintf("sms: Twilio failed %d times in a row (network or timeout); sending through the modem", f.fails), "err", err)
	}
}

func (f *Failover) noteModemSend(err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err != nil || !f.onModem || f.measured {
		return
	}
	f.measured, f.failoverTook = true, time.Since(f.firstFailure)
	f.log().Warn("sms: first message through the modem", "since_first_twilio_failure", f.failoverTook.Round(time.Millisecond))
}

// isNetworkFailure: Twilio did not answer (no HTTP status at all).
func isNetworkFailure(err error) bool {
	var se *SendError
	return errors.As(err, &se) && se.Status == 0
}

func (f *Failover) log() *slog.Logger {
	if f.Log == nil {
		return slog.Default()
	}
	return f.Log
}
