package search

import (
	"encoding/binary"
	"hash/maphash"
)

// simMemo holds one query's comparisons of two name words, by the words'
// contents (namePart.fp): a query's candidates share their words (one
// given name in a few spellings, namesakes' surnames), and comparing two
// words was nine tenths of scoring a candidate's names (side by side at
// 1M). It belongs to one goroutine: a query is scored on one.
type simMemo struct {
	token, family map[[2]uint64]simResult
}

type simResult struct {
	sim   float64
	how   string
	clash bool
}

func newSimMemo() *simMemo {
	return &simMemo{token: map[[2]uint64]simResult{}, family: map[[2]uint64]simResult{}}
}

// tokenSim is the package's tokenSim, remembered; a nil memo or a word
// without a fingerprint compares anew.
func (m *simMemo) tokenSim(a, b namePart) (float64, string) {
	if m == nil || a.fp == 0 || b.fp == 0 {
		return tokenSim(a, b)
	}
	k := [2]uint64{a.fp, b.fp}
	r, ok := m.token[k]
	if !ok {
		r.sim, r.how = tokenSim(a, b)
		m.token[k] = r
	}
	return r.sim, r.how
}

// familySim is the package's familySim, remembered as tokenSim is.
func (m *simMemo) familySim(a, b namePart) (float64, string, bool) {
	if m == nil || a.fp == 0 || b.fp == 0 {
		return familySim(a, b)
	}
	k := [2]uint64{a.fp, b.fp}
	r, ok := m.family[k]
	if !ok {
		r.sim, r.how, r.clash = familySim(a, b)
		m.family[k] = r
	}
	return r.sim, r.how, r.clash
}

// fingerprintParts sets the fingerprint of each of p's name words, once
// they are complete.
func (p *Person) fingerprintParts() {
	for _, part := range []*namePart{&p.given, &p.family, &p.patronymic, &p.givenSplit} {
		part.fp = part.fingerprint()
	}
	for i := range p.others {
		p.others[i].fp = p.others[i].fingerprint()
	}
}

// fpSeed is the fingerprints' seed, one per process: they are compared
// within a process only.
var fpSeed = maphash.MakeSeed()

// fingerprint hashes every field of p that a comparison reads (letters
// and the silent h are worked out from the text), so two words with one
// fingerprint compare the same to any other (two different words share
// one by a chance of 1 in 2^64, and only within one query). Never 0,
// which means "none".
func (p *namePart) fingerprint() uint64 {
	var h maphash.Hash
	h.SetSeed(fpSeed)
	str := func(s string) {
		var n [binary.MaxVarintLen64]byte
		h.Write(n[:binary.PutUvarint(n[:], uint64(len(s)))])
		h.WriteString(s)
	}
	list := func(ss []string) {
		str(string(rune(len(ss))))
		for _, s := range ss {
			str(s)
		}
	}
	str(p.text)
	str(p.given.canon)
	str(p.given.sex)
	var flags byte
	if p.isGiven {
		flags |= 1
	}
	if p.unisex {
		flags |= 2
	}
	h.WriteByte(flags)
	for _, l := range [][]string{p.keys, p.prefixes, p.kr, p.short, p.halves, p.current} {
		list(l)
	}
	str(string(rune(len(p.alts))))
	for _, a := range p.alts {
		list(a)
	}
	return h.Sum64() | 1
}
