package notify

import (
	"testing"
	"time"
)

func TestConfigFromEnv(t *testing.T) {
	env := map[string]string{
		"TUYS_TWILIO_ACCOUNT_SID": "AC1", "TUYS_TWILIO_AUTH_TOKEN": "tok", "TUYS_TWILIO_FROM": "+15005550006",
		"TUYS_PUBLIC_URL": "https://tuys.example/", "TUYS_SMS_COUNTRIES": "kz, ru;TR", "TUYS_SMS_DAILY_CAP": "3",
	}
	c, err := ConfigFromEnv(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if !c.Twilio() || c.DailyCapPerPhone != 3 || c.HourlyBudget != 1000 || c.Timeout != 15*time.Second {
		t.Errorf("config %+v", c)
	}
	if got := len(c.Countries); got != 3 || c.Countries[0] != "KZ" || c.Countries[2] != "TR" {
		t.Errorf("countries %v", c.Countries)
	}
	if c.StatusCallbackURL() != "https://tuys.example/webhooks/twilio/status" {
		t.Errorf("callback %q", c.StatusCallbackURL())
	}
	env["TUYS_TWILIO_TIMEOUT"], env["TUYS_SMS_LEASE"] = "1s", "5s"
	if c, err = ConfigFromEnv(func(k string) string { return env[k] }); err != nil || c.Lease != 5*time.Second || c.Timeout != time.Second {
		t.Errorf("durations: %v %v %v", c.Lease, c.Timeout, err)
	}
	if d := NewDispatcher(nil, nil, c, quiet); d.Lease != 5*time.Second {
		t.Errorf("dispatcher lease %v", d.Lease)
	}
	env["TUYS_SMS_LEASE"] = "3999ms"
	if _, err := ConfigFromEnv(func(k string) string { return env[k] }); err == nil {
		t.Error("a lease shorter than two sends was accepted")
	}
	env["TUYS_SMS_LEASE"] = ""
	env["TUYS_SMS_HOURLY_BUDGET"] = "lots"
	if _, err := ConfigFromEnv(func(k string) string { return env[k] }); err == nil {
		t.Error("a non-number budget was accepted")
	}
}

func TestStatusCallbackURL(t *testing.T) {
	for _, tt := range []struct {
		public, api, want string
	}{
		{"", "", ""},
		{"http://127.0.0.1:8080", "", ""}, // real Twilio refuses loopback callbacks
		{"http://localhost:8080", "", ""},
		{"http://127.0.0.1:8080", "http://127.0.0.1:9", "http://127.0.0.1:8080/webhooks/twilio/status"}, // a fake can call back
		{"https://tuys.kz", "", "https://tuys.kz/webhooks/twilio/status"},
	} {
		if got := (Config{PublicURL: tt.public, APIURL: tt.api}).StatusCallbackURL(); got != tt.want {
			t.Errorf("PublicURL %q APIURL %q: %q, want %q", tt.public, tt.api, got, tt.want)
		}
	}
}
