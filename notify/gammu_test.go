package notify

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"tuys/data"
	"tuys/notify/gammutest"
)

// gammuRig is a store, the real gammu-smsd on the dummy phone, and a
// dispatcher sending through it.
type gammuRig struct {
	rig
	daemon *gammutest.Daemon
	modem  *Gammu
}

func newGammuRig(t *testing.T, rate float64) *gammuRig {
	t.Helper()
	spool := t.TempDir()
	daemon := gammutest.Start(t, spool)
	pace := &Pacer{Rate: rate}
	modem, err := NewGammu(spool, pace)
	if err != nil {
		t.Fatal(err)
	}
	pace.Queued = modem.Queued
	st := openStore(t)
	d := testDispatcher(st, modem, Config{DailyCapPerPhone: 10, HourlyBudget: 1000, Timeout: time.Second})
	d.Poll = 50 * time.Millisecond
	return &gammuRig{rig: rig{st: st, d: d}, daemon: daemon, modem: modem}
}

// run runs the dispatcher until the test ends.
func (r *gammuRig) run(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); r.d.Run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
}

// testSettle is long enough for gammu-smsd to finish writing an inbox
// file (read sooner, a delivery report was once half written and went to
// the command handler) and short enough for quick tests.
const testSettle = 300 * time.Millisecond

func waitFor(t *testing.T, what string, within time.Duration, ok func() bool) {
	t.Helper()
	deadline := time.Now().Add(within)
	for !ok() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// The modem sends match SMS before the rest, at the configured pace, and
// its delivery reports and failures move the messages on.
func TestGammuPacesByPriorityAndRecordsReports(t *testing.T) {
	const rate = 60.0 // a minute: one a second
	r := newGammuRig(t, rate)
	var msgs []data.Message
	for _, to := range []string{"+77010000001", "+77010000002", "+77010000003", "+77010000004"} {
		msgs = append(msgs, data.Message{Key: "sub:r" + to + ":note", To: to, Body: "Жаңалық " + to, Language: "kk"})
	}
	for _, to := range []string{"+77010000005", "+77010000006"} {
		msgs = append(msgs, data.Message{Key: "match:m" + to + ":seeker", MatchID: "m" + to, To: to, Body: "Табылды " + to, Language: "kk"})
	}
	r.enqueue(t, msgs...)
	r.run(t)
	waitFor(t, "six SMS through the dummy phone", 60*time.Second, func() bool { return len(r.daemon.Sent(t)) == 6 })

	var attempts []time.Time
	attemptOf := map[string]time.Time{} // by file (SID)
	for _, m := range msgs {
		got := r.byKey(t, m.Key)
		if got.State != data.MsgSent || !strings.HasPrefix(got.ProviderSID, gammuSIDPrefix) {
			t.Fatalf("%s: state %s sid %q", m.Key, got.State, got.ProviderSID)
		}
		attempts = append(attempts, got.AttemptedAt)
		attemptOf[got.ProviderSID] = got.AttemptedAt
	}
	sort.Slice(attempts, func(i, j int) bool { return attempts[i].Before(attempts[j]) })
	span := attempts[len(attempts)-1].Sub(attempts[0])
	perMinute := float64(len(attempts)-1) / span.Minutes()
	t.Logf("pacing: %d SMS in %v = %.1f SMS a minute (TUYS_GAMMU_RATE=%g)", len(attempts), span.Round(time.Millisecond), perMinute, rate)
	// Turns are a minute/rate apart; the attempts are recorded a moment
	// after the turn, so allow one interval of scheduling noise.
	if interval := time.Duration(float64(time.Minute) / rate); span < time.Duration(len(attempts)-2)*interval {
		t.Fatalf("paced at %.1f a minute (%v for %d), over the configured %g", perMinute, span, len(attempts), rate)
	}
	// The daemon sent the two match SMS among the first three: at most one
	// other went before them (the first claimed, with nobody waiting yet).
	sent := r.daemon.Sent(t)
	sort.Slice(sent, func(i, j int) bool { return attemptOf[sent[i].File].Before(attemptOf[sent[j].File]) })
	for i, s := range sent[3:] {
		if strings.HasPrefix(s.Body, "Табылды") {
			t.Fatalf("match SMS sent %d of 6, after the subscriptions: %+v", i+4, sent)
		}
	}

	in := &GammuInbox{Gammu: r.modem, Store: r.st, Settle: testSettle, Handle: func(context.Context, string, string) (string, error) {
		t.Fatal("a delivery report reached the command handler")
		return "", nil
	}}
	r.daemon.Receive(t, "+77010000005", "Delivered")
	r.daemon.Receive(t, "+77010000006", "Failed")
	// A message the daemon gave up on lands in error/.
	failed := r.byKey(t, "sub:r+77010000001:note")
	if err := os.Rename(filepath.Join(r.modem.Spool, gammuSent, failed.ProviderSID), filepath.Join(r.modem.Spool, gammuError, failed.ProviderSID)); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the reports", 30*time.Second, func() bool {
		if err := in.Once(context.Background()); err != nil {
			t.Fatal(err)
		}
		return r.byKey(t, "match:m+77010000005:seeker").State == data.MsgDelivered &&
			r.byKey(t, "match:m+77010000006:seeker").State == data.MsgUndelivered
	})
	if got := r.byKey(t, failed.Key); got.State != data.MsgFailed || got.ErrorCode != codeModemFailed {
		t.Fatalf("error/ file: %+v", got)
	}
}

// An SMS the daemon received is handled once, even when tuys dies after
// handling it and before moving its file: the reply's outbox key is the
// daemon's message id. Its reply leaves through the modem.
func TestGammuInboundOnceByDaemonID(t *testing.T) {
	r := newGammuRig(t, 600)
	var calls atomic.Int32
	in := &GammuInbox{Gammu: r.modem, Store: r.st, Settle: testSettle, Queued: r.d.Wake, Handle: func(_ context.Context, from, body string) (string, error) {
		calls.Add(1)
		return "ack " + body, nil
	}}
	r.daemon.Receive(t, "+77011112233", "ИЗДЕУ Әсем Нұрланқызы 1990 Алматы")
	var done []os.DirEntry
	waitFor(t, "the daemon's inbox file", 30*time.Second, func() bool {
		if err := in.Once(context.Background()); err != nil {
			t.Fatal(err)
		}
		done, _ = os.ReadDir(filepath.Join(r.modem.Spool, gammuDone))
		return len(done) == 1
	})
	// The crash: the file is back in the inbox, the reply row already written.
	name := done[0].Name()
	b, _ := os.ReadFile(filepath.Join(r.modem.Spool, gammuDone, name))
	os.WriteFile(filepath.Join(r.modem.Spool, gammuInbox, name), b, 0o640)
	os.Chtimes(filepath.Join(r.modem.Spool, gammuInbox, name), time.Now().Add(-time.Minute), time.Now().Add(-time.Minute))
	if err := in.Once(context.Background()); err != nil {
		t.Fatal(err)
	}
	if calls.Load() != 1 {
		t.Fatalf("handled %d times", calls.Load())
	}
	reply := r.byKey(t, gammuReplyPrefix+inboxID(name))
	if reply.To != "+77011112233" || reply.Body != "ack ИЗДЕУ Әсем Нұрланқызы 1990 Алматы" {
		t.Fatalf("reply %+v", reply)
	}
	r.run(t)
	waitFor(t, "the reply through the modem", 30*time.Second, func() bool {
		s := r.daemon.Sent(t)
		return len(s) == 1 && s[0].To == "+77011112233" && s[0].Body == reply.Body
	})

	// A week on, the spool forgets the texts and numbers it held in clear.
	week := time.Now().Add(-spoolKeep - time.Hour)
	os.Chtimes(filepath.Join(r.modem.Spool, gammuDone, name), week, week)
	in.pruned = time.Time{}
	if err := in.Once(context.Background()); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(filepath.Join(r.modem.Spool, gammuDone)); len(left) != 0 || len(r.daemon.Sent(t)) != 1 {
		t.Fatalf("pruned wrongly: done/ %v, sent/ %d", left, len(r.daemon.Sent(t)))
	}
}

// What tuys writes into the outbox reads back as written, and the NULs
// gammu-smsd pads non-Latin inbox text with are not part of the text.
func FuzzModemFileText(f *testing.F) {
	f.Add("ИӘ 123")
	f.Add("SAFE Aigul 1985 Almaty 😀")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
			return
		}
		if got := decodeSMSFile(encodeUTF16(s)); got != s {
			t.Fatalf("%q read back as %q", s, got)
		}
		if got := decodeSMSFile(append(encodeUTF16(s), 0, 0, 0, 0)); got != s {
			t.Fatalf("padded %q read back as %q", s, got)
		}
		_ = inboxID(s) // never panics on any name
	})
}
