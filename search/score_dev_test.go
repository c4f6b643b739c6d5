package search

import (
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"

	"tuys/data"
)

// TestScoreDevBrute scores every dev query against every corpus person
// (no index): the re-ranker's ceiling on the dev set.
func TestScoreDevBrute(t *testing.T) {
	corpus := readTSVTest(t, "testdata/eval/dev/corpus.tsv")
	queries := readTSVTest(t, "testdata/eval/dev/queries.tsv")
	var ps []*Person
	for _, r := range corpus {
		y, _ := strconv.Atoi(r[2])
		ps = append(ps, PersonFromReport(&data.Report{ID: r[0], FullName: r[1], BirthYear: y, City: r[3], Sex: r[4]}))
	}
	th := DefaultThresholds
	var pos, r1, auto, review, falseAuto int
	for _, q := range queries {
		y, _ := strconv.Atoi(q[2])
		qp := PersonFromReport(&data.Report{FullName: q[1], BirthYear: y, City: q[3], Sex: q[4]})
		type sc struct {
			id string
			s  float64
			rs []Reason
		}
		var all []sc
		for _, p := range ps {
			s, rs := scoreOf(qp, p)
			all = append(all, sc{p.ID, s, rs})
		}
		sort.Slice(all, func(i, j int) bool { return all[i].s > all[j].s })
		isAuto := all[0].s >= th.Auto && all[1].s < all[0].s-th.Margin
		exp := q[5]
		if exp != "-" {
			pos++
			if all[0].id == exp {
				r1++
				if isAuto {
					auto++
				}
			}
		}
		for _, a := range all {
			if a.id == exp && a.s >= th.Review {
				review++
			}
		}
		if isAuto && all[0].id != exp {
			falseAuto++
		}
		if exp == "-" && all[0].s >= th.Review || exp != "-" && (all[0].id != exp || !isAuto) {
			var why []string
			for _, r := range all[0].rs {
				why = append(why, r.Text)
			}
			t.Logf("%s %-32s exp %s got %s %.2f (2nd %.2f) auto=%v | %s", q[0], q[1], exp, all[0].id, all[0].s, all[1].s, isAuto, strings.Join(why, "; "))
		}
	}
	t.Logf("positives %d r@1 %d auto %d review %d falseAuto %d", pos, r1, auto, review, falseAuto)
	// The re-ranker alone, every corpus person a candidate: the thresholds
	// the service promises on the dev set (../shared/eval/README.md).
	if pos == 0 || falseAuto != 0 || float64(r1)/float64(pos) < 0.98 || float64(review)/float64(pos) < 0.99 {
		t.Errorf("re-ranker on the dev set: %d positives, recall@1 %d, review %d, false auto %d", pos, r1, review, falseAuto)
	}
}

func readTSVTest(t *testing.T, path string) [][]string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var rows [][]string
	for i, line := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if i == 0 {
			continue
		}
		rows = append(rows, strings.Split(line, "\t"))
	}
	return rows
}
