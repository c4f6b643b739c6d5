package data

import (
	"context"
	"testing"
	"time"
)

// The operator's snapshot counts what the store holds, the same way on
// SQLite and PostgreSQL: reports by kind and channel, matches and SMS by
// state, SMS errors by code, the oldest unsent SMS and review match, the
// log's head and the SMS that spent the hourly budget.
func TestOpsSnapshot(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		start := time.Now().Add(-time.Second)
		empty, err := s.OpsSnapshot(ctx, start)
		if err != nil || len(empty.Reports)+len(empty.Matches)+len(empty.Messages) != 0 || !empty.OldestUnsent.IsZero() ||
			!empty.OldestReview.IsZero() || empty.SentSince != 0 {
			t.Fatalf("empty store: %+v %v", empty, err)
		}
		seek, safe := sampleReport(KindSeek, "A", "+77011234567"), sampleReport(KindSafe, "A", "+905321234567")
		safe.Channel = ChannelSMS
		other := sampleReport(KindSeek, "B", "+77011234568")
		if err := s.CreateReports(ctx, []*Report{seek, safe, other}); err != nil {
			t.Fatal(err)
		}
		review := &Match{SeekID: other.ID, SafeID: safe.ID, Score: 0.7, State: MatchReview}
		if _, err := s.SaveMatch(ctx, review, nil, nil); err != nil {
			t.Fatal(err)
		}
		msgs := []Message{{Key: "k1", To: seek.ContactPhone, Body: "a"}, {Key: "k2", To: seek.ContactPhone, Body: "b"},
			{Key: "k3", To: safe.ContactPhone, Body: "c"}}
		auto := &Match{SeekID: seek.ID, SafeID: safe.ID, Score: 0.97, State: MatchAutoConfirmed}
		if _, err := s.SaveMatch(ctx, auto, msgs, nil); err != nil {
			t.Fatal(err)
		}
		claimed, err := s.ClaimMessages(ctx, "A", time.Minute, 2)
		if err != nil || len(claimed) != 2 {
			t.Fatalf("claim: %d %v", len(claimed), err)
		}
		for i, state := range []string{MsgSent, MsgFailed} {
			m := claimed[i]
			if err := s.MarkSending(ctx, m.ID, "A", RecipientCap{}); err != nil {
				t.Fatal(err)
			}
			m.State, m.ProviderSID = state, "SM"+m.Key
			if state == MsgFailed {
				m.ErrorCode, m.ErrorText = 21211, "invalid To"
			}
			if err := s.FinishMessage(ctx, &m); err != nil {
				t.Fatal(err)
			}
		}
		snap, err := s.OpsSnapshot(ctx, start)
		if err != nil {
			t.Fatal(err)
		}
		want := map[KindChannel]int{{"seek", ChannelAPI}: 2, {"safe", ChannelSMS}: 1}
		for k, n := range want {
			if snap.Reports[k] != n {
				t.Errorf("reports %v = %d, want %d (%v)", k, snap.Reports[k], n, snap.Reports)
			}
		}
		if snap.Matches[MatchReview] != 1 || snap.Matches[MatchAutoConfirmed] != 1 || len(snap.Matches) != 2 {
			t.Errorf("matches: %v", snap.Matches)
		}
		if snap.Messages[MsgSent] != 1 || snap.Messages[MsgFailed] != 1 || snap.Messages[MsgQueued] != 1 {
			t.Errorf("messages: %v", snap.Messages)
		}
		if len(snap.MessageErrors) != 1 || snap.MessageErrors[21211] != 1 {
			t.Errorf("message errors: %v", snap.MessageErrors)
		}
		if snap.SentSince != 1 { // sent counts, failed did not leave (as CountSent)
			t.Errorf("sent since start: %d", snap.SentSince)
		}
		if later, _ := s.OpsSnapshot(ctx, time.Now().Add(time.Minute)); later.SentSince != 0 {
			t.Errorf("sent since a later time: %d", later.SentSince)
		}
		for name, at := range map[string]time.Time{"oldest unsent": snap.OldestUnsent, "oldest review": snap.OldestReview} {
			if at.Before(start) || at.After(time.Now()) {
				t.Errorf("%s: %v, want between %v and now", name, at, start)
			}
		}
		head, _ := s.LastEventSeq(ctx)
		if snap.LastEventSeq != head || head == 0 {
			t.Errorf("last event seq %d, log head %d", snap.LastEventSeq, head)
		}
	})
}
