package data

import (
	"hash/maphash"
	"sync"
)

// cleanTexts remembers the short texts HideContacts found nothing to hide
// in: names and places recur across search answers (namesakes, one city),
// and hiding was 6% of a search's CPU at a million reports, each name
// passing a dozen patterns to come out unchanged. It keeps a keyed
// 128-bit hash of each text, never the text: no name can be read back
// from it, and a report's removal leaves nothing readable here. The
// seeds are random per process, so nobody can write a text whose hash
// matches a clean one; a false match by chance is 1 in 2^128 per pair.
type cleanTexts struct {
	seeds    [2]maphash.Seed
	mu       sync.RWMutex
	cur, old map[[2]uint64]struct{} // two generations: when cur is full, it becomes old
}

// Bounds of what is remembered: texts up to cleanTextMaxLen bytes (names,
// places, explanation lines; descriptions are longer and rarely repeat),
// and up to cleanTextsPerGen hashes a generation (about 2 MB in all).
const (
	cleanTextMaxLen  = 160
	cleanTextsPerGen = 1 << 15
)

var clean = newCleanTexts()

func newCleanTexts() *cleanTexts {
	return &cleanTexts{seeds: [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}, cur: map[[2]uint64]struct{}{}}
}

func (c *cleanTexts) key(s string) [2]uint64 {
	return [2]uint64{maphash.String(c.seeds[0], s), maphash.String(c.seeds[1], s)}
}

// through is hide(s), skipped for a text hide left as it was before (and
// remembered when it does so now).
func (c *cleanTexts) through(s string, hide func(string) string) string {
	if c.has(s) {
		return s
	}
	out := hide(s)
	if out == s {
		c.add(s)
	}
	return out
}

// has reports whether s was found clean before.
func (c *cleanTexts) has(s string) bool {
	if len(s) > cleanTextMaxLen {
		return false
	}
	k := c.key(s)
	c.mu.RLock()
	defer c.mu.RUnlock()
	_, ok := c.cur[k]
	if !ok {
		_, ok = c.old[k]
	}
	return ok
}

// add remembers that s is clean.
func (c *cleanTexts) add(s string) {
	if len(s) > cleanTextMaxLen {
		return
	}
	k := c.key(s)
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.cur) >= cleanTextsPerGen {
		c.old, c.cur = c.cur, make(map[[2]uint64]struct{}, cleanTextsPerGen)
	}
	c.cur[k] = struct{}{}
}
