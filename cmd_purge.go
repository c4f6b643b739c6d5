package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"tuys/data"
)

func init() { commands["purge"] = purgeCmd }

// purgeCmd runs one retention pass now: what `tuys serve` does daily.
func purgeCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("purge", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, "Usage: tuys purge [flags]\n\nRemoves the personal data of expired reports now (an id-and-dates placeholder\n"+
			"stays so copies elsewhere can delete too), notes of removed reports, and\naudit entries older than -audit-retention.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	sf := addStoreFlags(fs)
	keepFlag := sf.cfg.use(fs, "TUYS_AUDIT_RETENTION")
	if code, ok := sf.parseFlags(fs, args); !ok {
		return code
	}
	log := sf.logger(stderr)
	keep, err := parseDays(*keepFlag)
	if err != nil {
		fmt.Fprintln(stderr, "tuys purge: TUYS_AUDIT_RETENTION:", err)
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	store, err := sf.open(ctx, log)
	if err != nil {
		fmt.Fprintln(stderr, "tuys purge:", err)
		return 1
	}
	defer store.Close()
	res, err := data.Purge(ctx, store, time.Now().UTC(), keep)
	fmt.Fprintf(stdout, "purged %d expired report(s), %d leftover(s) of removed reports; audit kept %d days\n",
		res.Reports, res.Leftover, int(keep.Hours()/24))
	if err != nil {
		fmt.Fprintln(stderr, "tuys purge:", err)
		return 1
	}
	return 0
}
