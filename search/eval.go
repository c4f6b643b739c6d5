package search

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"tuys/data"
)

const evalUsage = `tuys eval — measure matching on an evaluation set, through the service's own path.

Usage:
  tuys eval -corpus CORPUS.tsv -queries QUERIES.tsv [-distractors N] [-seed S] [-v] [-ranks]

It opens a fresh store and index in a temporary directory, files every
corpus row as a "safe" report (padded with N synthetic distractor people,
seeded by S), lets the matching engine index them, then files every query
row as a "seek" report and lets the engine match it exactly as the service
does (store → event log → index → re-ranker → Match rows).

Files (TSV, UTF-8, header row, empty cell = unknown):
  corpus:  id  name  birth_year  city  sex
  queries: qid name  birth_year  city  sex  expected  [category]
           (expected = corpus id, or - for none; with a category column the
           figures are also printed per category, before the last line)

Output: a table of every miss and every wrong auto decision with the
engine's explanation, then one JSON line:
  corpus distractors queries positives negatives recall_at_1 recall_at_10
  auto_precision auto_recall false_auto review_recall p50_ms p99_ms
"auto" = notify without a volunteer (score ≥ auto threshold, no close second);
"review" = shown to a volunteer (score ≥ review threshold).

Example:
  tuys eval -corpus ../shared/eval/dev/corpus.tsv -queries ../shared/eval/dev/queries.tsv -distractors 100000 -seed 7

Flags:
`

// EvalResult is the JSON line `tuys eval` prints last.
type EvalResult struct {
	Corpus        int     `json:"corpus"`
	Distractors   int     `json:"distractors"`
	Queries       int     `json:"queries"`
	Positives     int     `json:"positives"`
	Negatives     int     `json:"negatives"`
	RecallAt1     float64 `json:"recall_at_1"`
	RecallAt10    float64 `json:"recall_at_10"`
	AutoPrecision float64 `json:"auto_precision"`
	AutoRecall    float64 `json:"auto_recall"`
	FalseAuto     int     `json:"false_auto"`
	ReviewRecall  float64 `json:"review_recall"`
	P50ms         float64 `json:"p50_ms"`
	P99ms         float64 `json:"p99_ms"`
	// CandidateRecall is the share of positives whose expected id the
	// retrieval returns among its candidates, before re-ranking.
	CandidateRecall float64 `json:"-"`
	// Categories holds the same figures per value of the optional
	// category column of queries.tsv (printed before the last line).
	Categories map[string]*EvalResult `json:"-"`
}

// EvalMain implements `tuys eval`; args exclude the subcommand. It returns
// the process exit code.
func EvalMain(args []string, stdout io.Writer) int {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(stdout)
	corpus := fs.String("corpus", "", "corpus TSV (safe reports)")
	queries := fs.String("queries", "", "queries TSV (seek reports, with the expected corpus id)")
	distractors := fs.Int("distractors", 0, "synthetic distractor people added to the corpus")
	seed := fs.Uint64("seed", 1, "seed of the distractor generator")
	verbose := fs.Bool("v", false, "also print every query's top candidate")
	ranks := fs.Bool("ranks", false, "print the rank of the expected id for every positive and the best wrong candidate for every negative")
	fs.Usage = func() { fmt.Fprint(stdout, evalUsage); fs.PrintDefaults() }
	if err := fs.Parse(args); err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if *corpus == "" || *queries == "" {
		fs.Usage()
		return 2
	}
	res, err := RunEval(context.Background(), EvalConfig{Corpus: *corpus, Queries: *queries, Distractors: *distractors, Seed: *seed, Verbose: *verbose, Ranks: *ranks, Out: stdout})
	if err != nil {
		fmt.Fprintln(stdout, "eval:", err)
		return 1
	}
	fmt.Fprintf(stdout, "candidate recall@%d (retrieval alone): %.4f\n", defaultCandidates, res.CandidateRecall)
	printCategories(stdout, res.Categories)
	line, _ := json.Marshal(res)
	fmt.Fprintln(stdout, string(line))
	return 0
}

// EvalConfig configures RunEval.
type EvalConfig struct {
	Corpus, Queries string
	Distractors     int
	Seed            uint64
	Verbose         bool
	Ranks           bool      // print every positive's rank and every negative's best wrong candidate
	Out             io.Writer // the readable table; nil = discard
	Thresholds      Thresholds
}

// RunEval runs an evaluation (see evalUsage) and returns its figures.
func RunEval(ctx context.Context, cfg EvalConfig) (*EvalResult, error) {
	out := cfg.Out
	if out == nil {
		out = io.Discard
	}
	crows, err := readTSV(cfg.Corpus, 5)
	if err != nil {
		return nil, err
	}
	qrows, err := readTSV(cfg.Queries, 7)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "tuys-eval-")
	if err != nil {
		return nil, fmt.Errorf("eval: temp dir: %w", err)
	}
	defer os.RemoveAll(dir)
	store, ix, err := openEvalStore(ctx, dir)
	if err != nil {
		return nil, err
	}
	defer store.Close()
	defer ix.Close()
	corpusID, err := loadEvalCorpus(ctx, store, crows, cfg)
	if err != nil {
		return nil, err
	}
	run := &evalRun{cfg: cfg, out: out, store: store, corpusID: corpusID, all: newTally(), cats: map[string]*tally{}}
	run.eng = NewEngine(store, ix, Options{Thresholds: cfg.Thresholds, OnMatched: func(r *data.Report, res []Result, d time.Duration) {
		if r.Kind == data.KindSeek {
			run.last, run.took = res, d
		}
	}})
	if err := run.eng.CatchUp(ctx); err != nil {
		return nil, err
	}
	fmt.Fprintf(out, "%-5s %-34s %-6s %-6s %-6s %s\n", "query", "name", "expect", "top", "score", "decision / explanation")
	for _, row := range qrows {
		if err := run.query(ctx, row); err != nil {
			return nil, err
		}
	}
	res := run.all.result(len(crows), cfg.Distractors)
	if len(run.cats) > 0 {
		res.Categories = map[string]*EvalResult{}
		for name, t := range run.cats {
			res.Categories[name] = t.result(len(crows), cfg.Distractors)
		}
	}
	return res, nil
}

// openEvalStore opens a throwaway store (random key) and index in dir.
func openEvalStore(ctx context.Context, dir string) (data.Store, *Index, error) {
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, nil, fmt.Errorf("eval: key: %w", err)
	}
	store, err := data.Open(ctx, data.Config{Dir: dir, SecretKey: key})
	if err != nil {
		return nil, nil, fmt.Errorf("eval: open store: %w", err)
	}
	ix, err := OpenIndex(filepath.Join(dir, "index"))
	if err != nil {
		store.Close()
		return nil, nil, err
	}
	return store, ix, nil
}

// loadEvalCorpus files the corpus and the distractors; it returns the
// corpus id of every report id.
func loadEvalCorpus(ctx context.Context, store data.Store, crows [][]string, cfg EvalConfig) (map[string]string, error) {
	var reports []*data.Report
	for _, row := range crows {
		reports = append(reports, rowReport(row, data.KindSafe))
	}
	if err := store.CreateReports(ctx, reports); err != nil {
		return nil, fmt.Errorf("eval: create corpus: %w", err)
	}
	corpusID := map[string]string{} // report ID → corpus id
	for i, r := range reports {
		corpusID[r.ID] = crows[i][0]
	}
	syn := NewSynth(cfg.Seed)
	for left := cfg.Distractors; left > 0; {
		n := min(left, 5000)
		if err := store.CreateReports(ctx, syn.Reports(n)); err != nil {
			return nil, fmt.Errorf("eval: create distractors: %w", err)
		}
		left -= n
	}
	return corpusID, nil
}

// evalRun is one evaluation: its engine, the last matching seen, tallies.
type evalRun struct {
	cfg      EvalConfig
	out      io.Writer
	store    data.Store
	eng      *Engine
	corpusID map[string]string
	last     []Result
	took     time.Duration
	all      *tally
	cats     map[string]*tally
}

// query files one query as a seek report, lets the engine match it and
// judges the outcome.
func (e *evalRun) query(ctx context.Context, row []string) error {
	r := rowReport(row, data.KindSeek)
	if err := e.store.CreateReport(ctx, r); err != nil {
		return fmt.Errorf("eval: create query %s: %w", row[0], err)
	}
	e.last, e.took = nil, 0
	if err := e.eng.CatchUp(ctx); err != nil {
		return err
	}
	o := judge(row[5], e.last, e.corpusID, e.took)
	if o.positive {
		var err error
		if o.retrieved, err = e.eng.retrieved(ctx, r, row[5], e.corpusID); err != nil {
			return err
		}
	}
	e.all.add(o)
	if cat := strings.TrimSpace(row[6]); cat != "" {
		if e.cats[cat] == nil {
			e.cats[cat] = newTally()
		}
		e.cats[cat].add(o)
	}
	if e.cfg.Ranks {
		printRank(e.out, row, o)
	}
	if o.miss() || o.falseAuto || e.cfg.Verbose {
		printEvalRow(e.out, row, e.last, e.corpusID, o.falseAuto, e.took)
	}
	return nil
}

func printEvalRow(out io.Writer, row []string, res []Result, corpusID map[string]string, falseAuto bool, took time.Duration) {
	top, score, dec, why := "-", 0.0, "", ""
	if len(res) > 0 {
		top = corpusID[res[0].ReportID]
		if top == "" {
			top = "synth:" + res[0].Report.FullName
		}
		score, dec = res[0].Score, res[0].Decision
		var ts []string
		for _, r := range res[0].Explanation {
			ts = append(ts, r.Text)
		}
		why = strings.Join(ts, "; ")
	}
	flag := ""
	if falseAuto {
		flag = " FALSE AUTO"
	}
	second := ""
	if len(res) > 1 {
		second = fmt.Sprintf(" (2nd %.2f %s)", res[1].Score, res[1].Report.FullName)
	}
	fmt.Fprintf(out, "%-5s %-34s %-6s %-6s %.3f%s %s%s %.1fms | %s\n", row[0], row[1], row[5], top, score, second, dec, flag, float64(took.Microseconds())/1000, why)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return math.Round(float64(a)/float64(b)*10000) / 10000
}

func percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	i := int(math.Ceil(p*float64(len(sorted)))) - 1
	i = max(0, min(i, len(sorted)-1))
	return math.Round(sorted[i]*1000) / 1000
}

// rowReport turns an eval row (id name year city sex ...) into a report,
// with the name parsed as the intake would.
func rowReport(row []string, kind data.Kind) *data.Report {
	y, _ := strconv.Atoi(strings.TrimSpace(row[2]))
	r := &data.Report{Kind: kind, Status: data.StatusActive, Channel: data.ChannelImport, SourceName: "eval",
		FullName: row[1], BirthYear: y, City: row[3], Sex: strings.TrimSpace(row[4])}
	n := ParseName(r.FullName)
	r.GivenName, r.FamilyName, r.Patronymic = n.Given, n.Family, n.Patronymic
	return r
}

// readTSV reads a TSV with a header row; short rows are padded to cols.
func readTSV(path string, cols int) ([][]string, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	var rows [][]string
	for i, line := range strings.Split(strings.ReplaceAll(string(b), "\r\n", "\n"), "\n") {
		if i == 0 || strings.TrimSpace(line) == "" {
			continue
		}
		row := strings.Split(line, "\t")
		for len(row) < cols {
			row = append(row, "")
		}
		rows = append(rows, row)
	}
	return rows, nil
}
