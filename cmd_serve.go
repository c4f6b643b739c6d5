package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
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
	// loopbackOnly: serve listens and is reached on loopback only (a
	// developer's cluster, a test): PostgreSQL may then fall back to a
	// development key kept in the database.
	loopbackOnly                 bool
	cfg                          config
	dataDir, dbURL, key, keyFile *string
	logLevel, logFormat          *string
}

func addStoreFlags(fs *flag.FlagSet) *storeFlags {
	f := &storeFlags{}
	c := &f.cfg
	f.dataDir = c.use(fs, "TUYS_DATA_DIR")
	f.dbURL = c.use(fs, "TUYS_DATABASE_URL")
	f.key = c.use(fs, "TUYS_SECRET_KEY")
	f.keyFile = c.use(fs, "TUYS_SECRET_KEY_FILE")
	f.logLevel = c.use(fs, "TUYS_LOG_LEVEL")
	f.logFormat = c.use(fs, "TUYS_LOG_FORMAT")
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
	key, err := loadSecretKey(*f.key, *f.keyFile, *f.dataDir, !postgres, log)
	if err != nil {
		return nil, err
	}
	if key == nil && postgres {
		if !f.loopbackOnly {
			return nil, errNoPostgresKey
		}
		log.Warn("TUYS_SECRET_KEY is not set: this node serves only loopback, so it uses a development key kept in the database; " +
			"a node anyone else can reach refuses to start without a key (a stolen dump would decrypt every number)")
		if key, err = data.PostgresDevKey(ctx, *f.dbURL); err != nil {
			return nil, err
		}
	}
	return data.Open(ctx, data.Config{Dir: *f.dataDir, DatabaseURL: *f.dbURL, SecretKey: key})
}

// errNoPostgresKey: with PostgreSQL there is no data directory to generate
// a key into, and a key kept in the database would travel with every dump.
var errNoPostgresKey = errors.New("TUYS_DATABASE_URL is set but TUYS_SECRET_KEY and TUYS_SECRET_KEY_FILE are not: " +
	"the key that encrypts phone numbers must not be stored in the database it protects, or a stolen dump decrypts every number. " +
	"Make one (openssl rand -hex 32 > tuys.key, mode 0600, backed up apart from the database) and give every node TUYS_SECRET_KEY_FILE=tuys.key; " +
	"a database an older tuys keeps its key in: run tuys rotate-key -new-key-file tuys.key once first")

func serveCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: tuys serve [flags]\n\nRuns the web service: public forms, JSON API, volunteer console, SMS webhooks,\n"+
			"the matcher and the SMS dispatcher, in one process.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	sf := addStoreFlags(fs)
	addr := sf.cfg.use(fs, "TUYS_ADDR")
	publicURL := sf.cfg.use(fs, "TUYS_PUBLIC_URL")
	search := sf.cfg.use(fs, "TUYS_PUBLIC_SEARCH")
	hotline := sf.cfg.use(fs, "TUYS_HOTLINE")
	timezone := sf.cfg.use(fs, "TUYS_TIMEZONE")
	proxies := sf.cfg.use(fs, "TUYS_TRUSTED_PROXIES")
	metricsAddr := sf.cfg.use(fs, "TUYS_METRICS_ADDR")
	pprofAddr := sf.cfg.use(fs, "TUYS_PPROF_ADDR")
	hugePages := sf.cfg.use(fs, "TUYS_HUGE_PAGES")
	sms := addNotifyFlags(&sf.cfg, fs)
	secf := addSecurityFlags(&sf.cfg, fs) // rate limits, audit retention (security_flags.go)
	if code, ok := sf.parseFlags(fs, args); !ok {
		return code
	}
	log := sf.logger(stderr)
	sec, err := secf.resolve()
	if err != nil {
		fmt.Fprintln(stderr, "tuys serve:", err)
		return 2
	}
	zone, err := parseZone(*timezone)
	if err != nil {
		fmt.Fprintln(stderr, "tuys serve:", err)
		return 2
	}
	if err := checkPprofAddr(*pprofAddr); err != nil {
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
	sms.resolve()
	sf.loopbackOnly = loopbackOnly(*addr, *publicURL)
	sf.cfg.logSafe(log)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve(ctx, sf, log, listenAddrs{*addr, *metricsAddr, *pprofAddr}, *hugePages != "off", api.Config{PublicURL: strings.TrimRight(*publicURL, "/"),
		PublicSearch: *search != "off", Hotline: *hotline, Zone: zone,
		Security: sec, MetricsElsewhere: *metricsAddr != ""}); err != nil {
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

// loopbackOnly reports whether a node listens on a loopback address and is
// reached at one: nobody but this machine can use it.
func loopbackOnly(addr, publicURL string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil || !isLoopback(host) {
		return false
	}
	u, err := url.Parse(publicURL)
	return err == nil && isLoopback(u.Hostname())
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
