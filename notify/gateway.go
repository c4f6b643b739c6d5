package notify

import (
	"fmt"
	"log/slog"
	"strconv"
	"time"
)

// The values of TUYS_SMS_GATEWAY.
const (
	GatewayTwilio = "twilio"
	GatewayGammu  = "gammu"
	GatewayLog    = "log"
)

// failoverProbe is how often a failed-over sender asks Twilio whether it
// answers again.
const failoverProbe = 30 * time.Second

func (c *Config) gatewayFromEnv(getenv func(string) string) error {
	c.Gateway, c.GammuSpool = getenv("TUYS_SMS_GATEWAY"), getenv("TUYS_GAMMU_SPOOL")
	c.GammuRate, c.FailoverAfter = DefaultGammuRate, DefaultFailoverAfter
	if v := getenv("TUYS_GAMMU_RATE"); v != "" {
		r, err := strconv.ParseFloat(v, 64)
		if err != nil || r <= 0 {
			return fmt.Errorf("TUYS_GAMMU_RATE=%q: want SMS a minute, such as 6", v)
		}
		c.GammuRate = r
	}
	var err error
	if c.FailoverAfter, err = intEnv(getenv, "TUYS_SMS_FAILOVER_AFTER", c.FailoverAfter); err != nil {
		return err
	}
	switch c.Gateway {
	case "", GatewayLog:
	case GatewayTwilio:
		if !c.Twilio() {
			return fmt.Errorf("TUYS_SMS_GATEWAY=twilio: set TUYS_TWILIO_ACCOUNT_SID and TUYS_TWILIO_AUTH_TOKEN")
		}
	case GatewayGammu:
		if c.GammuSpool == "" {
			return fmt.Errorf("TUYS_SMS_GATEWAY=gammu: set TUYS_GAMMU_SPOOL to the gammu-smsd spool directory")
		}
	default:
		return fmt.Errorf("TUYS_SMS_GATEWAY=%q: want twilio, gammu or log", c.Gateway)
	}
	return nil
}

// Sends reports whether SMS leave for real (Twilio or the modem), not
// into the log: the pages promise SMS only then.
func (c Config) Sends() bool {
	switch c.Gateway {
	case GatewayTwilio, GatewayGammu:
		return true
	case "":
		return c.Twilio()
	}
	return false
}

// NewSender builds the configured channel: Twilio (falling over to the
// modem when TUYS_GAMMU_SPOOL is set too), the modem, or the log. The
// *Gammu is non-nil when the modem is in use (its inbox must be read).
func NewSender(cfg Config, l *slog.Logger) (Sender, *Gammu, error) {
	gw := cfg.Gateway
	if gw == "" && cfg.Twilio() {
		gw = GatewayTwilio
	}
	var modem *Gammu
	if cfg.GammuSpool != "" && gw != GatewayLog && gw != "" {
		var err error
		pace := &Pacer{Rate: cfg.GammuRate}
		if modem, err = NewGammu(cfg.GammuSpool, pace); err != nil {
			return nil, nil, err
		}
		pace.Queued = modem.Queued
	}
	switch gw {
	case GatewayGammu:
		return modem, modem, nil
	case GatewayTwilio:
		tw, err := NewTwilio(cfg)
		if err != nil || modem == nil {
			return tw, nil, err
		}
		return &Failover{Twilio: tw, Modem: modem, After: cfg.FailoverAfter, Probe: failoverProbe, Log: l}, modem, nil
	}
	return NewLogSender(l), nil, nil
}
