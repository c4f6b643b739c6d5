package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"time"

	"tuys/api"
	"tuys/api/intake"
	"tuys/data"
	"tuys/exchange"
)

func init() { commands["import"] = importCmd }

const importUsage = `Usage: tuys import [flags] FILE

Files the people of an existing list as reports of the "import" channel:
  - a CSV table (UTF-8 or Windows-1251; ';', ',' or tab are told apart),
  - an XLSX workbook (its first sheet; merged header cells are fine),
  - a PFIF 1.4 XML file (persons and notes, e.g. from Person Finder).
Every row is checked like a report typed into the form, and matched like
one once tuys serve runs. Columns are recognized by their headers in
Kazakh, Russian or English: ФИО / Аты-жөні / Full name, or Фамилия + Имя +
Отчество; Год рождения / Дата рождения / Возраст; Город / Населённый пункт;
Телефон; Пол; Приметы (public looks); Примечание / Комментарий (remarks
such as a ward or an injury: private, for volunteers only). Name any other
column with -map.

Importing the same list again, or a later version that repeats rows, files
nothing twice: each row is keyed by -source and its content.

Example:
  tuys import -kind safe -source "Городская больница №7" -source-date 2022-01-07 -dry-run list.csv
  tuys import -kind safe -source "Городская больница №7" -source-date 2022-01-07 list.csv
  tuys import -kind seek -map "Қаласы=city,5=phone" -lang kk list.xlsx

Exit status: 0 when every row was filed (or had been before); 1 when some
rows were rejected (each is listed with its reason; the others were
filed, and a fixed list imports without filing them twice), when the
list has no rows, or when the file could not be read; 2 on a usage error.

Flags:
`

type importFlags struct {
	kind, source, sourceDate, mapping, lang *string
	publicURL                               *string // PFIF: our own record ids are not filed again
	dryRun                                  *bool
}

func importCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, importUsage); fs.PrintDefaults() }
	sf := addStoreFlags(fs)
	f := importFlags{
		publicURL:  sf.cfg.use(fs, "TUYS_PUBLIC_URL"),
		kind:       fs.String("kind", "", "safe (a hospital's or shelter's list of people who are safe) or seek (people being looked for); PFIF decides per person"),
		source:     fs.String("source", "", `who made the list, e.g. "Городская больница №7" (shown to a seeker whose match is confirmed, in the SMS, when the list gives no phone for the person)`),
		sourceDate: fs.String("source-date", "", "when the list was made, YYYY-MM-DD"),
		mapping:    fs.String("map", "", "columns the headers do not name: \"Header=role,…\" (a header may be a column number from 1); roles: "+joinRoles()),
		lang:       fs.String("lang", "ru", "language of the messages: kk, ru or en"),
		dryRun:     fs.Bool("dry-run", false, "check every row and print what would be filed; file nothing"),
	}
	if code, ok := sf.parseFlags(fs, args); !ok {
		return code
	}
	if fs.NArg() != 1 || !data.SupportedLanguage(*f.lang) {
		fs.Usage()
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := runImport(ctx, sf, f, fs.Arg(0), stdout, stderr); err != nil {
		var rej rowsRejected
		if errors.As(err, &rej) {
			key := map[bool]string{false: "import.rejected_exit", true: "import.rejected_exit_dry"}[*f.dryRun]
			fmt.Fprintln(stderr, "tuys import:", api.T(*f.lang, key, int(rej)))
			return 1
		}
		fmt.Fprintln(stderr, "tuys import:", err)
		if errors.As(err, new(usageError)) {
			return 2
		}
		return 1
	}
	return 0
}

// usageError is a mistake in the command line, said in the chosen
// language with what to write instead: tuys import exits 2.
type usageError string

func (e usageError) Error() string { return string(e) }

// rowsRejected ends an import that filed what it could but refused some
// rows: a script running tuys import must see that from the exit status,
// not only from a summary line a person may never read.
type rowsRejected int

func (n rowsRejected) Error() string { return fmt.Sprintf("%d rows rejected", int(n)) }

// rejectedErr is the error an import ends with: err, or rowsRejected.
func rejectedErr(err error, rejected int) error {
	if err == nil && rejected > 0 {
		return rowsRejected(rejected)
	}
	return err
}

func joinRoles() string {
	var b bytes.Buffer
	for i, r := range exchange.Roles() {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(r)
	}
	return b.String()
}

func runImport(ctx context.Context, sf *storeFlags, f importFlags, path string, stdout, stderr io.Writer) error {
	raw, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) { // exit 1, as for any file that cannot be read (README)
		return errors.New(api.T(*f.lang, "import.cli_missing", path))
	}
	if err != nil {
		return errors.New(api.T(*f.lang, "import.cli_unreadable", path))
	}
	log := sf.logger(stderr)
	st, err := sf.open(ctx, log)
	if err != nil {
		return err
	}
	defer st.Close()
	is, err := data.Imports(st)
	if err != nil {
		return err
	}
	filer := &intake.Filer{Store: st, Log: log, Now: func() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }}
	if exchange.IsPFIF(raw) {
		return importPFIF(ctx, filer, st, raw, path, f, stdout)
	}
	return importTable(ctx, filer, is, raw, f, stdout, stderr)
}

func importTable(ctx context.Context, filer *intake.Filer, is data.ImportStore, raw []byte, f importFlags, stdout, stderr io.Writer) error {
	opts, err := f.options()
	if err != nil {
		return err
	}
	t, err := exchange.ReadTable(bytes.NewReader(raw))
	if err != nil {
		return errors.New(api.T(opts.Lang, "import.unreadable"))
	}
	start := time.Now()
	opts.Progress = progressLine(stderr, start)
	sum, err := exchange.ImportTable(ctx, filer, is, t, opts)
	var unmatched exchange.UnmatchedMap
	if errors.As(err, &unmatched) {
		return usageError(api.T(opts.Lang, "import.cli_map_unmatched", strings.Join(unmatched.Keys, ", "), strings.Join(unmatched.Headers, " | ")))
	}
	if errors.Is(err, exchange.ErrNoHeaderRow) {
		return usageError(api.T(opts.Lang, exchange.ErrNoHeader))
	}
	if sum == nil {
		return err
	}
	printSummary(stdout, sum, opts, time.Since(start))
	if err == nil && sum.Rows == 0 { // a wrong sheet, or a list saved without its rows, is no success
		return errors.New(api.T(opts.Lang, "import.empty"))
	}
	return rejectedErr(err, sum.Rejected)
}

func (f importFlags) options() (exchange.Options, error) {
	o := exchange.Options{Kind: *f.kind, Source: *f.source, Lang: *f.lang, DryRun: *f.dryRun}
	if o.Kind != string(data.KindSafe) && o.Kind != string(data.KindSeek) {
		if o.Kind != "" {
			return o, usageError(api.T(o.Lang, "import.cli_kind_bad", o.Kind))
		}
		return o, usageError(api.T(o.Lang, "import.cli_kind"))
	}
	if *f.sourceDate != "" {
		d, err := exchange.ParseSourceDate(*f.sourceDate, time.Now())
		if err != nil {
			return o, usageError(api.T(o.Lang, "import.cli_date", *f.sourceDate))
		}
		o.SourceDate = d
	}
	m, err := exchange.ParseMap(*f.mapping)
	if err != nil {
		return o, usageError(api.T(o.Lang, "import.cli_map", *f.mapping, joinRoles()))
	}
	o.Map = m
	return o, nil
}

func printSummary(w io.Writer, sum *exchange.Summary, o exchange.Options, took time.Duration) {
	if len(sum.Unread) > 0 {
		fmt.Fprintln(w, api.T(o.Lang, "import.cli_unread", "«"+strings.Join(sum.Unread, "», «")+"»", sum.Unread[0]))
	}
	// the rows in the list's order, filed and rejected alike
	type line struct {
		row  int
		text string
	}
	var lines []line
	for _, r := range sum.Reports {
		lines = append(lines, line{r.Row, api.T(o.Lang, "import.would_file", r.Row, describe(o.Lang, r.Report))})
	}
	for _, e := range sum.Errors {
		lines = append(lines, line{e.Row, api.RowErrorText(o.Lang, e)})
	}
	slices.SortStableFunc(lines, func(a, b line) int { return a.row - b.row })
	for _, l := range lines {
		fmt.Fprintln(w, l.text)
	}
	if o.DryRun {
		fmt.Fprintln(w, api.T(o.Lang, "import.dry", sum.Filed, sum.Duplicates, sum.Rejected, sum.Rows))
		return
	}
	fmt.Fprintln(w, api.T(o.Lang, "import.summary", sum.Filed, sum.Duplicates, sum.Rejected, sum.Rows, float64(sum.Rows)/took.Seconds()))
}

// describe is a report as a dry run shows it: the public fields.
func describe(lang string, r *data.Report) string {
	s := fmt.Sprintf("%s [%s]", r.FullName, api.T(lang, "status."+string(r.Kind)+".active"))
	if r.BirthYear != 0 {
		s += fmt.Sprintf(", %d", r.BirthYear)
	}
	if r.City != "" {
		s += ", " + r.City
	}
	if r.ContactPhone != "" {
		s += ", " + data.MaskPhone(r.ContactPhone)
	}
	return s
}

// progressLine redraws one status line on a terminal (nothing otherwise):
// rows done, rows per second and the time left.
func progressLine(w io.Writer, start time.Time) func(done, total int) {
	if f, ok := w.(*os.File); !ok || !isTerminal(f) {
		return nil
	}
	return func(done, total int) {
		rate := float64(done) / time.Since(start).Seconds()
		eta := time.Duration(0)
		if rate > 0 {
			eta = time.Duration(float64(total-done)/rate) * time.Second
		}
		fmt.Fprintf(w, "\r%d/%d rows  %.0f rows/s  ETA %s   ", done, total, rate, eta.Round(time.Second))
		if done >= total {
			fmt.Fprintln(w)
		}
	}
}

func isTerminal(f *os.File) bool {
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}
