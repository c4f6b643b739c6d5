package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"tuys/api"
	"tuys/data"
)

func init() { commands["serve"] = serveCmd }

// storeFlags open the store; every command that touches data shares them.
type storeFlags struct {
	cfg                          config
	dataDir, dbURL, key, keyFile *string
	logLevel, logFormat          *string
}

func addStoreFlags(fs *flag.FlagSet) *storeFlags {
	f := &storeFlags{}
	c := &f.cfg
	f.dataDir = c.add(fs, "data-dir", "TUYS_DATA_DIR", "./tuys-data", "directory for the SQLite database, the search index and the generated secret key", false)
	f.dbURL = c.add(fs, "database-url", "TUYS_DATABASE_URL", "", "postgres://user@host:5432/db to share one PostgreSQL among several nodes; empty = embedded SQLite", true)
	f.key = c.add(fs, "secret-key", "TUYS_SECRET_KEY", "", "key that encrypts phone numbers at rest: 64 hex characters (openssl rand -hex 32); empty = generated into the data directory", true)
	f.keyFile = c.add(fs, "secret-key-file", "TUYS_SECRET_KEY_FILE", "", "file holding the secret key (instead of -secret-key)", false)
	f.logLevel = c.add(fs, "log-level", "TUYS_LOG_LEVEL", "info", "debug, info, warn or error", false)
	f.logFormat = c.add(fs, "log-format", "TUYS_LOG_FORMAT", "text", "text or json", false)
	return f
}

// parseFlags parses a command's flags and environment; ok is false when the
// command should exit with code (0 after -h, 2 on a usage error).
func (f *storeFlags) parseFlags(fs *flag.FlagSet, args []string) (code int, ok bool) {
	if err := f.cfg.parse(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	return 0, true
}

func (f *storeFlags) logger(w io.Writer) *slog.Logger {
	var level slog.Level
	if err := level.UnmarshalText([]byte(*f.logLevel)); err != nil {
		level = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: level}
	if *f.logFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// open opens the store the flags choose.
func (f *storeFlags) open(ctx context.Context, log *slog.Logger) (data.Store, error) {
	postgres := *f.dbURL != ""
	key, err := loadSecretKey(*f.key, *f.keyFile, *f.dataDir, !postgres)
	if err != nil {
		return nil, err
	}
	if key == nil && postgres {
		log.Warn("TUYS_SECRET_KEY is not set: using a key kept in the database; set the same key on every node so a stolen dump cannot be decrypted")
		if key, err = data.PostgresSharedKey(ctx, *f.dbURL); err != nil {
			return nil, err
		}
	}
	return data.Open(ctx, data.Config{Dir: *f.dataDir, DatabaseURL: *f.dbURL, SecretKey: key})
}

func serveCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: tuys serve [flags]\n\nRuns the web service: public forms, JSON API, volunteer console, SMS webhooks,\n"+
			"the matcher and the SMS dispatcher, in one process.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	sf := addStoreFlags(fs)
	addr := sf.cfg.add(fs, "addr", "TUYS_ADDR", ":8080", "address to listen on", false)
	publicURL := sf.cfg.add(fs, "public-url", "TUYS_PUBLIC_URL", "", "URL the public reaches this service at (Twilio callbacks and signatures, secure cookies); default http://localhost<addr>", false)
	search := sf.cfg.add(fs, "public-search", "TUYS_PUBLIC_SEARCH", "on", "on or off: off hides the public name search (matching and volunteers still work)", false)
	hotline := sf.cfg.add(fs, "hotline", "TUYS_HOTLINE", "1414", "hotline number shown on pages and in SMS", false)
	addNotifyFlags(&sf.cfg, fs)
	secf := addSecurityFlags(&sf.cfg, fs) // rate limits, audit retention (security_flags.go)
	proxies := sf.cfg.add(fs, "trusted-proxies", "TUYS_TRUSTED_PROXIES", "", "comma-separated IPs or CIDRs of load balancers whose X-Forwarded-For is believed (rate limits per client)", false)
	if code, ok := sf.parseFlags(fs, args); !ok {
		return code
	}
	log := sf.logger(stderr)
	sec, err := secf.resolve()
	if err != nil {
		fmt.Fprintln(stderr, "tuys serve:", err)
		return 2
	}
	sec.TrustedProxies = splitList(*proxies)
	if *publicURL == "" {
		*publicURL = "http://localhost" + *addr
		if !strings.HasPrefix(*addr, ":") {
			*publicURL = "http://" + *addr
		}
	}
	sf.cfg.logSafe(log)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve(ctx, sf, log, *addr, api.Config{PublicURL: strings.TrimRight(*publicURL, "/"),
		PublicSearch: *search != "off", Hotline: *hotline,
		Security: sec}); err != nil {
		log.Error("tuys stopped", "err", err)
		return 1
	}
	return 0
}

// splitList splits a comma-separated setting, dropping empty items.
func splitList(v string) []string {
	var out []string
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
