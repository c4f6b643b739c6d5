package api

import (
	"fmt"
	"math"
	"net"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Rate is a token bucket: PerHour tokens refill evenly over an hour and at
// most Burst can be saved up. The zero Rate means "no limit".
type Rate struct {
	PerHour float64
	Burst   int
}

// Off reports whether the rate imposes no limit.
func (r Rate) Off() bool { return r.PerHour <= 0 || r.Burst <= 0 }

func (r Rate) String() string {
	if r.Off() {
		return "off"
	}
	return fmt.Sprintf("%g/h:%d", r.PerHour, r.Burst)
}

// ParseRate reads "120/h:30" (120 per hour, bursts of 30), "2/m:10", "50/d:5"
// or "off"; "" is the zero Rate, i.e. the default. Without ":burst" the
// burst is the per-unit count.
func ParseRate(s string) (Rate, error) {
	s = strings.TrimSpace(strings.ToLower(s))
	switch s {
	case "":
		return Rate{}, nil // the default applies
	case "off", "0":
		return RateOff, nil
	}
	spec, burstStr, hasBurst := strings.Cut(s, ":")
	countStr, unit, ok := strings.Cut(spec, "/")
	if !ok {
		return Rate{}, fmt.Errorf("rate %q: want N/unit[:burst], e.g. 120/h:30", s)
	}
	n, err := strconv.ParseFloat(countStr, 64)
	if err != nil || n < 0 || math.IsInf(n, 0) || math.IsNaN(n) {
		return Rate{}, fmt.Errorf("rate %q: bad count", s)
	}
	perUnit := map[string]float64{"s": 3600, "m": 60, "h": 1, "d": 1.0 / 24}
	mult, ok := perUnit[unit]
	if !ok {
		return Rate{}, fmt.Errorf("rate %q: unit must be s, m, h or d", s)
	}
	burst := int(math.Ceil(n))
	if hasBurst {
		if burst, err = strconv.Atoi(burstStr); err != nil || burst < 0 {
			return Rate{}, fmt.Errorf("rate %q: bad burst", s)
		}
	}
	return Rate{PerHour: n * mult, Burst: burst}, nil
}

// limiter keeps one token bucket per key (an IP, a phone, a login). Memory is
// bounded: a flood of distinct keys (spoofed phones, IPv6 sprays) evicts
// buckets instead of growing the map, and evicting a full bucket loses nothing.
type limiter struct {
	rate    Rate
	max     int
	now     func() time.Time
	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

const defaultMaxBuckets = 100_000 // ~10 MB at worst

func newLimiter(r Rate, max int, now func() time.Time) *limiter {
	if max <= 0 {
		max = defaultMaxBuckets
	}
	return &limiter{rate: r, max: max, now: now, buckets: map[string]*bucket{}}
}

// allow takes one token for key. When none is left it says how long until
// the next one, which becomes the Retry-After header.
func (l *limiter) allow(key string) (bool, time.Duration) {
	if l == nil || l.rate.Off() {
		return true, 0
	}
	now := l.now()
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.buckets[key]
	if b == nil {
		l.makeRoom(now)
		b = &bucket{tokens: float64(l.rate.Burst), last: now}
		l.buckets[key] = b
	}
	b.refill(now, l.rate)
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	perToken := time.Duration(float64(time.Hour) / l.rate.PerHour)
	return false, time.Duration((1 - b.tokens) * float64(perToken))
}

// giveBack returns a token that allow took, for an attempt that turned
// out not to count (a right password).
func (l *limiter) giveBack(key string) {
	if l == nil || l.rate.Off() {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if b := l.buckets[key]; b != nil {
		b.tokens = math.Min(float64(l.rate.Burst), b.tokens+1)
	}
}

func (b *bucket) refill(now time.Time, r Rate) {
	if el := now.Sub(b.last); el > 0 {
		b.tokens = math.Min(float64(r.Burst), b.tokens+el.Hours()*r.PerHour)
		b.last = now
	}
}

// makeRoom runs only when the map is full: it drops buckets that have
// refilled completely (indistinguishable from new ones), then, if an attack
// keeps every bucket busy, arbitrary ones down to 90% so the sweep's cost is
// spread over the next 10% of inserts.
func (l *limiter) makeRoom(now time.Time) {
	if len(l.buckets) < l.max {
		return
	}
	for k, b := range l.buckets {
		b.refill(now, l.rate)
		if b.tokens >= float64(l.rate.Burst) {
			delete(l.buckets, k)
		}
	}
	for k := range l.buckets {
		if len(l.buckets) < l.max*9/10 {
			break
		}
		delete(l.buckets, k)
	}
}

func (l *limiter) size() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.buckets)
}

// ipKey groups IPv6 clients by /64, the block one subscriber usually gets,
// so rotating addresses inside it does not buy new buckets.
func ipKey(ip string) string {
	p := net.ParseIP(ip)
	if p == nil {
		return ip
	}
	if p.To4() != nil {
		return p.String()
	}
	return p.Mask(net.CIDRMask(64, 128)).String() + "/64"
}

// retrySeconds rounds up: "Retry-After: 0" would invite an instant retry.
func retrySeconds(d time.Duration) int {
	s := int(math.Ceil(d.Seconds()))
	if s < 1 {
		s = 1
	}
	return s
}
