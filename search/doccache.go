package search

import "sync"

// docCache keeps the decoded stored copies of documents by report id.
// Reading a stored copy from Bleve (the document's fields, then JSON) was
// a quarter of the matcher's time on an import: the same seekers are read
// as candidates again and again. Every change to a document goes through
// a Batch, whose Commit drops the ids it touched; a copy read from a
// snapshot older than a commit is never kept after it (the generation).
type docCache struct {
	mu  sync.Mutex
	gen uint64
	max int
	m   map[string]*cachedDoc // pointers: a query's candidates point into the cache, not copy each stored copy
}

type cachedDoc struct {
	s      stored
	person *Person // the re-ranker's view of it, parsed once
}

// docCacheSize bounds the cache (a decoded copy is under 1 KiB); when full
// it starts over, like boundedCache.
const docCacheSize = 50000

func newDocCache() *docCache { return &docCache{max: docCacheSize, m: map[string]*cachedDoc{}} }

// get returns the stored copy of id from the cache, else reads it with
// load and keeps it unless a commit landed meanwhile.
// A cached copy is never changed: a commit replaces or drops it.
func (c *docCache) get(id string, load func() (stored, bool)) (*cachedDoc, bool) {
	c.mu.Lock()
	d, ok := c.m[id]
	gen := c.gen
	c.mu.Unlock()
	if ok {
		return d, true
	}
	s, ok := load()
	if !ok {
		return nil, false
	}
	d = &cachedDoc{s: s, person: PersonFromReport(s.report())}
	c.mu.Lock()
	if c.gen == gen {
		if len(c.m) >= c.max {
			c.m = make(map[string]*cachedDoc, c.max/4)
		}
		c.m[id] = d
	}
	c.mu.Unlock()
	return d, true
}

// forget drops ids after a commit changed or deleted them.
func (c *docCache) forget(ids []string) {
	c.mu.Lock()
	c.gen++
	for _, id := range ids {
		delete(c.m, id)
	}
	c.mu.Unlock()
}
