package notify

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"tuys/data"
)

// InboxStore is the part of data.Store the modem's inbox uses.
type InboxStore interface {
	MessageByKey(ctx context.Context, key string) (*data.Message, error)
	EnqueueMessages(ctx context.Context, msgs []data.Message) error
	AdvanceMessage(ctx context.Context, sid, state string, errCode int, errText string) error
}

// GammuInbox reads what the daemon received: SMS go to Handle (the api's
// command handler: the per-phone limit, SAFE/FIND, YES/NO/STOP) and its
// reply to the outbox; delivery reports and error/ move sent messages on.
// The daemon's message id (the inbox file name) is the idempotency key:
// the reply's outbox key is "gammu-in:" and that id, and a message whose
// reply row exists is not handled again.
type GammuInbox struct {
	Gammu  *Gammu
	Store  InboxStore
	Handle func(ctx context.Context, from, body string) (string, error)
	Queued func() // after a reply was queued (Dispatcher.Wake)
	Poll   time.Duration
	// Settle is how old an inbox file must be: the daemon writes a file in
	// place, and the parts of a long SMS one after the other, so a younger
	// file may be half written. Zero means DefaultSettle.
	Settle time.Duration
	Log    *slog.Logger

	swept  map[string]bool // error/ files already recorded
	pruned time.Time
}

// spoolKeep is how long handled inbox files and sent or failed message
// files stay in the spool. They hold numbers and texts in clear (the daemon
// needs them so); after a week no lookup or delivery report needs them.
const spoolKeep = 7 * 24 * time.Hour

// DefaultSettle is the Settle of a GammuInbox that sets none.
const DefaultSettle = 2 * time.Second

// gammuReports maps the text of a delivery report the daemon stores in its
// inbox (Gammu writes the report's TP-Status as one of these words) onto
// message states; "" leaves the message as it is.
var gammuReports = map[string]outcome{
	"Delivered": {state: data.MsgDelivered},
	"Failed":    {state: data.MsgUndelivered, text: "the network could not deliver it (modem delivery report)"},
	"Pending":   {},
	"Unknown":   {},
}

// deliveryReportWindow is how long after sending a report is paired with
// the message (the daemon's DeliveryReportDelay default).
const deliveryReportWindow = 10 * time.Minute

// Run reads the inbox until ctx ends.
func (in *GammuInbox) Run(ctx context.Context) error {
	t := time.NewTicker(max(in.Poll, 100*time.Millisecond))
	defer t.Stop()
	for {
		if err := in.Once(ctx); err != nil && ctx.Err() == nil {
			in.log().ErrorContext(ctx, "gammu inbox", "err", err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// Once handles every settled inbox message and records new failures.
func (in *GammuInbox) Once(ctx context.Context) error {
	names, err := in.Gammu.list(gammuInbox)
	if err != nil {
		return err
	}
	groups, order := map[string][]string{}, []string(nil)
	for _, n := range names {
		id := inboxID(n)
		if id == "" {
			continue
		}
		if groups[id] == nil {
			order = append(order, id)
		}
		groups[id] = append(groups[id], n)
	}
	for _, id := range order {
		if !in.settled(groups[id]) {
			continue
		}
		if err := in.handleOne(ctx, id, groups[id]); err != nil {
			return fmt.Errorf("inbox %s: %w", id, err)
		}
	}
	if err := in.sweepErrors(ctx); err != nil {
		return err
	}
	return in.prune()
}

// prune deletes, once an hour, spool files older than spoolKeep.
func (in *GammuInbox) prune() error {
	if time.Since(in.pruned) < time.Hour {
		return nil
	}
	in.pruned = time.Now()
	for _, dir := range []string{gammuDone, gammuSent, gammuError} {
		names, err := in.Gammu.list(dir)
		if err != nil {
			return err
		}
		for _, n := range names {
			p := filepath.Join(in.Gammu.Spool, dir, n)
			if st, err := os.Stat(p); err == nil && time.Since(st.ModTime()) > spoolKeep {
				if err := os.Remove(p); err != nil {
					return fmt.Errorf("prune spool: %w", err)
				}
				delete(in.swept, n)
			}
		}
	}
	return nil
}

// inboxID is IN<date>_<time>_<serial>_<sender> of
// IN<date>_<time>_<serial>_<sender>_<part>.<ext>: one id for all parts.
func inboxID(name string) string {
	if !strings.HasPrefix(name, "IN") || !strings.HasSuffix(name, ".txt") {
		return ""
	}
	i := strings.LastIndexByte(name, '_')
	if i < 0 || len(strings.Split(name, "_")) != 5 {
		return ""
	}
	return name[:i]
}

func (in *GammuInbox) settle() time.Duration {
	if in.Settle <= 0 {
		return DefaultSettle
	}
	return in.Settle
}

func (in *GammuInbox) settled(parts []string) bool {
	for _, p := range parts {
		st, err := os.Stat(filepath.Join(in.Gammu.Spool, gammuInbox, p))
		if err != nil || time.Since(st.ModTime()) < in.settle() {
			return false
		}
	}
	return true
}

func (in *GammuInbox) handleOne(ctx context.Context, id string, parts []string) error {
	var text strings.Builder
	for _, p := range parts { // in part order: the names sort by it
		b, err := os.ReadFile(filepath.Join(in.Gammu.Spool, gammuInbox, p))
		if err != nil {
			return err
		}
		text.WriteString(decodeSMSFile(b))
	}
	from := strings.Split(id, "_")[3]
	body := text.String()
	if o, ok := gammuReports[body]; ok {
		if err := in.delivery(ctx, from, o); err != nil {
			return err
		}
		return in.done(parts)
	}
	key := gammuReplyPrefix + id
	switch _, err := in.Store.MessageByKey(ctx, key); {
	case err == nil:
		return in.done(parts) // handled before a crash; its reply is queued
	case !errors.Is(err, data.ErrNotFound):
		return err
	}
	if err := in.reply(ctx, key, from, body); err != nil {
		return err
	}
	return in.done(parts)
}

// reply runs the command and queues its answer under key. An SMS with no
// answer (a flood over the limit, an unusable number) still gets a row, so
// it is never handled twice.
func (in *GammuInbox) reply(ctx context.Context, key, from, body string) error {
	answer, err := in.Handle(ctx, from, body)
	if err != nil {
		in.log().WarnContext(ctx, "gammu inbound sms", "from", MaskPhone(from), "err", err)
	}
	phone, ok := data.NormalizePhone(from)
	m := data.Message{Key: key, To: phone, Body: answer, Language: ReplyLang(ParseCommand(body), phone), State: data.MsgQueued}
	if !ok || answer == "" {
		m.To, m.Body, m.State, m.ErrorText = from, "", data.MsgSuppressed, "inbound SMS without a reply"
	}
	if err := in.Store.EnqueueMessages(ctx, []data.Message{m}); err != nil {
		return err
	}
	if m.State == data.MsgQueued && in.Queued != nil {
		in.Queued()
	}
	return nil
}

// delivery records a report on the newest message sent to `to` within the
// report window.
func (in *GammuInbox) delivery(ctx context.Context, to string, o outcome) error {
	if o.state == "" {
		return nil
	}
	names, err := in.Gammu.list(gammuSent)
	if err != nil {
		return err
	}
	for i := len(names) - 1; i >= 0; i-- {
		n := names[i]
		st, err := os.Stat(filepath.Join(in.Gammu.Spool, gammuSent, n))
		if err != nil || gammuRecipient(n) != to || time.Since(st.ModTime()) > deliveryReportWindow {
			continue
		}
		err = in.Store.AdvanceMessage(ctx, n, o.state, 0, o.text)
		if errors.Is(err, data.ErrNotFound) {
			continue // not one of ours (sent by hand with gammu-smsd-inject)
		}
		return err
	}
	return nil
}

// sweepErrors marks failed the messages the daemon gave up on.
func (in *GammuInbox) sweepErrors(ctx context.Context) error {
	names, err := in.Gammu.list(gammuError)
	if err != nil {
		return err
	}
	if in.swept == nil {
		in.swept = map[string]bool{}
	}
	for _, n := range names {
		if in.swept[n] {
			continue
		}
		err := in.Store.AdvanceMessage(ctx, n, data.MsgFailed, codeModemFailed, "the modem could not send it")
		if err != nil && !errors.Is(err, data.ErrNotFound) {
			return err
		}
		in.swept[n] = true
	}
	return nil
}

// done moves handled inbox files to done/, out of the daemon's way.
func (in *GammuInbox) done(parts []string) error {
	for _, p := range parts {
		if err := os.Rename(filepath.Join(in.Gammu.Spool, gammuInbox, p), filepath.Join(in.Gammu.Spool, gammuDone, p)); err != nil {
			return err
		}
	}
	return nil
}

func (in *GammuInbox) log() *slog.Logger {
	if in.Log == nil {
		return slog.Default()
	}
	return in.Log
}
