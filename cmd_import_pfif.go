package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"tuys/api"
	"tuys/api/intake"
	"tuys/data"
	"tuys/exchange"
	"tuys/exchange/pfif"
)

// importPFIF files a PFIF document; -kind is the kind of persons whose
// notes do not tell it.
func importPFIF(ctx context.Context, filer *intake.Filer, st data.Store, raw []byte, path string, f importFlags, stdout io.Writer) error {
	doc, err := pfif.Read(bytes.NewReader(raw))
	if err != nil {
		return errors.New(api.T(*f.lang, "import.cli_bad_pfif", path))
	}
	sum, err := exchange.ImportPFIF(ctx, filer, st, doc, exchange.PFIFOptions{Kind: *f.kind, Source: *f.source, Lang: *f.lang, DryRun: *f.dryRun,
		Domain: exchange.DomainOf(*f.publicURL)})
	if sum == nil {
		return err
	}
	for _, e := range sum.Errors {
		fmt.Fprintln(stdout, api.T(*f.lang, "import.pfif_error", e.RecordID+" "+e.Field, api.T(*f.lang, e.Key, e.Args...)))
	}
	fmt.Fprintln(stdout, api.T(*f.lang, "import.pfif", sum.Filed, sum.Duplicates, sum.Rejected, sum.Removed, sum.Notes, sum.Links))
	return rejectedErr(err, sum.Rejected)
}
