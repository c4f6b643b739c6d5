package search

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// CompactEvery bounds how often removals rewrite the index. A deleted
// report's stored copy (its name) stays in Bleve's segment files until a
// merge rewrites them; compaction merges each shard that had deletions
// into one segment, so a deleted name leaves the disk within this time.
// Rewriting a shard costs seconds at a million reports, hence the bound.
const CompactEvery = 10 * time.Minute

// compactor remembers which shards had deletions since their last merge.
type compactor struct {
	mu      sync.Mutex
	pending map[int]bool
	last    time.Time
}

func (c *compactor) deleted(shard int) {
	c.mu.Lock()
	if c.pending == nil {
		c.pending = map[int]bool{}
	}
	c.pending[shard] = true
	c.mu.Unlock()
}

// due takes the shards to compact now, if any and if the last compaction
// is at least every ago.
func (c *compactor) due(every time.Duration) []int {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.pending) == 0 || time.Since(c.last) < every {
		return nil
	}
	var out []int
	for i := range c.pending {
		out = append(out, i)
	}
	c.pending, c.last = nil, time.Now()
	return out
}

// CompactIfDue merges the shards that had deletions into one segment each,
// at most once per every; it returns how many shards it rewrote.
func (ix *Index) CompactIfDue(ctx context.Context, every time.Duration) (int, error) {
	shards := ix.removals.due(every)
	for _, i := range shards {
		if err := compactShard(ctx, ix.shards[i], filepath.Join(shardDir(ix.dir, i), "store")); err != nil {
			ix.removals.deleted(i) // try again next time
			return 0, fmt.Errorf("compact shard %d: %w", i, err)
		}
	}
	return len(shards), nil
}

// compactShard rewrites one shard without its deleted documents. Bleve's
// planner leaves a lone segment alone whatever it holds, so a placeholder
// document first gives it a second segment to merge with; the placeholder
// (no personal data) is then deleted again. The merge only makes the old
// segment files obsolete: Bleve's persister removes them when it next
// idles, and a node stopped before that would leave a deleted name on
// disk, so compaction is done only when they are gone from store.
func compactShard(ctx context.Context, bi bleve.Index, store string) error {
	const placeholder = "~compact"
	before, err := segmentFiles(store)
	if err != nil {
		return err
	}
	if err := bi.Index(placeholder, map[string]any{}); err != nil {
		return err
	}
	if err := forceMerge(ctx, bi); err != nil {
		return err
	}
	if err := bi.Delete(placeholder); err != nil {
		return err
	}
	return awaitRemoved(ctx, before, oldSegmentsGoneWithin)
}

// oldSegmentsGoneWithin bounds the wait for the persister's clean-up; past
// it the shard stays due and is compacted (and checked) again.
const oldSegmentsGoneWithin = 10 * time.Second

// segmentFiles lists the segment files (*.zap) in a shard's store.
func segmentFiles(store string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(store, "*.zap"))
	if err != nil {
		return nil, fmt.Errorf("segment files: %w", err)
	}
	return files, nil
}

// awaitRemoved waits until none of files exists, or fails after within.
func awaitRemoved(ctx context.Context, files []string, within time.Duration) error {
	deadline := time.Now().Add(within)
	for _, f := range files {
		for {
			if _, err := os.Stat(f); errors.Is(err, fs.ErrNotExist) {
				break
			}
			if time.Now().After(deadline) {
				return fmt.Errorf("merged segment %s still on disk after %s", filepath.Base(f), within)
			}
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(10 * time.Millisecond):
			}
		}
	}
	return nil
}

func forceMerge(ctx context.Context, bi bleve.Index) error {
	sc, err := scorchOf(bi)
	if err != nil {
		return err
	}
	return sc.ForceMerge(ctx, &mergeplan.SingleSegmentMergePlanOptions)
}

// scorchOf is the Scorch engine under a shard: merging and walking term
// dictionaries need it.
func scorchOf(bi bleve.Index) (*scorch.Scorch, error) {
	adv, err := bi.Advanced()
	if err != nil {
		return nil, err
	}
	sc, ok := adv.(*scorch.Scorch)
	if !ok {
		return nil, fmt.Errorf("index type %T", adv)
	}
	return sc, nil
}
