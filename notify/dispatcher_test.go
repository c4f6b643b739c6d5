package notify

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"tuys/data"
	"tuys/data/datatest"
	"tuys/notify/twiliotest"
)

func msg(key, to, body string) data.Message {
	return data.Message{Key: key, To: to, Body: body, Language: "en", Segments: Segments(body)}
}

func TestDispatchSendsAndRecordsSID(t *testing.T) {
	r := newRig(t)
	r.enqueue(t, msg("k1", "+77011234567", "one"), msg("k2", "+905321234567", "two"))
	r.drain(t)
	for _, k := range []string{"k1", "k2"} {
		m := r.byKey(t, k)
		if m.State != data.MsgSent || !strings.HasPrefix(m.ProviderSID, "SM") || m.Attempts != 1 {
			t.Errorf("%s: state %s sid %q attempts %d", k, m.State, m.ProviderSID, m.Attempts)
		}
		sent := r.fake.SentTo(m.To)
		if len(sent) != 1 || sent[0].SID != m.ProviderSID || sent[0].StatusCallback != "https://tuys.example/webhooks/twilio/status" {
			t.Errorf("%s: fake has %+v", k, sent)
		}
	}
}

func TestDispatch429ThenSuccessSendsOnce(t *testing.T) {
	r := newRig(t)
	r.fake.FailNext(2, 429)
	r.enqueue(t, msg("k", "+77011234567", "hello"))
	r.drain(t)
	m := r.byKey(t, "k")
	if m.State != data.MsgSent || m.Attempts != 3 {
		t.Errorf("state %s attempts %d, want sent after 3", m.State, m.Attempts)
	}
	if n := len(r.fake.Messages()); n != 1 {
		t.Errorf("fake accepted %d messages, want 1", n)
	}
	if r.fake.Lists() != 0 {
		t.Errorf("a 429 proves nothing was sent, yet %d reconcile lookups", r.fake.Lists())
	}
}

func TestDispatchRetryIsScheduledWithBackoff(t *testing.T) {
	r := newRig(t)
	r.d.Backoff, r.d.MaxBackoff = time.Minute, time.Hour
	r.fake.FailNext(1, 503)
	r.enqueue(t, msg("k", "+77011234567", "hello"))
	r.drain(t)
	m := r.byKey(t, "k")
	wait := time.Until(m.NextAttemptAt)
	if m.State != data.MsgQueued || wait < 25*time.Second || wait > 61*time.Second {
		t.Errorf("state %s, next attempt in %v; want queued, in 30s..60s", m.State, wait)
	}
	if m.ErrorText == "" {
		t.Error("no error text for volunteers")
	}
}

func TestDispatch500ReconcilesBeforeResend(t *testing.T) {
	r := newRig(t)
	r.fake.FailNext(1, 500)
	r.enqueue(t, msg("k", "+77011234567", "hello"))
	r.drain(t)
	if r.fake.Lists() == 0 {
		t.Error("a 5xx may have been accepted: want a lookup before resending")
	}
	if n := len(r.fake.Messages()); n != 1 || r.byKey(t, "k").State != data.MsgSent {
		t.Errorf("fake has %d messages, state %s; want 1, sent", n, r.byKey(t, "k").State)
	}
}

func TestDispatchTimeoutIsReconciledNotResent(t *testing.T) {
	r := newRig(t)
	r.fake.HangNext(1)
	r.enqueue(t, msg("k", "+77011234567", "hello"))
	r.drain(t)
	m := r.byKey(t, "k")
	sent := r.fake.Messages()
	if len(sent) != 1 || r.fake.Posts() != 1 {
		t.Fatalf("fake has %d messages after %d posts; want exactly 1 of 1", len(sent), r.fake.Posts())
	}
	if m.State != data.MsgSent || m.ProviderSID != sent[0].SID {
		t.Errorf("state %s sid %s; want sent with %s", m.State, m.ProviderSID, sent[0].SID)
	}
	if r.d.Stats().Reconciled.Load() != 1 {
		t.Errorf("reconciled %d, want 1", r.d.Stats().Reconciled.Load())
	}
}

// crash leaves a message as a dead worker would: marked sending and its
// request sent (when sent), the outcome never recorded.
func crash(t *testing.T, r *rig, sent bool) {
	t.Helper()
	ctx := context.Background()
	// The lease must outlast the claim-to-mark step even on a loaded
	// machine (50 ms did not under the race detector), then expire.
	const lease = 400 * time.Millisecond
	claimed, err := r.st.ClaimMessages(ctx, "dead-worker", lease, 1)
	if err != nil || len(claimed) != 1 {
		t.Fatalf("claim: %v %d", err, len(claimed))
	}
	m := claimed[0]
	if err := r.st.MarkSending(ctx, m.ID, "dead-worker", data.RecipientCap{}); err != nil {
		t.Fatal(err)
	}
	if sent {
		if _, err := r.tw.Send(ctx, m.To, m.Body, ""); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(lease + 100*time.Millisecond) // the lease expires
}

func TestCrashAfterSendBeforeSIDStillOneSMS(t *testing.T) {
	r := newRig(t)
	r.enqueue(t, msg("k", "+77011234567", "hello"))
	crash(t, r, true)
	r.d = testDispatcher(r.st, r.tw, Config{PublicURL: "https://tuys.example"}) // "restart"
	r.drain(t)
	m := r.byKey(t, "k")
	if n := len(r.fake.Messages()); n != 1 {
		t.Fatalf("fake has %d messages, want 1", n)
	}
	if m.State != data.MsgSent || m.ProviderSID != r.fake.Messages()[0].SID {
		t.Errorf("state %s sid %s, want sent with the first SID", m.State, m.ProviderSID)
	}
}

func TestCrashBeforeRequestLeftSendsOnce(t *testing.T) {
	r := newRig(t)
	r.enqueue(t, msg("k", "+77011234567", "hello"))
	crash(t, r, false)
	r.drain(t)
	if n := len(r.fake.Messages()); n != 1 || r.byKey(t, "k").State != data.MsgSent {
		t.Fatalf("fake has %d messages, state %s; want 1 sent", n, r.byKey(t, "k").State)
	}
}

func TestDispatchPermanentErrors(t *testing.T) {
	r := newRigOn(t, twiliotest.NewTestCredentials(testSID, testToken), "") // the magic numbers
	want := map[string]string{
		"+15005550001": "invalid phone number",
		"+15005550002": "this number cannot be reached from our sender",
		"+15005550003": "SMS to this country is not enabled on the account",
		"+15005550004": "the recipient replied STOP to our number",
		"+15005550009": "not a mobile number (cannot receive SMS)",
	}
	for to := range want {
		r.enqueue(t, msg("k"+to, to, "hello"))
	}
	r.drain(t)
	for to, reason := range want {
		m := r.byKey(t, "k"+to)
		if m.State != data.MsgFailed || m.ErrorText != reason || m.ErrorCode < 21000 || m.Attempts != 1 {
			t.Errorf("%s: state %s code %d text %q attempts %d", to, m.State, m.ErrorCode, m.ErrorText, m.Attempts)
		}
	}
	if out, _ := r.st.OptedOut(context.Background(), "+15005550004"); !out {
		t.Error("21610 (STOP at the carrier) did not opt the number out")
	}
}

func TestDispatchSuppressesWithoutRequest(t *testing.T) {
	r := newRig(t)
	if err := r.st.SetOptOut(context.Background(), "+77017654321", true); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{
		"+88212345678":  "not allowed",          // international premium range
		"+33612345678":  "not allowed",          // France: not in TUYS_SMS_COUNTRIES
		"+77172123456":  "not a mobile",         // Astana landline
		"+77017654321":  "replied STOP",         // opted out
		"+7701123":      "not a valid",          // too short
		"+79001234567x": "not a valid",          // garbage
		"77011234567":   "not an international", // no +
	}
	for to := range cases {
		r.enqueue(t, msg("k"+to, to, "hello"))
	}
	r.drain(t)
	for to, want := range cases {
		m := r.byKey(t, "k"+to)
		if m.State != data.MsgSuppressed || !strings.Contains(m.ErrorText, want) {
			t.Errorf("%s: state %s, reason %q; want suppressed, %q", to, m.State, m.ErrorText, want)
		}
	}
	if r.fake.Posts() != 0 {
		t.Errorf("%d requests left for suppressed messages", r.fake.Posts())
	}
}

func TestDispatchDailyCap(t *testing.T) {
	r := newRig(t)
	r.d.Policy.DailyCap = 2
	r.d.Parallel = 1
	for _, k := range []string{"a", "b", "c"} {
		r.enqueue(t, msg(k, "+77011234567", "body "+k))
	}
	r.drain(t)
	if n := len(r.fake.Messages()); n != 2 {
		t.Errorf("sent %d, want the cap of 2", n)
	}
	if r.byKey(t, "c").State != data.MsgSuppressed {
		t.Errorf("third message is %s, want suppressed", r.byKey(t, "c").State)
	}
}

// The SMS telling a found person what a volunteer did on their word goes
// out past the daily cap that strangers' requests may have filled.
func TestDispatchPhoneAnswerPastTheCap(t *testing.T) {
	r := newRig(t)
	r.d.Policy.DailyCap = 2
	r.d.Parallel = 1
	told := phoneAnswerKey("01MATCH")
	r.enqueue(t, msg("a", "+77011234567", "a"), msg("b", "+77011234567", "b"))
	r.drain(t)
	r.enqueue(t, msg("c", "+77011234567", "c"), msg(told, "+77011234567", "told"))
	r.drain(t)
	if st := r.byKey(t, told).State; st == data.MsgSuppressed || st == data.MsgQueued {
		t.Errorf("the phone answer's SMS is %s past the cap, want it sent", st)
	}
	if r.byKey(t, "c").State != data.MsgSuppressed {
		t.Errorf("an ordinary third message is %s, want suppressed by the cap", r.byKey(t, "c").State)
	}
}

func TestDispatchHourlyBudgetDefers(t *testing.T) {
	r := newRig(t)
	r.d.Policy.HourlyBudget = 1
	r.d.Parallel = 1
	r.enqueue(t, msg("a", "+77011234567", "a"), msg("b", "+77011234568", "b"))
	r.drain(t)
	if n := len(r.fake.Messages()); n != 1 {
		t.Errorf("sent %d, want the budget of 1", n)
	}
	var deferred *data.Message
	for _, k := range []string{"a", "b"} {
		if m := r.byKey(t, k); m.State == data.MsgQueued {
			deferred = m
		}
	}
	if deferred == nil || !deferred.NextAttemptAt.After(time.Now()) || !strings.Contains(deferred.ErrorText, "budget") {
		t.Errorf("want one message deferred past now with a budget reason, got %+v", deferred)
	}
}

func TestDispatchGivesUpAfterMaxAttempts(t *testing.T) {
	r := newRig(t)
	r.d.MaxAttempts = 2
	r.fake.FailNext(5, 429)
	r.enqueue(t, msg("k", "+77011234567", "hello"))
	r.drain(t)
	m := r.byKey(t, "k")
	if m.State != data.MsgFailed || !strings.Contains(m.ErrorText, "gave up after 2") {
		t.Errorf("state %s text %q", m.State, m.ErrorText)
	}
	if r.fake.Posts() != 2 {
		t.Errorf("%d posts, want 2", r.fake.Posts())
	}
}

func TestRunWakesAndStops(t *testing.T) {
	r := newRig(t)
	r.d.Poll = time.Hour // only Wake can make it look
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- r.d.Run(ctx) }()
	time.Sleep(20 * time.Millisecond)
	r.enqueue(t, msg("k", "+77011234567", "hello"))
	r.d.Wake()
	deadline := time.Now().Add(3 * time.Second)
	for len(r.fake.Messages()) == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != context.Canceled {
		t.Errorf("Run returned %v", err)
	}
	if len(r.fake.Messages()) != 1 {
		t.Error("Wake did not dispatch")
	}
}

// The daily cap holds when many workers send to one number at once: the
// count and the move to "sending" happen together in the store (issue 13:
// 11, 16 and 14 SMS got through a cap of 10 when it was checked before
// parallel sends).
func TestDispatchDailyCapHoldsUnderConcurrency(t *testing.T) {
	datatest.Each(t, func(t *testing.T, st data.Store) {
		fake := twiliotest.New(testSID, testToken)
		t.Cleanup(fake.Close)
		cfg := Config{AccountSID: testSID, AuthToken: testToken, From: testFrom, APIURL: fake.URL,
			PublicURL: "https://tuys.example", Timeout: 5 * time.Second, DailyCapPerPhone: 10, HourlyBudget: 1000}
		tw, err := NewTwilio(cfg)
		if err != nil {
			t.Fatal(err)
		}
		r := &rig{st: st, fake: fake, tw: tw, d: testDispatcher(st, tw, cfg)}
		r.d.Parallel, r.d.Batch = 40, 40
		for i := range 40 {
			r.enqueue(t, msg(fmt.Sprintf("k%02d", i), "+77011234567", fmt.Sprintf("body %d", i)))
		}
		r.drain(t)
		if n := len(r.fake.Messages()); n != 10 {
			t.Errorf("sent %d SMS to one number, want the daily cap of 10", n)
		}
	})
}

// A flood of match SMS abroad (matching pairs of reports filed with
// numbers where SMS pumping pays) stops at a quarter of the hour's budget
// left, which a family's SMS home still finds.
func TestSMSAbroadLeaveTheHomeQuarter(t *testing.T) {
	r := newRig(t)
	r.d.Policy.HourlyBudget, r.d.Parallel = 8, 1
	for i := range 8 {
		r.enqueue(t, msg(fmt.Sprintf("match:p%d:seeker", i), fmt.Sprintf("+99293123456%d", i), "pumped"))
	}
	r.drain(t)
	r.enqueue(t, msg("match:family:seeker", "+77019998877", "family"))
	r.drain(t)
	abroad := 0
	for _, m := range r.fake.Messages() {
		if m.Body == "pumped" {
			abroad++
		}
	}
	if abroad != 6 {
		t.Errorf("%d SMS abroad sent within a budget of 8, want 6 (a quarter kept for home numbers)", abroad)
	}
	if m := r.byKey(t, "match:family:seeker"); m.State != data.MsgSent {
		t.Errorf("the family's SMS home is %s after a flood abroad, want sent", m.State)
	}
}

// A flood of subscription SMS (confirmations, status updates) queued
// before a match SMS neither delays it nor eats the hour's budget: the
// match goes out in the first batch, and subscriptions stop at half the
// budget, leaving the rest to matches and consents.
func TestSubscriptionFloodDoesNotDelayMatch(t *testing.T) {
	r := newRig(t)
	r.d.Policy.HourlyBudget, r.d.Batch, r.d.Parallel = 20, 8, 4
	for i := range 100 {
		r.enqueue(t, msg(fmt.Sprintf("%s%03d:confirm", data.SubscriptionKeyPrefix, i), fmt.Sprintf("+7701123%04d", i), fmt.Sprint("confirm ", i)))
	}
	r.enqueue(t, msg("match:m1:seeker", "+77019998877", "someone is looking for you"))
	if _, err := r.d.DispatchOnce(context.Background()); err != nil {
		t.Fatal(err)
	}
	if m := r.byKey(t, "match:m1:seeker"); m.State != data.MsgSent {
		t.Fatalf("match SMS is %s after the first batch, want sent", m.State)
	}
	r.drain(t)
	subs := 0
	for _, m := range r.fake.Messages() {
		if strings.HasPrefix(m.Body, "confirm") {
			subs++
		}
	}
	// They go only while more than half the budget (10) is left; the
	// match took one first.
	if subs != 9 {
		t.Errorf("%d subscription SMS sent within a budget of 20 after one match, want 9", subs)
	}
	r.enqueue(t, msg("match:m2:seeker", "+77019998878", "someone else is looking for you"))
	r.drain(t)
	if m := r.byKey(t, "match:m2:seeker"); m.State != data.MsgSent {
		t.Errorf("a later match SMS is %s after the subscriptions' share was used, want sent", m.State)
	}
}
