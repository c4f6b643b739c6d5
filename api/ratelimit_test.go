package api

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestParseRate(t *testing.T) {
	tests := []struct {
		in      string
		want    Rate
		wantErr bool
	}{
		{"120/h:30", Rate{PerHour: 120, Burst: 30}, false},
		{"2/m:10", Rate{PerHour: 120, Burst: 10}, false},
		{"1/s", Rate{PerHour: 3600, Burst: 1}, false},
		{"48/d:4", Rate{PerHour: 2, Burst: 4}, false},
		{"off", RateOff, false},
		{"", Rate{}, false},
		{"120", Rate{}, true},
		{"x/h", Rate{}, true},
		{"10/w", Rate{}, true},
		{"10/h:-1", Rate{}, true},
		{"NaN/h", Rate{}, true},
	}
	for _, tt := range tests {
		got, err := ParseRate(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseRate(%q) = %v, %v; want %v, err %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

// fakeClock is a settable time source for limiters.
type fakeClock struct{ t time.Time }

func (f *fakeClock) now() time.Time { return f.t }

func TestLimiterBurstThenRefill(t *testing.T) {
	clk := &fakeClock{t: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	l := newLimiter(Rate{PerHour: 60, Burst: 3}, 0, clk.now) // one token a minute
	for i := 0; i < 3; i++ {
		if ok, _ := l.allow("a"); !ok {
			t.Fatalf("request %d refused inside the burst", i+1)
		}
	}
	ok, wait := l.allow("a")
	if ok || wait <= 0 || wait > time.Minute {
		t.Fatalf("4th request: ok=%v wait=%v; want refused with wait in (0, 1m]", ok, wait)
	}
	if ok, _ := l.allow("b"); !ok {
		t.Fatal("another key must have its own bucket")
	}
	clk.t = clk.t.Add(wait)
	if ok, _ := l.allow("a"); !ok {
		t.Fatal("refused after waiting Retry-After")
	}
	if ok, _ := l.allow("a"); ok {
		t.Fatal("second request after one refill must be refused")
	}
}

func TestLimiterMemoryBounded(t *testing.T) {
	clk := &fakeClock{t: time.Now()}
	l := newLimiter(Rate{PerHour: 1, Burst: 2}, 1000, clk.now)
	for i := 0; i < 50_000; i++ {
		l.allow(fmt.Sprintf("spoofed-%d", i))
	}
	if n := l.size(); n > 1000 {
		t.Fatalf("limiter holds %d buckets, want at most 1000", n)
	}
}

func TestLimiterEvictsIdleFirst(t *testing.T) {
	clk := &fakeClock{t: time.Now()}
	l := newLimiter(Rate{PerHour: 60, Burst: 1}, 10, clk.now)
	l.allow("busy")
	clk.t = clk.t.Add(30 * time.Second) // "busy" still waits; the idle ones below refill
	for i := 0; i < 9; i++ {
		l.allow(fmt.Sprintf("idle-%d", i))
	}
	clk.t = clk.t.Add(61 * time.Second) // idle buckets full again; busy refilled too
	l.allow("busy")                     // drains busy again
	l.allow("newcomer")                 // map full: sweep drops the refilled idle buckets
	if ok, _ := l.allow("busy"); ok {
		t.Fatal("eviction forgot a drained bucket while idle ones could go")
	}
}

func TestIPKey(t *testing.T) {
	tests := []struct{ in, want string }{
		{"203.0.113.7", "203.0.113.7"},
		{"2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"},
		{"2001:db8:1:2:ffff::1", "2001:db8:1:2::/64"},
		{"garbage", "garbage"},
	}
	for _, tt := range tests {
		if got := ipKey(tt.in); got != tt.want {
			t.Errorf("ipKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestRetrySecondsRoundsUp(t *testing.T) {
	for d, want := range map[time.Duration]int{0: 1, time.Millisecond: 1, 1500 * time.Millisecond: 2, time.Minute: 60} {
		if got := retrySeconds(d); got != want {
			t.Errorf("retrySeconds(%v) = %d, want %d", d, got, want)
		}
	}
}

// Concurrent callers never get more than the burst between them.
func TestLimiterConcurrent(t *testing.T) {
	clk := &fakeClock{t: time.Now()} // frozen: no refill
	l := newLimiter(Rate{PerHour: 1, Burst: 100}, 0, clk.now)
	var allowed atomic.Int64
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				if ok, _ := l.allow(fmt.Sprint("k", i%10)); ok {
					allowed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	if got := allowed.Load(); got != 10*100 {
		t.Fatalf("allowed %d, want exactly 10 keys × burst 100", got)
	}
}
