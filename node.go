package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"path/filepath"
	"sync"
	"time"

	"tuys/api"
	"tuys/data"
	"tuys/notify"
	"tuys/search"
)

// smsFlags are the SMS settings of `tuys serve`; notify reads them through
// config.lookup.
type smsFlags struct{ timeout, lease *string }

func addNotifyFlags(c *config, fs *flag.FlagSet) smsFlags {
	c.useAll(fs, "TUYS_TWILIO_ACCOUNT_SID", "TUYS_TWILIO_AUTH_TOKEN", "TUYS_TWILIO_FROM", "TUYS_TWILIO_MESSAGING_SERVICE_SID",
		"TUYS_TWILIO_API_URL", "TUYS_SMS_COUNTRIES", "TUYS_SMS_DAILY_CAP", "TUYS_SMS_HOURLY_BUDGET",
		"TUYS_SMS_GATEWAY", "TUYS_GAMMU_SPOOL", "TUYS_GAMMU_RATE", "TUYS_SMS_FAILOVER_AFTER")
	return smsFlags{timeout: c.use(fs, "TUYS_TWILIO_TIMEOUT"), lease: c.use(fs, "TUYS_SMS_LEASE")}
}

// resolve fills the derived lease, so the start-up log shows the value in
// force (notify checks the pair when it reads them).
func (f smsFlags) resolve() {
	if *f.lease != "" {
		return
	}
	if t, err := time.ParseDuration(*f.timeout); err == nil && t > 0 {
		*f.lease = notify.DefaultLease(t).String()
	}
}

// node is one running tuys process: the store, the search index and
// matcher, the SMS dispatcher and the HTTP server.
type node struct {
	store  data.Store
	index  *search.Index
	engine *search.Engine
	disp   *notify.Dispatcher
	inbox  *notify.GammuInbox // the modem's inbox; nil without a modem
	http   *http.Server
	// metricsHTTP serves /metrics on TUYS_METRICS_ADDR (nil: on the main port).
	metricsHTTP *http.Server
	// pprofHTTP serves the profiler on TUYS_PPROF_ADDR (nil: none).
	pprofHTTP *http.Server
	log       *slog.Logger
	// hugePages is TUYS_HUGE_PAGES: ask Linux for 2 MB pages (hugepages_linux.go).
	hugePages bool
	// auditKeep is TUYS_AUDIT_RETENTION for the daily retention job.
	auditKeep time.Duration
}

func serve(ctx context.Context, sf *storeFlags, log *slog.Logger, addrs listenAddrs, hugePages bool, cfg api.Config) error {
	n, err := openNode(ctx, sf, log, addrs, cfg)
	if err != nil {
		return err
	}
	defer n.close()
	n.hugePages = hugePages
	return n.run(ctx)
}

func openNode(ctx context.Context, sf *storeFlags, log *slog.Logger, addrs listenAddrs, cfg api.Config) (*node, error) {
	store, err := sf.open(ctx, log)
	if err != nil {
		return nil, err
	}
	n := &node{store: store, log: log, auditKeep: cfg.Security.AuditRetention}
	if n.index, err = search.OpenIndex(filepath.Join(*sf.dataDir, "index")); err != nil {
		store.Close()
		return nil, fmt.Errorf("open search index: %w", err)
	}
	ncfg, err := notify.ConfigFromEnv(sf.cfg.lookup)
	if err != nil {
		n.close()
		return nil, err
	}
	ncfg.PublicURL, ncfg.Hotline, ncfg.Zone = cfg.PublicURL, cfg.Hotline, cfg.Zone
	svc, err := notify.New(ncfg, store, log)
	if err != nil {
		n.close()
		return nil, err
	}
	svc.Composer.Places = search.PlaceName // SMS name a known place by the gazetteer's name
	n.disp = svc.Dispatcher
	met := newNodeMetrics(store, n.index, n.stalledSince, ncfg.HourlyBudget, log)
	subs := &notify.Subscriptions{Store: store, Composer: svc.Composer, Queued: n.disp.Wake}
	var leading func() bool // one process on SQLite: it always matches
	if *sf.dbURL != "" {
		// Several nodes: every node indexes, the holder of a lock matches.
		lead := &data.PGLeader{URL: *sf.dbURL,
			OnError: func(err error) { log.Warn("postgres matcher lock: retrying", "err", err) }}
		go lead.Run(ctx)
		leading = lead.Leading
	}
	n.engine = search.NewEngine(store, n.index, search.Options{Composer: svc.Composer.MatchConfirmed, Logger: log,
		OnMatched: func(_ *data.Report, _ []search.Result, took time.Duration) { met.ObserveMatch(took); n.disp.Wake() },
		OnEvents:  subs.OnEvents,
		Leading:   leading})
	confirm := svc.Composer.ForMatch(store)
	srv := api.New(cfg, api.Deps{Store: store, Engine: n.engine, Log: log, SMS: svc, Subscribe: subs.Subscribe, Metrics: met,
		Confirm: func(ctx context.Context, m data.Match) ([]data.Message, []data.Consent, error) {
			defer n.disp.Wake() // the messages commit with the decision, right after this returns
			return confirm(ctx, m)
		}})
	n.inbox = svc.GammuInbox(store, srv.InboundSMS)
	n.http = httpServer(addrs.main, srv.Handler())
	if addrs.metrics != "" {
		n.metricsHTTP = httpServer(addrs.metrics, srv.MetricsHandler())
	}
	if addrs.pprof != "" {
		n.pprofHTTP = httpServer(addrs.pprof, pprofHandler())
		n.pprofHTTP.WriteTimeout = 0 // a CPU profile or a trace runs as long as it is asked to
	}
	if *sf.dbURL != "" {
		l := &data.PGListener{URL: *sf.dbURL, OnEvents: n.engine.Wake, OnOutbox: n.disp.Wake,
			OnError: func(err error) { log.Warn("postgres listen: reconnecting (polling covers the gap)", "err", err) }}
		go l.Run(ctx)
	}
	return n, nil
}

// run serves until ctx ends, then drains: HTTP first (in-flight requests
// finish), then the background loops.
func (n *node) run(ctx context.Context) error {
	bg, stopBG := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	loops := map[string]func(context.Context) error{"matcher": n.engine.Run, "sms dispatcher": n.disp.Run}
	if n.inbox != nil {
		loops["modem inbox"] = n.inbox.Run
	}
	if n.hugePages {
		loops["huge pages"] = func(ctx context.Context) error { return runHugePages(ctx, n.log) }
	}
	for name, loop := range loops {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := loop(bg); err != nil && !errors.Is(err, context.Canceled) {
				n.log.Error(name+" stopped", "err", err)
			}
		}()
	}
	wg.Add(1)
	go func() { defer wg.Done(); data.RunRetention(bg, n.store, n.log, n.auditKeep) }()
	errc := make(chan error, 1)
	go func() {
		n.log.Info("listening", "addr", n.http.Addr)
		errc <- n.http.ListenAndServe()
	}()
	defer n.serveSide("metrics", n.metricsHTTP)()
	defer n.serveSide("pprof", n.pprofHTTP)()
	var err error
	select {
	case err = <-errc:
		err = fmt.Errorf("listen: %w", err)
	case <-ctx.Done():
		n.log.Info("shutting down: finishing requests in flight")
		shutCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		if serr := n.http.Shutdown(shutCtx); serr != nil {
			err = fmt.Errorf("shutdown: %w", serr)
		}
	}
	stopBG()
	wg.Wait()
	return err
}

func (n *node) close() {
	if n.index != nil {
		n.index.Close()
	}
	n.store.Close()
}

// stalledSince is the engine's StalledSince, for the metrics, which are
// made before the engine and scraped only once the node runs.
func (n *node) stalledSince() time.Time { return n.engine.StalledSince() }
