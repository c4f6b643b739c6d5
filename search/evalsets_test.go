package search

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Eval sets of our own, so that the thresholds are not tuned to the 40
// dev names: (1) synthetic people re-written in another spelling, with
// the noise real reports have, and the hard negatives that matter
// (sibling, parent, namesake with another given name); (2) people built
// from the real spelling pairs of wikidata-ru.tsv.

// writeEvalSet writes corpus.tsv and queries.tsv into dir.
func writeEvalSet(t *testing.T, dir string, corpus, queries []string) (string, string) {
	t.Helper()
	c, q := filepath.Join(dir, "corpus.tsv"), filepath.Join(dir, "queries.tsv")
	if err := os.WriteFile(c, []byte("id\tname\tbirth_year\tcity\tsex\n"+strings.Join(corpus, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(q, []byte("qid\tname\tbirth_year\tcity\tsex\texpected\n"+strings.Join(queries, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return c, q
}

func row(id, name string, year int, city, sex string, rest ...string) string {
	y := ""
	if year > 0 {
		y = fmt.Sprint(year)
	}
	return strings.Join(append([]string{id, name, y, city, sex}, rest...), "\t")
}

func TestEvalSynthetic(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short")
	}
	syn := NewSynth(2024)
	rng := rand.New(rand.NewPCG(5, 6))
	var corpus, queries []string
	sexOf := func(p SynthPerson) string {
		if p.Female {
			return "F"
		}
		return "M"
	}
	for i := 0; i < 150; i++ {
		p := syn.Person()
		if p.Year == 0 {
			p.Year = 1950 + rng.IntN(60)
		}
		id := fmt.Sprintf("c%03d", i)
		cs := rng.IntN(10)
		cr := p.Render(cs, rng.IntN(3) == 0, true)
		corpus = append(corpus, row(id, cr.FullName, cr.BirthYear, cr.City, sexOf(p)))

		// The same person as a seeker writes them: another spelling, maybe
		// the other order, a year off by one, no patronymic, another name of
		// the city.
		q := p
		if rng.IntN(5) == 0 {
			q.Year += []int{-1, 1}[rng.IntN(2)]
		}
		if rng.IntN(3) == 0 {
			q.Patronymic = ""
		}
		if rng.IntN(4) == 0 {
			q.City = ""
		} else if q.City != "" {
			q.City = otherCityName(q.City, rng)
		}
		if r := []rune(q.Family); len(r) >= 7 && rng.IntN(7) == 0 {
			// a typo: one letter dropped or doubled in a long surname
			k := 2 + rng.IntN(len(r)-4)
			if rng.IntN(2) == 0 {
				q.Family = string(append(append([]rune{}, r[:k]...), r[k+1:]...))
			} else {
				q.Family = string(append(append(append([]rune{}, r[:k+1]...), r[k]), r[k+1:]...))
			}
		}
		qs := (cs + 1 + rng.IntN(9)) % 10
		qr := q.Render(qs, rng.IntN(2) == 0, false)
		queries = append(queries, row(fmt.Sprintf("q%03d", i), qr.FullName, qr.BirthYear, qr.City, "", id))

		// Hard negatives for one person in three.
		switch i % 6 {
		case 0: // sibling: other sex, another given name
			n := p
			n.Female = !p.Female
			n.Family = otherGender(p.Family, n.Female)
			n.Given = syn.Person().Given
			for n.Given == p.Given {
				n.Given = syn.Person().Given
			}
			n.Year = p.Year + 3
			nr := n.Render(qs, false, false)
			queries = append(queries, row(fmt.Sprintf("n%03d", i), nr.FullName, nr.BirthYear, nr.City, "", "-"))
		case 2: // parent with the same name
			n := p
			n.Year = p.Year - 27
			nr := n.Render(qs, false, false)
			queries = append(queries, row(fmt.Sprintf("n%03d", i), nr.FullName, nr.BirthYear, nr.City, "", "-"))
		case 4: // namesake: same family, another given name of the same sex
			n := p
			for n.Given == p.Given || nameKey(n.Given) == nameKey(p.Given) {
				o := syn.Person()
				if o.Female == p.Female {
					n.Given = o.Given
				}
			}
			nr := n.Render(qs, false, false)
			queries = append(queries, row(fmt.Sprintf("n%03d", i), nr.FullName, nr.BirthYear, nr.City, "", "-"))
		}
	}
	c, q := writeEvalSet(t, t.TempDir(), corpus, queries)
	res, err := RunEval(context.Background(), EvalConfig{Corpus: c, Queries: q, Distractors: 5000, Seed: 99, Out: testWriter{t}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("synthetic set: %+v", *res)
	if res.RecallAt10 < 0.95 || res.FalseAuto > 1 || res.ReviewRecall < 0.93 {
		t.Errorf("synthetic set below bar: %+v", *res)
	}
}

// TestEvalWikidata builds people from the real Cyrillic/Latin spelling
// pairs: the corpus in Cyrillic, the query in the Latin the same people
// chose for themselves.
func TestEvalWikidata(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping in -short")
	}
	f, err := os.Open(wikidataPath)
	if err != nil {
		t.Skipf("skipping: %v", err)
	}
	defer f.Close()
	var sur, giv [][2]string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		col := strings.Split(sc.Text(), "\t")
		if len(col) < 4 || col[0] == "cyrillic" {
			continue
		}
		pair := [2]string{col[0], col[1]}
		if col[3] == "surname" {
			sur = append(sur, pair)
		} else {
			giv = append(giv, pair)
		}
	}
	rng := rand.New(rand.NewPCG(11, 12))
	var corpus, queries []string
	for i := 0; i < 200; i++ {
		s, g := sur[rng.IntN(len(sur))], giv[rng.IntN(len(giv))]
		year := 1940 + rng.IntN(70)
		id := fmt.Sprintf("c%03d", i)
		corpus = append(corpus, row(id, title(s[0])+" "+title(g[0]), year, "", ""))
		queries = append(queries, row(fmt.Sprintf("q%03d", i), title(g[1])+" "+title(s[1]), year, "", "", id))
	}
	c, q := writeEvalSet(t, t.TempDir(), corpus, queries)
	res, err := RunEval(context.Background(), EvalConfig{Corpus: c, Queries: q, Distractors: 2000, Seed: 3, Out: testWriter{t}})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("wikidata people: %+v", *res)
	if res.RecallAt10 < 0.9 {
		t.Errorf("wikidata people below bar: %+v", *res)
	}
}

func title(s string) string {
	r := []rune(s)
	if len(r) == 0 {
		return s
	}
	return strings.ToUpper(string(r[:1])) + string(r[1:])
}

// otherCityName returns another name of the same place (language or
// historic), or the name itself when the place has one name.
func otherCityName(name string, rng *rand.Rand) string {
	for _, p := range places {
		all := append([]string{p.kk, p.ru, p.en}, p.other...)
		for _, n := range all {
			if n == name {
				return all[rng.IntN(len(all))]
			}
		}
	}
	return name
}

// otherGender turns a Cyrillic surname into the other sex's form.
func otherGender(fam string, female bool) string {
	if female {
		return feminine(fam)
	}
	switch {
	case strings.HasSuffix(fam, "қызы"):
		return strings.TrimSuffix(fam, "қызы") + "ұлы"
	case strings.HasSuffix(fam, "ая"):
		return strings.TrimSuffix(fam, "ая") + "ий"
	case strings.HasSuffix(fam, "ова"), strings.HasSuffix(fam, "ева"), strings.HasSuffix(fam, "ина"):
		return strings.TrimSuffix(fam, "а")
	}
	return fam
}

// testWriter sends the eval table to the test log.
type testWriter struct{ t *testing.T }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Log(strings.TrimRight(string(p), "\n"))
	return len(p), nil
}
