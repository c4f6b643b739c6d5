package notify

import (
	"context"
	"errors"
	"net"
	"net/url"
	"testing"
	"time"

	"tuys/data"
	"tuys/notify/twiliotest"
)

const (
	testSID   = "ACtest0001"
	testToken = "token0001"
	testFrom  = "+15005550006"
)

func newFakeTwilio(t *testing.T) (*twiliotest.Server, *Twilio) {
	t.Helper()
	return newFakeTwilioOn(t, twiliotest.New(testSID, testToken))
}

func newFakeTwilioOn(t *testing.T, fake *twiliotest.Server) (*twiliotest.Server, *Twilio) {
	t.Helper()
	t.Cleanup(fake.Close)
	tw, err := NewTwilio(Config{AccountSID: testSID, AuthToken: testToken, From: testFrom,
		APIURL: fake.URL, Timeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return fake, tw
}

func TestTwilioSendReachesFake(t *testing.T) {
	fake, tw := newFakeTwilio(t)
	body := "Сәлем, Ерлан"
	res, err := tw.Send(context.Background(), "+77011234567", body, "https://tuys.example/webhooks/twilio/status")
	if err != nil {
		t.Fatal(err)
	}
	got := fake.SentTo("+77011234567")
	if len(got) != 1 {
		t.Fatalf("fake got %d messages, want 1", len(got))
	}
	m := got[0]
	if m.Body != body || m.From != testFrom || m.StatusCallback != "https://tuys.example/webhooks/twilio/status" {
		t.Errorf("fake recorded %+v", m)
	}
	if res.SID != m.SID || res.State != data.MsgSent || res.Segments != 1 {
		t.Errorf("result %+v, want SID %s, sent, 1 segment", res, m.SID)
	}
}

func TestTwilioMessagingService(t *testing.T) {
	fake := twiliotest.New(testSID, testToken)
	defer fake.Close()
	tw, err := NewTwilio(Config{AccountSID: testSID, AuthToken: testToken, MessagingServiceSID: "MG123", APIURL: fake.URL})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tw.Send(context.Background(), "+77011234567", "hi", ""); err != nil {
		t.Fatal(err)
	}
	if m := fake.Messages()[0]; m.MessagingServiceSID != "MG123" || m.From != "" {
		t.Errorf("want MessagingServiceSid and no From, got %+v", m)
	}
}

func TestTwilioErrorClassification(t *testing.T) {
	tests := []struct {
		name      string
		to        string
		setup     func(*twiliotest.Server)
		outcome   Outcome
		code      int
		maybeSent bool
		reason    string
	}{
		{"invalid number", "+15005550001", nil, Permanent, 21211, false, "invalid phone number"},
		{"unroutable", "+15005550002", nil, Permanent, 21612, false, "this number cannot be reached from our sender"},
		{"region", "+15005550003", nil, Permanent, 21408, false, "SMS to this country is not enabled on the account"},
		{"stop", "+15005550004", nil, Permanent, 21610, false, "the recipient replied STOP to our number"},
		{"not mobile", "+15005550009", nil, Permanent, 21614, false, "not a mobile number (cannot receive SMS)"},
		{"429", "+77011234567", func(s *twiliotest.Server) { s.FailNext(1, 429) }, Retryable, 20429, false, "SMS provider rate limit"},
		{"500", "+77011234567", func(s *twiliotest.Server) { s.FailNext(1, 500) }, Retryable, 20500, true, ""},
		{"proxy page", "+77011234567", func(s *twiliotest.Server) { s.FailNextHTML(1, 502) }, Retryable, 0, true, "SMS provider answered with an error page"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fake, tw := newFakeTwilioOn(t, twiliotest.NewTestCredentials(testSID, testToken)) // the magic numbers
			if tt.setup != nil {
				tt.setup(fake)
			}
			_, err := tw.Send(context.Background(), tt.to, "hello", "")
			var se *SendError
			if !errors.As(err, &se) {
				t.Fatalf("err = %v, want *SendError", err)
			}
			if se.Outcome != tt.outcome || se.Code != tt.code || se.MaybeSent != tt.maybeSent {
				t.Errorf("got outcome %d code %d maybeSent %v, want %d %d %v", se.Outcome, se.Code, se.MaybeSent, tt.outcome, tt.code, tt.maybeSent)
			}
			if tt.reason != "" && se.Reason != tt.reason {
				t.Errorf("reason %q, want %q", se.Reason, tt.reason)
			}
			if len(fake.Messages()) != 0 {
				t.Errorf("a failed create left a message")
			}
		})
	}
}

func TestTwilioTimeoutThenFind(t *testing.T) {
	fake := twiliotest.New(testSID, testToken)
	defer fake.Close()
	tw, err := NewTwilio(Config{AccountSID: testSID, AuthToken: testToken, From: testFrom, APIURL: fake.URL, Timeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	fake.HangNext(1)
	since := time.Now()
	_, err = tw.Send(context.Background(), "+77011234567", "body one", "")
	var se *SendError
	if !errors.As(err, &se) || se.Outcome != Retryable || !se.MaybeSent {
		t.Fatalf("hang: err = %v, want retryable, maybe sent", err)
	}
	found, err := tw.Find(context.Background(), Lookup{To: "+77011234567", Since: since, Body: "body one"})
	if err != nil || found == nil {
		t.Fatalf("Find = %v, %v; want the accepted message", found, err)
	}
	if found.SID != fake.Messages()[0].SID {
		t.Errorf("Find SID %s, want %s", found.SID, fake.Messages()[0].SID)
	}
	if other, err := tw.Find(context.Background(), Lookup{To: "+77011234567", Since: since, Body: "another body"}); err != nil || other != nil {
		t.Errorf("Find of another body = %v, %v; want nil", other, err)
	}
	bySID, err := tw.Find(context.Background(), Lookup{SID: found.SID, To: "+77011234567", Since: time.Now().Add(time.Hour), Body: "x"})
	if err != nil || bySID == nil || bySID.SID != found.SID {
		t.Errorf("Find by SID = %v, %v; want %s whatever the other fields say", bySID, err, found.SID)
	}
	if old, err := tw.Find(context.Background(), Lookup{To: "+77011234567", Since: time.Now().Add(time.Hour), Body: "body one"}); err != nil || old != nil {
		t.Errorf("Find of a message older than since = %v, %v; want nil", old, err)
	}
}

func TestTwilioConnectionRefusedIsNotSent(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	tw, err := NewTwilio(Config{AccountSID: testSID, AuthToken: testToken, From: testFrom, APIURL: "http://" + addr})
	if err != nil {
		t.Fatal(err)
	}
	_, err = tw.Send(context.Background(), "+77011234567", "x", "")
	var se *SendError
	if !errors.As(err, &se) || se.Outcome != Retryable || se.MaybeSent {
		t.Fatalf("err = %#v, want retryable and certainly not sent", err)
	}
}

func TestNewTwilioRejectsBadConfig(t *testing.T) {
	for _, c := range []Config{
		{AccountSID: "AC-1", AuthToken: "tok", From: testFrom},
		{AccountSID: "AC1", AuthToken: "to/k", From: testFrom},
		{AccountSID: "AC1", AuthToken: "tok"},
		{AccountSID: "AC1", AuthToken: "tok", From: testFrom, APIURL: "ftp://x"},
	} {
		if _, err := NewTwilio(c); err == nil {
			t.Errorf("NewTwilio(%+v) accepted", c)
		}
	}
}

func TestVerifyTwilio(t *testing.T) {
	u := "https://tuys.example/webhooks/twilio/sms"
	form := url.Values{"From": {"+905321234567"}, "Body": {"ИӘ"}, "MessageSid": {"SM1"}}
	sig := twiliotest.Sign("secret", u, form)
	if !VerifyTwilio("secret", u, form, sig) {
		t.Fatal("valid signature refused")
	}
	if !VerifyTwilioBody("secret", u, []byte(form.Encode()), sig) {
		t.Fatal("valid signature refused on the raw body")
	}
	tampered := url.Values{"From": {"+905321234567"}, "Body": {"NO"}, "MessageSid": {"SM1"}}
	for name, ok := range map[string]bool{
		"tampered body": VerifyTwilio("secret", u, tampered, sig),
		"other URL":     VerifyTwilio("secret", "https://evil.example/webhooks/twilio/sms", form, sig),
		"other token":   VerifyTwilio("other", u, form, sig),
		"empty sig":     VerifyTwilio("secret", u, form, ""),
		"empty token":   VerifyTwilio("", u, form, twiliotest.Sign("", u, form)),
	} {
		if ok {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestParseStatusCallback(t *testing.T) {
	tests := []struct {
		form  url.Values
		state string
		code  int
		bad   bool
	}{
		{url.Values{"MessageSid": {"SM1"}, "MessageStatus": {"delivered"}}, data.MsgDelivered, 0, false},
		{url.Values{"MessageSid": {"SM1"}, "MessageStatus": {"undelivered"}, "ErrorCode": {"30003"}}, data.MsgUndelivered, 30003, false},
		{url.Values{"SmsSid": {"SM1"}, "SmsStatus": {"sent"}}, data.MsgSent, 0, false},
		{url.Values{"MessageSid": {"SM1"}, "MessageStatus": {"failed"}, "ErrorCode": {"30007"}}, data.MsgFailed, 30007, false},
		{url.Values{"MessageStatus": {"sent"}}, "", 0, true},
		{url.Values{"MessageSid": {"SM1"}, "MessageStatus": {"exploded"}}, "", 0, true},
		{url.Values{"MessageSid": {"SM1"}, "MessageStatus": {"failed"}, "ErrorCode": {"x"}}, "", 0, true},
	}
	for _, tt := range tests {
		cb, err := ParseStatusCallback(tt.form)
		if (err != nil) != tt.bad {
			t.Errorf("%v: err = %v", tt.form, err)
			continue
		}
		if !tt.bad && (cb.State != tt.state || cb.ErrorCode != tt.code || cb.SID != "SM1") {
			t.Errorf("%v: got %+v", tt.form, cb)
		}
	}
}

func TestSameBody(t *testing.T) {
	for _, tt := range []struct {
		stored, sent string
		want         bool
	}{
		{"tuys: Ерлан — safe", "tuys: Ерлан — safe", true},
		{"tuys: Ерлан - safe", "tuys: Ерлан — safe", true},                             // Smart Encoding
		{"tuys: Ерлан — safe. Reply STOP to unsubscribe.", "tuys: Ерлан — safe", true}, // appended opt-out
		{"tuys: Ерлан — safe", "tuys: Айгуль — safe", false},
		{"anything", "", false},
	} {
		if got := sameBody(tt.stored, tt.sent); got != tt.want {
			t.Errorf("sameBody(%q, %q) = %v", tt.stored, tt.sent, got)
		}
	}
}

// FuzzParseStatusCallback: any form body parses without panic to a known
// state or an ErrBadCallback.
func FuzzParseStatusCallback(f *testing.F) {
	for _, s := range []string{"MessageSid=SM1&MessageStatus=delivered", "SmsSid=SM1&SmsStatus=undelivered&ErrorCode=30003",
		"MessageSid=SM1&MessageStatus=failed&ErrorCode=x", "MessageStatus=sent", "%zz", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		form, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		cb, err := ParseStatusCallback(form)
		if err != nil {
			if !errors.Is(err, ErrBadCallback) {
				t.Fatalf("error %v is not ErrBadCallback", err)
			}
			return
		}
		if cb.SID == "" || data.MessageStateRank(cb.State) < 0 {
			t.Fatalf("accepted %+v", cb)
		}
	})
}

// TestTwilioErrorsKeepConnections: twilio-go leaves error bodies open; the
// transport must drain them or every 429 costs a connection.
func TestTwilioErrorsKeepConnections(t *testing.T) {
	fake, tw := newFakeTwilio(t)
	fake.FailNext(10, 429)
	fake.FailNextHTML(10, 502)
	for i := 0; i < 20; i++ {
		if _, err := tw.Send(context.Background(), "+77011234567", "x", ""); err == nil {
			t.Fatal("want 429")
		}
	}
	if n := fake.Conns(); n > 2 {
		t.Errorf("20 error responses opened %d connections; want reuse", n)
	}
}
