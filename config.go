package main

import (
	"encoding/base64"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"tuys/data"
)

// config binds rows of settingsTable to a command's flags.
type config struct {
	settings []*boundSetting
}

type boundSetting struct {
	setting
	val *string
}

// use adds the setting named env to fs and returns where its value lands.
func (c *config) use(fs *flag.FlagSet, env string) *string {
	s := &boundSetting{setting: settingFor(env), val: new(string)}
	fs.StringVar(s.val, s.flag, s.def, fmt.Sprintf("%s\n(env %s)", s.help, s.env))
	c.settings = append(c.settings, s)
	return s.val
}

// useAll adds every setting named in envs.
func (c *config) useAll(fs *flag.FlagSet, envs ...string) {
	for _, e := range envs {
		c.use(fs, e)
	}
}

// parse parses args, then fills every flag not given on the command line
// from its environment variable. Env values never reach --help output.
func (c *config) parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	for _, s := range c.settings {
		if v, ok := os.LookupEnv(s.env); ok && !given[s.flag] {
			*s.val = v
		}
	}
	for _, s := range c.settings {
		if s.check == nil {
			continue
		}
		if err := s.check(*s.val); err != nil {
			err = fmt.Errorf("%s (-%s) cannot be %q: %w", s.env, s.flag, *s.val, err)
			fmt.Fprintln(fs.Output(), err)
			return err
		}
	}
	return nil
}

// logSafe logs every setting once at start with its effective value,
// secrets (and URLs with credentials) as "set"/"unset", empty ones as "unset".
func (c *config) logSafe(log *slog.Logger) {
	attrs := make([]any, 0, 2*len(c.settings))
	sorted := append([]*boundSetting(nil), c.settings...)
	sort.Slice(sorted, func(i, j int) bool { return sorted[i].env < sorted[j].env })
	for _, s := range sorted {
		v := *s.val
		if s.secret || strings.Contains(strings.ToLower(s.env), "url") && strings.Contains(v, "@") {
			v = redact(v)
		}
		if v == "" {
			v = "unset"
		}
		attrs = append(attrs, s.env, v)
	}
	// The version and the Go runtime's memory settings (runtime.go) belong
	// to the same picture: what this process runs with.
	gogc, memlimit := goRuntimeSettings()
	attrs = append(attrs, "version", version, "GOGC", gogc, "GOMEMLIMIT", memlimit)
	log.Info("configuration", attrs...)
}

func redact(v string) string {
	if v == "" {
		return "unset"
	}
	return "set"
}

// loadSecretKey returns the key that encrypts phone numbers at rest: from
// TUYS_SECRET_KEY (64 hex characters or base64 of 32 bytes), from the file
// TUYS_SECRET_KEY_FILE, or — embedded mode only — generated once into the
// data directory so `make run` needs no setup.
func loadSecretKey(raw, file, dataDir string, generate bool, log *slog.Logger) ([]byte, error) {
	if raw != "" {
		return decodeKey(raw)
	}
	if file == "" {
		if !generate {
			return nil, nil
		}
		file = filepath.Join(dataDir, "secret.key")
		if _, err := os.Stat(file); errors.Is(err, os.ErrNotExist) {
			if _, err := os.Stat(filepath.Join(dataDir, data.SQLiteFile)); err == nil {
				// The database is there and its key is not: it is elsewhere
				// (TUYS_SECRET_KEY given to serve). A new key here would seal
				// what this command writes so that no node could read it (a
				// new user's trial, 2026-12-07).
				return nil, fmt.Errorf("secret key: %s holds a database but no secret.key: give this command the key tuys serve uses (TUYS_SECRET_KEY or TUYS_SECRET_KEY_FILE)", dataDir)
			}
			if err := os.MkdirAll(dataDir, 0o700); err != nil {
				return nil, fmt.Errorf("secret key: %w", err)
			}
			if err := os.WriteFile(file, []byte(data.NewCode(32)+"\n"), 0o600); err != nil {
				return nil, fmt.Errorf("secret key: %w", err)
			}
			log.Warn("generated a secret key into the data directory: keep it apart from backups, and set TUYS_SECRET_KEY or TUYS_SECRET_KEY_FILE to hold it elsewhere", "file", file)
		}
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("secret key file: %w", err)
	}
	return decodeKey(strings.TrimSpace(string(b)))
}

func decodeKey(s string) ([]byte, error) {
	if b, err := hex.DecodeString(s); err == nil && len(b) >= 32 {
		return b, nil
	}
	if b, err := base64.StdEncoding.DecodeString(s); err == nil && len(b) >= 32 {
		return b, nil
	}
	return nil, errors.New("secret key: want 64 hex characters or base64 of 32 bytes (make one: openssl rand -hex 32)")
}

// lookup returns the value of the setting bound to env ("" when none), so
// packages that read TUYS_* variables see flags and environment alike.
func (c *config) lookup(env string) string {
	for _, s := range c.settings {
		if s.env == env {
			return *s.val
		}
	}
	return os.Getenv(env)
}

// zoneOffset is a time zone written as its offset from UTC: +5, +05,
// +05:00 or +0500 (not +123: hours and minutes would be a guess).
var zoneOffset = regexp.MustCompile(`^([+-])(\d{1,2})$|^([+-])(\d{2}):?(\d{2})$`)

// parseZone reads TUYS_TIMEZONE: an offset from UTC or an IANA name (from
// the system's zone files, else those built into the binary). "Local" is
// refused: the machine's zone is rarely the hotline's.
func parseZone(s string) (*time.Location, error) {
	v := strings.TrimSpace(s)
	if len(v) >= 3 && strings.EqualFold(v[:3], "UTC") {
		v = strings.TrimSpace(v[3:])
	}
	if v == "" {
		return time.UTC, nil
	}
	if m := zoneOffset.FindStringSubmatch(v); m != nil {
		sign, hh, mm := m[1]+m[3], m[2]+m[4], m[5]
		h, _ := strconv.Atoi(hh)
		mins, _ := strconv.Atoi("0" + mm)
		if mins > 59 || h*60+mins > 14*60 {
			return nil, errors.New("an offset runs from -14:00 to +14:00, minutes from 00 to 59")
		}
		off := (h*60 + mins) * 60
		if sign == "-" {
			off = -off
		}
		return time.FixedZone(fmt.Sprintf("UTC%s%02d:%02d", sign, h, mins), off), nil
	}
	loc, err := time.LoadLocation(v)
	if err != nil || v == "Local" {
		return nil, errors.New("write an offset like +05:00 or a zone name like Asia/Almaty")
	}
	return loc, nil
}
