package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"os/user"
	"syscall"
	"time"

	"tuys/data"
	"tuys/exchange"
)

func init() { commands["export"] = exportCmd }

const exportUsage = `Usage: tuys export [flags] > FILE

Writes the reports' public fields — never a phone number, a contact name or
an exact location — as PFIF 1.4 (for Person Finder and partners), CSV
(UTF-8, opens in Excel) or XLSX. PFIF record ids are tuys.<domain>/person.<id>
(the domain of -public-url), or the id a record was imported with.

-contacts adds the contact fields for a coordinator who must call people;
every such export is written to the audit log.

Examples:
  tuys export -format pfif > tuys.pfif.xml
  tuys export -format xlsx -since 2022-01-07 > new-since-friday.xlsx
  tuys export -format csv -contacts > hotline-callback.csv

Flags:
`

type exportFn func(ctx context.Context, st data.Store, w io.Writer, o exchange.ExportOptions) (int, error)

var exportFormats = map[string]exportFn{"pfif": exchange.ExportPFIF, "csv": exchange.ExportCSV, "xlsx": exchange.ExportXLSX}

func exportCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, exportUsage); fs.PrintDefaults() }
	sf := addStoreFlags(fs)
	publicURL := sf.cfg.use(fs, "TUYS_PUBLIC_URL")
	format := fs.String("format", "pfif", "pfif, csv or xlsx")
	contacts := fs.Bool("contacts", false, "add contact names, phone numbers and sources (audited; for coordinators)")
	removed := fs.Bool("removed", false, "PFIF: add the placeholders of removed reports, so copies elsewhere delete them too")
	since := fs.String("since", "", "only reports changed on or after this day, YYYY-MM-DD")
	if code, ok := sf.parseFlags(fs, args); !ok {
		return code
	}
	write, known := exportFormats[*format]
	o := exchange.ExportOptions{Domain: exchange.DomainOf(*publicURL), Contacts: *contacts, Removed: *removed}
	var err error
	if *since != "" {
		o.Since, err = time.Parse("2006-01-02", *since)
	}
	if !known || err != nil || fs.NArg() != 0 {
		fs.Usage()
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := runExport(ctx, sf, write, o, *format, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, "tuys export:", err)
		return 1
	}
	return 0
}

func runExport(ctx context.Context, sf *storeFlags, write exportFn, o exchange.ExportOptions, format string, stdout, stderr io.Writer) error {
	st, err := sf.open(ctx, sf.logger(stderr))
	if err != nil {
		return err
	}
	defer st.Close()
	if o.Contacts {
		// Audited before any number leaves: an export that fails half-way
		// has still shown some.
		if err := st.Audit(ctx, data.AuditEntry{Actor: "cli:" + osUser(), Action: "export.contacts", Target: format}); err != nil {
			return err
		}
	}
	n, err := write(ctx, st, stdout, o)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "exported %d report(s) as %s\n", n, format)
	return nil
}

func osUser() string {
	if u, err := user.Current(); err == nil {
		return u.Username
	}
	return "unknown"
}
