package notify

import (
	"fmt"
	"strings"
	"testing"
)

// TUYS_SMS_GATEWAY picks the channel; a choice that cannot work is refused
// at start with the setting to fix.
func TestGatewayFromEnv(t *testing.T) {
	spool := t.TempDir()
	creds := map[string]string{"TUYS_TWILIO_ACCOUNT_SID": "AC123", "TUYS_TWILIO_AUTH_TOKEN": "tok", "TUYS_TWILIO_FROM": "+15005550006"}
	cases := []struct {
		name    string
		env     map[string]string
		twilio  bool
		want    string // sender type, or the error's setting
		inboxed bool   // the modem's inbox must be read
	}{
		{"nothing: the log", nil, false, "*notify.LogSender", false},
		{"credentials: Twilio", nil, true, "*notify.Twilio", false},
		{"credentials and a spool: failover", map[string]string{"TUYS_GAMMU_SPOOL": spool}, true, "*notify.Failover", true},
		{"twilio and a spool", map[string]string{"TUYS_SMS_GATEWAY": "twilio", "TUYS_GAMMU_SPOOL": spool}, true, "*notify.Failover", true},
		{"gammu", map[string]string{"TUYS_SMS_GATEWAY": "gammu", "TUYS_GAMMU_SPOOL": spool}, true, "*notify.Gammu", true},
		{"log despite both", map[string]string{"TUYS_SMS_GATEWAY": "log", "TUYS_GAMMU_SPOOL": spool}, true, "*notify.LogSender", false},
		{"twilio without credentials", map[string]string{"TUYS_SMS_GATEWAY": "twilio"}, false, "TUYS_TWILIO_ACCOUNT_SID", false},
		{"gammu without a spool", map[string]string{"TUYS_SMS_GATEWAY": "gammu"}, false, "TUYS_GAMMU_SPOOL", false},
		{"unknown gateway", map[string]string{"TUYS_SMS_GATEWAY": "smpp"}, false, "TUYS_SMS_GATEWAY", false},
		{"zero rate", map[string]string{"TUYS_GAMMU_RATE": "0"}, false, "TUYS_GAMMU_RATE", false},
		{"bad failover count", map[string]string{"TUYS_SMS_FAILOVER_AFTER": "-1"}, false, "TUYS_SMS_FAILOVER_AFTER", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg, err := ConfigFromEnv(func(k string) string {
				if v, ok := c.env[k]; ok {
					return v
				}
				if c.twilio {
					return creds[k]
				}
				return ""
			})
			if strings.HasPrefix(c.want, "TUYS_") {
				if err == nil || !strings.Contains(err.Error(), c.want) {
					t.Fatalf("err %v, want one naming %s", err, c.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			s, modem, err := NewSender(cfg, quiet)
			if err != nil {
				t.Fatal(err)
			}
			if got := fmt.Sprintf("%T", s); got != c.want || (modem != nil) != c.inboxed {
				t.Fatalf("sender %s, modem %v; want %s, %v", got, modem != nil, c.want, c.inboxed)
			}
		})
	}
}
