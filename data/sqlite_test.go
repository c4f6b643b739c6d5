package data

import (
	"context"
	"database/sql"
	"testing"
)

// Readers map the database file (a search's rows are memory reads, see
// OpenSQLite); the writer does not: its writes go through the file.
func TestSQLiteReadersMapTheFile(t *testing.T) {
	seal, _ := NewSealer(testKey)
	st, err := OpenSQLite(context.Background(), t.TempDir(), seal)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := st.(*sqlStore)
	var readers, writer int64
	if err := s.r.QueryRowContext(t.Context(), "PRAGMA mmap_size").Scan(&readers); err != nil {
		t.Fatal(err)
	}
	if err := s.w.QueryRowContext(t.Context(), "PRAGMA mmap_size").Scan(&writer); err != nil {
		t.Fatal(err)
	}
	if readers < 1<<30 || writer != 0 {
		t.Fatalf("mmap_size: readers %d (want at least 1 GiB), writer %d (want 0)", readers, writer)
	}
}

// A burst of concurrent reads leaves the readers' pool holding its
// connections: none is closed for being one idle too many.
func TestSQLiteReadersStayOpen(t *testing.T) {
	st := openTestSQLite(t)
	s := st.(*sqlStore)
	ctx := t.Context()
	conns := make([]*sql.Conn, maxReaders)
	for i := range conns {
		c, err := s.r.Conn(ctx)
		if err != nil {
			t.Fatal(err)
		}
		conns[i] = c
	}
	for _, c := range conns {
		c.Close()
	}
	if got := s.r.Stats(); got.MaxIdleClosed != 0 || got.Idle != maxReaders {
		t.Fatalf("after %d reads at once: %d idle, %d closed as idle too many; want %d idle, none closed",
			maxReaders, got.Idle, got.MaxIdleClosed, maxReaders)
	}
}
