package search

import (
	"bufio"
	"os"
	"reflect"
	"strings"
	"testing"

	"tuys/data"
)

// The memo of word comparisons changes no score: every pair of people of
// the near-names corpus (namesakes, siblings, one-letter strangers,
// initials, double and bracketed surnames) and of synthetic spellings,
// scored together as a query's candidates are, gets the name match it
// gets alone.
func TestSimMemoChangesNoScore(t *testing.T) {
	people := nearNamesPeople(t)
	// One word, other keys by what stands beside it: Rosa after a
	// German-written surname reads Роза (germanGivenKeys), after another
	// it does not; a surname's halves and its part outside brackets.
	for _, name := range []string{"Jusupowa Rosa", "Smith Rosa", "Роза Юсупова", "Rosa Schapiro", "Роса Смит",
		"Ахметова-Жумабаева Айгуль", "Ахметова Айгуль", "Пак (Цой) Ирина", "Пак Ирина", "Цой Ирина"} {
		people = append(people, PersonFromReport(&data.Report{FullName: name}))
	}
	for _, r := range NewSynth(3).Reports(120) {
		people = append(people, PersonFromReport(r))
	}
	cands := make([]candidate, len(people))
	for i, p := range people {
		cands[i] = candidate{person: p}
	}
	for _, q := range people {
		got := namesOf(q, cands)
		if q.memo != nil {
			t.Fatal("namesOf left its memo on the query")
		}
		for i, c := range people {
			if want := scoreNames(q, c); !reflect.DeepEqual(got[i], want) {
				t.Fatalf("%q against %q: %+v with the memo, %+v without", q.Name.Full, c.Name.Full, got[i], want)
			}
		}
	}
}

// nearNamesPeople reads the near-names corpus as people.
func nearNamesPeople(t *testing.T) []*Person {
	f, err := os.Open("testdata/nearnames/corpus.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []*Person
	sc := bufio.NewScanner(f)
	sc.Scan() // the header
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		if len(cols) < 5 {
			continue
		}
		out = append(out, PersonFromReport(&data.Report{ID: cols[0], FullName: cols[1], City: cols[3], Sex: cols[4]}))
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// Two words written alike in different roles (a given name, a surname)
// or with different keys get different fingerprints; the same word built
// twice gets one.
func TestFingerprintTellsWordsApart(t *testing.T) {
	a := PersonFromReport(&data.Report{FullName: "Жумабаев Ерлан"})
	b := PersonFromReport(&data.Report{FullName: "Жумабаев Ерлан"})
	c := PersonFromReport(&data.Report{FullName: "Zhumabayev Yerlan"})
	if a.family.fp == 0 || a.family.fp != b.family.fp || a.given.fp != b.given.fp {
		t.Errorf("the same name built twice: %x %x, %x %x", a.family.fp, b.family.fp, a.given.fp, b.given.fp)
	}
	if a.family.fp == c.family.fp || a.given.fp == a.family.fp {
		t.Errorf("different words share a fingerprint: %x %x %x", a.family.fp, c.family.fp, a.given.fp)
	}
}
