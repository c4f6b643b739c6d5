package search

import (
	"cmp"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/blevesearch/bleve/v2"

	"tuys/data"
)

// loadPostings fills the in-memory keys from the stored copies of every
// shard: a node that starts holds the same keys as the one that stopped.
func (ix *Index) loadPostings() error {
	start := time.Now()
	per := make([][]postingOp, len(ix.shards))
	err := ix.eachShard(func(i int, bi bleve.Index) error {
		ops, err := activeOps(bi)
		per[i] = ops
		return err
	})
	if err != nil {
		return fmt.Errorf("load name keys: %w", err)
	}
	// In the log's order (first seen), as a node that followed the log
	// numbered them: ties between namesakes go the same way on every node.
	all := slices.Concat(per...)
	per = nil
	slices.SortFunc(all, func(a, b postingOp) int { return cmp.Compare(a.seq, b.seq) })
	ix.keys.apply(all)
	ix.keys.trim()
	if n := ix.keys.size(); n > 0 {
		slog.Info("search: name keys loaded", "reports", n, "took", time.Since(start).Round(time.Millisecond))
	}
	return nil
}

// activeOps lists the active reports of one shard, read from their stored
// copies, as changes that add them.
func activeOps(bi bleve.Index) ([]postingOp, error) {
	adv, err := bi.Advanced()
	if err != nil {
		return nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, err
	}
	defer r.Close()
	all, err := r.DocIDReaderAll()
	if err != nil {
		return nil, err
	}
	defer all.Close()
	var ops []postingOp
	for {
		iid, err := all.Next()
		if err != nil {
			return nil, err
		}
		if iid == nil {
			return ops, nil
		}
		id, err := r.ExternalID(iid)
		if err != nil {
			return nil, err
		}
		doc, err := r.Document(id)
		if err != nil || doc == nil {
			return nil, fmt.Errorf("stored copy of %s: %w", id, err)
		}
		if s, ok := decodeStored(doc); ok && s.Status == data.StatusActive {
			ops = append(ops, postingOp{id: s.ID, kind: data.Kind(s.Kind), names: activeNames(s.report()), seq: s.Seq})
		}
	}
}
