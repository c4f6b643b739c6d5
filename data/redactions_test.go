package data

import (
	"context"
	"testing"
	"time"
)

// Removing a report queues the provider's copies of the SMS sent about it
// (Twilio's SM… ids, not the modem's or the log's), once each; a deferred
// one is not due until its time; a finished one is gone.
func TestRemovalQueuesRedactions(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		r := &Report{Kind: KindSafe, FullName: "Жумабаев Ерлан", ContactPhone: "+77011234567"}
		if err := s.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
		var msgs []Message
		for _, key := range []string{"link:a", "link:b", "link:c"} {
			msgs = append(msgs, Message{Key: key, ReportID: r.ID, To: r.ContactPhone, Body: "tuys: Телефон +77011234567", State: MsgQueued})
		}
		if err := s.EnqueueMessages(ctx, msgs); err != nil {
			t.Fatal(err)
		}
		claimed, err := s.ClaimMessages(ctx, "A", time.Minute, 3)
		if err != nil || len(claimed) != 3 {
			t.Fatalf("claim: %d %v", len(claimed), err)
		}
		for i, sid := range []string{"SM0001", "OUT_modem_file", "log-1"} {
			m := claimed[i]
			if err := s.MarkSending(ctx, m.ID, "A", RecipientCap{}); err != nil {
				t.Fatal(err)
			}
			m.State, m.ProviderSID = MsgSent, sid
			if err := s.FinishMessage(ctx, &m); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.RemoveReport(ctx, r.ID); err != nil {
			t.Fatal(err)
		}
		now := time.Now()
		due, err := s.DueRedactions(ctx, now, 10)
		if err != nil || len(due) != 1 || due[0].SID != "SM0001" {
			t.Fatalf("due after removal: %+v %v; want SM0001 alone", due, err)
		}
		if err := s.DeferRedaction(ctx, "SM0001", now.Add(time.Hour)); err != nil {
			t.Fatal(err)
		}
		if due, _ := s.DueRedactions(ctx, now, 10); len(due) != 0 {
			t.Fatalf("a deferred redaction is due at once: %+v", due)
		}
		due, _ = s.DueRedactions(ctx, now.Add(2*time.Hour), 10)
		if len(due) != 1 || due[0].Attempts != 1 {
			t.Fatalf("after its time: %+v", due)
		}
		if err := s.FinishRedaction(ctx, "SM0001"); err != nil {
			t.Fatal(err)
		}
		if due, _ := s.DueRedactions(ctx, now.Add(2*time.Hour), 10); len(due) != 0 {
			t.Fatalf("a finished redaction is still due: %+v", due)
		}
	})
}
