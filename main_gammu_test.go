package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"tuys/notify/gammutest"
	"tuys/notify/twiliotest"
)

func postReport(t *testing.T, addr, kind, name string, year int, city, phone string) {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"kind": kind,
		"person": map[string]any{"full_name": name, "birth_year": year, "city": city}, "contact": map[string]any{"phone": phone}})
	resp, err := http.Post("http://"+addr+"/api/v1/reports", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("post %s report: HTTP %d", kind, resp.StatusCode)
	}
}

func eventually(t *testing.T, what string, within time.Duration, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// modemSMS returns what the daemon sent (or holds in its outbox) to `to`.
func modemSMS(t *testing.T, d *gammutest.Daemon, to string) []gammutest.SMS {
	var out []gammutest.SMS
	for _, s := range append(d.Sent(t), d.Outbox(t)...) {
		if s.To == to {
			out = append(out, s)
		}
	}
	return out
}

func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

var consentCode = regexp.MustCompile(`(?:YES|ДА|ИӘ) (\d+)`)

// The country is cut off; tuys runs at the volunteer center with a modem.
// A relative files a seek report; the found person texts SAFE to the
// modem; the match SMS leave through it; YES comes back through it; the
// seeker gets the number — through the real binary and the real gammu-smsd
// on the dummy phone.
func TestGammuEndToEnd(t *testing.T) {
	spool := t.TempDir()
	daemon := gammutest.Start(t, spool)
	addr := freePort(t)
	startTuys(t, addr, t.TempDir(), "TUYS_SMS_GATEWAY=gammu", "TUYS_GAMMU_SPOOL="+spool, "TUYS_GAMMU_RATE=600")
	const seeker, found = "+77011234567", "+77019876543"
	postReport(t, addr, "seek", "Жумабаев Ерлан", 1985, "Алматы", seeker)
	daemon.Receive(t, found, "ЖИВ Жумабаев Ерлан 1985 Алматы")

	eventually(t, "the match SMS through the modem", 90*time.Second, func() bool {
		return len(modemSMS(t, daemon, seeker)) == 1 && len(modemSMS(t, daemon, found)) >= 2 // the filed reply and the question
	})
	var code string
	for _, s := range modemSMS(t, daemon, found) {
		if m := consentCode.FindStringSubmatch(s.Body); m != nil {
			code = m[1]
		}
	}
	if code == "" {
		t.Fatalf("no consent question to the found person: %+v", modemSMS(t, daemon, found))
	}
	if got := modemSMS(t, daemon, seeker)[0].Body; strings.Contains(digits(got), digits(found)[1:]) {
		t.Fatalf("the number left before consent: %q", got)
	}
	daemon.Receive(t, found, "ДА "+code)
	eventually(t, "the number to the seeker", 60*time.Second, func() bool {
		for _, s := range modemSMS(t, daemon, seeker) {
			if strings.Contains(digits(s.Body), digits(found)[1:]) {
				return true
			}
		}
		return false
	})
}

// kill -9 while failing over from Twilio to the modem, restart, Twilio
// comes back: no purpose is sent twice across the two channels.
func TestFailoverKillMidFailover(t *testing.T) {
	spool := t.TempDir()
	daemon := gammutest.Start(t, spool)
	fake := twiliotest.New("AC0123456789abcdef0123456789abcdef", "token0123456789")
	t.Cleanup(fake.Close)
	addr, dir := freePort(t), t.TempDir()
	env := []string{"TUYS_SMS_GATEWAY=twilio", "TUYS_TWILIO_ACCOUNT_SID=" + fake.AccountSID, "TUYS_TWILIO_AUTH_TOKEN=" + fake.AuthToken,
		"TUYS_TWILIO_FROM=+15005550006", "TUYS_TWILIO_API_URL=" + fake.URL, "TUYS_TWILIO_TIMEOUT=1s", "TUYS_SMS_LEASE=5s",
		"TUYS_SMS_FAILOVER_AFTER=2", "TUYS_GAMMU_SPOOL=" + spool, "TUYS_GAMMU_RATE=600"}
	cmd := startTuys(t, addr, dir, env...)
	people := []struct{ name, city string }{
		{"Ахметова Айгуль", "Астана"}, {"Нурпеисов Данияр", "Шымкент"}, {"Сейткалиев Нурлан", "Караганда"},
		{"Касымова Динара", "Актобе"}, {"Омаров Асхат", "Тараз"}, {"Байжанова Мадина", "Павлодар"},
		{"Искаков Серик", "Семей"}, {"Тулегенова Асель", "Атырау"},
	}
	var phones []string
	file := func(i int) {
		p := people[i]
		seek, safe := fmt.Sprintf("+770100000%02d", i), fmt.Sprintf("+770200000%02d", i)
		postReport(t, addr, "seek", p.name, 1970+i, p.city, seek)
		postReport(t, addr, "safe", p.name, 1970+i, p.city, safe)
		phones = append(phones, seek, safe)
	}
	file(0)
	file(1)
	eventually(t, "four SMS through Twilio", 60*time.Second, func() bool { return len(fake.Messages()) == 4 })

	fake.HangNext(2) // two reach Twilio just before the cut, their answers lost
	fake.SetUnreachable(true)
	for i := 2; i < len(people); i++ {
		file(i)
	}
	eventually(t, "a first SMS through the modem", 60*time.Second, func() bool { return len(daemon.Sent(t))+len(daemon.Outbox(t)) > 0 })
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()

	startTuys(t, addr, dir, env...)
	time.Sleep(3 * time.Second) // still cut: the restarted node fails over again
	fake.SetUnreachable(false)
	count := func() map[string]int {
		n := map[string]int{}
		for _, m := range fake.Messages() {
			n[m.To]++
		}
		for _, s := range append(daemon.Sent(t), daemon.Outbox(t)...) {
			n[s.To]++
		}
		return n
	}
	eventually(t, "every purpose sent", 120*time.Second, func() bool { return len(count()) == len(phones) })
	time.Sleep(3 * time.Second) // a duplicate would show up now
	n := count()
	for _, p := range phones {
		if n[p] != 1 {
			t.Errorf("%s got %d SMS across Twilio and the modem", p, n[p])
		}
	}
	t.Logf("%d purposes: %d through Twilio, %d through the modem", len(phones), len(fake.Messages()), len(daemon.Sent(t))+len(daemon.Outbox(t)))
}
