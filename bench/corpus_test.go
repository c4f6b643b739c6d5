package bench

import (
	"math/rand/v2"
	"strings"
	"unicode"

	"tuys/data"
	"tuys/search"
)

// Query types, in the order the report prints them.
const (
	typeCross    = "cross-script"
	typeTypo     = "typo-inner"
	typeTypo1st  = "typo-first-letter"
	typeReorder  = "reordered"
	typeNoPatr   = "patronymic-dropped"
	typeExact    = "exact"
	cyrillicEnd  = 4 // Render styles 0-3 write Cyrillic, 4-9 Latin
	targetCopies = 3 // one target in targetCopies is also reported in a second spelling
)

var queryTypes = []string{typeCross, typeTypo, typeTypo1st, typeReorder, typeNoPatr, typeExact}

// crossStyles are the conventions a cross-script query is written in:
// for a record stored in Cyrillic, passport, informal, Kazakh 2021 and
// German Latin; for one stored in Latin, Kazakh and Russian-keyboard
// Cyrillic.
var crossStyles = map[bool][]int{true: {4, 7, 8, 9}, false: {0, 3}}

// record is one synthetic report with the person it describes: any
// record of the same person (any spelling) answers a query about them.
type record struct {
	report *data.Report
	person int // index into corpus.people
}

// query is one search with the person it looks for.
type query struct {
	kind   string
	text   string
	person int
	exact  string // for typeExact: the record's own full name
}

type corpus struct {
	people  []search.SynthPerson
	records []record
	queries []query
}

// newCorpus builds n records: targets people with one or two records each
// (a second spelling for one in targetCopies), then synthetic filler, and
// one query of each type per target. The same seed gives the same corpus.
func newCorpus(n, targets int, seed uint64) *corpus {
	syn := search.NewSynth(seed)
	rng := rand.New(rand.NewPCG(seed, seed+1))
	c := &corpus{}
	for t := 0; t < targets; t++ {
		p := syn.Person()
		if t%2 == 0 { // half the targets have a patronymic to drop
			for p.Patronymic == "" {
				p = syn.Person()
			}
		}
		c.people = append(c.people, p)
		style, givenFirst := rng.IntN(10), rng.IntN(3) == 0
		r := c.add(t, style, givenFirst, rng)
		if rng.IntN(targetCopies) == 0 {
			other := crossStyles[style < cyrillicEnd]
			c.add(t, other[rng.IntN(len(other))], rng.IntN(3) == 0, rng)
		}
		c.queries = append(c.queries, c.targetQueries(t, r.FullName, style, givenFirst, rng)...)
	}
	for len(c.records) < n {
		c.people = append(c.people, syn.Person())
		c.add(len(c.people)-1, rng.IntN(10), rng.IntN(3) == 0, rng)
	}
	return c
}

// personOf maps each report id to the person it describes.
func (c *corpus) personOf() map[string]int {
	person := make(map[string]int, len(c.records))
	for _, r := range c.records {
		person[r.report.ID] = r.person
	}
	return person
}

func (c *corpus) add(person, style int, givenFirst bool, rng *rand.Rand) *data.Report {
	r := c.people[person].Render(style, givenFirst, rng.IntN(3) > 0)
	c.records = append(c.records, record{report: r, person: person})
	return r
}

// targetQueries writes one query of each type about person t, whose first
// record reads stored in the given style and order.
func (c *corpus) targetQueries(t int, stored string, style int, givenFirst bool, rng *rand.Rand) []query {
	p := c.people[t]
	cross := crossStyles[style < cyrillicEnd]
	qs := []query{
		{kind: typeCross, text: p.Render(cross[rng.IntN(len(cross))], givenFirst, false).FullName},
		{kind: typeTypo, text: oneEdit(stored, false, rng)},
		{kind: typeTypo1st, text: oneEdit(stored, true, rng)},
		{kind: typeReorder, text: swapFirstTwo(stored)},
		{kind: typeExact, text: stored, exact: stored},
	}
	if p.Patronymic != "" {
		p.Patronymic = ""
		qs = append(qs, query{kind: typeNoPatr, text: p.Render(style, givenFirst, false).FullName})
	}
	for i := range qs {
		qs[i].person = t
	}
	return qs
}

func swapFirstTwo(name string) string {
	f := strings.Fields(name)
	if len(f) >= 2 {
		f[0], f[1] = f[1], f[0]
	}
	return strings.Join(f, " ")
}

const (
	cyrLetters = "абвгдеёжзийклмнопрстуфхцчшщыэюяәғқңөұүі"
	latLetters = "abcdefghijklmnopqrstuvwxyz"
)

// oneEdit makes one edit (substitution, deletion or insertion of a letter
// of the same script) in one name of at least three letters: at its first
// letter when first, else anywhere after it.
func oneEdit(name string, first bool, rng *rand.Rand) string {
	words := strings.Fields(name)
	var long []int
	for i, w := range words {
		if len([]rune(w)) >= 3 {
			long = append(long, i)
		}
	}
	if len(long) == 0 {
		return name
	}
	wi := long[rng.IntN(len(long))]
	w := []rune(words[wi])
	pos := 0
	if !first {
		pos = 1 + rng.IntN(len(w)-1)
	}
	alphabet := []rune(latLetters)
	if unicode.Is(unicode.Cyrillic, w[pos]) {
		alphabet = []rune(cyrLetters)
	}
	letter := alphabet[rng.IntN(len(alphabet))]
	for unicode.ToLower(w[pos]) == letter {
		letter = alphabet[rng.IntN(len(alphabet))]
	}
	if unicode.IsUpper(w[pos]) {
		letter = unicode.ToUpper(letter)
	}
	switch rng.IntN(3) {
	case 0:
		w[pos] = letter
	case 1:
		if pos == 0 && unicode.IsUpper(w[0]) {
			w[1] = unicode.ToUpper(w[1])
		}
		w = append(w[:pos], w[pos+1:]...)
	default:
		if pos == 0 && unicode.IsUpper(w[0]) && unicode.IsLower(w[1]) {
			w[0] = unicode.ToLower(w[0]) // Ыкова: the new letter is the capital
		}
		w = append(w[:pos], append([]rune{letter}, w[pos:]...)...)
	}
	words[wi] = string(w)
	return strings.Join(words, " ")
}
