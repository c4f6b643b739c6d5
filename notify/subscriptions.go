package notify

import (
	"context"
	"fmt"
	"strconv"
	"time"

	"tuys/data"
)

// SubscriptionStore is the part of data.Store subscriptions use.
type SubscriptionStore interface {
	Subscribe(ctx context.Context, sub data.Subscription, confirm []data.Message) error
	Subscribers(ctx context.Context, reportID string) ([]data.Subscription, error)
	EnqueueMessages(ctx context.Context, msgs []data.Message) error
}

// Subscriptions sends "this report changed" SMS to phones that subscribed
// to a report and confirmed with YES.
type Subscriptions struct {
	Store    SubscriptionStore
	Composer *Composer
	Queued   func() // Dispatcher.Wake
}

// Subscribe asks phone to confirm (the confirmation SMS is written with the
// subscription): nobody can subscribe someone else's phone to our SMS.
func (s *Subscriptions) Subscribe(ctx context.Context, r *data.Report, phone, lang string) error {
	confirm, err := s.Composer.SubscribeConfirm(r, phone, lang)
	if err != nil {
		return err
	}
	sub := data.Subscription{ReportID: r.ID, Phone: phone, Language: Lang(lang)}
	if err := s.Store.Subscribe(ctx, sub, []data.Message{confirm}); err != nil {
		return fmt.Errorf("subscribe: %w", err)
	}
	s.queued()
	return nil
}

// OnEvents turns the events the matcher tails into status-change SMS: a
// note a volunteer wrote or has seen (anonymous notes wait for that, see
// data.Note.Seen), or a report marked found or closed. Keys are derived
// from the event, so a replay, or every node tailing the same log, queues
// each SMS once (changeRef says how they coalesce).
func (s *Subscriptions) OnEvents(ctx context.Context, evs []data.Event, reports map[string]*data.Report) error {
	var msgs []data.Message
	for _, ev := range evs {
		r := reports[ev.ReportID]
		change := changeOf(ev, r)
		if change == "" {
			continue
		}
		subs, err := s.Store.Subscribers(ctx, ev.ReportID)
		if err != nil {
			return err
		}
		for _, sub := range subs {
			m, err := s.Composer.StatusChanged(r, sub.Phone, sub.Language, change, changeRef(ev, change))
			if err != nil {
				return err
			}
			msgs = append(msgs, m)
		}
	}
	if len(msgs) == 0 {
		return nil
	}
	if err := s.Store.EnqueueMessages(ctx, msgs); err != nil {
		return fmt.Errorf("status change sms: %w", err)
	}
	s.queued()
	return nil
}

func changeOf(ev data.Event, r *data.Report) string {
	if r == nil {
		return ""
	}
	switch {
	case ev.Type == data.EventNoteAdded:
		return "note"
	case ev.Type == data.EventReportUpdated && (r.Status == data.StatusFound || r.Status == data.StatusClosed):
		return r.Status
	}
	return ""
}

// NoteCoalesce is the window within which a subscriber hears of at most
// one note on a record: notes come in bursts, and each SMS costs money.
const NoteCoalesce = time.Hour

// changeRef completes a status SMS's key: notes share one key per record,
// subscriber and window (the event's time, not ours, so a replay later
// makes the same key); found and closed are sent once per record and
// subscriber, however often a status flips, and never wait behind a note.
func changeRef(ev data.Event, change string) string {
	if change != "note" {
		return ""
	}
	return strconv.FormatInt(ev.At.UnixMilli()/NoteCoalesce.Milliseconds(), 10)
}

func (s *Subscriptions) queued() {
	if s.Queued != nil {
		s.Queued()
	}
}
