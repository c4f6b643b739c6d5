package notify

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"time"

	"tuys/data"
)

// handle takes one claimed message as far as it can go now.
func (d *Dispatcher) handle(ctx context.Context, m *data.Message, budget *atomic.Int64) error {
	if needsReconcile(m) {
		if done, err := d.reconcile(ctx, m); done || err != nil {
			return err
		}
	}
	if d.MaxAttempts > 0 && m.Attempts >= d.MaxAttempts {
		return d.finish(ctx, m, data.MsgFailed, m.ErrorCode,
			fmt.Sprintf("gave up after %d attempts: %s", m.Attempts, m.ErrorText))
	}
	reason, later, err := d.check(ctx, m, budget)
	switch {
	case err != nil:
		return d.retry(ctx, m, &SendError{Outcome: Retryable, Reason: "check failed: " + err.Error()})
	case reason != "":
		d.stats.Suppressed.Add(1)
		return d.finish(ctx, m, data.MsgSuppressed, 0, reason)
	case !later.IsZero():
		d.stats.Deferred.Add(1)
		m.State, m.NextAttemptAt, m.ErrorText = data.MsgQueued, later, "hourly SMS budget reached; waiting"
		return d.save(ctx, m)
	}
	if wait, why := d.pace(m); wait > 0 { // the modem's rate: no attempt recorded
		d.stats.Deferred.Add(1)
		m.State, m.NextAttemptAt, m.ErrorText = data.MsgQueued, d.now().Add(wait), why
		return d.save(ctx, m)
	}
	return d.send(withMessage(ctx, m), m)
}

// send records the attempt before the request leaves (so a crash leaves a
// trace to reconcile), sends, and records the outcome.
func (d *Dispatcher) send(ctx context.Context, m *data.Message) error {
	err := d.Store.MarkSending(ctx, m.ID, d.Worker, d.recipientCap(m))
	switch {
	case errors.Is(err, data.ErrCapReached):
		d.stats.Suppressed.Add(1)
		return d.finish(ctx, m, data.MsgSuppressed, 0, fmt.Sprintf("daily limit of %d SMS to this number reached", d.Policy.DailyCap))
	case errors.Is(err, data.ErrConflict):
		return nil // our lease ended; another worker owns the message now
	case err != nil:
		return fmt.Errorf("mark sending %s: %w", m.Key, err)
	}
	m.State, m.AttemptedAt = data.MsgSending, d.now()
	m.Attempts++
	res, err := d.Sender.Send(ctx, m.To, m.Body, d.CallbackURL)
	if err != nil {
		return d.failed(ctx, m, err)
	}
	d.stats.Sent.Add(1)
	return d.accepted(ctx, m, res)
}

func (d *Dispatcher) accepted(ctx context.Context, m *data.Message, res SendResult) error {
	m.ProviderSID = res.SID
	if res.Segments > 0 {
		m.Segments = res.Segments
	}
	state := res.State
	if state == "" || state == data.MsgQueued || state == data.MsgSending {
		state = data.MsgSent
	}
	d.Log.InfoContext(ctx, "sms sent", "key", m.Key, "to", MaskPhone(m.To), "sid", res.SID, "attempt", m.Attempts)
	return d.finish(ctx, m, state, res.ErrorCode, res.ErrorText)
}

func (d *Dispatcher) failed(ctx context.Context, m *data.Message, err error) error {
	var se *SendError
	if !errors.As(err, &se) {
		se = &SendError{Outcome: Retryable, MaybeSent: true, Reason: err.Error(), Err: err}
	}
	if se.Outcome == Permanent {
		if se.Code == 21610 {
			// The carrier-level STOP: record it so later messages are
			// suppressed here instead of refused (and billed) there.
			if err := d.Store.SetOptOut(ctx, m.To, true); err != nil {
				d.Log.WarnContext(ctx, "sms opt-out from 21610", "err", err)
			}
		}
		d.stats.Failed.Add(1)
		d.Log.WarnContext(ctx, "sms failed", "key", m.Key, "to", MaskPhone(m.To), "code", se.Code, "reason", se.Reason)
		return d.finish(ctx, m, data.MsgFailed, se.Code, se.Reason)
	}
	return d.retry(ctx, m, se)
}

// retry puts m back in the queue after an exponential, jittered delay.
func (d *Dispatcher) retry(ctx context.Context, m *data.Message, se *SendError) error {
	d.stats.Retried.Add(1)
	m.State, m.ErrorCode, m.ErrorText = data.MsgQueued, se.Code, se.Reason
	if se.MaybeSent && definitive(se.Code) {
		m.ErrorCode = 0 // keep the reconcile mark (see needsReconcile)
	}
	m.NextAttemptAt = d.now().Add(d.backoff(m.Attempts))
	d.Log.WarnContext(ctx, "sms retry", "key", m.Key, "to", MaskPhone(m.To), "reason", se.Reason, "at", m.NextAttemptAt)
	return d.save(ctx, m)
}

// needsReconcile: a request may have left and been accepted without our
// knowing (a crash while sending, a timeout, a 5xx). Codes of refusals that
// prove nothing was created (429, 21xxx) need no look.
func needsReconcile(m *data.Message) bool {
	if m.AttemptedAt.IsZero() {
		return false
	}
	return m.State == data.MsgSending || !definitive(m.ErrorCode)
}

func definitive(code int) bool {
	return code == CodeNotSent || code == 429 || code == 20429 || code == 20003 || code == 401 || code == 403 || (code >= 21000 && code < 22000)
}

// reconcile asks the provider whether the last attempt went out. done is
// true when it did (the message is then recorded in the state the provider
// reports, with its error, and not resent) or when no one can ever tell.
func (d *Dispatcher) reconcile(ctx context.Context, m *data.Message) (done bool, err error) {
	if d.lookupRefused.Load() {
		return true, d.unverifiable(ctx, m)
	}
	found, err := d.Sender.Find(ctx, Lookup{SID: m.ProviderSID, To: m.To, Since: m.AttemptedAt, Body: m.Body})
	switch {
	case errors.Is(err, ErrLookupRefused):
		d.refuseLookups(ctx, err)
		return true, d.unverifiable(ctx, m)
	case err != nil:
		// Unknown stays unknown: keep the mark and look again later.
		m.ErrorCode = 0
		return true, d.retry(ctx, m, &SendError{Outcome: Retryable, Reason: "could not check an earlier attempt: " + err.Error()})
	case found == nil:
		return false, nil
	}
	d.stats.Reconciled.Add(1)
	d.Log.InfoContext(ctx, "sms reconciled: earlier attempt reached the provider", "key", m.Key, "sid", found.SID, "state", found.State)
	return true, d.accepted(ctx, m, *found)
}

// unverifiable ends a message whose last attempt may have gone out when
// the provider will never say: sending it again could make two, so it is
// recorded failed for a volunteer to follow up.
func (d *Dispatcher) unverifiable(ctx context.Context, m *data.Message) error {
	d.stats.Failed.Add(1)
	d.Log.WarnContext(ctx, "sms outcome unknown and cannot be checked; not resent", "key", m.Key, "to", MaskPhone(m.To))
	return d.finish(ctx, m, data.MsgFailed, twilioTestCredentials,
		"outcome unknown: the SMS provider does not let us look it up (Twilio test credentials), so it was not sent again")
}

// check applies the abuse limits. reason != "" suppresses the message for
// good; a non-zero later defers it (the hourly budget frees up by itself).
func (d *Dispatcher) check(ctx context.Context, m *data.Message, budget *atomic.Int64) (reason string, later time.Time, err error) {
	out, err := d.Store.OptedOut(ctx, m.To)
	if err != nil || out {
		return iff(out, "the recipient replied STOP"), later, err
	}
	if reason = d.Policy.CheckNumber(m.To); reason != "" {
		return reason, later, nil
	}
	// Last, so only a message that will be sent takes from the budget.
	// The per-recipient daily cap is not here: it is counted where the
	// send is claimed (send, MarkSending), atomically.
	if !d.takeBudget(budget, m) {
		return "", d.now().Add(time.Minute + rand.N(4*time.Minute)), nil
	}
	return "", later, nil
}

// takeBudget takes one SMS from the hour's budget (nil: no budget) while
// more than m's floor (budgetFloor) is left.
func (d *Dispatcher) takeBudget(budget *atomic.Int64, m *data.Message) bool {
	if budget == nil {
		return true
	}
	floor := d.Policy.budgetFloor(m)
	for {
		left := budget.Load()
		if left <= floor {
			return false
		}
		if budget.CompareAndSwap(left, left-1) {
			return true
		}
	}
}

// recipientCap is the daily cap as the store applies it at MarkSending. A
// message telling a found person what a volunteer did on their word is
// never capped: strangers' requests can fill the day's cap, and a number
// shared unseen is what that message guards against (trial, 2026-12-06).
func (d *Dispatcher) recipientCap(m *data.Message) data.RecipientCap {
	if d.Policy.DailyCap <= 0 || isPhoneAnswerKey(m.Key) {
		return data.RecipientCap{}
	}
	return data.RecipientCap{Max: d.Policy.DailyCap, Since: d.now().Add(-24 * time.Hour)}
}

func iff(ok bool, s string) string {
	if ok {
		return s
	}
	return ""
}

func (d *Dispatcher) backoff(attempt int) time.Duration {
	if d.Backoff <= 0 {
		return 0
	}
	b := d.Backoff << min(max(attempt-1, 0), 20)
	if d.MaxBackoff > 0 && (b > d.MaxBackoff || b <= 0) {
		b = d.MaxBackoff
	}
	// Full jitter over the upper half: retries from many messages spread out.
	return b/2 + rand.N(b/2+1)
}

func (d *Dispatcher) finish(ctx context.Context, m *data.Message, state string, code int, text string) error {
	m.State, m.ErrorCode, m.ErrorText = state, code, text
	return d.save(ctx, m)
}

// save records the outcome even when ctx was cancelled mid-send (shutdown):
// losing it would force a reconcile after the lease ends.
func (d *Dispatcher) save(ctx context.Context, m *data.Message) error {
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	m.UpdatedAt = d.now()
	if err := d.Store.FinishMessage(sctx, m); err != nil {
		return fmt.Errorf("finish %s: %w", m.Key, err)
	}
	return nil
}
