package search

import (
	"context"
	"fmt"
	"time"

	"tuys/data"
)

// The reports of one client network (data.Report.FilerTag: a keyed hash of
// its /24, or IPv6 /48) take part in at most networkAutoLimit automatic
// matches within networkWindow; past that a volunteer decides. An
// attacker's trial (2026-12-07) filed pairs of matching reports, each with
// numbers of its choosing, and spent the hour's SMS budget on strangers'
// numbers while a family's SMS waited. A family's network sees one or two
// matches a day. Counting volume, not "both sides from one network",
// keeps a family that shares a carrier's addresses with its relative
// automatic, and tells a filer nothing of where another report came from.
const (
	networkAutoLimit = 3
	networkWindow    = 24 * time.Hour
)

// batchKnown is what a batch's earlier automatic matches did, which the
// store does not hold yet: the parties they told (toldBefore) and how
// many each network took part in (busyNetwork).
type batchKnown struct {
	told     map[string]bool
	networks map[string]int // by FilerTag
}

func newBatchKnown() *batchKnown {
	return &batchKnown{told: map[string]bool{}, networks: map[string]int{}}
}

// busyNetwork reports whether seek's or safe's network already took part
// in networkAutoLimit automatic matches, the store's and this batch's
// (known, which it extends when the match may still be automatic).
func (e *Engine) busyNetwork(ctx context.Context, seek, safe *data.Report, known *batchKnown) (bool, error) {
	tags := uniqueTags(seek.FilerTag, safe.FilerTag)
	for _, tag := range tags {
		n, err := e.store.AutoMatchesOfNetwork(ctx, tag, time.Now().Add(-networkWindow))
		if err != nil {
			return false, fmt.Errorf("match %s/%s: %w", seek.ID, safe.ID, err)
		}
		if n+known.networks[tag] >= networkAutoLimit {
			return true, nil
		}
	}
	for _, tag := range tags {
		known.networks[tag]++
	}
	return false, nil
}

func uniqueTags(a, b string) []string {
	switch {
	case a == "" && b == "":
		return nil
	case a == "" || a == b:
		return []string{b}
	case b == "":
		return []string{a}
	}
	return []string{a, b}
}
