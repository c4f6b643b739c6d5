package data

import (
	"context"
	"testing"
	"time"
)

// Of two nodes one leads; when it stops (its session ends, as when the
// process dies) the other takes over.
func TestPGLeaderOneAtATimePG(t *testing.T) {
	openTestPostgres(t) // skips, saying why, without PostgreSQL
	ctx := context.Background()
	ctxA, stopA := context.WithCancel(ctx)
	ctxB, stopB := context.WithCancel(ctx)
	defer stopB()
	a, b := &PGLeader{URL: pgURL()}, &PGLeader{URL: pgURL()}
	doneA := make(chan struct{})
	go func() { a.Run(ctxA); close(doneA) }()
	waitFor(t, "a leader", func() bool { return a.Leading() })
	go b.Run(ctxB)
	time.Sleep(2*leadCheck + 500*time.Millisecond) // b has tried at least twice
	if b.Leading() {
		t.Fatal("two leaders at once")
	}
	stopA()
	<-doneA
	if a.Leading() {
		t.Error("a stopped node still says it leads")
	}
	waitFor(t, "b to take over", func() bool { return b.Leading() })
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(3*leadCheck + 5*time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}
