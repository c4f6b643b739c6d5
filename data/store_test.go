package data

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestReportRoundTrip(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		r := sampleReport(KindSeek, "Жумабаев Ерлан", "+77011234567")
		r.AltNames = []string{"Zhumabayev Yerlan"}
		r.LastLocation = "ул. Абая 10, кв 5"
		if err := s.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
		got, err := s.GetReport(ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.FullName != r.FullName || got.ContactPhone != "+77011234567" || got.LastLocation != r.LastLocation ||
			got.Status != StatusActive || len(got.AltNames) != 1 || got.ExpiresAt.Sub(got.CreatedAt) != 90*24*time.Hour {
			t.Fatalf("round trip: %+v", got)
		}
		st, err := s.Stats(ctx, time.Now().Add(-time.Hour))
		if err != nil || st["reports.seek"] != 1 || st["channel.api"] != 1 {
			t.Fatalf("stats: %v %v", st, err)
		}
		byPhone, err := s.ReportsWithPhone(ctx, "+77011234567")
		if err != nil || len(byPhone) != 1 || byPhone[0].ID != r.ID {
			t.Fatalf("reports with phone: %v %v", byPhone, err)
		}
		if _, err := s.GetReport(ctx, "nope"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("missing report: %v", err)
		}
		if err := s.RemoveReport(ctx, r.ID); err != nil {
			t.Fatal(err)
		}
		got, _ = s.GetReport(ctx, r.ID)
		if got.Status != StatusRemoved || got.FullName != "" || got.ContactPhone != "" || got.LastLocation != "" {
			t.Fatalf("removed report keeps personal data: %+v", got)
		}
		evs, _ := s.EventsAfter(ctx, 0, 10)
		if len(evs) != 2 || evs[0].Type != EventReportCreated || evs[1].Type != EventReportRemoved {
			t.Fatalf("events: %+v", evs)
		}
	})
}

func TestNotes(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		r := sampleReport(KindSafe, "Ким Виктория", "")
		if err := s.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
		if err := s.AddNote(ctx, &Note{ReportID: r.ID, Status: NoteBelievedAlive, Text: "seen at school 12"}); err != nil {
			t.Fatal(err)
		}
		if err := s.AddNote(ctx, &Note{ReportID: "missing", Status: NoteBelievedAlive}); !errors.Is(err, ErrNotFound) {
			t.Fatalf("note on a missing report: %v", err)
		}
		notes, err := s.ListNotes(ctx, r.ID)
		if err != nil || len(notes) != 1 || notes[0].Text != "seen at school 12" {
			t.Fatalf("notes: %+v %v", notes, err)
		}
	})
}

// Concurrent writers lose nothing, and the event log has one event per
// report with unique, gapless sequence numbers.
func TestConcurrentCreateGapless(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		const workers, each = 20, 25
		var wg sync.WaitGroup
		errs := make(chan error, workers*each)
		for w := 0; w < workers; w++ {
			wg.Add(1)
			go func(w int) {
				defer wg.Done()
				for i := 0; i < each; i++ {
					errs <- s.CreateReport(ctx, sampleReport(KindSafe, fmt.Sprintf("Person %d-%d", w, i), ""))
				}
			}(w)
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		evs, err := s.EventsAfter(ctx, 0, 10000)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) != workers*each {
			t.Fatalf("want %d events, got %d", workers*each, len(evs))
		}
		seen := map[string]bool{}
		for i, e := range evs {
			if i > 0 && e.Seq != evs[i-1].Seq+1 {
				t.Fatalf("gap or disorder at %d: %d after %d", i, e.Seq, evs[i-1].Seq)
			}
			seen[e.ReportID] = true
		}
		if len(seen) != workers*each {
			t.Fatalf("want %d distinct reports in events, got %d", workers*each, len(seen))
		}
	})
}

func TestMatchedThroughMonotonic(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		if got, err := s.MatchedThrough(ctx); err != nil || got != 0 {
			t.Fatalf("fresh store: matched through %d, %v; want 0", got, err)
		}
		for _, step := range []struct{ set, want int64 }{{40, 40}, {12, 40}, {41, 41}} {
			if err := s.SetMatchedThrough(ctx, step.set); err != nil {
				t.Fatal(err)
			}
			if got, err := s.MatchedThrough(ctx); err != nil || got != step.want {
				t.Fatalf("after set %d: %d, %v; want %d", step.set, got, err, step.want)
			}
		}
	})
}

// Several pairs in one transaction: the new ones are inserted with their
// messages, an existing one is skipped with its messages.
func TestSaveMatchesTogether(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		seek := sampleReport(KindSeek, "A", "+77011234567")
		safe1, safe2 := sampleReport(KindSafe, "A", "+77011234501"), sampleReport(KindSafe, "A", "+77011234502")
		if err := s.CreateReports(ctx, []*Report{seek, safe1, safe2}); err != nil {
			t.Fatal(err)
		}
		write := func(safe *Report, key string) MatchWrite {
			return MatchWrite{Match: &Match{ID: PairID(seek.ID, safe.ID), SeekID: seek.ID, SafeID: safe.ID, Score: 0.9, State: MatchAutoConfirmed},
				Messages: []Message{{Key: key, To: seek.ContactPhone, Body: key}}}
		}
		if n, err := s.SaveMatches(ctx, []MatchWrite{write(safe1, "first")}); err != nil || n != 1 {
			t.Fatalf("first save: %d, %v", n, err)
		}
		n, err := s.SaveMatches(ctx, []MatchWrite{write(safe1, "again"), write(safe2, "second")})
		if err != nil || n != 1 {
			t.Fatalf("second save: created %d, %v; want 1 (the first pair exists)", n, err)
		}
		if ms, _ := s.MatchesForReport(ctx, seek.ID); len(ms) != 2 {
			t.Fatalf("want 2 matches, got %+v", ms)
		}
		for key, want := range map[string]bool{"first": true, "again": false, "second": true} {
			if m, err := s.MessageByKey(ctx, key); (err == nil && m != nil) != want {
				t.Errorf("message %q present = %v, want %v (%v)", key, !want, want, err)
			}
		}
	})
}

func TestSaveMatchIdempotent(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		seek, safe := sampleReport(KindSeek, "A", "+77011234567"), sampleReport(KindSafe, "A", "+905321234567")
		s.CreateReports(ctx, []*Report{seek, safe})
		for i := 0; i < 3; i++ {
			m := &Match{SeekID: seek.ID, SafeID: safe.ID, Score: 0.95, State: MatchAutoConfirmed}
			msgs := []Message{{Key: "match:" + seek.ID + ":seeker", To: seek.ContactPhone, Body: "hello"}}
			created, err := s.SaveMatch(ctx, m, msgs, []Consent{{MatchID: m.ID, Phone: safe.ContactPhone, Code: "481"}})
			if err != nil {
				t.Fatal(err)
			}
			if created != (i == 0) {
				t.Fatalf("attempt %d: created=%v", i, created)
			}
		}
		ms, _ := s.MatchesForReport(ctx, seek.ID)
		if len(ms) != 1 {
			t.Fatalf("want one match, got %d", len(ms))
		}
		msgs, _ := s.MessagesForMatch(ctx, "")
		if len(msgs) != 1 || msgs[0].Body != "hello" || msgs[0].To != "+77011234567" {
			t.Fatalf("messages: %+v", msgs)
		}
		pend, _ := s.PendingConsents(ctx, "+905321234567")
		if len(pend) != 1 || pend[0].Code != "481" {
			t.Fatalf("pending consents: %+v", pend)
		}
		contact := []Message{{Key: "match:x:contact", To: seek.ContactPhone, Body: "number"}}
		if err := s.AnswerConsent(ctx, pend[0].MatchID, "+905321234567", ConsentYes, contact); err != nil {
			t.Fatal(err)
		}
		if err := s.AnswerConsent(ctx, pend[0].MatchID, "+905321234567", ConsentYes, contact); !errors.Is(err, ErrNotFound) {
			t.Fatalf("second answer: %v", err)
		}
		if _, err := s.MessageByKey(ctx, "match:x:contact"); err != nil {
			t.Fatal(err)
		}
	})
}

func TestDecideMatch(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		m := &Match{SeekID: "s1", SafeID: "f1", Score: 0.7, State: MatchReview}
		s.SaveMatch(ctx, m, nil, nil)
		msgs := []Message{{Key: "match:" + m.ID + ":seeker", To: "+77011234567", Body: "x"}}
		if err := s.DecideMatch(ctx, m.ID, MatchConfirmed, "vol1", "same person", msgs, nil); err != nil {
			t.Fatal(err)
		}
		if err := s.DecideMatch(ctx, m.ID, MatchRejected, "vol2", "", nil, nil); !errors.Is(err, ErrConflict) {
			t.Fatalf("second decision: %v", err)
		}
		got, _ := s.GetMatch(ctx, m.ID)
		if got.State != MatchConfirmed || got.DecidedBy != "vol1" {
			t.Fatalf("match: %+v", got)
		}
		review, _ := s.MatchesByState(ctx, MatchReview, 10)
		if len(review) != 0 {
			t.Fatalf("review queue not empty: %+v", review)
		}
	})
}

func TestClaimLeaseAndAdvance(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		var msgs []Message
		for i := 0; i < 6; i++ {
			msgs = append(msgs, Message{Key: fmt.Sprintf("k%d", i), To: "+77011234567", Body: "b"})
		}
		s.EnqueueMessages(ctx, msgs)
		s.EnqueueMessages(ctx, msgs[:2]) // same keys: skipped
		a, _ := s.ClaimMessages(ctx, "A", time.Minute, 4)
		b, _ := s.ClaimMessages(ctx, "B", time.Minute, 4)
		if len(a) != 4 || len(b) != 2 {
			t.Fatalf("claims: A=%d B=%d", len(a), len(b))
		}
		ids := map[string]bool{}
		for _, m := range append(a, b...) {
			ids[m.ID] = true
		}
		if len(ids) != 6 {
			t.Fatalf("overlapping claims")
		}
		if err := s.MarkSending(ctx, a[0].ID, "B", RecipientCap{}); !errors.Is(err, ErrConflict) {
			t.Fatalf("mark sending without the lease: %v", err)
		}
		// A dies after the request left: its lease ends and B reclaims the message in "sending".
		if err := s.MarkSending(ctx, a[0].ID, "A", RecipientCap{}); err != nil {
			t.Fatal(err)
		}
		short, _ := s.ClaimMessages(ctx, "C", time.Millisecond, 10)
		if len(short) != 0 {
			t.Fatalf("leased messages claimed again: %d", len(short))
		}
		finished := a[1]
		finished.State, finished.ProviderSID = MsgSent, "SM1"
		s.FinishMessage(ctx, &finished)
		if err := s.AdvanceMessage(ctx, "SM1", MsgUndelivered, 30003, "Unreachable destination handset"); err != nil {
			t.Fatal(err)
		}
		if err := s.AdvanceMessage(ctx, "SM1", MsgSent, 0, ""); err != nil {
			t.Fatal(err)
		}
		got, _ := s.MessageByKey(ctx, finished.Key)
		if got.State != MsgUndelivered || got.ErrorCode != 30003 || got.ErrorText != "Unreachable destination handset" {
			t.Fatalf("state moved backwards or lost its error: %s %d %q", got.State, got.ErrorCode, got.ErrorText)
		}
		// Only a[0] is "sending" (a[1] was finished without an attempt): a
		// cap of 1 refuses another, a cap of 2 lets it go.
		if err := s.MarkSending(ctx, a[2].ID, "A", RecipientCap{Max: 1, Since: time.Now().Add(-time.Hour)}); !errors.Is(err, ErrCapReached) {
			t.Fatalf("cap of 1 with one sending: %v", err)
		}
		if err := s.MarkSending(ctx, a[2].ID, "A", RecipientCap{Max: 2, Since: time.Now().Add(-time.Hour)}); err != nil {
			t.Fatalf("cap of 2 with one sending: %v", err)
		}
	})
}

func TestOptOutAndAccounts(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		s.SetOptOut(ctx, "+77011234567", true)
		s.SetOptOut(ctx, "+77011234567", true)
		if out, _ := s.OptedOut(ctx, "+77011234567"); !out {
			t.Fatal("not opted out")
		}
		s.SetOptOut(ctx, "+77011234567", false)
		if out, _ := s.OptedOut(ctx, "+77011234567"); out {
			t.Fatal("still opted out")
		}
		v := &Volunteer{Login: "asel", PasswordHash: "h", Role: RoleVolunteer, Active: true}
		if err := s.CreateVolunteer(ctx, v); err != nil {
			t.Fatal(err)
		}
		if err := s.CreateVolunteer(ctx, &Volunteer{Login: "asel", Role: RoleVolunteer}); !errors.Is(err, ErrConflict) {
			t.Fatalf("duplicate login: %v", err)
		}
		s.CreateSession(ctx, "tok", v.ID, time.Now().Add(time.Hour))
		if got, err := s.SessionVolunteer(ctx, "tok"); err != nil || got.Login != "asel" {
			t.Fatalf("session: %v %v", got, err)
		}
		v.Active = false
		s.UpdateVolunteer(ctx, v)
		if _, err := s.SessionVolunteer(ctx, "tok"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("disabled volunteer keeps session: %v", err)
		}
		s.Audit(ctx, AuditEntry{Actor: "asel", Action: "view_contact", Target: "r1"})
		audit, _ := s.ListAudit(ctx, 10)
		if len(audit) != 1 || audit[0].Action != "view_contact" {
			t.Fatalf("audit: %+v", audit)
		}
	})
}

func TestSubscriptions(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		r := sampleReport(KindSeek, "Ким Виктория", "+77011234567")
		s.CreateReport(ctx, r)
		sub := Subscription{ReportID: r.ID, Phone: "+77051112233", Language: "kk"}
		confirm := []Message{{Key: "sub:" + r.ID + ":x:confirm", To: sub.Phone, Body: "reply YES"}}
		for i := 0; i < 2; i++ {
			if err := s.Subscribe(ctx, sub, confirm); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Subscribe(ctx, Subscription{ReportID: "missing", Phone: sub.Phone}, nil); !errors.Is(err, ErrNotFound) {
			t.Fatalf("subscribe to a missing report: %v", err)
		}
		if subs, _ := s.Subscribers(ctx, r.ID); len(subs) != 0 {
			t.Fatalf("unconfirmed subscriber listed: %+v", subs)
		}
		if pend, err := s.PendingSubscriptions(ctx, sub.Phone); len(pend) != 1 || pend[0].ReportID != sub.ReportID || err != nil {
			t.Fatalf("pending subscriptions: %+v %v", pend, err)
		}
		if err := s.ConfirmSubscription(ctx, "other", sub.Phone); !errors.Is(err, ErrNotFound) {
			t.Fatalf("confirming another report's subscription: %v", err)
		}
		if err := s.ConfirmSubscription(ctx, sub.ReportID, sub.Phone); err != nil {
			t.Fatalf("confirm: %v", err)
		}
		subs, _ := s.Subscribers(ctx, r.ID)
		if len(subs) != 1 || subs[0].Phone != sub.Phone || subs[0].Language != "kk" {
			t.Fatalf("subscribers: %+v", subs)
		}
		if m, err := s.MessageByKey(ctx, confirm[0].Key); err != nil || m.To != sub.Phone {
			t.Fatalf("confirmation SMS: %+v %v", m, err)
		}
	})
}

// TestRecipientCapUnderConcurrency: 40 workers claiming sends to one number
// at once get exactly the cap (issue 13: a cap checked before parallel
// sends let 11, 16 and 14 through).
func TestRecipientCapUnderConcurrency(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		var msgs []Message
		for i := 0; i < 40; i++ {
			msgs = append(msgs, Message{Key: fmt.Sprintf("k%d", i), To: "+77011234567", Body: fmt.Sprint("b", i)})
		}
		msgs = append(msgs, Message{Key: "other", To: "+77011234568", Body: "b"})
		if err := s.EnqueueMessages(ctx, msgs); err != nil {
			t.Fatal(err)
		}
		claimed, err := s.ClaimMessages(ctx, "A", time.Minute, 100)
		if err != nil || len(claimed) != 41 {
			t.Fatalf("claim: %v %d", err, len(claimed))
		}
		limit := RecipientCap{Max: 10, Since: time.Now().Add(-24 * time.Hour)}
		var ok, capped atomic.Int64
		var wg sync.WaitGroup
		for _, m := range claimed {
			wg.Add(1)
			go func(id string) {
				defer wg.Done()
				switch err := s.MarkSending(ctx, id, "A", limit); {
				case err == nil:
					ok.Add(1)
				case errors.Is(err, ErrCapReached):
					capped.Add(1)
				default:
					t.Errorf("mark sending: %v", err)
				}
			}(m.ID)
		}
		wg.Wait()
		// Ten to the first number, one to the other (its own cap).
		if ok.Load() != 11 || capped.Load() != 30 {
			t.Fatalf("sending %d, capped %d; want 11 and 30", ok.Load(), capped.Load())
		}
	})
}

func TestFirstInboundOncePerSid(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		for i, want := range []bool{true, false, false} {
			if first, err := s.FirstInbound(ctx, "SM0001", "ДА 12"); err != nil || first != want {
				t.Fatalf("delivery %d: first=%v err=%v, want %v", i+1, first, err, want)
			}
		}
		if first, _ := s.FirstInbound(ctx, "SM0002", "ДА 12"); !first {
			t.Fatal("another sid taken for a replay")
		}
	})
}
