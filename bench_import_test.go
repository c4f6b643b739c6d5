package main

import (
	"bufio"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"tuys/data"
	"tuys/internal/testbin"
	"tuys/search"
)

// BenchmarkImportCSVMatched is the import issue's throughput figure: a
// hospital's list of TUYS_BENCH_IMPORT rows (default 100,000) imported with
// `tuys import` into a running `tuys serve` (SQLite, matcher on) that
// already holds the seekers of a tenth of those people, spelled another
// way. The clock runs from the start of the import until the serving node's
// index (whose cursor moves only after matching) holds the last row:
// rows/s with matching, the import alone, and the peak RSS of both processes.
func BenchmarkImportCSVMatched(b *testing.B) {
	rows := 100000
	if v, err := strconv.Atoi(os.Getenv("TUYS_BENCH_IMPORT")); err == nil && v > 0 {
		rows = v
	}
	dir, addr := b.TempDir(), freePort(b)
	key := make([]byte, 32)
	rand.Read(key)
	env := []string{"TUYS_DATA_DIR=" + filepath.Join(dir, "data"), "TUYS_SECRET_KEY=" + hex.EncodeToString(key), "TUYS_LOG_LEVEL=warn"}
	seekers, list := importLists(rows)
	seekFile, listFile := filepath.Join(dir, "seekers.csv"), filepath.Join(dir, "list.csv")
	writeFile(b, seekFile, seekers)
	writeFile(b, listFile, list)

	serve := startTuys(b, addr, filepath.Join(dir, "data"), env[1:]...)
	if took := runImportCmd(b, env, "seek", seekFile); took > 0 {
		waitMatched(b, addr)
	}
	for b.Loop() {
		start := time.Now()
		imp := exec.Command(tuysBinary(b), "import", "-kind", "safe", "-source", "Городская больница №7", "-lang", "en", listFile)
		imp.Env = append(os.Environ(), env...)
		out, err := imp.CombinedOutput()
		if err != nil {
			b.Fatalf("tuys import: %v\n%s", err, out)
		}
		imported := time.Since(start)
		waitMatched(b, addr)
		matched := time.Since(start)
		b.Logf("%s", strings.TrimSpace(lastLine(string(out))))
		b.ReportMetric(float64(rows)/matched.Seconds(), "rows/s")
		b.ReportMetric(float64(rows)/imported.Seconds(), "import_only_rows/s")
		b.ReportMetric(float64(imp.ProcessState.SysUsage().(*syscall.Rusage).Maxrss)/1024, "import_peak_rss_MB")
		b.ReportMetric(peakRSSMB(b, serve.Process.Pid), "serve_peak_rss_MB")
	}
}

// importLists renders the seekers' list (a tenth of the people, one
// spelling) and the hospital's list (all of them, in another spelling where
// a seeker exists) as Russian-headed ';' CSV, the way such lists come.
func importLists(rows int) (seekers, list string) {
	syn := search.NewSynth(11)
	var sk, ls strings.Builder
	const header = "ФИО;Год рождения;Город;Пол\n"
	sk.WriteString(header)
	ls.WriteString(header)
	for i := 0; i < rows; i++ {
		p := syn.Person()
		if i%10 == 0 {
			writeRow(&sk, p.Render(0, false, true))
			writeRow(&ls, p.Render(1+i%9, i%3 == 0, true))
			continue
		}
		writeRow(&ls, p.Render(i%10, i%3 == 0, true))
	}
	return sk.String(), ls.String()
}

func writeRow(w *strings.Builder, r *data.Report) {
	y := ""
	if r.BirthYear > 0 {
		y = strconv.Itoa(r.BirthYear)
	}
	fmt.Fprintf(w, "%s;%s;%s;%s\n", r.FullName, y, r.City, r.Sex)
}

func writeFile(b *testing.B, path, s string) {
	if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
		b.Fatal(err)
	}
}

// runImportCmd imports a file and returns how long it took.
func runImportCmd(b *testing.B, env []string, kind, path string) time.Duration {
	start := time.Now()
	cmd := exec.Command(tuysBinary(b), "import", "-kind", kind, "-source", "bench", "-lang", "en", path)
	cmd.Env = append(os.Environ(), env...)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("tuys import %s: %v\n%s", path, err, out)
	}
	return time.Since(start)
}

// waitMatched polls /metrics until the node's index (and so its matcher)
// holds every event of the log. A scrape counts the store's reports, so it
// is asked for twice a second (at 20 a second it took a sixth of the
// node's CPU from the matcher it measures); the clock is off by at most that.
func waitMatched(b *testing.B, addr string) {
	deadline := time.Now().Add(30 * time.Minute)
	for time.Now().Before(deadline) {
		if lag, ok := indexLag(addr); ok && lag == 0 {
			return
		}
		time.Sleep(500 * time.Millisecond)
	}
	b.Fatal("the node never matched the whole import")
}

func indexLag(addr string) (float64, bool) {
	resp, err := http.Get("http://" + addr + "/metrics")
	if err != nil {
		return 0, false
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "tuys_index_lag_events "); ok {
			f, err := strconv.ParseFloat(v, 64)
			return f, err == nil
		}
	}
	return 0, false
}

// peakRSSMB is a running process's high-water resident set (VmHWM).
func peakRSSMB(b *testing.B, pid int) float64 {
	mb, err := testbin.PeakRSSMB(pid)
	if err != nil {
		b.Fatal(err)
	}
	return mb
}

func lastLine(s string) string {
	s = strings.TrimSpace(s)
	return s[strings.LastIndex(s, "\n")+1:]
}
