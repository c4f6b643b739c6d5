package exchange

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"

	"tuys/api/intake"
	"tuys/data"
	"tuys/data/datatest"
)

var testNow = time.Date(2026, 1, 10, 12, 0, 0, 0, time.UTC)

func newFiler(st data.Store) *intake.Filer {
	return &intake.Filer{Store: st, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return testNow }}
}

func cp1251(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// xlsxWithMergedHeader is a sheet like a shelter's: a title row, "ФИО"
// merged over Фамилия/Имя/Отчество, "Дата рождения" merged down two rows
// and holding real dates.
func xlsxWithMergedHeader(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	sh := "Sheet1"
	set := func(cell string, v any) {
		if err := f.SetCellValue(sh, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	merge := func(a, b string) {
		if err := f.MergeCell(sh, a, b); err != nil {
			t.Fatal(err)
		}
	}
	set("A1", "Список эвакуированных, школа №12")
	set("A2", "ФИО")
	merge("A2", "C2")
	set("D2", "Дата рождения")
	merge("D2", "D3")
	set("E2", "Населённый пункт")
	merge("E2", "E3")
	for i, h := range []string{"Фамилия", "Имя", "Отчество"} {
		set(string(rune('A'+i))+"3", h)
	}
	set("A4", "Ким")
	set("B4", "Виктор")
	set("C4", "Алексеевич")
	set("D4", time.Date(1972, 3, 15, 0, 0, 0, 0, time.UTC))
	set("E4", "Караганда")
	set("A5", "Сулейменова")
	set("B5", "Айгерим")
	set("D5", "07.11.1990")
	set("E5", "Астана")
	var buf bytes.Buffer
	if _, err := f.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

type wantReport struct {
	name string
	year int
	city string
}

func TestImportTable(t *testing.T) {
	cases := []struct {
		name string
		file func(t *testing.T) []byte
		kind string
		want []wantReport
	}{
		{"cp1251 semicolon russian headers", func(t *testing.T) []byte {
			return cp1251(t, "ФИО;Год рождения;Город;Телефон;Пол\r\nЖумабаев Ерлан Серикович;1985;Алматы;8 701 123 45 67;м\r\n"+
				"Ахметова Гульнара Маратовна;1980 г.;Шымкент;;Ж\r\n")
		}, "safe", []wantReport{{"Жумабаев Ерлан Серикович", 1985, "Алматы"}, {"Ахметова Гульнара Маратовна", 1980, "Шымкент"}}},
		{"xlsx merged header and dates", xlsxWithMergedHeader, "seek",
			[]wantReport{{"Ким Виктор Алексеевич", 1972, "Караганда"}, {"Сулейменова Айгерим", 1990, "Астана"}}},
		{"kazakh headers utf-8 tab", func(*testing.T) []byte {
			return []byte("\ufeffАты-жөні\tТуған жылы\tЕлді мекен\tТелефон нөмірі\nНұрланов Тимур\t1990\tАқтөбе\t+7 705 555 12 34\n")
		}, "safe", []wantReport{{"Нұрланов Тимур", 1990, "Ақтөбе"}}},
		{"english comma quoted, age", func(*testing.T) []byte {
			return []byte("Full name,Age,City\n\"Ivanova, Olga\",40,Pavlodar\n")
		}, "seek", []wantReport{{"Ivanova, Olga", testNow.Year() - 40, "Pavlodar"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st := datatest.SQLite(t)
			is, _ := data.Imports(st)
			tbl, err := ReadTable(bytes.NewReader(tc.file(t)))
			if err != nil {
				t.Fatal(err)
			}
			sum, err := ImportTable(context.Background(), newFiler(st), is, tbl, Options{Kind: tc.kind, Source: "Больница №7", Lang: "ru"})
			if err != nil {
				t.Fatal(err)
			}
			if sum.Filed != len(tc.want) || sum.Rejected != 0 {
				t.Fatalf("filed %d rejected %d (errors %+v), want %d filed", sum.Filed, sum.Rejected, sum.Errors, len(tc.want))
			}
			got := stored(t, st)
			for _, w := range tc.want {
				r, ok := got[w.name]
				if !ok {
					t.Fatalf("%q not stored; have %v", w.name, keys(got))
				}
				if r.BirthYear != w.year || r.City != w.city || string(r.Kind) != tc.kind || r.Channel != data.ChannelImport || r.SourceName != "Больница №7" {
					t.Errorf("%q stored as %+v", w.name, r)
				}
			}
		})
	}
}

func stored(t *testing.T, st data.Store) map[string]*data.Report {
	t.Helper()
	rs, err := st.ScanReports(context.Background(), "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*data.Report{}
	for _, r := range rs {
		out[r.FullName] = r
	}
	return out
}

func keys(m map[string]*data.Report) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestImportTableRowErrorsAndIdempotence(t *testing.T) {
	st := datatest.SQLite(t)
	is, _ := data.Imports(st)
	list := "ФИО;Год рождения;Телефон\nЖумабаев Ерлан;1985;8 701 123 45 67\nНурланов Тимур;3000;87011234567\n" +
		"Ким Виктор;1972;123\nИванова Ольга;abc;\nСеров Иван 87011234567;87011234568;\n"
	run := func(dry bool, text string) *Summary {
		tbl, err := ReadTable(strings.NewReader(text))
		if err != nil {
			t.Fatal(err)
		}
		sum, err := ImportTable(context.Background(), newFiler(st), is, tbl, Options{Kind: "safe", Source: "Shelter 3", Lang: "en", DryRun: dry})
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	dry := run(true, list)
	if dry.Filed != 1 || dry.Rejected != 4 || len(stored(t, st)) != 0 {
		t.Fatalf("dry run: %+v, stored %d", dry, len(stored(t, st)))
	}
	// the column, the value refused (never a phone's) and whom the row is about
	want := map[int][4]string{3: {"Год рождения", "field.birth_year", "3000", "Нурланов Тимур"},
		4: {"Телефон", "field.phone_short", "", "Ким Виктор"}, 5: {"Год рождения", "field.birth_year", "abc", "Иванова Ольга"},
		6: {"Год рождения", "field.birth_year", "•••", "Серов Иван •••"}} // a number in any column stays hidden
	for _, e := range dry.Errors {
		w := want[e.Row]
		if e.Column != w[0] || e.Key != w[1] || e.Value != w[2] || e.Name != w[3] {
			t.Errorf("row %d: error %+v, want column %q key %q value %q name %q", e.Row, e, w[0], w[1], w[2], w[3])
		}
		delete(want, e.Row)
	}
	if len(want) != 0 {
		t.Errorf("rows not reported: %v", want)
	}
	if first := run(false, list); first.Filed != 1 || len(stored(t, st)) != 1 {
		t.Fatalf("first import: %+v", first)
	}
	// The same list again, and a later version repeating the row in another
	// column order and spacing, file nothing twice.
	if dryAgain := run(true, list); dryAgain.Filed != 0 || dryAgain.Duplicates != 1 || len(dryAgain.Reports) != 0 {
		t.Fatalf("dry run after the import: %+v", dryAgain)
	}
	if again := run(false, list); again.Filed != 0 || again.Duplicates != 1 {
		t.Fatalf("second import: %+v", again)
	}
	later := "Телефон;ФИО;Год рождения\n87011234567;  жумабаев   ерлан ;1985\n;Ким Виктор;1972\n"
	if sum := run(false, later); sum.Filed != 1 || sum.Duplicates != 1 || len(stored(t, st)) != 2 {
		t.Fatalf("overlapping later list: %+v", sum)
	}
}

func TestImportTableNeedsAHeader(t *testing.T) {
	st := datatest.SQLite(t)
	is, _ := data.Imports(st)
	tbl, _ := ReadTable(strings.NewReader("a;b\n1;2\n"))
	if _, err := ImportTable(context.Background(), newFiler(st), is, tbl, Options{Kind: "safe"}); err != ErrNoHeaderRow {
		t.Fatalf("err %v", err)
	}
	m, err := ParseMap("a=full_name,2=birth_year")
	if err != nil {
		t.Fatal(err)
	}
	tbl, _ = ReadTable(strings.NewReader("a;b\nАсан Серік;1990\n"))
	sum, err := ImportTable(context.Background(), newFiler(st), is, tbl, Options{Kind: "safe", Map: m})
	if err != nil || sum.Filed != 1 || stored(t, st)["Асан Серік"].BirthYear != 1990 {
		t.Fatalf("--map: %+v %v", sum, err)
	}
	if _, err := ParseMap("a=nonsense"); err == nil {
		t.Error("unknown role accepted")
	}
}

// A title line above the header, with no separator in it, does not decide
// the separator: read by it, each row was one name, its phone number in it.
func TestImportTableTitleWithoutSeparators(t *testing.T) {
	st := datatest.SQLite(t)
	is, _ := data.Imports(st)
	list := "Список поступивших ГКБ №7 07.01.2022\nФИО;Год рождения;Город;Телефон\n" +
		"Жумабаев Ерлан Серикович;1985;Алматы;8 701 123 45 67\nСеитова Айгуль;1990;Алматы;8 702 765 43 21\n"
	tbl, err := ReadTable(strings.NewReader(list))
	if err != nil {
		t.Fatal(err)
	}
	sum, err := ImportTable(context.Background(), newFiler(st), is, tbl, Options{Kind: "safe", Source: "ГКБ №7"})
	if err != nil || sum.Filed != 2 {
		t.Fatalf("%+v %v", sum, err)
	}
	r := stored(t, st)["Жумабаев Ерлан Серикович"]
	if r == nil || r.BirthYear != 1985 || r.City != "Алматы" {
		t.Fatalf("read as %+v", stored(t, st))
	}
}

// Years and dates in the shapes lists hold them, in either column: a
// two-digit year is read as the web form reads it (85 is 1985), never as
// the spreadsheet's day 85 of 1900.
func TestImportBirthYearsAsTheFormReadsThem(t *testing.T) {
	for _, c := range []struct{ header, cell string }{
		{"Год рождения", "85"}, {"Год рождения", "1985г."}, {"Год рождения", "12.03.1985"}, {"Год рождения", "1985 г.р."},
		{"Дата рождения", "85"}, {"Дата рождения", "12.03.1985"}, {"Дата рождения", "1985"},
	} {
		st := datatest.SQLite(t)
		is, _ := data.Imports(st)
		tbl, err := ReadTable(strings.NewReader("ФИО;" + c.header + "\nЖумабаев Ерлан;" + c.cell + "\n"))
		if err != nil {
			t.Fatal(err)
		}
		sum, err := ImportTable(context.Background(), newFiler(st), is, tbl, Options{Kind: "safe", Source: "list"})
		if r := stored(t, st)["Жумабаев Ерлан"]; err != nil || sum.Filed != 1 || r == nil || r.BirthYear != 1985 {
			t.Errorf("%s %q: %+v %v", c.header, c.cell, sum, err)
		}
	}
}

func FuzzReadTable(f *testing.F) {
	f.Add([]byte("ФИО;Год рождения\nА Б;1985\n"))
	f.Add([]byte("a,\"b\nc\",d\n"))
	f.Add([]byte("PK\x03\x04junk"))
	f.Fuzz(func(t *testing.T, b []byte) {
		tbl, err := ReadTable(bytes.NewReader(b))
		if err != nil {
			return
		}
		if len(tbl.Rows) != len(tbl.Line) {
			t.Fatalf("%d rows, %d line numbers", len(tbl.Rows), len(tbl.Line))
		}
		hdr, roles := findHeader(tbl, nil)
		if hdr >= 0 && len(roles) != len(tbl.Rows[hdr]) {
			t.Fatal("roles do not cover the header")
		}
	})
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"15.03.1985", "1985-03-15", "31121", "1985", "", "99999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := parseDate(s); ok && (d.Year() < 1 || d.Year() > 9999) {
			t.Fatalf("%q read as %v", s, d)
		}
	})
}

// A list's date is when its people were reported (what the seeker's SMS
// and the pages say), while the report's expiry still runs from the day
// it reached us; a date in the future is not believed.
func TestImportKeepsTheListsDate(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		date, want time.Time
	}{
		{time.Date(2022, 1, 7, 0, 0, 0, 0, time.UTC), time.Date(2022, 1, 7, 0, 0, 0, 0, time.UTC)},
		{testNow.AddDate(0, 0, 3), testNow},
	} {
		st := datatest.SQLite(t)
		is, _ := data.Imports(st)
		tbl, err := ReadTable(strings.NewReader("ФИО;Год рождения\nЖумабаев Ерлан;1985\n"))
		if err != nil {
			t.Fatal(err)
		}
		sum, err := ImportTable(ctx, newFiler(st), is, tbl, Options{Kind: "safe", Source: "Больница №7", SourceDate: c.date, Lang: "ru"})
		if err != nil || sum.Filed != 1 {
			t.Fatalf("import: %+v %v", sum, err)
		}
		rs, err := is.ReportsChangedSince(ctx, time.Time{}, "", 10)
		if err != nil || len(rs) != 1 {
			t.Fatalf("reports: %d %v", len(rs), err)
		}
		if r := rs[0]; !r.CreatedAt.Equal(c.want) || !r.ExpiresAt.After(testNow) {
			t.Errorf("list dated %s: report created %s (want %s), expires %s (want after %s)", c.date, r.CreatedAt, c.want, r.ExpiresAt, testNow)
		}
	}
}

// TestImportKeepsRemarksPrivate: a hospital's "Примечание" (ward,
// injuries) is for the volunteers who read it to the family; only a
// column of looks ("Приметы") becomes the public description.
func TestImportKeepsRemarksPrivate(t *testing.T) {
	st := datatest.SQLite(t)
	is, _ := data.Imports(st)
	tbl, err := ReadTable(strings.NewReader("ФИО;Год рождения;Город;Приметы;Примечание\n" +
		"Жумабаев Ерлан;1985;Алматы;рост 180, шрам на лбу;лёгкое ранение, палата 12\n"))
	if err != nil {
		t.Fatal(err)
	}
	sum, err := ImportTable(context.Background(), newFiler(st), is, tbl, Options{Kind: "safe", Source: "ГКБ №7", Lang: "ru"})
	if err != nil || sum.Filed != 1 {
		t.Fatalf("filed %+v, %v", sum, err)
	}
	r := stored(t, st)["Жумабаев Ерлан"]
	if r == nil || r.Description != "рост 180, шрам на лбу" || r.LastLocation != "лёгкое ранение, палата 12" {
		t.Fatalf("stored as %+v", r)
	}
	pub, err := json.Marshal(data.Public(r))
	if err != nil || strings.Contains(string(pub), "ранение") {
		t.Errorf("the public view carries the remark: %s %v", pub, err)
	}
}

// TestPrivateHeadersNeverPublic: a header that speaks of an address, a
// condition or remarks is a private note, whatever public word it also
// has.
func TestPrivateHeadersNeverPublic(t *testing.T) {
	for h, want := range map[string]string{
		"Город, адрес": colNote, "Описание состояния": colNote, "Приметы / примечание": colNote, "Комментарии": colNote,
		"Мекенжайы": colNote, "Home address": colNote, "Диагноз": colNote, "Палата": colNote,
		"Город": colCity, "Приметы": colDescription, "Телефон (моб.)": colPhone, "ФИО": colFullName,
	} {
		if got := roleOf(h); got != want {
			t.Errorf("%q read as %q, want %q", h, got, want)
		}
	}
}
