package search

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestEvalDev runs `tuys eval` on the shared dev set (skipped when absent)
// and holds the matching issue's acceptance figures. TUYS_EVAL_DISTRACTORS
// pads the corpus (e.g. 100000 with TUYS_EVAL_SEED=7; takes minutes).
func TestEvalDev(t *testing.T) {
	dir := "testdata/eval/dev" // a copy of ../shared/eval/dev
	if _, err := os.Stat(dir + "/corpus.tsv"); err != nil {
		t.Fatalf("dev set: %v", err)
	}
	args := []string{"-corpus", dir + "/corpus.tsv", "-queries", dir + "/queries.tsv"}
	if n := os.Getenv("TUYS_EVAL_DISTRACTORS"); n != "" {
		args = append(args, "-distractors", n, "-seed", envOr("TUYS_EVAL_SEED", "7"))
	}
	var out bytes.Buffer
	if code := EvalMain(args, &out); code != 0 {
		t.Fatalf("eval exit %d:\n%s", code, out.String())
	}
	t.Log("\n" + out.String())
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	js := lines[len(lines)-1]
	for _, want := range []struct {
		key string
		min float64
	}{{"recall_at_10", 0.98}, {"recall_at_1", 0.95}, {"review_recall", 0.98}} {
		if v := jsonNum(js, want.key); v < want.min {
			t.Errorf("%s = %v < %v", want.key, v, want.min)
		}
	}
	if v := jsonNum(js, "false_auto"); v != 0 {
		t.Errorf("false_auto = %v", v)
	}
}

func envOr(k, def string) string {
	if v := os.Getenv(k); v != "" {
		return v
	}
	return def
}

func jsonNum(js, key string) float64 {
	i := strings.Index(js, `"`+key+`":`)
	if i < 0 {
		return -1
	}
	rest := js[i+len(key)+3:]
	j := strings.IndexAny(rest, ",}")
	v, _ := strconv.ParseFloat(rest[:j], 64)
	return v
}

func TestEvalHelp(t *testing.T) {
	var out bytes.Buffer
	if code := EvalMain([]string{"-h"}, &out); code != 0 || !strings.Contains(out.String(), "-distractors") {
		t.Errorf("eval -h: code %d\n%s", code, out.String())
	}
}
