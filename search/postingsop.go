package search

import (
	"runtime"
	"sync"

	"tuys/data"
)

// postingOp is one change of a batch, applied after Bleve took the batch.
type postingOp struct {
	id     string
	kind   data.Kind
	report *data.Report // the report added; its names are worked out by prepare (nil: names is set, or a removal)
	names  string       // "" for a removal or a report that is no longer active
	seq    int64        // when the report was first seen (orders a start's load)

	prepared bool
	keys     []string // the names field's keys, the first len(keys) of lists
	lists    []string // every list the report goes into: names keys, phonetic codes, written forms
}

// prepare works out everything adding the report takes but the lists
// themselves: hiding what its names may not show, their keys and the list
// keys. A node's start spent a third of its CPU here, on one core, inside
// the lists' lock (a profile of 300,000 reports, 2026-12-07).
func (op *postingOp) prepare() {
	if op.prepared {
		return
	}
	op.prepared = true
	if op.report != nil {
		op.names, op.report = activeNames(op.report), nil
	}
	if op.names == "" {
		return
	}
	keys, phon := docKeys(op.names)
	if len(keys) == 0 {
		return
	}
	written := writtenForms(op.names)
	op.keys = keys
	op.lists = make([]string, 0, len(keys)+len(phon)+len(written))
	for _, k := range keys {
		op.lists = append(op.lists, listKey(namesField(op.kind), k))
	}
	for _, k := range phon {
		op.lists = append(op.lists, listKey(phonField(op.kind), k))
	}
	for _, f := range written {
		op.lists = append(op.lists, listKey(writtenField(op.kind), f))
	}
}

// prepareAlone is how many ops one goroutine prepares without help: a
// local write's batch of a few reports is not worth waking another core.
const prepareAlone = 256

// prepareOps prepares ops, on every core when there are many.
func prepareOps(ops []postingOp) {
	workers := min(runtime.GOMAXPROCS(0), (len(ops)+prepareAlone-1)/prepareAlone)
	if workers <= 1 {
		for i := range ops {
			ops[i].prepare()
		}
		return
	}
	var wg sync.WaitGroup
	chunk := (len(ops) + workers - 1) / workers
	for start := 0; start < len(ops); start += chunk {
		part := ops[start:min(start+chunk, len(ops))]
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range part {
				part[i].prepare()
			}
		}()
	}
	wg.Wait()
}
