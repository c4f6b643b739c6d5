package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"tuys/data"
)

func init() {
	commands["backup"] = backupCmd
	commands["restore"] = restoreCmd
}

// sqliteOnly refuses a PostgreSQL store: it has its own tools for this.
func sqliteOnly(sf *storeFlags) error {
	if *sf.dbURL != "" {
		return errors.New("TUYS_DATABASE_URL is set: back up PostgreSQL with pg_dump and restore it with pg_restore (README, Operations)")
	}
	return nil
}

func backupCmd(args []string, stdout, stderr io.Writer) int {
	return operandCommand("backup", []string{"FILE"}, "Writes a consistent copy of the SQLite database in the data directory to FILE\n"+
		"(mode 0600), also while tuys serve runs. The secret key is not in it: keep the\n"+
		"key apart from the backups, and both safe.", args, stderr,
		func(ctx context.Context, sf *storeFlags, files []string) error {
			if err := sqliteOnly(sf); err != nil {
				return err
			}
			file := files[0]
			info, err := data.BackupSQLite(ctx, *sf.dataDir, file)
			if err != nil {
				return err
			}
			fmt.Fprintf(stdout, "backed up %d report(s), schema %d, %d bytes to %s (without the secret key)\n",
				info.Reports, info.Schema, info.Bytes, file)
			return nil
		})
}

func restoreCmd(args []string, stdout, stderr io.Writer) int {
	return operandCommand("restore", []string{"FILE"}, "Puts a backup made by tuys backup into an empty (or new) data directory and\n"+
		"checks that the secret key it was made under (TUYS_SECRET_KEY or\n"+
		"TUYS_SECRET_KEY_FILE, required) opens its contact data. Start tuys serve with\n"+
		"the same key afterwards: it rebuilds the search index from the database.", args, stderr,
		func(ctx context.Context, sf *storeFlags, files []string) error {
			if err := sqliteOnly(sf); err != nil {
				return err
			}
			file := files[0]
			if *sf.key == "" && *sf.keyFile == "" {
				return errors.New("set TUYS_SECRET_KEY_FILE (or TUYS_SECRET_KEY) to the key the backup was made under: a new key could not read its phone numbers")
			}
			info, err := data.RestoreSQLite(ctx, file, *sf.dataDir)
			if err != nil {
				return err
			}
			if err := checkRestoredKey(ctx, sf); err != nil {
				return err
			}
			fmt.Fprintf(stdout, "restored %d report(s), schema %d, into %s\n", info.Reports, info.Schema, *sf.dataDir)
			fmt.Fprintf(stdout, "start tuys serve with the same key (%s): it rebuilds the search index; "+
				"without it serve would generate a new key that cannot read the contact data\n", keySource(sf))
			return nil
		})
}

// checkRestoredKey opens the restored store with the given key and undoes
// the restore when the key does not open its data, so that the directory is
// empty again and no one serves from a database nobody can read.
func checkRestoredKey(ctx context.Context, sf *storeFlags) error {
	st, err := sf.open(ctx, sf.logger(io.Discard))
	if err == nil {
		_, err = data.VerifyKey(ctx, st)
		st.Close()
	}
	if err == nil {
		return nil
	}
	if uerr := data.UndoRestore(*sf.dataDir); uerr != nil {
		return fmt.Errorf("%w; and %w: remove the restored files before another try", err, uerr)
	}
	return fmt.Errorf("restore undone, %s is empty again: %w", *sf.dataDir, err)
}

// keySource names where the key came from, for the operator to repeat it.
func keySource(sf *storeFlags) string {
	if *sf.keyFile != "" {
		return "TUYS_SECRET_KEY_FILE=" + *sf.keyFile
	}
	return "TUYS_SECRET_KEY"
}
