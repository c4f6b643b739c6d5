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
	comp, err := NewComposer(Config{Hotline: "1414"})
	if err != nil {
		t.Fatal(err)
	}
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
	note := &data.Note{ReportID: r.ID, Status: data.NoteBelievedAlive, Text: "seen"}
	st.AddNote(ctx, note)
	evs, _ := st.EventsAfter(ctx, 0, 10)
	reports := map[string]*data.Report{r.ID: r}
	if err := subs.OnEvents(ctx, evs, reports); err != nil {
		t.Fatal(err)
	}
	seq := evs[len(evs)-1].Seq
	noteKey := "sub:" + r.ID + ":" + phoneTag(phone) + ":note:" + strconv.FormatInt(seq, 10)
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
	comp, _ := NewComposer(Config{Hotline: "1414"})
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
