package search

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"tuys/data"
)

// TestBlockedWalkScoresLikeOneWordAtATime: lists that span several blocks
// (blockDocs) score each report as walking each word's lists whole would:
// per word, the best level among the lists that hold it, once; reports
// gone since they were listed are left out. The reference is computed
// directly, report by report.
func TestBlockedWalkScoresLikeOneWordAtATime(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const docs = 3*blockDocs + 777
	for round := range 20 {
		p := newPostings()
		p.ids = make([]string, docs)
		for d := range p.ids {
			if rng.IntN(50) > 0 { // one in fifty has left
				p.ids[d] = fmt.Sprintf("r%d", d)
			}
		}
		syncGone(p)
		key := 0
		list := func(density int) string { // a new key's ascending list
			key++
			k := fmt.Sprintf("k%d", key)
			var l []uint32
			for d := uint32(rng.IntN(density)); d < docs; d += uint32(1 + rng.IntN(density)) {
				l = append(l, d)
			}
			p.lists[listKey(namesField(data.KindSafe), k)] = l
			p.lists[listKey(phonField(data.KindSafe), k)] = l
			return k
		}
		var groups []wordGroup
		for w := range 1 + rng.IntN(4) {
			g := wordGroup{boost: wordBoost(w)}
			for range 1 + rng.IntN(3) {
				g.exact = append(g.exact, list(2000))
			}
			for range rng.IntN(4) {
				g.edits = append(g.edits, list(500))
			}
			for range rng.IntN(3) {
				g.phonetic = append(g.phonetic, list(300))
			}
			groups = append(groups, g)
		}
		limit := 1 + rng.IntN(30)
		got := p.top([]data.Kind{data.KindSafe}, [][]wordGroup{groups}, nil, limit)
		want := referenceTop(p, groups, limit)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d: %d hits %v,\nwant %d %v", round, len(got), got, len(want), want)
		}
	}
}

// referenceTop scores every report word by word, straight from the lists.
func referenceTop(p *postings, groups []wordGroup, limit int) []hit {
	score := make([]float32, len(p.ids))
	words := make([]int, len(p.ids))
	for _, g := range groups {
		best := map[uint32]float32{}
		for _, lv := range []struct {
			field string
			keys  []string
			level float32
		}{{namesField(data.KindSafe), g.exact, levelExact}, {namesField(data.KindSafe), g.edits, levelFuzzy}, {phonField(data.KindSafe), g.phonetic, levelPhonetic}} {
			for _, k := range lv.keys {
				for _, d := range p.lists[listKey(lv.field, k)] {
					best[d] = max(best[d], lv.level*float32(g.boost))
				}
			}
		}
		for d, s := range best {
			score[d] += s
			words[d]++
		}
	}
	var all []hit
	for d, id := range p.ids {
		if id != "" && words[d] > 0 {
			st := docState{score: score[d], words: uint8(words[d])}
			all = append(all, hit{doc: uint32(d), id: id, score: st.rank(float64(len(groups)))})
		}
	}
	slices.SortFunc(all, func(a, b hit) int {
		if better(a, b) {
			return -1
		}
		return 1
	})
	all = all[:min(len(all), max(limit*tieDepth, limit+1))]
	return all[:tieCut(all, limit)]
}
