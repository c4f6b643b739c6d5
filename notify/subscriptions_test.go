package notify

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"tuys/data"
)

func TestSubscriptionStatusChange(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	comp := newTestComposer(t, st)
	woken := 0
	subs := &Subscriptions{Store: st, Composer: comp, Queued: func() { woken++ }}
	r := &data.Report{Kind: data.KindSeek, FullName: "Ким Виктория", BirthYear: 1988, City: "Алматы",
		ContactPhone: "+77011234567", Language: "ru"}
	if err := st.CreateReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	const phone = "+77051112233"
	if err := subs.Subscribe(ctx, r, phone, "kk"); err != nil {
		t.Fatal(err)
	}
	note := &data.Note{ReportID: r.ID, Status: data.NoteBelievedAlive, Text: "seen", Seen: true}
	st.AddNote(ctx, note)
	evs, _ := st.EventsAfter(ctx, 0, 10)
	reports := map[string]*data.Report{r.ID: r}
	if err := subs.OnEvents(ctx, evs, reports); err != nil {
		t.Fatal(err)
	}
	noteKey := "sub:" + r.ID + ":" + st.PhoneTag(phone) + ":note:" + changeRef(evs[len(evs)-1], "note")
	if _, err := st.MessageByKey(ctx, noteKey); err == nil {
		t.Fatal("status SMS queued before the subscriber confirmed")
	}
	st.ConfirmSubscription(ctx, r.ID, phone)
	for i := 0; i < 2; i++ { // a replay queues nothing new
		if err := subs.OnEvents(ctx, evs, reports); err != nil {
			t.Fatal(err)
		}
	}
	if n := countTo(t, st, phone); n != 2 {
		t.Fatalf("after YES and a note: %d messages, want 2 (confirmation + one update)", n)
	}
	m, err := st.MessageByKey(ctx, noteKey)
	if err != nil || !strings.Contains(m.Body, "жаңа жазба") {
		t.Fatalf("status SMS in Kazakh: %+v %v", m, err)
	}
	if woken < 2 {
		t.Fatalf("dispatcher not woken: %d", woken)
	}
}

func countTo(t *testing.T, st data.Store, phone string) int {
	t.Helper()
	msgs, err := st.ClaimMessages(context.Background(), "count", time.Minute, 1000)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, m := range msgs {
		if m.To == phone {
			n++
		}
	}
	return n
}

// A YES with no consent waiting confirms the sender's subscriptions.
func TestYesConfirmsSubscription(t *testing.T) {
	ctx := context.Background()
	st := openStore(t)
	comp := newTestComposer(t, st)
	subs := &Subscriptions{Store: st, Composer: comp}
	r := &data.Report{Kind: data.KindSafe, FullName: "Ким Виктория", Language: "ru"}
	st.CreateReport(ctx, r)
	const phone = "+77051112233"
	subs.Subscribe(ctx, r, phone, "ru")
	in := &Inbound{Store: st, Composer: comp}
	if reply, _ := in.Handle(ctx, phone, "ДА"); strings.Contains(reply, "Подписка") {
		t.Fatalf("a bare YES confirmed a subscription: %q", reply)
	}
	reply, err := in.Handle(ctx, phone, "ДА "+SubscriptionCode(r.ID))
	if err != nil || !strings.Contains(reply, "Подписка") {
		t.Fatalf("reply %q, err %v", reply, err)
	}
	if got, _ := st.Subscribers(ctx, r.ID); len(got) != 1 {
		t.Fatalf("subscription not confirmed: %+v", got)
	}
	if reply, _ := in.Handle(ctx, phone, "ДА "+SubscriptionCode(r.ID)); strings.Contains(reply, "Подписка") {
		t.Fatalf("second YES confirmed again: %q", reply)
	}
}

// Notes from the public reach no subscriber until a volunteer has seen
// them, and a burst of notes makes one SMS per subscriber per hour (issue
// 13: 5 subscribers x 4 anonymous notes made 20 SMS from one IP).
func TestAnonymousNotesWaitForVolunteerAndCoalesce(t *testing.T) {
	ctx := context.Background()
	rig := newRig(t)
	st := rig.st
	comp := newTestComposer(t, st)
	subs := &Subscriptions{Store: st, Composer: comp}
	r := &data.Report{Kind: data.KindSeek, FullName: "Ким Виктория", Language: "ru", ContactPhone: "+77011234567"}
	if err := st.CreateReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	var phones []string
	for i := range 5 {
		p := "+7705111220" + strconv.Itoa(i)
		phones = append(phones, p)
		subs.Subscribe(ctx, r, p, "ru")
		st.ConfirmSubscription(ctx, r.ID, p)
	}
	var seq int64
	tail := func() {
		t.Helper()
		evs, err := st.EventsAfter(ctx, seq, 100)
		if err != nil {
			t.Fatal(err)
		}
		if len(evs) > 0 {
			seq = evs[len(evs)-1].Seq
		}
		if err := subs.OnEvents(ctx, evs, map[string]*data.Report{r.ID: r}); err != nil {
			t.Fatal(err)
		}
	}
	updates := func() int { // SMS that reached Twilio, minus the confirmations
		rig.drain(t)
		return len(rig.fake.Messages()) - len(phones)
	}
	for i := range 4 {
		if err := st.AddNote(ctx, &data.Note{ReportID: r.ID, Text: "note " + strconv.Itoa(i)}); err != nil {
			t.Fatal(err)
		}
	}
	tail()
	if n := updates(); n != 0 {
		t.Fatalf("%d status SMS for notes no volunteer has seen, want 0", n)
	}
	if n, err := st.MarkNotesSeen(ctx, r.ID); err != nil || n != 4 {
		t.Fatalf("mark seen: %d %v", n, err)
	}
	for i := range 3 { // a volunteer's own notes, in the same hour
		st.AddNote(ctx, &data.Note{ReportID: r.ID, Text: "v" + strconv.Itoa(i), Author: "aigerim", Seen: true})
	}
	tail()
	if n := updates(); n != 5 {
		t.Fatalf("%d status SMS to 5 subscribers after 7 notes in an hour, want 5", n)
	}
	r.Status = data.StatusFound
	st.SetReportStatus(ctx, r.ID, data.StatusFound)
	tail()
	if n := updates(); n != 10 {
		t.Fatalf("%d status SMS after the record was marked found, want 10: found never waits behind a note", n)
	}
}

// TestBareYesBesideASubscriptionSharesNothing: a stranger subscribes the
// found person's number to their own report; the person answers that
// SMS with a bare "Да" while one consent request is pending. The answer
// decides nothing (an attacker's trial, 2026-12-07: it gave the stranger
// the number); the reply lists the request's code, which then decides.
func TestBareYesBesideASubscriptionSharesNothing(t *testing.T) {
	ctx := context.Background()
	w := newWorld(t)
	m := w.match(t, false)
	safe, err := w.st.GetReport(ctx, m.SafeID)
	if err != nil {
		t.Fatal(err)
	}
	subs := &Subscriptions{Store: w.st, Composer: w.comp}
	if err := subs.Subscribe(ctx, safe, w.foundPh, "ru"); err != nil {
		t.Fatal(err)
	}
	w.drain(t)
	for _, bare := range []string{"Да", "YES", "нет"} {
		_, reply := w.inbound(t, w.foundPh, bare, "")
		if !strings.Contains(reply, w.comp.listedCode(mustConsent(t, w, m.ID), nil)) {
			t.Errorf("%q: reply %q lists no code", bare, reply)
		}
		w.drain(t)
		if got := w.fake.SentTo(w.seekPh); len(got) != 1 {
			t.Fatalf("%q beside a subscription decided the request (%d SMS to the seeker)", bare, len(got))
		}
	}
	w.inbound(t, w.foundPh, "ДА "+w.comp.listedCode(mustConsent(t, w, m.ID), nil), "")
	w.drain(t)
	if got := w.fake.SentTo(w.seekPh); len(got) != 2 {
		t.Fatalf("the coded YES shared nothing (%d SMS to the seeker)", len(got))
	}
}

// mustConsent is the consent request of match id, pending for the found person.
func mustConsent(t *testing.T, w *world, id string) data.Consent {
	t.Helper()
	pending, err := w.st.PendingConsents(context.Background(), w.foundPh)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range pending {
		if c.MatchID == id {
			return c
		}
	}
	t.Fatalf("no consent pending for match %s", id)
	return data.Consent{}
}
