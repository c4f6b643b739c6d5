package sms

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"tuys/api/intake"
	"tuys/data"
	"tuys/data/datatest"
	"tuys/notify"
	"tuys/notify/twiliotest"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

func newHandler(t *testing.T, allow func(string) bool) (*Handler, data.Store) {
	t.Helper()
	st := datatest.SQLite(t)
	svc, err := notify.New(notify.Config{Hotline: "1414"}, st, quiet)
	if err != nil {
		t.Fatal(err)
	}
	filer := &intake.Filer{Store: st, Log: quiet, Now: func() time.Time { return time.Now().UTC() }}
	allSafe := func(ctx context.Context, r *data.Report, limit int) ([]*data.Report, error) {
		rs, err := st.ScanReports(ctx, "", 100)
		var out []*data.Report
		for _, x := range rs {
			if x.Kind == data.KindSafe && len(out) < limit {
				out = append(out, x)
			}
		}
		return out, err
	}
	return &Handler{Service: svc, Intake: filer, Find: allSafe, Allow: allow, Log: quiet}, st
}

// TestInboundReports: SAFE and FIND texts are filed through intake (names
// parsed, the sender's number the contact) and answered in the sender's
// language, never with a number.
func TestInboundReports(t *testing.T) {
	h, st := newHandler(t, nil)
	for _, tt := range []struct{ from, body, want string }{
		{"+77015550000", "ЖИВ Жумабаев Ерлан 1985 Алматы", "Записано"},
		{"+77015550001", "SAFE Zhumabayev Yerlan 1985 Almaty", "Recorded"},
		{"+77015550002", "ИЩУ Жумабаев Ерлан 1985 Алматы", "Жумабаев Е. 1985 Алматы"},
		{"+77015550003", "что это", "ЖИВ"},
	} {
		reply, err := h.Handle(context.Background(), tt.from, tt.body)
		if err != nil || !strings.Contains(reply, tt.want) {
			t.Errorf("%q: %q %v; want %q", tt.body, reply, err, tt.want)
		}
		if strings.Contains(reply, "+7701555000") {
			t.Errorf("%q: reply shows a phone number: %s", tt.body, reply)
		}
	}
	rs, _ := st.ReportsWithPhone(context.Background(), "+77015550000")
	if len(rs) != 1 || rs[0].Kind != data.KindSafe || rs[0].BirthYear != 1985 || rs[0].Channel != data.ChannelSMS ||
		rs[0].FamilyName == "" || rs[0].GivenName == "" {
		t.Errorf("SAFE by SMS filed %+v", rs)
	}
}

// TestInboundLimitIsTheConfiguredOne: the only per-phone limit is the one
// the api hands in (TUYS_RATE_SMS_IN); notify adds none of its own, so
// raising the setting lets more through. STOP is honoured over the limit.
func TestInboundLimitIsTheConfiguredOne(t *testing.T) {
	for _, limit := range []int{2, 40} {
		n := 0
		h, st := newHandler(t, func(string) bool { n++; return n <= limit })
		answered := 0
		for i := 0; i < 45; i++ {
			if reply, _ := h.Handle(context.Background(), "+77015550009", "HELP"); reply != "" {
				answered++
			}
		}
		if answered != limit {
			t.Errorf("limit %d: %d of 45 commands answered", limit, answered)
		}
		if _, err := h.Handle(context.Background(), "+77015550009", "STOP"); err != nil {
			t.Fatal(err)
		}
		if out, _ := st.OptedOut(context.Background(), "+77015550009"); !out {
			t.Errorf("limit %d: STOP over the limit was ignored", limit)
		}
	}
}

// TestInboundReplayRunsOnce: the inbound webhook is idempotent on
// MessageSid. A replayed signed SAFE files one report, and a replayed
// START does not undo the STOP sent after it (issue 13).
func TestInboundReplayRunsOnce(t *testing.T) {
	const token, public = "tok-replay", "https://tuys.example"
	h, st := newHandler(t, nil)
	h.Service.Config.AuthToken = token
	hooks := NewWebhooks(h, st, public, quiet)
	post := func(sid, from, body string) int {
		t.Helper()
		form := url.Values{"MessageSid": {sid}, "From": {from}, "To": {"+15005550006"}, "Body": {body}}
		req := httptest.NewRequest(http.MethodPost, "/webhooks/twilio/sms", strings.NewReader(form.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Twilio-Signature", twiliotest.Sign(token, public+"/webhooks/twilio/sms", form))
		w := httptest.NewRecorder()
		hooks.Inbound.ServeHTTP(w, req)
		return w.Code
	}
	ctx := context.Background()
	const safe = "+77015550100"
	for range 3 {
		if code := post("SMsafe0001", safe, "ЖИВ Жумабаев Ерлан 1985 Алматы"); code != http.StatusOK {
			t.Fatalf("signed SAFE: HTTP %d", code)
		}
	}
	if rs, _ := st.ReportsWithPhone(ctx, safe); len(rs) != 1 {
		t.Errorf("one SAFE SMS delivered three times filed %d reports, want 1", len(rs))
	}
	const person = "+77015550101"
	post("SMstart001", person, "START")
	post("SMstop0001", person, "STOP")
	post("SMstart001", person, "START") // the replay
	if out, _ := st.OptedOut(ctx, person); !out {
		t.Error("a replayed START undid the later STOP")
	}
	form := url.Values{"From": {person}, "Body": {"HELP"}}
	req := httptest.NewRequest(http.MethodPost, "/webhooks/twilio/sms", strings.NewReader(form.Encode()))
	req.Header.Set("X-Twilio-Signature", twiliotest.Sign(token, public+"/webhooks/twilio/sms", form))
	w := httptest.NewRecorder()
	hooks.Inbound.ServeHTTP(w, req)
	if w.Code != http.StatusBadRequest {
		t.Errorf("signed inbound without MessageSid: HTTP %d, want 400", w.Code)
	}
}

// TestFindWithoutYearReadsTheCity: a known place closing a text without a
// year is the city, not a third name; a text whose "name" has no letter is
// answered with the format, and files nothing.
func TestFindWithoutYearReadsTheCity(t *testing.T) {
	h, st := newHandler(t, nil)
	if _, err := h.Handle(context.Background(), "+77015550011", "ИЩУ Нурланов Ерлан Тараз"); err != nil {
		t.Fatal(err)
	}
	rs, _ := st.ReportsWithPhone(context.Background(), "+77015550011")
	if len(rs) != 1 || rs[0].FullName != "Нурланов Ерлан" || rs[0].City != "Тараз" {
		t.Fatalf("filed %+v", rs)
	}
	reply, err := h.Handle(context.Background(), "+77015550012", "ЖИВ 1985 !!!")
	if err != nil || !strings.Contains(reply, "ЖИВ Имя") {
		t.Errorf("a name without letters: %q %v", reply, err)
	}
	if rs, _ := st.ReportsWithPhone(context.Background(), "+77015550012"); len(rs) != 0 {
		t.Errorf("a report without a name was filed: %+v", rs)
	}
	if got := withCity(notify.Command{Verb: notify.VerbSafe, Name: "Ахмет Бек", Year: 1985, City: "Алматы ул Абая 10 кв 5 звоните 87011234567"}); got.City != "Алматы" {
		t.Errorf("an address after the city became public: %+v", got)
	}
	if got := withCity(notify.Command{Verb: notify.VerbFind, Name: "Ахмет Алматы"}); got.City != "" {
		t.Errorf("a two-word name lost a word to the city: %+v", got)
	}
}
