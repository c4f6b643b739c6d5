package notify

import (
	"fmt"
	"testing"
	"time"

	"tuys/data"
	"tuys/notify/gammutest"
	"tuys/notify/twiliotest"
)

// Twilio stops answering mid-run (two requests reach it just before, their
// answers lost): after two timeouts the modem sends, the messages whose
// Twilio attempt timed out wait for Twilio to answer the lookup, and when
// it does everything left goes through it. Every purpose
// leaves exactly once across both channels.
func TestFailoverTwilioCutMidRun(t *testing.T) {
	r := newRig(t)
	spool := t.TempDir()
	daemon := gammutest.Start(t, spool)
	pace := &Pacer{Rate: 600}
	modem, err := NewGammu(spool, pace)
	if err != nil {
		t.Fatal(err)
	}
	pace.Queued = modem.Queued
	f := &Failover{Twilio: r.tw, Modem: modem, After: 2, Probe: 300 * time.Millisecond, Log: quiet}
	d := testDispatcher(r.st, f, Config{DailyCapPerPhone: 10, HourlyBudget: 1000, Timeout: 300 * time.Millisecond})
	d.Poll = 50 * time.Millisecond
	grig := &gammuRig{rig: rig{st: r.st, d: d}, daemon: daemon, modem: modem}

	var all []data.Message
	batch := func(from, n int) {
		var msgs []data.Message
		for i := from; i < from+n; i++ {
			to := fmt.Sprintf("+7701%07d", i)
			msgs = append(msgs, data.Message{Key: fmt.Sprintf("match:m%d:seeker", i), MatchID: fmt.Sprint("m", i), To: to,
				Body: fmt.Sprintf("Сіз іздеген адам табылды, хабарлама %d", i), Language: "kk"})
		}
		r.enqueue(t, msgs...)
		all = append(all, msgs...)
		d.Wake()
	}
	batch(0, 4)
	grig.run(t)
	waitFor(t, "four SMS through Twilio", 30*time.Second, func() bool { return len(r.fake.Messages()) == 4 })

	r.fake.HangNext(2) // the last two reach Twilio, their answers are lost in the cut
	r.fake.SetUnreachable(true)
	cut := time.Now()
	batch(4, 4)
	waitFor(t, "the failover", 30*time.Second, func() bool { return f.Channel() == "modem" })
	batch(8, 6)
	waitFor(t, "SMS through the modem", 60*time.Second, func() bool { return len(daemon.Sent(t)) >= 6 })
	took, first := f.FailoverTook(), time.Now()
	for _, s := range daemon.Sent(t) {
		if s.At.Before(first) {
			first = s.At // written into the outbox
		}
	}
	t.Logf("failover: %v from the first Twilio failure (a timeout) to the first modem send; %v from the cut (Twilio timeout 300ms, after 2 failures)",
		took.Round(time.Millisecond), first.Sub(cut).Round(time.Millisecond))
	if took <= 0 {
		t.Fatal("no failover measured")
	}

	r.fake.SetUnreachable(false)
	waitFor(t, "every message settled", 60*time.Second, func() bool {
		for _, m := range all {
			if s := grig.byKey(t, m.Key).State; s == data.MsgQueued || s == data.MsgSending {
				return false
			}
		}
		return true
	})
	waitFor(t, "back on Twilio", 10*time.Second, func() bool { return f.Channel() == "twilio" })
	checkOnce(t, all, r.fake, daemon)
}

// checkOnce: each message reached exactly one channel, once.
func checkOnce(t *testing.T, all []data.Message, fake *twiliotest.Server, daemon *gammutest.Daemon) {
	t.Helper()
	seen := map[string]int{}
	for _, m := range fake.Messages() {
		seen[m.To+"\x00"+m.Body]++
	}
	viaModem := 0
	for _, s := range append(daemon.Sent(t), daemon.Outbox(t)...) {
		seen[s.To+"\x00"+s.Body]++
		viaModem++
	}
	for _, m := range all {
		if n := seen[m.To+"\x00"+m.Body]; n != 1 {
			t.Errorf("%s sent %d times across Twilio and the modem", m.Key, n)
		}
	}
	t.Logf("%d purposes: %d through Twilio, %d through the modem", len(all), len(fake.Messages()), viaModem)
	if viaModem == 0 || viaModem == len(all) {
		t.Fatalf("expected both channels used, modem sent %d of %d", viaModem, len(all))
	}
}
