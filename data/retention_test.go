package data

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestPurgeLeavesPlaceholder(t *testing.T) {
	forEachStore(t, testPurgeLeavesPlaceholder)
}

func testPurgeLeavesPlaceholder(t *testing.T, st Store) {
	ctx := context.Background()
	now := time.Now().UTC()
	old := &Report{Kind: KindSeek, FullName: "Ахметова Гульнара", City: "Шымкент", ContactPhone: "+77019876543",
		ContactName: "Даурен", Description: "звоните", CreatedAt: now.AddDate(0, 0, -100), ExpiresAt: now.AddDate(0, 0, -10)}
	fresh := &Report{Kind: KindSafe, FullName: "Akhmetova Gulnara", ContactPhone: "+77011112233", ExpiresAt: now.AddDate(0, 0, 80)}
	for _, r := range []*Report{old, fresh} {
		if err := st.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.AddNote(ctx, &Note{ReportID: old.ID, Status: NoteInfoSought, Text: "видели в Туркестане"}); err != nil {
		t.Fatal(err)
	}
	for _, at := range []time.Time{now.AddDate(-2, 0, 0), now.Add(-time.Hour)} {
		if err := st.Audit(ctx, AuditEntry{Actor: "token:x", Action: "contact.read", Target: old.ID, At: at}); err != nil {
			t.Fatal(err)
		}
	}

	res, err := Purge(ctx, st, now, DefaultAuditRetention)
	if err != nil {
		t.Fatal(err)
	}
	if res.Reports != 1 || res.Leftover != 0 {
		t.Errorf("purge result %+v, want 1 report (its note goes with it)", res)
	}
	got, err := st.GetReport(ctx, old.ID)
	if err != nil {
		t.Fatal(err)
	}
	personal := []string{got.FullName, got.City, got.ContactPhone, got.ContactName, got.Description}
	if got.Status != StatusRemoved || strings.Join(personal, "") != "" || got.Kind != KindSeek || got.CreatedAt.IsZero() {
		t.Errorf("placeholder = %+v; want id, kind and dates only", got)
	}
	if notes, _ := st.ListNotes(ctx, old.ID); len(notes) != 0 {
		t.Errorf("notes of a purged report survive: %+v", notes)
	}
	if r, _ := st.GetReport(ctx, fresh.ID); r.Status != StatusActive || r.ContactPhone != fresh.ContactPhone {
		t.Errorf("unexpired report touched: %+v", r)
	}
	if a, _ := st.ListAudit(ctx, 10); len(a) != 1 {
		t.Errorf("audit after purge: %d entries, want the recent one only", len(a))
	}
	// A second pass finds nothing: the job is idempotent.
	if res, err := Purge(ctx, st, now, DefaultAuditRetention); err != nil || res.Reports != 0 || res.Leftover != 0 {
		t.Errorf("second pass: %+v, %v", res, err)
	}
}

// A removed report's name must not linger on disk in freed SQLite pages or
// in the WAL (the right to be forgotten, and a stolen file later).
func TestRemovedReportLeavesNoTraceOnDisk(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	st, err := Open(ctx, Config{Dir: dir, SecretKey: []byte(strings.Repeat("r", 32))})
	if err != nil {
		t.Fatal(err)
	}
	const name = "Qwertyuiopasdfgh Zxcvbnm"
	var ids []string
	for i := 0; i < 50; i++ {
		r := &Report{Kind: KindSeek, FullName: name, City: "Taraz", Description: strings.Repeat("x", 500)}
		if err := st.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	for _, id := range ids {
		if err := st.RemoveReport(ctx, id); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := Purge(ctx, st, time.Now(), 0); err != nil {
		t.Fatal(err)
	}
	st.Close()
	files, _ := filepath.Glob(filepath.Join(dir, "tuys.db*"))
	if len(files) == 0 {
		t.Fatal("no database files")
	}
	for _, f := range files {
		b, _ := os.ReadFile(f)
		if bytes.Contains(b, []byte("Qwertyuiopasdfgh")) {
			t.Errorf("%s still holds the removed name", f)
		}
	}
}

// Retention finds expired reports through the (status, expires_at) index:
// asked as "status <> removed" it read the whole reports table every day
// (0.56 s and the page cache at a million reports), and every held status
// is still purged.
func TestExpiredReportsReadTheExpiryIndex(t *testing.T) {
	ctx := context.Background()
	st := openTestSQLite(t)
	q, held := st.(*sqlStore).expiredQuery()
	rows, err := st.(*sqlStore).r.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q, held, 0, 500)
	if err != nil {
		t.Fatal(err)
	}
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	rows.Close()
	if p := strings.Join(plan, "; "); !strings.Contains(p, "SEARCH reports USING INDEX reports_expiry") {
		t.Errorf("expired reports plan: %s; want a search of reports_expiry", p)
	}
	past := time.Now().Add(-time.Hour)
	var want []string
	for _, status := range append(slices.Clone(heldStatuses), StatusRemoved) {
		r := &Report{Kind: KindSeek, FullName: "Сейткали Нуржан", ExpiresAt: past}
		if err := st.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
		if err := st.SetReportStatus(ctx, r.ID, status); err != nil {
			t.Fatal(err)
		}
		if status != StatusRemoved {
			want = append(want, r.ID)
		}
	}
	got, err := st.ExpiredReports(ctx, time.Now(), 500)
	slices.Sort(got)
	slices.Sort(want)
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("expired reports %v, %v; want every held status %v", got, err, want)
	}
}
