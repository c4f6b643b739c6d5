package search

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"time"

	"tuys/data"
)

// outcome is what one eval query found.
type outcome struct {
	positive  bool
	rank      int    // 0-based rank of the expected id, -1 when absent
	decision  string // decision on the expected id
	autos     int    // auto decisions among the candidates
	autoOK    int    // of which on the expected id
	falseAuto bool
	wrong     *Result // best-scoring wrong candidate
	wrongID   string
	took      time.Duration
	retrieved bool // the expected id is among the retrieval's candidates
}

func (o outcome) miss() bool { return o.positive && (o.rank != 0 || o.decision != "auto") }

// judge compares the candidates of one query with its expected corpus id
// ("-" or "" for a hard negative).
func judge(exp string, res []Result, corpusID map[string]string, took time.Duration) outcome {
	o := outcome{positive: exp != "-" && exp != "", rank: -1, took: took}
	for i := range res {
		c := &res[i]
		id := corpusID[c.ReportID]
		if id == "" {
			id = "synthetic"
		}
		right := o.positive && id == exp
		if right && o.rank < 0 {
			o.rank, o.decision = i, c.Decision
		}
		if !right && o.wrong == nil {
			o.wrong, o.wrongID = c, id
		}
		if c.Decision == "auto" {
			o.autos++
			if right {
				o.autoOK++
			} else {
				o.falseAuto = true
			}
		}
	}
	return o
}

// tally sums outcomes into the figures of EvalResult.
type tally struct {
	queries, positives, negatives           int
	autos, autoOK, at1, at10, autoPos, revs int
	falseAuto, retrieved                    int
	lat                                     []float64
}

func newTally() *tally { return &tally{} }

func (t *tally) add(o outcome) {
	t.queries++
	t.lat = append(t.lat, float64(o.took.Microseconds())/1000)
	t.autos += o.autos
	t.autoOK += o.autoOK
	if o.falseAuto {
		t.falseAuto += o.autos - o.autoOK
	}
	if !o.positive {
		t.negatives++
		return
	}
	t.positives++
	if o.retrieved {
		t.retrieved++
	}
	if o.rank == 0 {
		t.at1++
	}
	if o.rank >= 0 && o.rank < 10 {
		t.at10++
	}
	if o.decision == "auto" {
		t.autoPos++
	}
	if o.decision != "" {
		t.revs++
	}
}

func (t *tally) result(corpus, distractors int) *EvalResult {
	r := &EvalResult{Corpus: corpus, Distractors: distractors, Queries: t.queries, Positives: t.positives, Negatives: t.negatives,
		RecallAt1: ratio(t.at1, t.positives), RecallAt10: ratio(t.at10, t.positives), AutoRecall: ratio(t.autoPos, t.positives),
		ReviewRecall: ratio(t.revs, t.positives), FalseAuto: t.falseAuto, AutoPrecision: 1, CandidateRecall: ratio(t.retrieved, t.positives)}
	if t.autos > 0 {
		r.AutoPrecision = ratio(t.autoOK, t.autos)
	}
	sort.Float64s(t.lat)
	r.P50ms, r.P99ms = percentile(t.lat, 0.50), percentile(t.lat, 0.99)
	return r
}

// printRank prints one line per query for -ranks: the 1-based rank of the
// expected id of a positive ("-" beyond the candidates), or the best wrong
// candidate of a negative.
func printRank(out io.Writer, row []string, o outcome) {
	if o.positive {
		rank := "-"
		if o.rank >= 0 {
			rank = fmt.Sprint(o.rank + 1)
		}
		fmt.Fprintf(out, "rank\t%s\t%s\t%s\t%s\n", row[0], row[5], rank, o.decision)
		return
	}
	if o.wrong == nil {
		fmt.Fprintf(out, "negative\t%s\t-\n", row[0])
		return
	}
	fmt.Fprintf(out, "negative\t%s\t%s\t%.3f\t%s\t%s\n", row[0], o.wrongID, o.wrong.Score, o.wrong.Decision, o.wrong.Report.FullName)
}

// printCategories prints the figures of every category, sorted by name.
func printCategories(out io.Writer, cats map[string]*EvalResult) {
	names := make([]string, 0, len(cats))
	for n := range cats {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		js, _ := json.Marshal(cats[n])
		fmt.Fprintf(out, "category %s %s\n", n, js)
	}
}

// retrieved reports whether the retrieval alone (before re-ranking) returns
// the corpus record exp for the seek report r.
func (e *Engine) retrieved(ctx context.Context, r *data.Report, exp string, corpusID map[string]string) (bool, error) {
	cands, err := e.ix.retrieve(ctx, PersonFromReport(r), data.KindSafe, e.opts.Candidates)
	if err != nil {
		return false, err
	}
	for _, c := range cands {
		if corpusID[c.s.ID] == exp {
			return true, nil
		}
	}
	return false, nil
}
