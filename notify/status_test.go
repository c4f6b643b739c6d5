package notify

import (
	"context"
	"fmt"
	"net/url"
	"testing"

	"tuys/data"
	"tuys/notify/twiliotest"
)

// TestEveryTwilioStatusIsMapped: each value of the spec's status enum moves
// a sent message to its state (forward only) with Twilio's error; the two
// inbound-only statuses leave it alone.
func TestEveryTwilioStatusIsMapped(t *testing.T) {
	want := map[string]string{
		"queued": data.MsgSent, "sending": data.MsgSent, "sent": data.MsgSent, "accepted": data.MsgSent,
		"scheduled": data.MsgSent, "failed": data.MsgFailed, "canceled": data.MsgFailed,
		"delivered": data.MsgDelivered, "read": data.MsgDelivered,
		"undelivered": data.MsgUndelivered, "partially_delivered": data.MsgUndelivered,
		"receiving": data.MsgSent, "received": data.MsgSent, // inbound only: nothing changes
	}
	if len(want) != len(twiliotest.Statuses) {
		t.Fatalf("table covers %d statuses, the enum has %d", len(want), len(twiliotest.Statuses))
	}
	ctx := context.Background()
	st := openStore(t)
	for i, status := range twiliotest.Statuses {
		key, sid := "k"+status, fmt.Sprintf("SM%032x", i)
		if err := st.EnqueueMessages(ctx, []data.Message{msg(key, "+77011234567", "b")}); err != nil {
			t.Fatal(err)
		}
		m, _ := st.MessageByKey(ctx, key)
		m.State, m.ProviderSID = data.MsgSent, sid
		if err := st.FinishMessage(ctx, m); err != nil {
			t.Fatal(err)
		}
		code := 0
		if want[status] == data.MsgFailed || want[status] == data.MsgUndelivered {
			code = 30005
		}
		form := url.Values{"MessageSid": {sid}, "MessageStatus": {status}, "ErrorCode": {fmt.Sprint(code)}}
		if err := ApplyStatusCallback(ctx, st, form); err != nil {
			t.Errorf("%s: %v", status, err)
			continue
		}
		got, _ := st.MessageByKey(ctx, key)
		if got.State != want[status] || got.ErrorCode != code || (code != 0) != (got.ErrorText == "unknown or inactive handset") {
			t.Errorf("%s: %s %d %q; want %s %d", status, got.State, got.ErrorCode, got.ErrorText, want[status], code)
		}
	}
}
