package data

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestRemoveReportScrubsDerived(t *testing.T) {
	forEachStore(t, testRemoveReportScrubsDerived)
}

// testRemoveReportScrubsDerived: after a report is removed, its name is in
// no match explanation, its match leaves the review queue, the SMS texts
// about it are gone (unsent ones suppressed), and its consent requests,
// subscriptions and notes are deleted; the other report is untouched.
func testRemoveReportScrubsDerived(t *testing.T, st Store) {
	ctx := context.Background()
	seek := sampleReport(KindSeek, "Жумабаев Ерлан", "+77011234567")
	safe := sampleReport(KindSafe, "Zhumabayev Yerlan", "+905321234567")
	other := sampleReport(KindSafe, "Жумабаев Ерлан Серикович", "+77017776655")
	for _, r := range []*Report{seek, safe, other} {
		if err := st.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	why := `[{"field":"family","text":"family name: Жумабаев ≈ Zhumabayev","effect":0.9}]`
	auto := &Match{ID: PairID(seek.ID, safe.ID), SeekID: seek.ID, SafeID: safe.ID, Score: 0.95, State: MatchAutoConfirmed, Explanation: why}
	review := &Match{ID: PairID(seek.ID, other.ID), SeekID: seek.ID, SafeID: other.ID, Score: 0.7, State: MatchReview, Explanation: why}
	msgs := []Message{
		{Key: "match:" + auto.ID + ":found", MatchID: auto.ID, ReportID: safe.ID, To: safe.ContactPhone, Body: "Жумабаев ищет вас", State: MsgQueued},
		{Key: "match:" + auto.ID + ":seeker", MatchID: auto.ID, ReportID: seek.ID, To: seek.ContactPhone, Body: "Zhumabayev Y. жив", State: MsgQueued},
	}
	if _, err := st.SaveMatch(ctx, auto, msgs, []Consent{{MatchID: auto.ID, Phone: safe.ContactPhone}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveMatch(ctx, review, nil, nil); err != nil {
		t.Fatal(err)
	}
	if err := st.Subscribe(ctx, Subscription{ReportID: seek.ID, Phone: "+77010000001", Language: "ru"}, nil); err != nil {
		t.Fatal(err)
	}
	if err := st.AddNote(ctx, &Note{ReportID: seek.ID, Text: "Жумабаев был в Алматы"}); err != nil {
		t.Fatal(err)
	}
	before, err := st.MatchesForReport(ctx, safe.ID)
	if err != nil || len(before) != 1 {
		t.Fatalf("matches of %s: %+v %v", safe.ID, before, err)
	}
	time.Sleep(5 * time.Millisecond) // the store keeps milliseconds: a bumped time would show
	if err := st.RemoveReport(ctx, seek.ID); err != nil {
		t.Fatal(err)
	}
	// A confirmed match keeps the time it was confirmed (the outcome date
	// the family was given), whatever is scrubbed from it.
	if after, _ := st.MatchesForReport(ctx, safe.ID); len(after) != 1 || !after[0].UpdatedAt.Equal(before[0].UpdatedAt) {
		t.Errorf("the confirmed match's time moved with the removal: %v -> %+v", before[0].UpdatedAt, after)
	}
	for _, id := range []string{safe.ID, other.ID} {
		ms, err := st.MatchesForReport(ctx, id)
		if err != nil || len(ms) != 1 {
			t.Fatalf("matches of %s: %+v %v", id, ms, err)
		}
		if strings.Contains(ms[0].Explanation+ms[0].Reason, "Жумабаев") {
			t.Errorf("match %s still names the removed report: %q", ms[0].ID, ms[0].Explanation)
		}
	}
	if q, _ := st.MatchesByState(ctx, MatchReview, 10); len(q) != 0 {
		t.Errorf("review queue keeps a match of a removed report: %+v", q)
	}
	for _, m := range msgs {
		got, err := st.MessageByKey(ctx, m.Key)
		if err != nil {
			t.Fatal(err)
		}
		if got.Body != "" || got.State != MsgSuppressed || (m.ReportID == seek.ID && got.To != "") {
			t.Errorf("message %s after removal: state %s, to %q, body %q", m.Key, got.State, got.To, got.Body)
		}
	}
	if p, _ := st.PendingConsents(ctx, safe.ContactPhone); len(p) != 0 {
		t.Errorf("consent request about a removed report survives: %+v", p)
	}
	if p, _ := st.PendingSubscriptions(ctx, "+77010000001"); len(p) != 0 {
		t.Errorf("subscription to a removed report survives: %+v", p)
	}
	if n, _ := st.ListNotes(ctx, seek.ID); len(n) != 0 {
		t.Errorf("notes of a removed report survive: %+v", n)
	}
	if r, _ := st.GetReport(ctx, safe.ID); r.FullName != safe.FullName || r.ContactPhone != safe.ContactPhone {
		t.Errorf("the other report changed: %+v", r)
	}
}

// A match the matcher saves after one of its reports was removed (it read
// the report before) is not saved: its explanation would carry the removed
// name, and its messages would go out.
func TestNoMatchSavedForARemovedReport(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		seek, safe := sampleReport(KindSeek, "Жумабаев Ерлан", "+77011234567"), sampleReport(KindSafe, "Zhumabayev Yerlan", "+77011234568")
		for _, r := range []*Report{seek, safe} {
			if err := s.CreateReport(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.RemoveReport(ctx, safe.ID); err != nil {
			t.Fatal(err)
		}
		m := &Match{SeekID: seek.ID, SafeID: safe.ID, Score: 0.9, State: MatchReview, Explanation: "Zhumabayev Yerlan"}
		msgs := []Message{{Key: "match:late:seeker", To: "+77011234567", Body: "x"}}
		created, err := s.SaveMatch(ctx, m, msgs, nil)
		if err != nil || created {
			t.Fatalf("save after removal: created %v, %v", created, err)
		}
		if ms, _ := s.MatchesForReport(ctx, seek.ID); len(ms) != 0 {
			t.Fatalf("matches of the seeker: %+v", ms)
		}
		if _, err := s.MessageByKey(ctx, "match:late:seeker"); !errors.Is(err, ErrNotFound) {
			t.Fatalf("message of the late match: %v", err)
		}
	})
}

// A removal and a match of the same report racing (PostgreSQL: two nodes)
// never leave a match that carries the removed report's name.
func TestRemovalRacingAMatchLeavesNoName(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		for i := 0; i < 40; i++ {
			seek, safe := sampleReport(KindSeek, "Жумабаев Ерлан", "+77011234567"), sampleReport(KindSafe, "Zhumabayev Yerlan", "+77011234568")
			for _, r := range []*Report{seek, safe} {
				if err := s.CreateReport(ctx, r); err != nil {
					t.Fatal(err)
				}
			}
			done := make(chan error, 1)
			go func() { done <- s.RemoveReport(ctx, safe.ID) }()
			m := &Match{SeekID: seek.ID, SafeID: safe.ID, Score: 0.9, State: MatchReview, Explanation: "Zhumabayev Yerlan"}
			if _, err := s.SaveMatch(ctx, m, nil, nil); err != nil {
				t.Fatal(err)
			}
			if err := <-done; err != nil {
				t.Fatal(err)
			}
			ms, err := s.MatchesForReport(ctx, seek.ID)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range ms {
				if strings.Contains(m.Explanation, "Zhumabayev") || m.State == MatchReview {
					t.Fatalf("round %d: a match of the removed report survived: %+v", i, m)
				}
			}
		}
	})
}

// In a batch, only the matches that name a removed report are left out;
// the batch asks after each report once, however many matches name it.
func TestBatchSkipsOnlyRemovedReports(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store) {
		ctx := context.Background()
		seek := sampleReport(KindSeek, "Жумабаев Ерлан", "+77011234567")
		safes := []*Report{sampleReport(KindSafe, "Zhumabayev Yerlan", "+77011234568"),
			sampleReport(KindSafe, "Jumabaev Erlan", "+77011234569"), sampleReport(KindSafe, "Жұмабаев Ерлан", "+77011234560")}
		for _, r := range append([]*Report{seek}, safes...) {
			if err := s.CreateReport(ctx, r); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.RemoveReport(ctx, safes[1].ID); err != nil {
			t.Fatal(err)
		}
		var ws []MatchWrite
		for _, safe := range safes {
			ws = append(ws, MatchWrite{Match: &Match{SeekID: seek.ID, SafeID: safe.ID, Score: 0.9, State: MatchReview, Explanation: safe.FullName}})
		}
		created, err := s.SaveMatches(ctx, ws)
		if err != nil || created != 2 {
			t.Fatalf("saved %d of 3 (one removed), %v", created, err)
		}
		ms, err := s.MatchesForReport(ctx, seek.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range ms {
			if m.SafeID == safes[1].ID {
				t.Fatalf("a match of the removed report was saved: %+v", m)
			}
		}
		if len(ms) != 2 {
			t.Fatalf("matches of the seeker: %d, want 2", len(ms))
		}
	})
}

// TestRemovedNameLeavesTheFiles: once RemoveReport returns, no file of
// the SQLite store (the database, its WAL) holds the removed name, even
// while another connection reads.
func TestRemovedNameLeavesTheFiles(t *testing.T) {
	dir := t.TempDir()
	st, err := Open(context.Background(), Config{Dir: dir, SecretKey: bytes.Repeat([]byte{7}, 32)})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	name := "Неповторимова Зульфия"
	r := &Report{Kind: KindSafe, FullName: name, City: "Кызылорда", Status: StatusActive, Channel: ChannelAPI}
	if err := st.CreateReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	if _, err := st.GetReport(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.RemoveReport(ctx, r.ID); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, SQLiteFile+"*"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte(name)) || bytes.Contains(b, []byte("Неповторимова")) {
			t.Errorf("%s still holds the removed name", filepath.Base(f))
		}
	}
	if len(files) == 0 {
		t.Fatal("no database files")
	}
}

// TestEarlierNotesLoseTheirSigners: notes signed before tuys recorded who
// wrote them (a contact's name from the private page, a volunteer's
// login) are, after migration 0010, a volunteer's or of no shown author.
func TestEarlierNotesLoseTheirSigners(t *testing.T) {
	dir := t.TempDir()
	key := bytes.Repeat([]byte{7}, 32)
	st, err := Open(context.Background(), Config{Dir: dir, SecretKey: key})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	r := &Report{Kind: KindSeek, FullName: "Абенов Арман", Status: StatusActive, Channel: ChannelWeb, ContactName: "Гульнара Нурланова"}
	if err := st.CreateReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	if err := st.CreateVolunteer(ctx, &Volunteer{Login: "bob.kassymov", PasswordHash: "x", Role: RoleVolunteer, Active: true}); err != nil {
		t.Fatal(err)
	}
	for _, author := range []string{"Гульнара Нурланова", "bob.kassymov", ""} {
		if err := st.AddNote(ctx, &Note{ReportID: r.ID, Text: "x", Author: author}); err != nil {
			t.Fatal(err)
		}
	}
	w := st.(*sqlStore).w // as an older tuys left them: 0010 not applied
	if _, err := w.ExecContext(ctx, `DELETE FROM schema_migrations WHERE version = 10`); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if st, err = Open(ctx, Config{Dir: dir, SecretKey: key}); err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	notes, err := st.ListNotes(ctx, r.ID)
	if err != nil || len(notes) != 3 {
		t.Fatalf("%d notes, %v", len(notes), err)
	}
	for _, n := range notes {
		p := PublicNoteOf(&n)
		if p.Author != "" || n.Author == "bob.kassymov" && p.By != NoteByVolunteer {
			t.Errorf("note by %q (%s) shows as %+v", n.Author, n.By, p)
		}
	}
}
