package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"tuys/api"
	"tuys/data"
)

// securityFlags are the abuse limits and retention settings of `tuys serve`
// (TUYS_TRUSTED_PROXIES is serve's own flag). In serveCmd:
//
//	secf := addSecurityFlags(&sf.cfg, fs)
//	… after parse: sec, err := secf.resolve(); sec.TrustedProxies = …
//	… after opening the store: go data.RunRetention(ctx, store, log, sec.AuditRetention)
type securityFlags struct {
	auditKeep                                        *string
	reports, writes, search, partner, smsIn, loginIP *string
	loginAccount, subscribeIP, subscribePhone        *string
}

func addSecurityFlags(c *config, fs *flag.FlagSet) *securityFlags {
	return &securityFlags{
		reports: c.use(fs, "TUYS_RATE_REPORTS"), writes: c.use(fs, "TUYS_RATE_WRITES"),
		search: c.use(fs, "TUYS_RATE_SEARCH"), partner: c.use(fs, "TUYS_RATE_PARTNER"),
		smsIn: c.use(fs, "TUYS_RATE_SMS_IN"), loginIP: c.use(fs, "TUYS_RATE_LOGIN_IP"),
		loginAccount: c.use(fs, "TUYS_RATE_LOGIN_ACCOUNT"), auditKeep: c.use(fs, "TUYS_AUDIT_RETENTION"),
		subscribeIP: c.use(fs, "TUYS_RATE_SUBSCRIBE_IP"), subscribePhone: c.use(fs, "TUYS_RATE_SUBSCRIBE_PHONE"),
	}
}

// resolve parses the flags into the API's security config (without the
// trusted proxies), audit retention included.
func (f *securityFlags) resolve() (api.SecurityConfig, error) {
	var cfg api.SecurityConfig
	rates := []struct {
		name string
		val  *string
		dst  *api.Rate
	}{
		{"TUYS_RATE_REPORTS", f.reports, &cfg.ReportRate}, {"TUYS_RATE_WRITES", f.writes, &cfg.WriteRate},
		{"TUYS_RATE_SEARCH", f.search, &cfg.SearchRate}, {"TUYS_RATE_PARTNER", f.partner, &cfg.TrustedRate},
		{"TUYS_RATE_SMS_IN", f.smsIn, &cfg.SMSRate}, {"TUYS_RATE_LOGIN_IP", f.loginIP, &cfg.LoginIPRate},
		{"TUYS_RATE_LOGIN_ACCOUNT", f.loginAccount, &cfg.LoginUserRate},
		{"TUYS_RATE_SUBSCRIBE_IP", f.subscribeIP, &cfg.SubscribeIPRate}, {"TUYS_RATE_SUBSCRIBE_PHONE", f.subscribePhone, &cfg.SubscribePhoneRate},
	}
	for _, r := range rates {
		v, err := api.ParseRate(*r.val)
		if err != nil {
			return cfg, fmt.Errorf("%s: %w", r.name, err)
		}
		*r.dst = v
	}
	keep, err := parseDays(*f.auditKeep)
	if err != nil {
		return cfg, fmt.Errorf("TUYS_AUDIT_RETENTION: %w", err)
	}
	cfg.AuditRetention = keep
	return cfg, nil
}

// parseDays reads "365d" or any Go duration ("720h"); "" is the default.
func parseDays(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return data.DefaultAuditRetention, nil
	}
	if d, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(d)
		if err != nil || n < 1 {
			return 0, fmt.Errorf("%q: want a positive number of days", s)
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q: want e.g. 365d or 720h", s)
	}
	return d, nil
}
