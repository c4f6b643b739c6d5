package main

import (
	"strconv"
	"strings"

	"tuys/api"
	"tuys/notify"
)

// setting is one configuration value: a flag whose default comes from a
// TUYS_* environment variable. The table below is the only list of them:
// `-h`, the start-up log and the README's configuration table (checked by
// a test) are all derived from it.
type setting struct {
	flag, env string
	def       string // effective default; "" = none (the help says what that means)
	help      string
	secret    bool               // logged as set/unset, never shown
	check     func(string) error // nil = any value; else refuses a bad one at start, saying what to write
}

var rates = api.DefaultSecurity

const rateHelp = ": N/unit:burst, unit s, m, h or d (120/h:30 = 120 an hour, 30 at once); off = no limit"

// settingsTable lists every setting tuys reads.
var settingsTable = []setting{
	// Storage and logs: every command that opens the store.
	{"data-dir", "TUYS_DATA_DIR", "./tuys-data", "directory for the SQLite database, the search index and the generated secret key", false, nil},
	{"database-url", "TUYS_DATABASE_URL", "", "postgres://user@host:5432/db to share one PostgreSQL among several nodes; empty = embedded SQLite", true, nil},
	{"secret-key", "TUYS_SECRET_KEY", "", "key that encrypts phone numbers at rest: 64 hex characters (openssl rand -hex 32); empty = generated into the data directory (SQLite only: required with -database-url)", true, nil},
	{"secret-key-file", "TUYS_SECRET_KEY_FILE", "", "file holding the secret key (instead of -secret-key)", false, nil},
	{"log-level", "TUYS_LOG_LEVEL", "info", "debug, info, warn or error", false, oneOf("debug", "info", "warn", "error")},
	{"log-format", "TUYS_LOG_FORMAT", "text", "text or json", false, oneOf("text", "json")},
	// The web service.
	{"addr", "TUYS_ADDR", ":8080", "address to listen on", false, listenAddr},
	{"public-url", "TUYS_PUBLIC_URL", "", "URL the public reaches this service at (Twilio callbacks and signatures, secure cookies); empty = http://localhost<addr>", false, absoluteURL},
	{"public-search", "TUYS_PUBLIC_SEARCH", "on", "on or off: off hides the public name search (matching and volunteers still work)", false, oneOf("on", "off")},
	{"hotline", "TUYS_HOTLINE", "1414", "hotline number shown on pages and in SMS", false, hotlineNumber},
	{"timezone", "TUYS_TIMEZONE", "+05:00", "time zone of the times and dates on pages, in the console and in SMS: an offset from UTC (+05:00, Kazakhstan since 2024) or an IANA name (Europe/Moscow); the JSON API always answers in UTC", false, zoneName},
	{"metrics-addr", "TUYS_METRICS_ADDR", "", "address of a separate listener for /metrics (e.g. 127.0.0.1:9090); empty = /metrics on the main port, for this host and private networks only", false, optional(listenAddr)},
	{"huge-pages", "TUYS_HUGE_PAGES", "off", "on or off: on collapses the heap's full 2 MB chunks into huge pages, which a search reads faster after a pause on a virtual machine (README: Operations, measured both ways); off = 4 KB pages only", false, oneOf("on", "off")},
	{"pprof-addr", "TUYS_PPROF_ADDR", "", "loopback address of a listener for Go's profiler at /debug/pprof/ (e.g. 127.0.0.1:6060, then go tool pprof http://127.0.0.1:6060/debug/pprof/profile?seconds=30); empty = off", false, nil},
	{"trusted-proxies", "TUYS_TRUSTED_PROXIES", "", "comma-separated IPs or CIDRs of load balancers whose X-Forwarded-For is believed (rate limits per client; a client network's reports take part in three automatic matches a day at most)", false, nil},
	// SMS.
	{"twilio-account-sid", "TUYS_TWILIO_ACCOUNT_SID", "", "Twilio account SID; empty = SMS are written to the log instead of sent", false, nil},
	{"twilio-auth-token", "TUYS_TWILIO_AUTH_TOKEN", "", "Twilio auth token (also verifies webhook signatures)", true, nil},
	{"twilio-from", "TUYS_TWILIO_FROM", "", "sender number in E.164, e.g. +15005550006", false, nil},
	{"twilio-messaging-service-sid", "TUYS_TWILIO_MESSAGING_SERVICE_SID", "", "Messaging Service SID (instead of -twilio-from)", false, nil},
	{"twilio-api-url", "TUYS_TWILIO_API_URL", "", "Twilio REST base URL; empty = https://api.twilio.com (set it for a gateway or a test fake)", false, nil},
	{"twilio-timeout", "TUYS_TWILIO_TIMEOUT", notify.DefaultTimeout.String(), "time limit of one Twilio call (send or lookup)", false, nil},
	{"sms-lease", "TUYS_SMS_LEASE", "", "how long a node owns a claimed SMS before another may reconcile it; empty = 4 × twilio-timeout + 30s, and never less than 4 × twilio-timeout", false, nil},
	{"sms-countries", "TUYS_SMS_COUNTRIES", strings.Join(notify.DefaultCountries, ","), "ISO countries SMS may go to; premium and unknown ranges are always refused. The first is home: SMS abroad stop while a quarter of the hourly budget is left, which stays for home numbers", false, nil},
	{"sms-gateway", "TUYS_SMS_GATEWAY", "", "twilio, gammu or log: how SMS leave; empty = twilio when its credentials are set, else log. twilio with -gammu-spool set falls over to the modem when Twilio stops answering", false, nil},
	{"gammu-spool", "TUYS_GAMMU_SPOOL", "", "spool directory of gammu-smsd's files service (inbox/, outbox/, sent/, error/ under it): SMS through a local GSM modem", false, nil},
	{"gammu-rate", "TUYS_GAMMU_RATE", itoa(notify.DefaultGammuRate), "SMS a minute the modem is given (match and consent SMS first)", false, nil},
	{"sms-failover-after", "TUYS_SMS_FAILOVER_AFTER", itoa(notify.DefaultFailoverAfter), "consecutive Twilio network failures or timeouts before SMS go through the modem", false, nil},
	{"sms-daily-cap", "TUYS_SMS_DAILY_CAP", itoa(notify.DefaultDailyCap), "SMS per recipient per day", false, nil},
	{"sms-hourly-budget", "TUYS_SMS_HOURLY_BUDGET", itoa(notify.DefaultHourlyBudget), "SMS per hour for the whole service", false, nil},
	// Abuse limits (rateHelp says how to write them) and retention.
	{"rate-reports", "TUYS_RATE_REPORTS", rates.ReportRate.String(), "per-IP limit on filing reports (API and web forms)" + rateHelp, false, nil},
	{"rate-writes", "TUYS_RATE_WRITES", rates.WriteRate.String(), "per-IP limit on notes, deletions, subscriptions" + rateHelp, false, nil},
	{"rate-search", "TUYS_RATE_SEARCH", rates.SearchRate.String(), "per-IP limit on the public search (and a report's stored matches in the API)" + rateHelp, false, nil},
	{"rate-partner", "TUYS_RATE_PARTNER", rates.TrustedRate.String(), "per-token limit for API tokens with write/import scope" + rateHelp, false, nil},
	{"rate-sms-in", "TUYS_RATE_SMS_IN", rates.SMSRate.String(), "per-phone limit on inbound SMS (STOP is always honoured)" + rateHelp, false, nil},
	{"rate-subscribe-ip", "TUYS_RATE_SUBSCRIBE_IP", rates.SubscribeIPRate.String(), "per-IP limit on SMS subscriptions (each sends a confirmation SMS)" + rateHelp, false, nil},
	{"rate-subscribe-phone", "TUYS_RATE_SUBSCRIBE_PHONE", rates.SubscribePhoneRate.String(), "per-number limit on SMS subscriptions, from any IP (past it nothing is sent, and the page answers as usual)" + rateHelp, false, nil},
	{"rate-login-ip", "TUYS_RATE_LOGIN_IP", rates.LoginIPRate.String(), "per-IP limit on failed console logins (a right password does not count)" + rateHelp, false, nil},
	{"rate-login-account", "TUYS_RATE_LOGIN_ACCOUNT", rates.LoginUserRate.String(), "limit on failed console logins per account from one IP; ten times this per account from all IPs" + rateHelp, false, nil},
	{"audit-retention", "TUYS_AUDIT_RETENTION", "365d", "how long audit entries are kept (e.g. 365d, 2160h)", false, nil},
}

// settingFor returns the table's row for env; it panics on a name missing
// from the table, so a setting cannot be read without being documented.
func settingFor(env string) setting {
	for _, s := range settingsTable {
		if s.env == env {
			return s
		}
	}
	panic("setting " + env + " is not in settingsTable")
}

func itoa(n int) string { return strconv.Itoa(n) }
