// Package datatest opens real stores for other packages' tests: one helper
// instead of a copy in each package's _test.go files.
package datatest

import (
	"context"
	"testing"

	"tuys/data"
)

// Key is the fixed secret key of test stores.
var Key = []byte("0123456789abcdef0123456789abcdef")

// SQLite opens a real SQLite store in a temporary directory, closed when
// the test ends.
func SQLite(t testing.TB) data.Store {
	t.Helper()
	st, err := data.Open(context.Background(), data.Config{Dir: t.TempDir(), SecretKey: Key})
	if err != nil {
		t.Fatalf("open test store: %v", err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}
