package search

import "sync"

// boundedCache is a concurrent map that starts over when it holds max
// entries: crude, but bounded, and name data repeats enough that the hit
// rate recovers at once. Values must be treated as read-only.
type boundedCache[K comparable, V any] struct {
	mu  sync.RWMutex
	max int
	m   map[K]V
}

func newBoundedCache[K comparable, V any](max int) *boundedCache[K, V] {
	return &boundedCache[K, V]{max: max, m: make(map[K]V)}
}

func (c *boundedCache[K, V]) get(k K) (V, bool) {
	c.mu.RLock()
	v, ok := c.m[k]
	c.mu.RUnlock()
	return v, ok
}

func (c *boundedCache[K, V]) put(k K, v V) {
	c.mu.Lock()
	if len(c.m) >= c.max {
		c.m = make(map[K]V, c.max/4)
	}
	c.m[k] = v
	c.mu.Unlock()
}
