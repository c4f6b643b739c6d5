package search

import (
	"context"
	"strings"
	"testing"
)

// TestNearNames runs the eval on testdata/nearnames: strangers whose real
// surname is one or two letters from the person's, with the same given
// name, year and city, must never be auto-confirmed; the Kazakh and
// Russian forms of one person's name must be found first.
func TestNearNames(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short")
	}
	res, err := RunEval(context.Background(), EvalConfig{Corpus: "testdata/nearnames/corpus.tsv", Queries: "testdata/nearnames/queries.tsv"})
	if err != nil {
		t.Fatal(err)
	}
	neg, pos := res.Categories["near-surname"], res.Categories["kazakh-russian"]
	if neg == nil || pos == nil {
		t.Fatalf("categories missing: %v", res.Categories)
	}
	if neg.Negatives < 200 || neg.FalseAuto != 0 {
		t.Errorf("near-surname negatives: %d, auto-confirmed: %d (want 0)", neg.Negatives, neg.FalseAuto)
	}
	if pos.RecallAt1 < 0.98 || pos.FalseAuto != 0 {
		t.Errorf("Kazakh/Russian forms: recall@1 %.3f (want >= 0.98), false auto %d", pos.RecallAt1, pos.FalseAuto)
	}
}

// conventionMerge writes a Cyrillic name the way the normalizer is allowed
// to merge it with another: Kazakh letters as Russian records write them,
// ё/э as е, no hard or soft sign, дж as ж, тш as ч (Latin tsh), тц as ц,
// й/ы as и, ия/иа/ья as я, ие/ио as е (Latin ie, io), no doubled letters.
func conventionMerge(s string) string {
	for _, r := range []*strings.Replacer{
		strings.NewReplacer("ә", "а", "ғ", "г", "қ", "к", "ң", "н", "ө", "о", "ұ", "у", "ү", "у", "һ", "х", "і", "и",
			"ё", "е", "э", "е", "ъ", "", "ь", "", "щ", "ш"),
		strings.NewReplacer("дж", "ж", "тш", "ч", "тц", "ц", "й", "и", "ы", "и"),
		strings.NewReplacer("ия", "я", "иа", "я", "яа", "я", "ие", "е", "ио", "е"),
	} {
		s = r.Replace(s)
	}
	rs := []rune(s)
	out := rs[:0:0]
	for i, r := range rs {
		if i == 0 || r != rs[i-1] {
			out = append(out, r)
		}
	}
	return string(out)
}

// oneNameByRule reports the pairs of spellings that share a key on purpose:
// the Korean surname groups and the -ұлы/-ов forms of one family.
func oneNameByRule(n string) bool {
	k := nameKey(n)
	return koreanByKey[k] != "" || strings.HasSuffix(k, "uli") || strings.HasSuffix(k, "kizi")
}

// TestNoCollisionOfDistinctNames: two different real names written in
// Cyrillic must not share a key unless a spelling convention really merges
// them (Есжанов and Есханов are two names; Хашимов and Гашимов too).
func TestNoCollisionOfDistinctNames(t *testing.T) {
	var names []string
	for _, line := range strings.Split(surnamesFile, "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			names = append(names, line)
		}
	}
	for _, list := range []string{maleNames, femaleNames} {
		for _, e := range strings.Fields(list) {
			names = append(names, strings.Split(e, "|")...)
		}
	}
	names = append(names, "Есжанов", "Есханов", "Исхаков", "Исжаков", "Хашимов", "Гашимов", "Цанков", "Занков")
	byKey := map[string]string{}
	var bad []string
	for _, n := range names {
		if !writtenInCyrillic(n) {
			continue
		}
		for _, k := range wordKeys(n) {
			other, ok := byKey[k]
			if !ok {
				byKey[k] = n
				continue
			}
			if conventionMerge(strings.ToLower(other)) != conventionMerge(strings.ToLower(n)) && !oneNameByRule(other) && !oneNameByRule(n) {
				bad = append(bad, other+"="+n+" ("+k+")")
			}
		}
	}
	if len(bad) > 0 {
		t.Errorf("%d distinct names collide: %s", len(bad), strings.Join(bad[:min(len(bad), 40)], ", "))
	}
}
