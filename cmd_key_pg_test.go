package main

import (
	"context"
	"database/sql"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"tuys/data"
	"tuys/data/datatest"
)

// TestPostgresRefusesToStartWithoutKey: a key kept in the database would
// travel with every dump (issue 13), so PostgreSQL mode needs one from
// outside and says why.
func TestPostgresRefusesToStartWithoutKey(t *testing.T) {
	url := datatest.PostgresSchema(t)
	t.Setenv("TUYS_DATABASE_URL", url)
	t.Setenv("TUYS_LOG_LEVEL", "error")
	t.Setenv("TUYS_DATA_DIR", t.TempDir())
	// Every command opens the store through storeFlags.open, serve too
	// (node.go); serve is not run here because on a store that opens it
	// would not return.
	code, _, errs := runCmd(t, tokenCmd, "list")
	if code == 0 || !strings.Contains(errs, "TUYS_SECRET_KEY") || !strings.Contains(errs, "stolen dump") {
		t.Errorf("on PostgreSQL without a key: exit %d, %q; want a refusal that says why", code, errs)
	}
	if k, _ := data.PostgresStoredKey(context.Background(), url); k != nil {
		t.Error("a key was written into the database")
	}
}

// TestRotateKeyMovesStoredKeyOut: a database an older tuys kept its key in
// is re-sealed under a key file and the stored key is deleted.
func TestRotateKeyMovesStoredKeyOut(t *testing.T) {
	ctx := context.Background()
	url := datatest.PostgresSchema(t)
	db, err := sql.Open("pgx", url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	oldKey := data.NewCode(32) // as an older tuys kept it
	for _, q := range []string{`CREATE TABLE tuys_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)`,
		`INSERT INTO tuys_settings VALUES ('secret_key', '` + oldKey + `')`} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	raw, _ := hex.DecodeString(oldKey)
	st, err := data.Open(ctx, data.Config{DatabaseURL: url, SecretKey: raw})
	if err != nil {
		t.Fatal(err)
	}
	r := &data.Report{Kind: data.KindSeek, FullName: "Ким Виктория", ContactPhone: "+77011234567", Language: "ru"}
	if err := st.CreateReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	st.Close()

	newKey := data.NewCode(32)
	keyFile := filepath.Join(t.TempDir(), "new.key")
	os.WriteFile(keyFile, []byte(newKey+"\n"), 0o600)
	t.Setenv("TUYS_DATABASE_URL", url)
	t.Setenv("TUYS_LOG_LEVEL", "error")
	code, out, errs := runCmd(t, rotateKeyCmd, "-new-key-file", keyFile)
	if code != 0 || !strings.Contains(out, "deleted the key kept in the database") {
		t.Fatalf("rotate-key: %d\n%s\n%s", code, out, errs)
	}
	if k, err := data.PostgresStoredKey(ctx, url); err != nil || k != nil {
		t.Fatalf("key still in the database: %x %v", k, err)
	}
	raw, _ = hex.DecodeString(newKey)
	st, err = data.Open(ctx, data.Config{DatabaseURL: url, SecretKey: raw})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	got, err := st.GetReport(ctx, r.ID)
	if err != nil || got.ContactPhone != "+77011234567" {
		t.Fatalf("under the new key: %+v %v", got, err)
	}
}

func TestLoopbackOnly(t *testing.T) {
	for _, tt := range []struct {
		addr, url string
		want      bool
	}{
		{"127.0.0.1:8080", "http://127.0.0.1:8080", true},
		{"localhost:8080", "http://localhost:8080", true},
		{"[::1]:8080", "http://[::1]:8080", true},
		{":8080", "http://localhost:8080", false}, // listens on every interface
		{"127.0.0.1:8080", "https://tuys.example.kz", false},
		{"0.0.0.0:8080", "http://127.0.0.1:8080", false},
	} {
		if got := loopbackOnly(tt.addr, tt.url); got != tt.want {
			t.Errorf("loopbackOnly(%q, %q) = %v", tt.addr, tt.url, got)
		}
	}
}
