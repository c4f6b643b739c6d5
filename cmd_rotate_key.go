package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"tuys/data"
)

func init() { commands["rotate-key"] = rotateKeyCmd }

// rotateKeyCmd re-seals every phone number and contact field under a new
// secret key. Every node must be stopped: a node still running with the old
// key would write values no one can read after the switch.
func rotateKeyCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rotate-key", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: tuys rotate-key -new-key-file FILE [store flags]\n\n"+
			"Stop every node first. Opens the store with the current key (the usual\n"+
			"TUYS_SECRET_KEY / TUYS_SECRET_KEY_FILE / generated secret.key), rewrites every\n"+
			"sealed value and keyed hash under the key in FILE (64 hex characters: openssl\n"+
			"rand -hex 32 > FILE) in one transaction, and, when the key was the generated\n"+
			"data-directory secret.key, replaces that file. Otherwise point\n"+
			"TUYS_SECRET_KEY_FILE at FILE before starting the nodes again.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	sf := addStoreFlags(fs)
	newKeyFile := fs.String("new-key-file", "", "file holding the new secret key")
	if code, ok := sf.parseFlags(fs, args); !ok {
		return code
	}
	if err := rotateKey(sf, *newKeyFile, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, "tuys rotate-key:", err)
		return 1
	}
	return 0
}

func rotateKey(sf *storeFlags, newKeyFile string, stdout, stderr io.Writer) error {
	if newKeyFile == "" {
		return errors.New("-new-key-file is required")
	}
	raw, err := os.ReadFile(newKeyFile)
	if err != nil {
		return err
	}
	newKey, err := decodeKey(strings.TrimSpace(string(raw)))
	if err != nil {
		return err
	}
	ctx := context.Background()
	generated := *sf.key == "" && *sf.keyFile == ""
	inDatabase := generated && *sf.dbURL != ""
	var store data.Store
	if inDatabase {
		store, err = openOnStoredKey(ctx, *sf.dbURL)
	} else {
		store, err = sf.open(ctx, sf.logger(stderr))
	}
	if err != nil {
		return err
	}
	defer store.Close()
	res, err := data.RotateKey(ctx, store, newKey)
	if err != nil {
		return err
	}
	_ = store.Audit(ctx, data.AuditEntry{Actor: "cli", Action: "key.rotate"})
	fmt.Fprintf(stdout, "re-sealed %d row(s); %d opt-out(s) carried over", res.Rows, res.OptOuts)
	if res.OptOutsUnknown > 0 {
		fmt.Fprintf(stdout, "; %d opt-out(s) had no number on record and no longer match", res.OptOutsUnknown)
	}
	fmt.Fprintln(stdout)
	switch {
	case inDatabase:
		// From now on the key lives only where the operator keeps it.
		if err := data.DropPostgresStoredKey(ctx, *sf.dbURL); err != nil {
			return fmt.Errorf("the data now uses the new key, but the old one is still in the database "+
				"(DELETE FROM tuys_settings WHERE name = 'secret_key'): %w", err)
		}
		fmt.Fprintf(stdout, "deleted the key kept in the database; set TUYS_SECRET_KEY_FILE=%s on every node, then start them\n", newKeyFile)
		return nil
	case !generated:
		fmt.Fprintf(stdout, "now set TUYS_SECRET_KEY_FILE=%s (or TUYS_SECRET_KEY) on every node, then start them\n", newKeyFile)
		return nil
	}
	return replaceKeyFile(filepath.Join(*sf.dataDir, "secret.key"), raw, stdout)
}

// openOnStoredKey opens a PostgreSQL database on the key an older tuys kept
// inside it: only rotate-key does, to move the data off that key.
func openOnStoredKey(ctx context.Context, url string) (data.Store, error) {
	old, err := data.PostgresStoredKey(ctx, url)
	if err != nil {
		return nil, err
	}
	if old == nil {
		return nil, errNoPostgresKey
	}
	return data.Open(ctx, data.Config{DatabaseURL: url, SecretKey: old})
}

// replaceKeyFile swaps the generated key atomically: the data is already
// sealed under the new key, so a half-written key file would lose it all.
func replaceKeyFile(path string, key []byte, stdout io.Writer) error {
	tmp := path + ".new"
	if err := os.WriteFile(tmp, key, 0o600); err != nil {
		return fmt.Errorf("the data now uses the new key; write it to %s yourself: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fmt.Errorf("the data now uses the new key in %s; move it to %s yourself: %w", tmp, path, err)
	}
	fmt.Fprintf(stdout, "replaced %s; start the service as usual\n", path)
	return nil
}
