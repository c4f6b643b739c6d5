package api

import (
	"net/http"
	"strings"
	"testing"

	"tuys/data"
	"tuys/notify"
	"tuys/search"
)

// TestTypedNumbersSMSFateIsNoOracle: anyone can file "I am safe" with a
// stranger's number, and a "looking for" report that matches it. Neither
// private page may then tell whether that phone sent STOP (or reached its
// daily cap): the safe report's page shows its SMS only as waiting or
// processed, and the seeker's page says "we asked, and if no number comes,
// call the hotline" either way.
func TestTypedNumbersSMSFateIsNoOracle(t *testing.T) {
	const stranger = "+77057770000"
	seen := map[bool]string{}
	for _, stopped := range []bool{false, true} {
		f := newSMSFixture(t, stopped, stranger)
		sk := f.file(`{"kind":"seek","person":{"full_name":"Жумабаев Ерлан","birth_year":1985,"sex":"M","city":"Алматы"},"contact":{"name":"Данияр","phone":"+77011112233","relation":"son","language":"ru"}}`)
		sf := f.file(`{"kind":"safe","person":{"full_name":"Zhumabayev Yerlan","birth_year":1985,"sex":"M","city":"Almaty"},"contact":{"phone":"` + stranger + `","language":"ru"}}`)
		f.dispatch()
		seen[stopped] = f.privatePage(sk) + "\n" + f.privatePage(sf)
		if !strings.Contains(seen[stopped], "Zhumabayev") {
			t.Fatalf("the seeker's private page shows no match: %s", seen[stopped])
		}
	}
	if digits.ReplaceAllString(seen[false], "#") != digits.ReplaceAllString(seen[true], "#") { // consent codes differ
		t.Errorf("a number that sent STOP shows otherwise than one that did not:\nopen:    %s\nstopped: %s", seen[false], seen[true])
	}
	if want := T("ru", "private.ask_check", "1414"); !strings.Contains(seen[true], escapeHTML(want)) {
		t.Errorf("the private pages do not say %q", want)
	}
	for _, leak := range []string{T("ru", "private.ask_lost", "1414"), T("ru", "private.sms"), T("ru", "sms.state.suppressed"), T("ru", "sms.state.logged")} {
		if strings.Contains(seen[true], escapeHTML(leak)) {
			t.Errorf("the private pages say %q about a typed number", leak)
		}
	}
}

// TestSeekersNumbersSMSFateIsNoOracle: a seeker's page shows the found
// person's number once they agreed, whether or not our SMS with it
// reached the number the seeker typed: a stranger's number that sent STOP
// (or reached its daily cap) must not read otherwise than any other
// (attacker trial, 2026-12-07).
func TestSeekersNumbersSMSFateIsNoOracle(t *testing.T) {
	const found, seeker = "+77019990010", "+77019990002"
	seen := map[bool]string{}
	for _, stopped := range []bool{false, true} {
		f := newSMSFixture(t, stopped, seeker)
		f.file(`{"kind":"safe","share_contact":true,"person":{"full_name":"Сапаров Данияр","birth_year":1990,"sex":"M","city":"Алматы"},"contact":{"phone":"` + found + `","language":"ru"}}`)
		sk := f.file(`{"kind":"seek","person":{"full_name":"Сапаров Данияр","birth_year":1990,"sex":"M","city":"Алматы","phone":"` + found + `"},"contact":{"name":"Айгуль","phone":"` + seeker + `","relation":"sister","language":"ru"}}`)
		f.dispatch()
		seen[stopped] = f.privatePage(sk)
	}
	if seen[false] != seen[true] {
		t.Errorf("a seeker's number that sent STOP shows otherwise than one that did not:\nopen:    %s\nstopped: %s", seen[false], seen[true])
	}
	if !strings.Contains(seen[true], escapeHTML(T("ru", "private.phone"))) || !strings.Contains(seen[true], escapeHTML(found)) {
		t.Errorf("the seeker's page does not give the number the person agreed to share: %s", seen[true])
	}
}

// TestProvenNumbersSMSFateIsSaid: when the safe report came by SMS from
// its number, nobody typed it, and the family is told plainly that the
// request could not be sent (so they call the hotline at once).
func TestProvenNumbersSMSFateIsSaid(t *testing.T) {
	const number = "+77057770000"
	f := newSMSFixture(t, true, number)
	sk := f.file(`{"kind":"seek","person":{"full_name":"Жумабаев Ерлан","birth_year":1985,"sex":"M","city":"Алматы"},"contact":{"name":"Данияр","phone":"+77011112233","relation":"son","language":"ru"}}`)
	safe := &data.Report{Kind: data.KindSafe, FullName: "Zhumabayev Yerlan", BirthYear: 1985, Sex: "M", City: "Almaty",
		ContactPhone: number, Language: "ru", Channel: data.ChannelSMS, Status: data.StatusActive}
	if err := f.st.CreateReport(t.Context(), safe); err != nil {
		t.Fatal(err)
	}
	f.dispatch()
	if page := f.privatePage(sk); !strings.Contains(page, escapeHTML(T("ru", "private.ask_lost", "1414"))) {
		t.Errorf("the seeker is not told that the request to an SMS sender's number was not sent:\n%s", page)
	}
}

// smsFixture is a server whose matcher and SMS dispatcher a test runs,
// sending to the log, with one number that sent STOP (or none).
type smsFixture struct {
	t   *testing.T
	st  data.Store
	h   http.Handler
	eng *search.Engine
	svc *notify.Service
}

func newSMSFixture(t *testing.T, stopped bool, number string) *smsFixture {
	dir := t.TempDir()
	st := secStore(t, dir)
	s, eng, ix, svc := notifyingServerOn(t, st, dir)
	t.Cleanup(func() { ix.Close() })
	if stopped {
		if err := st.SetOptOut(t.Context(), number, true); err != nil {
			t.Fatal(err)
		}
	}
	return &smsFixture{t: t, st: st, h: s.Handler(), eng: eng, svc: svc}
}

// file posts a report to the API and lets the matcher see it.
func (f *smsFixture) file(body string) CreatedReport {
	cr := createReport(f.t, f.h, body)
	if err := f.eng.CatchUp(f.t.Context()); err != nil {
		f.t.Fatal(err)
	}
	return cr
}

// dispatch matches what is new and sends (or suppresses) every SMS queued.
func (f *smsFixture) dispatch() {
	if err := f.eng.CatchUp(f.t.Context()); err != nil {
		f.t.Fatal(err)
	}
	for n := 1; n > 0; {
		var err error
		if n, err = f.svc.Dispatcher.DispatchOnce(f.t.Context()); err != nil {
			f.t.Fatal(err)
		}
	}
}

// privatePage is cr's private page with what differs between runs (ids,
// times, tokens, codes) taken out.
func (f *smsFixture) privatePage(cr CreatedReport) string {
	p := cr.PrivateURL[strings.Index(cr.PrivateURL, "/p/"):]
	page := secReq{"GET", p, "", nil}.do(f.h).Body.String()
	page = strings.NewReplacer(cr.ID, "ID", p, "TOKEN").Replace(page)
	return volatile.ReplaceAllString(page, "…")
}
