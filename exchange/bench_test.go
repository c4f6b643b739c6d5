package exchange

import (
	"context"
	"fmt"
	"os"
	"strings"
	"testing"

	"tuys/data"
	"tuys/data/datatest"
)

// BenchmarkImportTable files a 10,000-row list (TUYS_BENCH_ROWS to change)
// into SQLite: reading, header detection, validation and filing, without
// matching. It reports rows/s.
func BenchmarkImportTable(b *testing.B) {
	n := 10000
	if v := os.Getenv("TUYS_BENCH_ROWS"); v != "" {
		fmt.Sscan(v, &n)
	}
	var sb strings.Builder
	sb.WriteString("ФИО;Год рождения;Город;Телефон\n")
	for i := 0; i < n; i++ {
		fmt.Fprintf(&sb, "Жумабаев%d Ерлан Серикович;%d;Алматы;8 701 %03d %02d %02d\n", i, 1940+i%70, i%1000, i/1000%100, i%97)
	}
	for b.Loop() {
		st := datatest.SQLite(b)
		is, _ := data.Imports(st)
		tbl, err := ReadTable(strings.NewReader(sb.String()))
		if err != nil {
			b.Fatal(err)
		}
		sum, err := ImportTable(context.Background(), newFiler(st), is, tbl, Options{Kind: "safe", Source: "bench", Lang: "en"})
		if err != nil || sum.Filed != n {
			b.Fatalf("%+v %v", sum.Errors[:min(3, len(sum.Errors))], err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "rows/s")
}
