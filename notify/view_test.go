package notify

import (
	"testing"

	"tuys/data"
)

func TestDescribe(t *testing.T) {
	for _, tt := range []struct {
		m    data.Message
		want string
	}{
		{data.Message{State: data.MsgDelivered}, "delivered"},
		{data.Message{State: data.MsgFailed, ErrorCode: 21211, ErrorText: "invalid phone number"}, "failed: invalid phone number (21211)"},
		{data.Message{State: data.MsgUndelivered, ErrorCode: 30006}, "undelivered: landline or unreachable carrier (30006)"},
		{data.Message{State: data.MsgUndelivered, ErrorCode: 30099}, "undelivered (error 30099)"},
		{data.Message{State: data.MsgSuppressed, ErrorText: "the recipient replied STOP"}, "suppressed: the recipient replied STOP"},
	} {
		if got := Describe(tt.m); got != tt.want {
			t.Errorf("Describe = %q, want %q", got, tt.want)
		}
	}
}

func TestServiceFallsBackToLogSender(t *testing.T) {
	st := openStore(t)
	s, err := New(Config{}, st, quiet)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Sender.(*LogSender); !ok {
		t.Fatalf("sender %T without credentials, want *LogSender", s.Sender)
	}
	if r := s.CheckNumber("+88212345678"); r == "" {
		t.Error("+882 allowed")
	}
	if _, err := New(Config{AccountSID: "AC1", AuthToken: "bad token!", From: "+15005550006"}, st, quiet); err == nil {
		t.Error("bad credentials accepted")
	}
}
