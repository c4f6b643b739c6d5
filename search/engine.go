package search

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"tuys/data"
)

// Composer builds the messages and consent requests for an auto-confirmed
// match; the wiring injects notify's. nil means no messages.
type Composer func(ctx context.Context, m data.Match, seek, safe *data.Report) ([]data.Message, []data.Consent, error)

// Options configure an Engine; the zero value works.
type Options struct {
	Thresholds Thresholds    // zero: DefaultThresholds
	Composer   Composer      // nil: matches are saved without messages
	Poll       time.Duration // Run's polling interval; zero: 100ms
	Candidates int           // retrieved per query before re-ranking; zero: defaultCandidates
	Logger     *slog.Logger  // nil: slog.Default()
	// OnMatched, when set, observes every report the engine matched, with
	// the ranked candidates and the time it took (eval, metrics).
	OnMatched func(r *data.Report, results []Result, took time.Duration)
	// OnEvents, when set, sees every batch of events after it was indexed
	// and matched, before the cursor moves past it (subscription SMS). It
	// must be idempotent: a batch is replayed after a crash.
	OnEvents func(ctx context.Context, evs []data.Event, reports map[string]*data.Report) error
	// Leading, when set, tells whether this node matches for the cluster
	// now (data.PGLeader); a node that does not lead only indexes. nil: it
	// always leads (one process, SQLite).
	Leading func() bool
}

// Result is one ranked candidate.
type Result struct {
	ReportID    string
	Score       float64
	Decision    string // "auto", "review" or ""
	Explanation []Reason
	Report      *data.Report // the fields the index holds (no contact data)
	raw         float64      // the score before clamping: orders and separates candidates
	near        int          // closeness to the query as written: breaks ties
	person      *Person      // the candidate as the re-ranker read it
	seq         int64        // when the candidate was first seen (pick's cut)
	names       nameMatch    // the names' part of the score (explain)
	doc         *stored      // the index's copy (explain)
}

// defaultCandidates is how many candidates retrieval hands the re-ranker.
const defaultCandidates = 30

// Query is a volunteer search.
type Query struct {
	Name      string
	Kind      data.Kind // "" = both kinds
	BirthYear int
	City      string
	Sex       string
	Limit     int // zero: 20
}

// Engine indexes the store's reports by tailing its event log and matches
// each new report against the reports of the other kind. It is
// deterministic given the event sequence: a pair is judged when the later
// of its two reports arrives, against the reports that came before it, so
// several nodes (or a replay) reach the same decisions and SaveMatch's
// unique pair keeps one match.
type Engine struct {
	store data.Store
	ix    *Index
	opts  Options

	mu    sync.Mutex // serializes CatchUp/Reindex
	ready atomic.Bool
	wake  chan struct{}
	seen  map[data.Kind]*atomic.Bool // some active report of this kind is indexed
	stall stall                      // Run's catch-ups failing in a row (stall.go)

	// What this node has matched and last published as the store's
	// matched-through mark (guarded by mu).
	matched, published int64
	publishedAt        time.Time
	// overfetch multiplies the candidates retrieved while matching events
	// older than the index (a new leader's backlog): reports indexed after
	// them are filtered out and must not crowd out the earlier ones.
	overfetch atomic.Int32
}

// NewEngine returns an engine over store and ix.
func NewEngine(store data.Store, ix *Index, opts Options) *Engine {
	if opts.Thresholds == (Thresholds{}) {
		opts.Thresholds = DefaultThresholds
	}
	if opts.Poll == 0 {
		opts.Poll = 100 * time.Millisecond
	}
	if opts.Candidates == 0 {
		opts.Candidates = defaultCandidates
	}
	if opts.Logger == nil {
		opts.Logger = slog.Default()
	}
	return &Engine{store: store, ix: ix, opts: opts, wake: make(chan struct{}, 1),
		seen: map[data.Kind]*atomic.Bool{data.KindSeek: {}, data.KindSafe: {}}}
}

// Ready reports whether the engine has caught up with the log at least once.
func (e *Engine) Ready() bool { return e.ready.Load() }

// Wake nudges Run to look at the log now (after a local write).
func (e *Engine) Wake() {
	select {
	case e.wake <- struct{}{}:
	default:
	}
}

// Run tails the event log until ctx is done. Errors are logged and retried
// at the next tick: the index is derived and the log is the truth.
func (e *Engine) Run(ctx context.Context) error {
	t := time.NewTicker(e.opts.Poll)
	defer t.Stop()
	for {
		if err := e.CatchUp(ctx); ctx.Err() == nil {
			e.noteCatchUp(err, time.Now())
		}
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		case <-e.wake:
		}
	}
}

// eventBatch is how many events CatchUp reads at a time.
const eventBatch = 5000

// compactAfter is the number of events in one catch-up after which the
// index is compacted (a bulk import or a restart after a long pause).
const compactAfter = 20000

// CatchUp processes every event up to now, then returns.
func (e *Engine) CatchUp(ctx context.Context) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	applied := 0
	var next <-chan eventsRead // the batch after the one being applied, read meanwhile
	for {
		last, err := e.ix.LastSeq()
		if err != nil {
			return fmt.Errorf("catch up: last seq: %w", err)
		}
		var r eventsRead
		if next != nil {
			r = <-next
		}
		if next == nil || r.err != nil || r.after != last { // none read ahead, or a failed apply moved nothing
			r = e.readEvents(ctx, last)
		}
		evs, byID := r.evs, r.byID
		if r.err != nil {
			return r.err
		}
		next = nil
		if len(evs) == eventBatch {
			next = e.readAhead(ctx, evs[len(evs)-1].Seq)
		}
		if len(evs) == 0 {
			if _, err := e.matchBacklog(ctx, last); err != nil {
				return err
			}
			e.publishMatched(ctx, applied >= eventBatch)
			if applied >= compactAfter {
				if err := e.ix.compact(ctx); err != nil {
					return err
				}
			}
			e.ready.Store(true)
			return nil
		}
		if err := e.apply(ctx, evs, byID); err != nil {
			if next != nil {
				<-next // the read ahead ends before the engine lets go of its lock
			}
			return err
		}
		applied += len(evs)
		if e.matched-e.published >= 4*eventBatch {
			e.publishMatched(ctx, true) // a long catch-up shares progress as it goes
		}
	}
}

// apply indexes the reports the events touch, then matches the new ones in
// sequence order.
func (e *Engine) apply(ctx context.Context, evs []data.Event, byID map[string]*data.Report) error {
	firstSeq := map[string]int64{}
	b := e.ix.NewBatch()
	for _, ev := range evs {
		r := byID[ev.ReportID]
		switch {
		case ev.ReportID == "":
			continue
		case r == nil || ev.Type == data.EventReportRemoved:
			b.Delete(ev.ReportID)
		case ev.Type == data.EventReportCreated || ev.Type == data.EventReportUpdated:
			seq := ev.Seq
			if ev.Type == data.EventReportUpdated {
				seq = 0 // an update keeps the report's place in the order
				if old, ok := e.storedSeq(r.ID); ok {
					seq = old
				}
			}
			if _, ok := firstSeq[r.ID]; !ok && ev.Type == data.EventReportCreated {
				firstSeq[r.ID] = ev.Seq
			}
			if s, ok := firstSeq[r.ID]; ok {
				seq = s
			}
			if err := b.Put(r, seq); err != nil {
				return err
			}
		}
	}
	// The documents go in first and the cursor moves only after matching
	// and the event hook succeeded: a crash or a store error in between
	// replays these events (indexing, SaveMatch and message keys are all
	// idempotent) instead of skipping their matches.
	if err := e.ix.Commit(ctx, b, 0); err != nil {
		return err
	}
	last := evs[len(evs)-1].Seq
	leading := e.leading()
	if leading {
		if err := e.matchNew(ctx, evs, byID); err != nil {
			return err
		}
	}
	if err := e.ix.Commit(ctx, e.ix.NewBatch(), last); err != nil {
		return err
	}
	if leading {
		e.matched = last
	}
	if n, err := e.ix.CompactIfDue(ctx, CompactEvery); err != nil {
		e.opts.Logger.Warn("search: compact after removals", "err", err)
	} else if n > 0 {
		e.opts.Logger.Info("search: removed reports merged out of the index", "shards", n)
	}
	return nil
}

// loadReports reads the reports the events name, by id.
func (e *Engine) loadReports(ctx context.Context, evs []data.Event) (map[string]*data.Report, error) {
	var ids []string
	seen := map[string]bool{}
	for _, ev := range evs {
		if ev.ReportID != "" && !seen[ev.ReportID] {
			seen[ev.ReportID] = true
			ids = append(ids, ev.ReportID)
		}
	}
	return e.reportsByID(ctx, ids)
}

// reportsByID reads reports from the store, by id (missing ones absent).
func (e *Engine) reportsByID(ctx context.Context, ids []string) (map[string]*data.Report, error) {
	reports, err := e.store.GetReports(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("get reports: %w", err)
	}
	byID := make(map[string]*data.Report, len(reports))
	for _, r := range reports {
		byID[r.ID] = r
	}
	return byID, nil
}

// match judges the new reports among evs in sequence order, then runs the
// event hook.
func (e *Engine) match(ctx context.Context, evs []data.Event, byID map[string]*data.Report) error {
	if len(evs) == 0 {
		return nil
	}
	// With no active report of the other kind there is nothing to match
	// (bulk imports of one kind): skip the per-report retrieval.
	haveKind := map[data.Kind]bool{}
	for _, k := range []data.Kind{data.KindSeek, data.KindSafe} {
		if e.seen[k].Load() {
			haveKind[k] = true // once there, assume still there: a wasted retrieval is harmless
			continue
		}
		n, err := e.ix.count(ctx, k, data.StatusActive)
		if err != nil {
			return err
		}
		haveKind[k] = n > 0
		e.seen[k].Store(n > 0)
	}
	var jobs []matchJob
	for _, ev := range evs {
		r := byID[ev.ReportID]
		if ev.Type != data.EventReportCreated || r == nil || r.Status != data.StatusActive || !haveKind[opposite(r.Kind)] {
			continue
		}
		jobs = append(jobs, matchJob{r: r, seq: ev.Seq})
	}
	if err := e.matchBatch(ctx, jobs); err != nil {
		return err
	}
	if e.opts.OnEvents != nil {
		if err := e.opts.OnEvents(ctx, evs, byID); err != nil {
			return fmt.Errorf("catch up: event hook: %w", err)
		}
	}
	return nil
}

// publishMatched records in the store how far this node has matched, at
// most once a second unless now: a lagging mark only costs a joining node
// some re-matching, while a write per small batch would compete with
// ingest for the (SQLite: single) writer.
func (e *Engine) publishMatched(ctx context.Context, now bool) {
	if e.matched <= e.published || !now && time.Since(e.publishedAt) < time.Second {
		return
	}
	if err := e.store.SetMatchedThrough(ctx, e.matched); err != nil {
		e.opts.Logger.Warn("search: publish matched-through", "seq", e.matched, "err", err)
		return
	}
	e.published, e.publishedAt = e.matched, time.Now()
}

// storedSeq returns the creation sequence recorded in the index for id.
func (e *Engine) storedSeq(id string) (int64, bool) {
	s, ok := e.ix.document(id)
	return s.Seq, ok
}

func opposite(k data.Kind) data.Kind {
	if k == data.KindSeek {
		return data.KindSafe
	}
	return data.KindSeek
}

// rank retrieves and re-ranks candidates of kind for p among the active
// reports first seen before seq (0 = all).
func (e *Engine) rank(ctx context.Context, p *Person, kind data.Kind, seq int64, limit int) ([]Result, error) {
	all, err := e.scored(ctx, p, kind)
	if err != nil {
		return nil, err
	}
	return e.pick(p, all, seq, limit), nil
}

// scored retrieves the candidates of kind for p and scores them.
func (e *Engine) scored(ctx context.Context, p *Person, kind data.Kind) ([]Result, error) {
	cands, err := e.candidates(ctx, p, kind)
	if err != nil {
		return nil, err
	}
	return scoreAll(p, cands), nil
}

// candidates retrieves what scored scores: it reads p's names only.
func (e *Engine) candidates(ctx context.Context, p *Person, kind data.Kind) ([]candidate, error) {
	return e.ix.retrieve(ctx, p, kind, e.opts.Candidates*max(1, int(e.overfetch.Load())))
}
