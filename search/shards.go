package search

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"

	"tuys/data"
)

// Index is the on-disk Bleve candidate index, split into shards by report
// id. A Bleve query walks its postings and a batch builds its segment on
// one core; with shards, a query and a batch use every core (Bleve's
// alias searches the shards in parallel and merges the hits).
type Index struct {
	dir      string
	shards   []bleve.Index
	all      bleve.IndexAlias
	fuzzy    *fuzzyCache
	docs     *docCache
	keys     *postings  // the name keys of active reports, in memory (postings.go)
	removals *compactor // shards with deletions to merge away (compact.go)
}

// IndexShards is the number of shards a new index gets: one per core, at
// least 2 and at most 8. An existing index keeps the layout it was built
// with.
func IndexShards() int { return min(max(runtime.NumCPU(), 2), 8) }

// OpenIndex opens the index in dir, creating it when absent. An index in
// an older layout is derived data: it is removed and rebuilt from the log.
// An index built with other matching rules (RulesVersion) holds stale
// keys: it is removed the same way, and the engine, not Ready until it has
// caught up, rebuilds it from the log.
func OpenIndex(dir string) (*Index, error) { return openIndex(dir, RulesVersion) }

func openIndex(dir string, rules int) (*Index, error) {
	if _, err := os.Stat(filepath.Join(dir, "index_meta.json")); err == nil {
		slog.Warn("search: index in the single-shard layout of an older version; rebuilding it from the log", "dir", dir)
		if err := os.RemoveAll(dir); err != nil {
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
	}
	ix, err := openShards(dir)
	if err != nil {
		return nil, err
	}
	built, err := ix.rulesVersion()
	if err != nil {
		ix.Close()
		return nil, err
	}
	if built == rules {
		if err := ix.loadPostings(); err != nil {
			ix.Close()
			return nil, err
		}
		return ix, nil
	}
	if built != 0 || ix.hasData() {
		slog.Warn("search: index built with other matching rules; rebuilding it from the log", "dir", dir, "built_with", built, "rules", rules)
		ix.Close()
		if err := os.RemoveAll(dir); err != nil {
			return nil, fmt.Errorf("open index %s: %w", dir, err)
		}
		if ix, err = openShards(dir); err != nil {
			return nil, err
		}
	}
	if err := ix.shards[0].SetInternal([]byte(rulesKey), []byte(strconv.Itoa(rules))); err != nil {
		ix.Close()
		return nil, fmt.Errorf("open index %s: rules version: %w", dir, err)
	}
	return ix, nil
}

// openShards opens (or creates) the shards in dir.
func openShards(dir string) (*Index, error) {
	n := 0
	for ; ; n++ {
		if _, err := os.Stat(shardDir(dir, n)); err != nil {
			break
		}
	}
	if n == 0 {
		n = IndexShards()
	}
	ix := &Index{dir: dir, fuzzy: newFuzzyCache(), docs: newDocCache(), keys: newPostings(), removals: &compactor{}}
	for i := 0; i < n; i++ {
		bi, err := openShard(shardDir(dir, i))
		if err != nil {
			ix.Close()
			return nil, err
		}
		ix.shards = append(ix.shards, bi)
	}
	ix.all = bleve.NewIndexAlias(ix.shards...)
	return ix, nil
}

func shardDir(dir string, i int) string { return filepath.Join(dir, "shard-"+strconv.Itoa(i)) }

// indexLockWait is how long opening an index waits for another process
// to let it go (a node still shutting down).
var indexLockWait = 10 * time.Second

func openShard(dir string) (bleve.Index, error) {
	// Another process holding the index (tuys serve, while tuys reindex
	// starts) made Open wait on its lock for ever, silent (a new user's
	// trial, 2026-12-07): past the timeout it is an error that says so.
	bi, err := bleve.OpenUsing(dir, map[string]interface{}{"bolt_timeout": indexLockWait.String()})
	if errors.Is(err, bleve.ErrorIndexPathDoesNotExist) {
		im, merr := indexMapping()
		if merr != nil {
			return nil, merr
		}
		bi, err = bleve.New(dir, im)
	}
	if err != nil {
		return nil, fmt.Errorf("open index %s: %w", dir, err)
	}
	return bi, nil
}

// shardOf returns the shard that holds report id.
func (ix *Index) shardOf(id string) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	// FNV's low bits are little more than the parity of the bytes; mix
	// the high bits in (murmur3's finalizer) before taking the remainder.
	x := h.Sum32()
	x ^= x >> 16
	x *= 0x85ebca6b
	x ^= x >> 13
	return int(x % uint32(len(ix.shards)))
}

// reset closes the index, deletes it and creates an empty one (reindex).
func (ix *Index) reset() error {
	if err := ix.Close(); err != nil {
		return fmt.Errorf("reset index: close: %w", err)
	}
	if err := os.RemoveAll(ix.dir); err != nil {
		return fmt.Errorf("reset index: %w", err)
	}
	nix, err := OpenIndex(ix.dir)
	if err != nil {
		return err
	}
	*ix = *nix
	return nil
}

// eachShard runs fn on every shard at once and returns the first error.
func (ix *Index) eachShard(fn func(i int, bi bleve.Index) error) error {
	errs := make([]error, len(ix.shards))
	var wg sync.WaitGroup
	for i, bi := range ix.shards {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = fn(i, bi)
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// compact merges each shard's segments after a bulk load (reindex, a big
// catch-up) so that queries search a few large segments instead of many
// small ones.
func (ix *Index) compact(ctx context.Context) error {
	return ix.eachShard(func(_ int, bi bleve.Index) error {
		if err := forceMerge(ctx, bi); err != nil {
			return fmt.Errorf("index compact: %w", err)
		}
		return nil
	})
}

// DocCount returns the number of indexed reports.
func (ix *Index) DocCount() (uint64, error) { return ix.all.DocCount() }

// Close flushes and closes the index.
func (ix *Index) Close() error {
	var errs []error
	for _, bi := range ix.shards {
		errs = append(errs, bi.Close())
	}
	return errors.Join(errs...)
}

// rulesVersion returns the RulesVersion the index was built with (0 when
// it does not say: new, or older than the version record).
func (ix *Index) rulesVersion() (int, error) {
	v, err := ix.shards[0].GetInternal([]byte(rulesKey))
	if err != nil {
		return 0, fmt.Errorf("index rules version: %w", err)
	}
	if len(v) == 0 {
		return 0, nil
	}
	return strconv.Atoi(string(v))
}

// hasData reports whether the index holds any report or event mark.
func (ix *Index) hasData() bool {
	n, err := ix.all.DocCount()
	seq, serr := ix.LastSeq()
	return err != nil || serr != nil || n > 0 || seq > 0
}

// LastSeq returns the last event sequence whose changes the index holds
// (kept in shard 0).
func (ix *Index) LastSeq() (int64, error) {
	v, err := ix.shards[0].GetInternal([]byte(lastSeqKey))
	if err != nil || len(v) == 0 {
		return 0, err
	}
	return strconv.ParseInt(string(v), 10, 64)
}

// Batch collects index changes, one Bleve batch per shard.
type Batch struct {
	ix    *Index
	bs    []*bleve.Batch
	ids   []string           // the documents the batch changes: their cached copies go at Commit
	kinds map[data.Kind]bool // the kinds whose name fields it changes: their fuzzy expansions go
	ops   []postingOp        // the same changes for the in-memory keys, applied after Bleve's
}

// NewBatch starts a batch.
func (ix *Index) NewBatch() *Batch {
	b := &Batch{ix: ix, kinds: map[data.Kind]bool{}}
	for _, bi := range ix.shards {
		b.bs = append(b.bs, bi.NewBatch())
	}
	return b
}

// Put indexes r (first seen at event seq); removed reports are deleted.
func (b *Batch) Put(r *data.Report, seq int64) error {
	if r.Status == data.StatusRemoved {
		b.Delete(r.ID)
		return nil
	}
	if err := b.bs[b.ix.shardOf(r.ID)].Index(r.ID, indexDoc(r, seq)); err != nil {
		return fmt.Errorf("index report %s: %w", r.ID, err)
	}
	b.ids = append(b.ids, r.ID)
	b.kinds[r.Kind] = true
	b.ops = append(b.ops, postingOp{id: r.ID, kind: r.Kind, report: r}) // its names at Commit, on every core
	return nil
}

// Delete removes a report from the index.
func (b *Batch) Delete(id string) {
	i := b.ix.shardOf(id)
	b.bs[i].Delete(id)
	b.ids = append(b.ids, id)
	b.kinds[data.KindSeek], b.kinds[data.KindSafe] = true, true // of either kind: both
	b.ops = append(b.ops, postingOp{id: id})
	b.ix.removals.deleted(i)
}

// Size is the number of changes in the batch.
func (b *Batch) Size() int {
	n := 0
	for _, bb := range b.bs {
		n += bb.Size()
	}
	return n
}

// Commit applies the batch to every shard at once, then records seq as the
// last indexed event: a crash in between replays the events (indexing is
// idempotent), never leaves a sequence without its documents.
func (ix *Index) Commit(ctx context.Context, b *Batch, seq int64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	// A big batch's keys are worked out while Bleve takes it: on a node's
	// start the two kept one core busy each in turn.
	prepared := make(chan struct{})
	if len(b.ops) >= prepareAlone {
		go func() { prepareOps(b.ops); close(prepared) }()
	} else {
		close(prepared) // the lists' apply prepares them
	}
	err := ix.eachShard(func(i int, bi bleve.Index) error {
		if b.bs[i].Size() == 0 {
			return nil
		}
		return bi.Batch(b.bs[i])
	})
	<-prepared
	if b.Size() > 0 {
		grew := b.kinds
		if err == nil {
			grew = ix.keys.apply(b.ops) // a failed batch is replayed, and applied then
		}
		ix.fuzzy.invalidate(grew) // after the keys are applied: see fuzzyCache.terms
		ix.docs.forget(b.ids)
	}
	if err != nil {
		return fmt.Errorf("index batch: %w", err)
	}
	if seq > 0 {
		if err := ix.shards[0].SetInternal([]byte(lastSeqKey), []byte(strconv.FormatInt(seq, 10))); err != nil {
			return fmt.Errorf("index batch: last seq: %w", err)
		}
	}
	return nil
}

// document returns the stored copy of report id, if indexed.
func (ix *Index) document(id string) (stored, bool) {
	if d, ok := ix.stored(id); ok {
		return d.s, true
	}
	return stored{}, false
}

// stored is the stored copy of document id, decoded and parsed, from the
// cache when it holds it.
func (ix *Index) stored(id string) (*cachedDoc, bool) {
	return ix.docs.get(id, func() (stored, bool) { return storedOf(ix.shards[ix.shardOf(id)], id) })
}

// count returns how many documents have the given kind and status.
func (ix *Index) count(ctx context.Context, kind data.Kind, status string) (uint64, error) {
	kq := bleve.NewTermQuery(string(kind))
	kq.SetField("kind")
	sq := bleve.NewTermQuery(status)
	sq.SetField("status")
	res, err := ix.all.SearchInContext(ctx, bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(kq, sq), 0, 0, false))
	if err != nil {
		return 0, fmt.Errorf("index count: %w", err)
	}
	return res.Total, nil
}
