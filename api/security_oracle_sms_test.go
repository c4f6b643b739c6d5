package api

import (
	"strings"
	"testing"

	"tuys/data"
)

// TestTypedNumbersSMSFateIsNoOracle: anyone can file "I am safe" with a
// stranger's number, and a "looking for" report that matches it. Neither
// private page may then tell whether that phone sent STOP (or reached its
// daily cap): the safe report's page shows its SMS only as waiting or
// processed, and the seeker's page says "we asked, and if no number comes,
// call the hotline" either way.
func TestTypedNumbersSMSFateIsNoOracle(t *testing.T) {
	seen := map[bool]string{}
	for _, stopped := range []bool{false, true} {
		seen[stopped] = privatePagesAfterDispatch(t, stopped)
	}
	if seen[false] != seen[true] {
		t.Errorf("a number that sent STOP shows otherwise than one that did not:\nopen:    %s\nstopped: %s", seen[false], seen[true])
	}
	for _, want := range []string{T("ru", "private.ask_check", "1414"), T("ru", "sms.state.processed")} {
		if !strings.Contains(seen[true], digits.ReplaceAllString(want, "#")) {
			t.Errorf("the private pages do not say %q", want)
		}
	}
	for _, leak := range []string{T("ru", "private.ask_lost", "1414"), T("ru", "sms.state.suppressed"), T("ru", "sms.state.logged")} {
		if strings.Contains(seen[true], digits.ReplaceAllString(leak, "#")) {
			t.Errorf("the private pages say %q about a typed number", leak)
		}
	}
}

// privatePagesAfterDispatch files a seek report and a matching safe report
// with a typed number (stopped: that number sent STOP before), runs the
// dispatcher, and returns both private pages, the volatile parts taken out.
func privatePagesAfterDispatch(t *testing.T, stopped bool) string {
	const stranger = "+77057770000"
	dir := t.TempDir()
	st := secStore(t, dir)
	s, eng, ix, svc := notifyingServerOn(t, st, dir)
	t.Cleanup(func() { ix.Close() })
	h := s.Handler()
	if stopped {
		if err := st.SetOptOut(t.Context(), stranger, true); err != nil {
			t.Fatal(err)
		}
	}
	sk := createReport(t, h, `{"kind":"seek","person":{"full_name":"Жумабаев Ерлан","birth_year":1985,"sex":"M","city":"Алматы"},"contact":{"name":"Данияр","phone":"+77011112233","relation":"son","language":"ru"}}`)
	sf := createReport(t, h, `{"kind":"safe","person":{"full_name":"Zhumabayev Yerlan","birth_year":1985,"sex":"M","city":"Almaty"},"contact":{"phone":"`+stranger+`","language":"ru"}}`)
	if err := eng.CatchUp(t.Context()); err != nil {
		t.Fatal(err)
	}
	for {
		n, err := svc.Dispatcher.DispatchOnce(t.Context())
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			break
		}
	}
	var out []string
	for _, cr := range []CreatedReport{sk, sf} {
		p := cr.PrivateURL[strings.Index(cr.PrivateURL, "/p/"):]
		body := secReq{"GET", p, "", nil}.do(h).Body.String()
		out = append(out, strings.NewReplacer(sk.ID, "SEEK", sf.ID, "SAFE", p, "TOKEN").Replace(body))
	}
	if !strings.Contains(out[0], "Zhumabayev") {
		t.Fatalf("the seeker's private page shows no match: %s", out[0])
	}
	return digits.ReplaceAllString(volatile.ReplaceAllString(strings.Join(out, "\n"), "…"), "#")
}

// TestProvenNumbersSMSFateIsSaid: when the safe report came by SMS from
// its number, nobody typed it, and the family is told plainly that the
// request could not be sent (so they call the hotline at once).
func TestProvenNumbersSMSFateIsSaid(t *testing.T) {
	const number = "+77057770000"
	dir := t.TempDir()
	st := secStore(t, dir)
	s, eng, ix, svc := notifyingServerOn(t, st, dir)
	t.Cleanup(func() { ix.Close() })
	h := s.Handler()
	sk := createReport(t, h, `{"kind":"seek","person":{"full_name":"Жумабаев Ерлан","birth_year":1985,"sex":"M","city":"Алматы"},"contact":{"name":"Данияр","phone":"+77011112233","relation":"son","language":"ru"}}`)
	safe := &data.Report{Kind: data.KindSafe, FullName: "Zhumabayev Yerlan", BirthYear: 1985, Sex: "M", City: "Almaty",
		ContactPhone: number, Language: "ru", Channel: data.ChannelSMS, Status: data.StatusActive}
	if err := st.CreateReport(t.Context(), safe); err != nil {
		t.Fatal(err)
	}
	if err := st.SetOptOut(t.Context(), number, true); err != nil {
		t.Fatal(err)
	}
	if err := eng.CatchUp(t.Context()); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Dispatcher.DispatchOnce(t.Context()); err != nil {
		t.Fatal(err)
	}
	page := secReq{"GET", sk.PrivateURL[strings.Index(sk.PrivateURL, "/p/"):], "", nil}.do(h).Body.String()
	if !strings.Contains(page, T("ru", "private.ask_lost", "1414")) {
		t.Errorf("the seeker is not told that the request to an SMS sender's number was not sent:\n%s", page)
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
		dir := t.TempDir()
		st := secStore(t, dir)
		s, eng, ix, svc := notifyingServerOn(t, st, dir)
		t.Cleanup(func() { ix.Close() })
		h := s.Handler()
		if stopped {
			if err := st.SetOptOut(t.Context(), seeker, true); err != nil {
				t.Fatal(err)
			}
		}
		createReport(t, h, `{"kind":"safe","share_contact":true,"person":{"full_name":"Сапаров Данияр","birth_year":1990,"sex":"M","city":"Алматы"},"contact":{"phone":"`+found+`","language":"ru"}}`)
		if err := eng.CatchUp(t.Context()); err != nil {
			t.Fatal(err)
		}
		sk := createReport(t, h, `{"kind":"seek","person":{"full_name":"Сапаров Данияр","birth_year":1990,"sex":"M","city":"Алматы","phone":"`+found+`"},"contact":{"name":"Айгуль","phone":"`+seeker+`","relation":"sister","language":"ru"}}`)
		if err := eng.CatchUp(t.Context()); err != nil {
			t.Fatal(err)
		}
		for n := 1; n > 0; {
			var err error
			if n, err = svc.Dispatcher.DispatchOnce(t.Context()); err != nil {
				t.Fatal(err)
			}
		}
		p := sk.PrivateURL[strings.Index(sk.PrivateURL, "/p/"):]
		page := strings.NewReplacer(sk.ID, "SEEK", p, "TOKEN").Replace(secReq{"GET", p, "", nil}.do(h).Body.String())
		seen[stopped] = volatile.ReplaceAllString(page, "…")
	}
	if seen[false] != seen[true] {
		t.Errorf("a seeker's number that sent STOP shows otherwise than one that did not:\nopen:    %s\nstopped: %s", seen[false], seen[true])
	}
	if !strings.Contains(seen[true], escapeHTML(T("ru", "private.phone"))) || !strings.Contains(seen[true], escapeHTML(found)) {
		t.Errorf("the seeker's page does not give the number the person agreed to share: %s", seen[true])
	}
}
