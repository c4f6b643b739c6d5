package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"tuys/search"
)

func init() {
	commands["eval"] = func(args []string, stdout, _ io.Writer) int { return search.EvalMain(args, stdout) }
	commands["reindex"] = reindexCmd
	commands["migrate"] = migrateCmd
}

// storeCommand parses the store flags of a maintenance command and opens the
// store; fn runs with it. Exit codes: 0 ok, 1 failed, 2 bad usage.
func storeCommand(name, about string, args []string, stderr io.Writer, fn func(ctx context.Context, sf *storeFlags) error) int {
	return operandCommand(name, nil, about, args, stderr, func(ctx context.Context, sf *storeFlags, _ []string) error { return fn(ctx, sf) })
}

// operandCommand is storeCommand for a command that takes the named operands
// (e.g. FILE) after its flags; fn gets their values.
func operandCommand(name string, operands []string, about string, args []string, stderr io.Writer,
	fn func(ctx context.Context, sf *storeFlags, values []string) error) int {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: tuys %s [flags]%s\n\n%s\n\nFlags:\n", name, strings.Join(append([]string{""}, operands...), " "), about)
		fs.PrintDefaults()
	}
	sf := addStoreFlags(fs)
	if code, ok := sf.parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != len(operands) {
		fs.Usage()
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := fn(ctx, sf, fs.Args()); err != nil {
		fmt.Fprintf(stderr, "tuys %s: %v\n", name, err)
		return 1
	}
	return 0
}

func migrateCmd(args []string, stdout, stderr io.Writer) int {
	return storeCommand("migrate", "Applies the database migrations and exits (serve also applies them at start).", args, stderr,
		func(ctx context.Context, sf *storeFlags) error {
			st, err := sf.open(ctx, sf.logger(stderr))
			if err != nil {
				return err
			}
			defer st.Close()
			fmt.Fprintln(stdout, "migrations applied")
			return nil
		})
}

// reindexCmd rebuilds this node's search index from the store. Stop `tuys
// serve` on this data directory first: the index is opened exclusively.
func reindexCmd(args []string, stdout, stderr io.Writer) int {
	return storeCommand("reindex", "Rebuilds the search index in the data directory from the store (stop tuys serve first).", args, stderr,
		func(ctx context.Context, sf *storeFlags) error {
			log := sf.logger(stderr)
			st, err := sf.open(ctx, log)
			if err != nil {
				return err
			}
			defer st.Close()
			ix, err := search.OpenIndex(filepath.Join(*sf.dataDir, "index"))
			if err != nil {
				return fmt.Errorf("open index (is tuys serve still running?): %w", err)
			}
			defer ix.Close()
			start := time.Now()
			if err := search.NewEngine(st, ix, search.Options{Logger: log}).Reindex(ctx); err != nil {
				return err
			}
			n, _ := ix.DocCount()
			fmt.Fprintf(stdout, "reindexed %d reports in %s\n", n, time.Since(start).Round(time.Millisecond))
			return nil
		})
}
