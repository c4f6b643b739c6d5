package notify

import (
	"cmp"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"tuys/data"
	"tuys/notify/twiliotest"
)

type world struct {
	*rig
	srv     *httptest.Server
	in      *Inbound
	comp    *Composer
	smsURL  string
	seekPh  string
	foundPh string
	seeker  string // the seeker's name
	rel     string // the seeker's relation as typed ("" for sister)
	knows   bool   // the seeker gives the found person's own number
	bySMS   bool   // the found person texted SAFE (after the seeker filed)
	later   bool   // the safe report was typed after the seek report
	matchID string // the next match's id ("" for a new one)
}

func newWorld(t *testing.T) *world {
	t.Helper()
	r := newRig(t)
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	comp, err := NewComposer(Config{Hotline: "+7 727 000 00 00"}, r.st.PhoneTag)
	if err != nil {
		t.Fatal(err)
	}
	in := &Inbound{Store: r.st, Composer: comp, Queued: r.d.Wake, Log: quiet}
	mux.Handle("/webhooks/twilio/status", StatusWebhook(testToken, srv.URL, r.st, quiet))
	mux.Handle("/webhooks/twilio/sms", InboundWebhook(testToken, srv.URL, in, r.st, quiet))
	r.d.CallbackURL = srv.URL + "/webhooks/twilio/status"
	return &world{rig: r, srv: srv, in: in, comp: comp, smsURL: srv.URL + "/webhooks/twilio/sms",
		seekPh: "+77011234567", foundPh: "+905321234567", seeker: "Айгуль"}
}

// match files the check's seek and safe reports and confirms their match
// the way the matcher does: SaveMatch with the composed rows.
func (w *world) match(t *testing.T, share bool) data.Match {
	t.Helper()
	ctx := context.Background()
	seek := &data.Report{Kind: data.KindSeek, FullName: "Жумабаев Ерлан", Sex: "M", BirthYear: 1985, City: "Алматы",
		ContactName: w.seeker, ContactPhone: w.seekPh, Relation: cmp.Or(w.rel, "sister"), Language: "ru", Channel: data.ChannelWeb}
	if w.knows {
		seek.SoughtPhone = w.foundPh
	}
	safe := &data.Report{Kind: data.KindSafe, FullName: "Zhumabayev Yerlan", Sex: "M", BirthYear: 1985, City: "Almaty",
		ContactPhone: w.foundPh, Language: "kk", ShareContact: share, Channel: data.ChannelWeb}
	switch { // filed in that order (the store keeps a time it is given)
	case w.bySMS:
		seek.CreatedAt, safe.Channel = time.Now().Add(-time.Hour), data.ChannelSMS
	case w.later:
		seek.CreatedAt = time.Now().Add(-time.Hour)
	default:
		safe.CreatedAt = time.Now().Add(-time.Hour)
	}
	for _, r := range []*data.Report{seek, safe} {
		if err := w.st.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	m := data.Match{ID: cmp.Or(w.matchID, data.NewID()), SeekID: seek.ID, SafeID: safe.ID, Score: 0.97, State: data.MatchAutoConfirmed}
	for i := 0; i < 2; i++ { // the second is a replay: no second set of SMS
		mm := m
		msgs, consents, err := w.comp.MatchConfirmed(ctx, mm, seek, safe)
		if err != nil {
			t.Fatal(err)
		}
		created, err := w.st.SaveMatch(ctx, &mm, msgs, consents)
		if err != nil || created != (i == 0) {
			t.Fatalf("SaveMatch #%d: created %v, %v", i, created, err)
		}
	}
	return m
}

var inboundSeq atomic.Int64

func (w *world) inbound(t *testing.T, from, body, forged string) (int, string) {
	t.Helper()
	// Each SMS has its own sid, as on Twilio (the webhook runs a sid once).
	form := url.Values{"MessageSid": {fmt.Sprintf("SMin%06d", inboundSeq.Add(1))}, "AccountSid": {testSID}, "From": {from}, "To": {testFrom}, "Body": {body}}
	sig := forged
	if sig == "" {
		sig = twiliotest.Sign(testToken, w.smsURL, form)
	}
	req, _ := http.NewRequest(http.MethodPost, w.smsURL, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Twilio-Signature", sig)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var b strings.Builder
	buf := make([]byte, 4096)
	for {
		n, err := resp.Body.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	return resp.StatusCode, b.String()
}

func TestEndToEndConsentFlow(t *testing.T) {
	w := newWorld(t)
	m := w.match(t, false)
	w.drain(t)

	toSeeker, toFound := w.fake.SentTo(w.seekPh), w.fake.SentTo(w.foundPh)
	if len(toSeeker) != 1 || len(toFound) != 1 {
		t.Fatalf("want one SMS each, got seeker=%d found=%d", len(toSeeker), len(toFound))
	}
	if strings.Contains(toSeeker[0].Body, "5321234567") {
		t.Errorf("seeker got the number before consent: %q", toSeeker[0].Body)
	}
	for _, want := range []string{"Айгуль", "ИӘ " + w.code(t, m.ID), "ЖОҚ " + w.code(t, m.ID), "ақша сұрамайды"} {
		if !strings.Contains(toFound[0].Body, want) {
			t.Errorf("found person's SMS %q lacks %q", toFound[0].Body, want)
		}
	}
	if strings.Contains(toFound[0].Body, "1234567") {
		t.Errorf("found person's SMS carries the seeker's number: %q", toFound[0].Body)
	}
	if !strings.Contains(toSeeker[0].Body, "Zhumabayev Y.") || !strings.Contains(toSeeker[0].Body, "1985") {
		t.Errorf("seeker's SMS %q does not say who", toSeeker[0].Body)
	}

	if code, _ := w.inbound(t, w.foundPh, "ИӘ", "AAAA"); code != http.StatusForbidden {
		t.Fatalf("forged signature: HTTP %d, want 403", code)
	}
	w.drain(t)
	if n := len(w.fake.SentTo(w.seekPh)); n != 1 {
		t.Fatalf("a forged YES sent the number (%d SMS to the seeker)", n)
	}

	code, reply := w.inbound(t, w.foundPh, "ИӘ", "")
	if code != http.StatusOK || !strings.Contains(reply, "<Message>") || !strings.Contains(reply, "Рақмет") {
		t.Fatalf("signed YES: HTTP %d %s", code, reply)
	}
	w.drain(t)
	toSeeker = w.fake.SentTo(w.seekPh)
	if len(toSeeker) != 2 || !strings.Contains(toSeeker[1].Body, w.foundPh) {
		t.Fatalf("after ИӘ the seeker has %d SMS: %+v", len(toSeeker), toSeeker)
	}
	if c, _ := w.inbound(t, w.foundPh, "ИӘ", ""); c != http.StatusOK {
		t.Fatal("second YES failed")
	}
	w.drain(t)
	if n := len(w.fake.SentTo(w.seekPh)); n != 2 {
		t.Errorf("a repeated YES sent the number again (%d SMS)", n)
	}
	msgs, err := w.st.MessagesForMatch(context.Background(), m.ID)
	if err != nil || len(msgs) != 3 {
		t.Fatalf("volunteer view: %d messages, %v", len(msgs), err)
	}
	for _, x := range msgs {
		if x.State != data.MsgSent || x.ProviderSID == "" {
			t.Errorf("%s: %s %q", x.Key, x.State, x.ProviderSID)
		}
	}
}

// TestEndToEndShareContact: share_contact releases the number at once only
// to a seeker who gave the person's own number; anyone else, who may have
// read the name, year and city on the public search, is asked about. A
// safe report typed after the seek report with the number the seeker gave
// is asked about too: its author could be testing the number, and would
// read the answer on their private page. The seeker is told "from the
// number you gave" only when the found person texted from it.
func TestEndToEndShareContact(t *testing.T) {
	for _, c := range []struct{ knows, bySMS, later, told bool }{
		{false, false, false, false}, {true, false, false, false}, {true, true, false, true}, {false, true, false, false}, {true, false, true, false},
	} {
		w := newWorld(t)
		w.knows, w.bySMS, w.later = c.knows, c.bySMS, c.later
		shares := c.knows && !c.later
		w.match(t, true)
		w.drain(t)
		toSeeker, toFound := w.fake.SentTo(w.seekPh), w.fake.SentTo(w.foundPh)
		got := 0
		for _, m := range toSeeker {
			if strings.Contains(m.Body, "5321234567") {
				got++
			}
		}
		if shares && (len(toSeeker) != 2 || got != 1 || len(toFound) != 1) {
			t.Errorf("%+v: seeker who knows: %d SMS, %d with the number; found %d", c, len(toSeeker), got, len(toFound))
		}
		if !shares && (got != 0 || len(toFound) != 1 || !strings.Contains(toFound[0].Body, "ИӘ ")) {
			t.Errorf("%+v: the number went at once (%d) or no request was sent: %+v", c, got, toFound)
		}
		told := false
		for _, m := range toSeeker {
			told = told || strings.Contains(m.Body, "с номера, что вы дали")
		}
		if told != c.told {
			t.Errorf("%+v: the seeker told \"from the number you gave\": %v (%+v)", c, told, toSeeker)
		}
	}
}

func TestEndToEndStopEndsMessages(t *testing.T) {
	w := newWorld(t)
	code, reply := w.inbound(t, w.seekPh, "СТОП", "")
	if code != 200 || !strings.Contains(reply, "отписаны") {
		t.Fatalf("STOP: %d %s", code, reply)
	}
	w.match(t, false)
	w.drain(t)
	if n := len(w.fake.SentTo(w.seekPh)); n != 0 {
		t.Errorf("%d SMS after STOP", n)
	}
	if len(w.fake.SentTo(w.foundPh)) != 1 {
		t.Error("the other party should still hear")
	}
	if _, reply := w.inbound(t, w.seekPh, "START", ""); !strings.Contains(reply, "again") {
		t.Errorf("START reply %q", reply)
	}
}

func TestEndToEndStatusCallbacks(t *testing.T) {
	w := newWorld(t)
	m := w.match(t, false)
	w.drain(t)
	sid := w.fake.SentTo(w.seekPh)[0].SID
	ctx := context.Background()
	for _, step := range []struct{ status, want string }{
		{"sent", data.MsgSent}, {"delivered", data.MsgDelivered},
		{"sent", data.MsgDelivered}, // late and out of order: never backwards
		{"delivered", data.MsgDelivered},
	} {
		code, err := w.fake.SendStatus(ctx, sid, step.status, 0)
		if err != nil || code != http.StatusNoContent {
			t.Fatalf("callback %s: %d %v", step.status, code, err)
		}
		if got := w.byKey(t, "match:"+m.ID+":seeker").State; got != step.want {
			t.Errorf("after %s: state %s, want %s", step.status, got, step.want)
		}
	}
	form := url.Values{"MessageSid": {sid}, "MessageStatus": {"failed"}}
	code, err := twiliotest.PostSigned(ctx, testToken, w.srv.URL+"/webhooks/twilio/status", form, "Zm9yZ2Vk")
	if err != nil || code != http.StatusForbidden {
		t.Errorf("forged callback: %d %v", code, err)
	}
	undelivered := w.fake.SentTo(w.foundPh)[0].SID
	if code, _ := w.fake.SendStatus(ctx, undelivered, "undelivered", 30003); code != http.StatusNoContent {
		t.Fatal(code)
	}
	if x := w.byKey(t, "match:"+m.ID+":found"); x.State != data.MsgUndelivered || x.ErrorCode != 30003 {
		t.Errorf("found message %s %d", x.State, x.ErrorCode)
	}
}

// TestEndToEndConsentPerSeeker: two relatives (or a relative and a
// stranger) look for one person. Each request has its own code; a bare YES
// shares nothing and lists them; YES <code> shares with that seeker only,
// and the reply says with whom.
func TestEndToEndConsentPerSeeker(t *testing.T) {
	w := newWorld(t)
	first := w.match(t, false)
	w.seekPh, w.seeker = "+77017777777", "Марат" // a second seeker for the same person
	second := w.match(t, false)
	w.drain(t)
	if n := len(w.fake.SentTo(w.foundPh)); n != 2 {
		t.Fatalf("found person got %d requests, want 2", n)
	}
	w.listsAndSharesNothing(t, "да", "Айгуль", "Марат", w.code(t, first.ID), w.code(t, second.ID))
	w.sharesWithOnly(t, "да "+w.code(t, first.ID), seekerAt{"Айгуль", "+77011234567"}, seekerAt{"Марат", "+77017777777"})
}

// TestEndToEndBareYesWithManySeekers: six requests (a family filing
// again and again) still get an answer that fits an SMS, with the newest
// codes and how many more, not "try again later" (a new user's trial,
// 2026-12-07).
func TestEndToEndBareYesWithManySeekers(t *testing.T) {
	w := newWorld(t)
	for i, name := range []string{"Айгуль", "Марат", "Ерлан", "Дана", "Жанар", "Бауыржан"} { // six alike would be twins: the hotline
		w.seekPh, w.seeker = fmt.Sprintf("+7701777777%d", i), name
		w.match(t, false)
	}
	w.drain(t)
	for _, lang := range []string{"ИӘ", "да", "yes"} {
		_, twiml := w.inbound(t, w.foundPh, lang, "")
		_, reply, _ := strings.Cut(twiml, "<Message>")
		reply, _, _ = strings.Cut(reply, "</Message>")
		if reply == "" || Segments(reply) > MaxSegments || !strings.ContainsAny(reply, "0123456789") ||
			!(strings.Contains(reply, "тағы") || strings.Contains(reply, "ещё") || strings.Contains(reply, "more")) {
			t.Errorf("bare %s with six pending: %q (%d segments)", lang, reply, Segments(reply))
		}
	}
}

func TestEndToEndNoSharesNothing(t *testing.T) {
	w := newWorld(t)
	w.match(t, false)
	w.drain(t)
	if _, reply := w.inbound(t, w.foundPh, "ЖОҚ", ""); !strings.Contains(reply, "бермейміз") {
		t.Fatalf("NO reply %q", reply)
	}
	if _, reply := w.inbound(t, w.foundPh, "ИӘ", ""); !strings.Contains(reply, "сұрау жоқ") {
		t.Errorf("YES after NO: %q; want nothing pending", reply)
	}
	w.drain(t)
	for _, m := range w.fake.SentTo(w.seekPh) {
		if strings.Contains(m.Body, "5321234567") {
			t.Errorf("the number went out after NO: %q", m.Body)
		}
	}
}

// An answer that says more than yes or no shares nothing and asks again,
// naming the request's code; the plain answer then works. "Да нет, не
// надо" (no, no need) and "Да? Кто это?" shared the number (an
// attacker's trial, 2026-12-07).
func TestEndToEndUnsureAnswerSharesNothing(t *testing.T) {
	w := newWorld(t)
	m := w.match(t, false)
	w.drain(t)
	code := w.code(t, m.ID)
	for _, body := range []string{"Да нет, не надо. Кто это вообще?", "Да? Кто это?", "иә, бірақ кім бұл", "ДА " + code + " нет"} {
		if _, reply := w.inbound(t, w.foundPh, body, ""); !strings.Contains(reply, code) || strings.Contains(reply, "Рахмет") {
			t.Errorf("%q: reply %q; want the request's code again and nothing shared", body, reply)
		}
	}
	w.drain(t)
	for _, sent := range w.fake.SentTo(w.seekPh) {
		if strings.Contains(sent.Body, "5321234567") {
			t.Fatalf("the number went out on an unsure answer: %q", sent.Body)
		}
	}
	if _, reply := w.inbound(t, w.foundPh, "ИӘ "+code, ""); !strings.Contains(reply, w.seeker) {
		t.Fatalf("the plain YES after them: %q", reply)
	}
	w.drain(t)
	if got := w.fake.SentTo(w.seekPh); !strings.Contains(got[len(got)-1].Body, "5321234567") {
		t.Errorf("the number did not go out after the plain YES: %q", got[len(got)-1].Body)
	}
}

// Answering a request again is told what the first answer did, not "no
// request with that code": after YES the number went out, and the person
// took the second reply for a failed consent (a new user's trial,
// 2026-12-07). Nothing goes out twice.
func TestEndToEndAnswerAgainIsToldTheFirst(t *testing.T) {
	w := newWorld(t)
	m := w.match(t, false)
	w.drain(t)
	code := w.code(t, m.ID)
	if _, reply := w.inbound(t, w.foundPh, "ИӘ "+code, ""); !strings.Contains(reply, w.seeker) {
		t.Fatalf("the first YES: %q", reply)
	}
	w.drain(t)
	sent := len(w.fake.SentTo(w.seekPh))
	for _, body := range []string{"ИӘ " + code, "ЖОҚ " + code} {
		if _, reply := w.inbound(t, w.foundPh, body, ""); !strings.Contains(reply, code) || !strings.Contains(reply, w.seeker) ||
			!strings.Contains(reply, "берілді") {
			t.Errorf("%q again: %q; want the first answer (shared) named with its code and seeker", body, reply)
		}
	}
	w.drain(t)
	if again := len(w.fake.SentTo(w.seekPh)); again != sent {
		t.Errorf("answering again sent the seeker %d more SMS", again-sent)
	}
}

// Removing a report empties, at Twilio, the texts of the SMS about it: an
// attacker fetched a removed report's "contact" SMS, with the number,
// from Twilio by its SID. A message Twilio still delivers is emptied once
// it is past sending.
func TestRemovalEmptiesTheProvidersCopies(t *testing.T) {
	w := newWorld(t)
	m := w.match(t, true) // shared at once: the seeker's SMS carries the number
	w.drain(t)
	sent := w.fake.Messages()
	if len(sent) < 2 {
		t.Fatalf("%d SMS sent", len(sent))
	}
	for _, x := range sent[1:] {
		if _, err := w.fake.SetStatus(x.SID, "delivered", 0); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	if err := w.st.RemoveReport(ctx, m.SafeID); err != nil {
		t.Fatal(err)
	}
	if n, err := w.d.RedactOnce(ctx); err != nil || n != len(sent)-1 {
		t.Fatalf("redacted %d of %d delivered, %v", n, len(sent)-1, err)
	}
	if n, _ := w.d.RedactOnce(ctx); n != 0 {
		t.Errorf("the one still queued at Twilio was redacted at once (%d)", n)
	}
	if _, err := w.fake.SetStatus(sent[0].SID, "delivered", 0); err != nil {
		t.Fatal(err)
	}
	w.d.Now = func() time.Time { return time.Now().Add(time.Hour) } // past its retry
	if n, err := w.d.RedactOnce(ctx); err != nil || n != 1 {
		t.Fatalf("the retry redacted %d, %v", n, err)
	}
	for _, x := range w.fake.Messages() {
		if x.Body != "" {
			t.Errorf("Twilio still keeps the text of %s: %q", x.SID, x.Body)
		}
	}
}
