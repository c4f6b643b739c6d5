package exchange

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"tuys/data"
	"tuys/data/datatest"
)

// xlsxYearCells is a list whose birth column holds, row by row, each of
// cells under the style made of style (nil: none, the general format).
func xlsxYearCells(t *testing.T, header string, cells []any, style *excelize.Style) []byte {
	t.Helper()
	f := excelize.NewFile()
	sh := "Sheet1"
	must := func(err error) {
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellValue(sh, "A1", "ФИО"))
	must(f.SetCellValue(sh, "B1", header))
	for i, v := range cells {
		row := i + 2
		must(f.SetCellValue(sh, cellName(1, row), "Жумабаев Ерлан"))
		must(f.SetCellValue(sh, cellName(2, row), v))
		if style != nil {
			id, err := f.NewStyle(style)
			must(err)
			must(f.SetCellStyle(sh, cellName(2, row), cellName(2, row), id))
		}
	}
	var buf bytes.Buffer
	_, err := f.WriteTo(&buf)
	must(err)
	return buf.Bytes()
}

func cellName(col, row int) string {
	n, _ := excelize.CoordinatesToCellName(col, row)
	return n
}

// A number is a date only where the sheet shows it as one: a birth year
// typed 19855 (one key pressed twice) was filed as 1954, the spreadsheet
// day 19855, from a CSV and an XLSX alike (a new user's trial, 2026-12-07).
func TestImportReadsDaysOnlyUnderADateFormat(t *testing.T) {
	custom := "dd.mm.yyyy"
	born := time.Date(1985, 3, 12, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		file []byte
		year int    // 0: the row is refused
		key  string // with this error
	}{
		{"csv year typo", []byte("ФИО;Год рождения\nЖумабаев Ерлан;19855\n"), 0, "field.birth_year"},
		{"csv date typo", []byte("ФИО;Дата рождения\nЖумабаев Ерлан;31121\n"), 0, ErrDate},
		{"xlsx general number", xlsxYearCells(t, "Год рождения", []any{19855}, nil), 0, "field.birth_year"},
		{"xlsx built-in date", xlsxYearCells(t, "Дата рождения", []any{born}, &excelize.Style{NumFmt: 14}), 1985, ""},
		{"xlsx date of its own format", xlsxYearCells(t, "Дата рождения", []any{born}, &excelize.Style{CustomNumFmt: &custom}), 1985, ""},
		{"xlsx year as a number", xlsxYearCells(t, "Год рождения", []any{1985}, nil), 1985, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st := datatest.SQLite(t)
			is, _ := data.Imports(st)
			tbl, err := ReadTable(bytes.NewReader(tc.file))
			if err != nil {
				t.Fatal(err)
			}
			sum, err := ImportTable(context.Background(), newFiler(st), is, tbl, Options{Kind: "safe", Source: "list"})
			if err != nil {
				t.Fatal(err)
			}
			r := stored(t, st)["Жумабаев Ерлан"]
			if tc.year != 0 {
				if r == nil || r.BirthYear != tc.year {
					t.Fatalf("filed as %+v (%+v), want born %d", r, sum, tc.year)
				}
				return
			}
			if r != nil || sum.Rejected != 1 || len(sum.Errors) != 1 || sum.Errors[0].Key != tc.key {
				t.Fatalf("filed as %+v, summary %+v: want the row refused with %s", r, sum, tc.key)
			}
		})
	}
}
