package notify

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// DefaultCountries are where SMS may go unless TUYS_SMS_COUNTRIES says
// otherwise: Kazakhstan and the countries where most relatives live.
var DefaultCountries = []string{"KZ", "RU", "KG", "UZ", "TJ", "TM", "TR", "DE", "KR", "US", "CN", "GB", "PL", "AE"}

// Defaults of the SMS settings (the settings table in main shows them).
const (
	DefaultDailyCap     = 10               // SMS per recipient per day
	DefaultHourlyBudget = 1000             // SMS per hour, whole service
	DefaultTimeout      = 15 * time.Second // per provider call
)

// DefaultLease is how long a claim lasts when TUYS_SMS_LEASE is not set: it
// must outlive the slowest claim (two lookups and a send), or a second
// worker would reconcile, and maybe resend, a message still in flight.
func DefaultLease(timeout time.Duration) time.Duration { return 4*timeout + 30*time.Second }

// Config is notify's configuration, read from TUYS_* variables.
type Config struct {
	AccountSID          string         // TUYS_TWILIO_ACCOUNT_SID
	AuthToken           string         // TUYS_TWILIO_AUTH_TOKEN
	From                string         // TUYS_TWILIO_FROM
	MessagingServiceSID string         // TUYS_TWILIO_MESSAGING_SERVICE_SID
	APIURL              string         // TUYS_TWILIO_API_URL, default https://api.twilio.com
	PublicURL           string         // TUYS_PUBLIC_URL: callbacks and signature checks
	Hotline             string         // TUYS_HOTLINE: whom to ask when a report has no phone
	Zone                *time.Location // TUYS_TIMEZONE: the day an SMS's dates are of (nil = UTC)
	Countries           []string
	DailyCapPerPhone    int           // TUYS_SMS_DAILY_CAP
	HourlyBudget        int           // TUYS_SMS_HOURLY_BUDGET
	Timeout             time.Duration // TUYS_TWILIO_TIMEOUT: per provider call
	// Lease is how long a dispatcher owns a claimed message (TUYS_SMS_LEASE);
	// after a crash, a message waits this long before it is reconciled.
	// 0 = derived from Timeout.
	Lease time.Duration
	// Gateway is TUYS_SMS_GATEWAY: twilio, gammu, log, or "" (Twilio when
	// credentials are set, else the log).
	Gateway       string
	GammuSpool    string  // TUYS_GAMMU_SPOOL: the daemon's spool (gammu.go)
	GammuRate     float64 // TUYS_GAMMU_RATE: SMS a minute through the modem
	FailoverAfter int     // TUYS_SMS_FAILOVER_AFTER: Twilio network failures before the modem
}

// ConfigFromEnv reads Config with getenv (os.Getenv when nil).
func ConfigFromEnv(getenv func(string) string) (Config, error) {
	if getenv == nil {
		getenv = os.Getenv
	}
	c := Config{
		AccountSID:          getenv("TUYS_TWILIO_ACCOUNT_SID"),
		AuthToken:           getenv("TUYS_TWILIO_AUTH_TOKEN"),
		From:                getenv("TUYS_TWILIO_FROM"),
		MessagingServiceSID: getenv("TUYS_TWILIO_MESSAGING_SERVICE_SID"),
		APIURL:              getenv("TUYS_TWILIO_API_URL"),
		PublicURL:           strings.TrimRight(getenv("TUYS_PUBLIC_URL"), "/"),
		Hotline:             getenv("TUYS_HOTLINE"),
		Countries:           DefaultCountries,
		DailyCapPerPhone:    DefaultDailyCap,
		HourlyBudget:        DefaultHourlyBudget,
		Timeout:             DefaultTimeout,
	}
	if v := getenv("TUYS_SMS_COUNTRIES"); v != "" {
		c.Countries = splitList(v)
	}
	var err error
	if c.DailyCapPerPhone, err = intEnv(getenv, "TUYS_SMS_DAILY_CAP", c.DailyCapPerPhone); err != nil {
		return c, err
	}
	if c.HourlyBudget, err = intEnv(getenv, "TUYS_SMS_HOURLY_BUDGET", c.HourlyBudget); err != nil {
		return c, err
	}
	if c.Timeout, err = durationEnv(getenv, "TUYS_TWILIO_TIMEOUT", c.Timeout); err != nil {
		return c, err
	}
	if c.Lease, err = durationEnv(getenv, "TUYS_SMS_LEASE", 0); err != nil {
		return c, err
	}
	if c.Lease > 0 && c.Lease < 4*c.Timeout {
		// A claim may take two lookups and a send; a shorter lease would let
		// a second worker reconcile, and resend, a message still in flight.
		return c, fmt.Errorf("TUYS_SMS_LEASE=%v: want at least 4 × TUYS_TWILIO_TIMEOUT (%v)", c.Lease, c.Timeout)
	}
	if err := c.gatewayFromEnv(getenv); err != nil {
		return c, err
	}
	if c.Hotline == "" {
		c.Hotline = "112"
	}
	return c, nil
}

// Twilio reports whether Twilio credentials are configured.
func (c Config) Twilio() bool { return c.AccountSID != "" && c.AuthToken != "" }

// StatusCallbackURL is where Twilio posts delivery updates. It is empty
// without a public URL, and when real Twilio would be handed a loopback URL:
// it refuses those, and every send would fail.
func (c Config) StatusCallbackURL() string {
	if c.PublicURL == "" {
		return ""
	}
	if u, err := url.Parse(c.PublicURL); c.APIURL == "" && (err != nil || isLoopback(u.Hostname())) {
		return ""
	}
	return c.PublicURL + "/webhooks/twilio/status"
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// InboundURL is the public URL Twilio posts inbound SMS to (signature checks).
func (c Config) InboundURL() string { return c.PublicURL + "/webhooks/twilio/sms" }

func durationEnv(getenv func(string) string, name string, def time.Duration) (time.Duration, error) {
	v := getenv(name)
	if v == "" {
		return def, nil
	}
	d, err := time.ParseDuration(v)
	if err != nil || d <= 0 {
		return def, fmt.Errorf("%s=%q: want a duration such as 15s", name, v)
	}
	return d, nil
}

func splitList(v string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		out = append(out, strings.ToUpper(strings.TrimSpace(f)))
	}
	return out
}

func intEnv(getenv func(string) string, name string, def int) (int, error) {
	v := getenv(name)
	if v == "" {
		return def, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return def, fmt.Errorf("%s=%q: want a non-negative integer", name, v)
	}
	return n, nil
}
