package data

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestRotateKey(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	oldKey, newKey := []byte(strings.Repeat("o", 32)), []byte(strings.Repeat("n", 32))
	st, err := Open(ctx, Config{Dir: dir, SecretKey: oldKey})
	if err != nil {
		t.Fatal(err)
	}
	const phone, stranger = "+77019876543", "+77015550000"
	r := &Report{Kind: KindSeek, FullName: "Ерлан", ContactPhone: phone, ContactName: "Даурен", LastLocation: "школа №5",
		Description: "сестра: +7 701 555 00 00"}
	if err := st.CreateReport(ctx, r); err != nil {
		t.Fatal(err)
	}
	if err := st.AddNote(ctx, &Note{ReportID: r.ID, Status: NoteInfoSought, Text: "видели у вокзала"}); err != nil {
		t.Fatal(err)
	}
	msg := Message{Key: "test:1", To: phone, Body: "Сәлем", Language: "kk"}
	if err := st.EnqueueMessages(ctx, []Message{msg}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{phone, stranger} {
		if err := st.SetOptOut(ctx, p, true); err != nil {
			t.Fatal(err)
		}
	}
	res, err := RotateKey(ctx, st, newKey)
	if err != nil {
		t.Fatal(err)
	}
	if res != (RotateResult{Rows: 3, OptOuts: 1, OptOutsUnknown: 1}) {
		t.Errorf("rotate result %+v", res)
	}
	st.Close()

	st, err = Open(ctx, Config{Dir: dir, SecretKey: newKey})
	if err != nil {
		t.Fatal(err)
	}
	got, err := st.GetReport(ctx, r.ID)
	if err != nil || got.ContactPhone != phone || got.ContactName != "Даурен" || got.LastLocation != "школа №5" ||
		got.Description != r.Description {
		t.Fatalf("report under the new key: %+v, %v", got, err)
	}
	checks := []struct {
		name string
		ok   func() bool
	}{
		{"phone lookup", func() bool { rs, _ := st.ReportsWithPhone(ctx, phone); return len(rs) == 1 }},
		{"message readable", func() bool {
			m, err := st.MessageByKey(ctx, "test:1")
			return err == nil && m.To == phone && m.Body == "Сәлем"
		}},
		{"opt-out carried over", func() bool { out, _ := st.OptedOut(ctx, phone); return out }},
		{"note readable", func() bool {
			ns, _ := st.ListNotes(ctx, r.ID)
			return len(ns) == 1 && ns[0].Text == "видели у вокзала"
		}},
	}
	for _, c := range checks {
		if !c.ok() {
			t.Errorf("after rotation: %s failed", c.name)
		}
	}
	st.Close()

	if st, err = Open(ctx, Config{Dir: dir, SecretKey: oldKey}); !errors.Is(err, ErrWrongKey) {
		if err == nil {
			st.Close()
		}
		t.Errorf("the old key still opens the store: %v", err)
	}
}

// TestRotationCoversEverySealedColumn fails when a migration adds a sealed
// or keyed-hash column that RotateKey does not rewrite.
func TestRotationCoversEverySealedColumn(t *testing.T) {
	covered := map[string]bool{"optouts.phone_hash": true}
	for _, tb := range rotateTables {
		for _, c := range tb.enc {
			covered[tb.name+"."+c] = true
		}
		for h := range tb.hash {
			covered[tb.name+"."+h] = true
		}
	}
	unkeyed := map[string]bool{"deletion_hash": true, "password_hash": true, "token_hash": true} // plain SHA-256/argon2 of random secrets
	files, _ := filepath.Glob("migrations/*/*.sql")
	if len(files) == 0 {
		t.Fatal("no migrations found")
	}
	table := regexp.MustCompile(`(?i)CREATE TABLE (\w+)`)
	col := regexp.MustCompile(`^\s*(\w+_(?:enc|hash))\s`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		current := ""
		for _, line := range strings.Split(string(b), "\n") {
			if m := table.FindStringSubmatch(line); m != nil {
				current = m[1]
			}
			if m := col.FindStringSubmatch(line); m != nil && !unkeyed[m[1]] && !covered[current+"."+m[1]] {
				t.Errorf("%s: %s.%s is sealed or keyed but RotateKey does not rewrite it", f, current, m[1])
			}
		}
	}
}

// The same contract on both stores: after RotateKey the store reads and
// looks up under the new key without reopening.
func TestRotateKeyBothStores(t *testing.T) {
	forEachStore(t, func(t *testing.T, st Store) {
		ctx := context.Background()
		const phone = "+77019876543"
		r := &Report{Kind: KindSafe, FullName: "Ерлан", ContactPhone: phone, Description: "тел " + phone}
		if err := st.CreateReport(ctx, r); err != nil {
			t.Fatal(err)
		}
		if err := st.SetOptOut(ctx, phone, true); err != nil {
			t.Fatal(err)
		}
		if _, err := RotateKey(ctx, st, []byte(strings.Repeat("z", 32))); err != nil {
			t.Fatal(err)
		}
		got, err := st.GetReport(ctx, r.ID)
		if err != nil || got.ContactPhone != phone || got.Description != r.Description {
			t.Fatalf("after rotation: %+v, %v", got, err)
		}
		if rs, _ := st.ReportsWithPhone(ctx, phone); len(rs) != 1 {
			t.Error("phone lookup lost")
		}
		if out, _ := st.OptedOut(ctx, phone); !out {
			t.Error("opt-out lost")
		}
	})
}
