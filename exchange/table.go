package exchange

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// Table is a list as read from a file: its rows of cells and, for each
// row, the row number a person sees in a spreadsheet or editor.
type Table struct {
	Rows [][]string
	Line []int
}

// MaxTableBytes bounds what one import reads into memory.
const MaxTableBytes = 256 << 20

var zipMagic = []byte("PK\x03\x04")

// ReadTable reads a CSV (UTF-8 or Windows-1251; ';', ',' or tab) or an XLSX
// file (its first sheet), told apart by content, not by name.
func ReadTable(r io.Reader) (*Table, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxTableBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read list: %w", err)
	}
	if len(raw) > MaxTableBytes {
		return nil, fmt.Errorf("read list: larger than %d MiB", MaxTableBytes>>20)
	}
	if bytes.HasPrefix(raw, zipMagic) {
		return readXLSX(raw)
	}
	return readCSV(raw)
}

// decodeText returns raw as UTF-8: it is taken as UTF-8 when it is valid
// UTF-8 (a BOM is dropped), else as Windows-1251, the encoding Excel in
// Russian and Kazakh locales saves "CSV" in.
func decodeText(raw []byte) (string, error) {
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if utf8.Valid(raw) {
		return string(raw), nil
	}
	out, err := charmap.Windows1251.NewDecoder().Bytes(raw)
	if err != nil {
		return "", fmt.Errorf("decode Windows-1251: %w", err)
	}
	return string(out), nil
}

// sniffDelimiter picks the separator that splits the first lines into the
// most fields outside quotes, by the median line: a title above the header
// ("Список поступивших ГКБ №7") has no separator at all, and read by it
// alone every row became one name, phone number and all (a new user's
// trial, 2026-12-06).
func sniffDelimiter(text string) rune {
	best, bestN := ',', 0
	lines := firstLines(text, sniffLines)
	for _, d := range []rune{';', ',', '\t'} {
		counts := make([]int, len(lines))
		for i, line := range lines {
			counts[i] = separatorsIn(line, d)
		}
		slices.Sort(counts)
		if n := counts[len(counts)/2]; n > bestN {
			best, bestN = d, n
		}
	}
	return best
}

// sniffLines is how many non-empty lines sniffDelimiter reads.
const sniffLines = 20

// separatorsIn counts d in line outside quotes.
func separatorsIn(line string, d rune) int {
	n, quoted := 0, false
	for _, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case c == d && !quoted:
			n++
		}
	}
	return n
}

// firstLines returns up to n non-empty lines of text (at least one, maybe
// empty).
func firstLines(text string, n int) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.TrimSpace(l) != "" {
			if out = append(out, l); len(out) == n {
				break
			}
		}
	}
	if len(out) == 0 {
		out = []string{""}
	}
	return out
}

func readCSV(raw []byte) (*Table, error) {
	text, err := decodeText(raw)
	if err != nil {
		return nil, err
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = sniffDelimiter(text)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	t := &Table{}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return t, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read CSV: %w", err)
		}
		line, _ := cr.FieldPos(0)
		t.Rows = append(t.Rows, rec)
		t.Line = append(t.Line, line)
	}
}

// readXLSX reads the first sheet's raw values, with its dates written as
// ISO dates (dateCells). A merged cell's value is copied to every cell it
// covers, so a header merged over two rows or columns names each column
// under it.
func readXLSX(raw []byte) (*Table, error) {
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("read XLSX: %w", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, errors.New("read XLSX: no sheet")
	}
	rows, err := f.GetRows(sheets[0], excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("read XLSX sheet %q: %w", sheets[0], err)
	}
	merged, err := f.GetMergeCells(sheets[0])
	if err != nil {
		return nil, fmt.Errorf("read XLSX merged cells: %w", err)
	}
	dateCells(f, sheets[0], rows)
	for _, m := range merged {
		rows = fillMerged(rows, m.GetStartAxis(), m.GetEndAxis(), m.GetCellValue())
	}
	t := &Table{Rows: rows}
	for i := range rows {
		t.Line = append(t.Line, i+1)
	}
	return t, nil
}

func fillMerged(rows [][]string, start, end, value string) [][]string {
	c1, r1, err1 := excelize.CellNameToCoordinates(start)
	c2, r2, err2 := excelize.CellNameToCoordinates(end)
	if err1 != nil || err2 != nil {
		return rows
	}
	for r := r1; r <= r2; r++ {
		for len(rows) < r {
			rows = append(rows, nil)
		}
		for c := c1; c <= c2; c++ {
			for len(rows[r-1]) < c {
				rows[r-1] = append(rows[r-1], "")
			}
			rows[r-1][c-1] = value
		}
	}
	return rows
}

// IsPFIF reports whether raw is a PFIF XML document (any version's namespace).
func IsPFIF(raw []byte) bool {
	head := raw[:min(len(raw), 4096)]
	return bytes.Contains(head, []byte("zesty.ca/pfif/"))
}

// dateCells writes each cell that the sheet shows as a date (a day number
// under a date format) as an ISO date. Only those: a number under the
// general format is what was typed (a year, 19855 by mistake), never a day.
func dateCells(f *excelize.File, sheet string, rows [][]string) {
	isDate := map[int]bool{} // by style index: a sheet has few styles
	for r, row := range rows {
		for c, v := range row {
			n, err := strconv.ParseFloat(v, 64)
			if err != nil || n < 1 {
				continue
			}
			cell, err := excelize.CoordinatesToCellName(c+1, r+1)
			if err != nil {
				continue
			}
			idx, err := f.GetCellStyle(sheet, cell)
			if err != nil {
				continue
			}
			date, seen := isDate[idx]
			if !seen {
				date = dateStyle(f, idx)
				isDate[idx] = date
			}
			if t, err := excelize.ExcelDateToTime(n, false); date && err == nil {
				row[c] = t.Format("2006-01-02")
			}
		}
	}
}

// dateStyle reports whether the style shows a number as a date: one of
// the built-in date formats (ECMA-376 18.8.30), or a format of its own
// that names days or years outside quoted text.
func dateStyle(f *excelize.File, idx int) bool {
	s, err := f.GetStyle(idx)
	if err != nil || s == nil {
		return false
	}
	if s.CustomNumFmt != nil {
		return customDateFormat.MatchString(quotedInFormat.ReplaceAllString(*s.CustomNumFmt, ""))
	}
	id := s.NumFmt
	return id >= 14 && id <= 22 || id >= 27 && id <= 36 || id >= 50 && id <= 58
}

var (
	quotedInFormat   = regexp.MustCompile(`"[^"]*"|\[[^\]]*\]|\\.`)
	customDateFormat = regexp.MustCompile(`[dDyY]`)
)
