package search

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"tuys/data"
)

// An index left by a version without shards is derived data: OpenIndex
// replaces it with an empty sharded one, which the engine then rebuilds
// from the log.
func TestOpenIndexReplacesOldLayout(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	im, err := indexMapping()
	if err != nil {
		t.Fatal(err)
	}
	old, err := bleve.New(dir, im)
	if err != nil {
		t.Fatal(err)
	}
	if err := old.SetInternal([]byte(lastSeqKey), []byte("42")); err != nil {
		t.Fatal(err)
	}
	old.Close()

	ix, err := OpenIndex(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if seq, err := ix.LastSeq(); err != nil || seq != 0 {
		t.Fatalf("last seq after replacing the old layout: %d, %v; want 0 (rebuild from the log)", seq, err)
	}
	if len(ix.shards) != IndexShards() {
		t.Fatalf("%d shards, want %d", len(ix.shards), IndexShards())
	}
}

// Reports spread over the shards; each is found, counted once, and its
// stored copy is read from the shard that holds it.
func TestShardsHoldEveryReportOnce(t *testing.T) {
	ctx := context.Background()
	ix, err := OpenIndex(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	b := ix.NewBatch()
	ids := []string{"a1", "b2", "c3", "d4", "e5", "f6", "g7", "h8"}
	for i, id := range ids {
		r := report(data.KindSafe, "Seitkali Dana", 1990+i, "", "F")
		r.ID = id
		if err := b.Put(r, int64(i+1)); err != nil {
			t.Fatal(err)
		}
	}
	if err := ix.Commit(ctx, b, 8); err != nil {
		t.Fatal(err)
	}
	used := map[int]bool{}
	for i, id := range ids {
		used[ix.shardOf(id)] = true
		s, ok := ix.document(id)
		if !ok || s.Year != 1990+i || s.Seq != int64(i+1) {
			t.Errorf("%s: stored copy %+v, %v", id, s, ok)
		}
	}
	if len(used) < 2 {
		t.Errorf("all reports landed in one shard: %v", used)
	}
	if n, _ := ix.DocCount(); n != uint64(len(ids)) {
		t.Errorf("doc count %d, want %d", n, len(ids))
	}
	cands, err := ix.retrieve(ctx, PersonFromReport(report(data.KindSeek, "Сейтқали Дана", 0, "", "")), data.KindSafe, 30)
	if err != nil || len(cands) != len(ids) {
		t.Fatalf("retrieved %d of %d across shards: %v", len(cands), len(ids), err)
	}
	// Reopening keeps the layout and the sequence.
	ix.Close()
	ix, err = OpenIndex(ix.dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if seq, _ := ix.LastSeq(); seq != 8 {
		t.Errorf("last seq after reopening: %d", seq)
	}
}

// A node whose matching rules changed rebuilds its index by itself: an
// index built with other rules is emptied at open, the engine is not Ready
// until it has replayed the log, and an index of the current rules is kept.
func TestIndexRebuildsWhenRulesChange(t *testing.T) {
	ctx := context.Background()
	st := openTestStore(t)
	for _, name := range []string{"Есханов Ерлан", "Есжанов Ерлан", "Ахметова Айгерим"} {
		if err := st.CreateReport(ctx, report(data.KindSafe, name, 1985, "Алматы", "")); err != nil {
			t.Fatal(err)
		}
	}
	dir := filepath.Join(t.TempDir(), "index")
	open := func(rules int) *Index {
		t.Helper()
		ix, err := openIndex(dir, rules)
		if err != nil {
			t.Fatal(err)
		}
		return ix
	}
	ix := open(1)
	if err := NewEngine(st, ix, Options{}).CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	before, _ := ix.LastSeq()
	ix.Close()

	ix = open(1)
	if seq, _ := ix.LastSeq(); seq != before || before == 0 {
		t.Fatalf("same rules: last seq %d, want %d kept", seq, before)
	}
	ix.Close()

	ix = open(2)
	defer ix.Close()
	if seq, _ := ix.LastSeq(); seq != 0 {
		t.Fatalf("other rules: last seq %d, want 0 (rebuild from the log)", seq)
	}
	if n, _ := ix.DocCount(); n != 0 {
		t.Fatalf("other rules: %d stale documents kept", n)
	}
	if v, _ := ix.rulesVersion(); v != 2 {
		t.Fatalf("rules version recorded: %d, want 2", v)
	}
	eng := NewEngine(st, ix, Options{})
	if eng.Ready() {
		t.Fatal("engine ready before the rebuild")
	}
	if err := eng.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	if n, _ := ix.DocCount(); !eng.Ready() || n != 3 {
		t.Fatalf("after the rebuild: ready %v, %d documents, want 3", eng.Ready(), n)
	}
	res, err := eng.Search(ctx, Query{Name: "Есханов Ерлан", Kind: data.KindSafe})
	if err != nil || len(res) == 0 || res[0].Report.FullName != "Есханов Ерлан" {
		t.Fatalf("search after the rebuild: %v, %+v", err, res)
	}
}

// TestOpenIndexHeldElsewhereFails: an index another holder has open is an
// error after indexLockWait, not a wait for ever (tuys reindex beside a
// running tuys serve hung silent: a new user's trial, 2026-12-07).
func TestOpenIndexHeldElsewhereFails(t *testing.T) {
	dir := t.TempDir()
	ix, err := OpenIndex(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	defer func(w time.Duration) { indexLockWait = w }(indexLockWait)
	indexLockWait = 200 * time.Millisecond
	done := make(chan error, 1)
	go func() {
		second, err := OpenIndex(dir)
		if err == nil {
			second.Close()
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err == nil {
			t.Fatal("a second holder opened the index")
		}
	case <-time.After(20 * time.Second):
		t.Fatal("opening an index held elsewhere still waits")
	}
}
