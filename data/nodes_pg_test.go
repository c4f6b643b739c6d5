package data

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// openPeers returns n stores on one PostgreSQL schema, each with its own
// connection pool, as n tuys nodes have.
func openPeers(t *testing.T, n int) []Store {
	t.Helper()
	first := openTestPostgres(t).(*sqlStore)
	var schema string
	if err := first.r.QueryRowContext(context.Background(), `SELECT current_schema()`).Scan(&schema); err != nil {
		t.Fatal(err)
	}
	sep := "?"
	if strings.Contains(pgURL(), "?") {
		sep = "&"
	}
	seal, _ := NewSealer(testKey)
	peers := []Store{first}
	for i := 1; i < n; i++ {
		s, err := OpenPostgres(context.Background(), pgURL()+sep+"search_path="+schema, seal)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		peers = append(peers, s)
	}
	return peers
}

// Nodes race to claim one outbox: every message is claimed exactly once.
func TestClaimAcrossNodesPG(t *testing.T) {
	nodes := openPeers(t, 4)
	ctx := context.Background()
	const total = 1000
	msgs := make([]Message, total)
	for i := range msgs {
		msgs[i] = Message{Key: fmt.Sprintf("claim:%d", i), To: "+77011234567", Body: "b"}
	}
	if err := nodes[0].EnqueueMessages(ctx, msgs); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	claimed := map[string]string{}
	var wg sync.WaitGroup
	errc := make(chan error, 8)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			worker := fmt.Sprintf("node%d/w%d", w%4, w)
			for {
				got, err := nodes[w%4].ClaimMessages(ctx, worker, time.Minute, 25)
				if err != nil {
					errc <- err
					return
				}
				if len(got) == 0 {
					return
				}
				mu.Lock()
				for _, m := range got {
					if prev, dup := claimed[m.ID]; dup {
						errc <- fmt.Errorf("message %s claimed by %s and %s", m.Key, prev, worker)
					}
					claimed[m.ID] = worker
				}
				mu.Unlock()
			}
		}(w)
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Fatal(err)
	}
	if len(claimed) != total {
		t.Fatalf("claimed %d of %d", len(claimed), total)
	}
}

// A node dies holding claims: once the lease ends another node takes the
// work, and the dead node can no longer mark it as sending.
func TestClaimTakeoverAfterLeasePG(t *testing.T) {
	nodes := openPeers(t, 2)
	ctx := context.Background()
	if err := nodes[0].EnqueueMessages(ctx, []Message{{Key: "takeover", To: "+77011234567", Body: "b"}}); err != nil {
		t.Fatal(err)
	}
	a, err := nodes[0].ClaimMessages(ctx, "dead", 300*time.Millisecond, 10)
	if err != nil || len(a) != 1 {
		t.Fatalf("first claim: %d %v", len(a), err)
	}
	if b, _ := nodes[1].ClaimMessages(ctx, "alive", time.Minute, 10); len(b) != 0 {
		t.Fatalf("claimed while leased: %d", len(b))
	}
	time.Sleep(400 * time.Millisecond)
	b, err := nodes[1].ClaimMessages(ctx, "alive", time.Minute, 10)
	if err != nil || len(b) != 1 || b[0].ID != a[0].ID {
		t.Fatalf("takeover: %+v %v", b, err)
	}
	if err := nodes[0].MarkSending(ctx, a[0].ID, "dead", RecipientCap{}); err == nil {
		t.Fatal("the dead node's lease still works after takeover")
	}
	if err := nodes[1].MarkSending(ctx, b[0].ID, "alive", RecipientCap{}); err != nil {
		t.Fatal(err)
	}
}

// Every node matches every report it indexes, so they race to save the
// same pair: one wins, and only one set of messages exists.
func TestSaveMatchRaceAcrossNodesPG(t *testing.T) {
	nodes := openPeers(t, 4)
	ctx := context.Background()
	seek, safe := sampleReport(KindSeek, "Жумабаев Ерлан", "+77011234567"), sampleReport(KindSafe, "Zhumabayev Yerlan", "+77021234567")
	if err := nodes[0].CreateReports(ctx, []*Report{seek, safe}); err != nil {
		t.Fatal(err)
	}
	const rounds = 20
	var created atomic.Int32
	var wg sync.WaitGroup
	errc := make(chan error, rounds*len(nodes))
	for r := 0; r < rounds; r++ {
		for i, n := range nodes {
			wg.Add(1)
			go func(i int, n Store) {
				defer wg.Done()
				// Every node derives the same id from the pair, as the engine does,
				// so the race hits the primary key as well as the pair.
				m := &Match{ID: PairID(seek.ID, safe.ID), SeekID: seek.ID, SafeID: safe.ID, Score: 0.97, State: MatchAutoConfirmed}
				msgs := []Message{
					{Key: "match:" + m.ID + ":seeker", To: seek.ContactPhone, Body: fmt.Sprint("node", i)},
					{Key: "match:" + m.ID + ":found", To: safe.ContactPhone, Body: fmt.Sprint("node", i)},
				}
				ok, err := n.SaveMatch(ctx, m, msgs, nil)
				if err != nil {
					errc <- err
					return
				}
				if ok {
					created.Add(1)
				}
			}(i, n)
		}
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Fatal(err)
	}
	if winners := created.Load(); winners != 1 {
		t.Fatalf("%d nodes created the match, want 1", winners)
	}
	ms, err := nodes[1].MatchesForReport(ctx, seek.ID)
	if err != nil || len(ms) != 1 || ms[0].ID != PairID(seek.ID, safe.ID) {
		t.Fatalf("matches: %+v %v", ms, err)
	}
	var n int
	if err := nodes[0].(*sqlStore).r.QueryRowContext(ctx, `SELECT count(*) FROM messages`).Scan(&n); err != nil || n != 2 {
		t.Fatalf("messages: %d %v", n, err)
	}
}
