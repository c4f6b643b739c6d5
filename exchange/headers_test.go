package exchange

import (
	"context"
	"slices"
	"strings"
	"testing"

	"tuys/data"
	"tuys/data/datatest"
)

// TestKazakhHeadersAndUnreadColumns: the possessive headers of a Kazakh
// list are read (Қаласы, Телефоны were dropped: a new user's trial,
// 2026-12-07), and the columns nothing reads are named before anything is
// filed, but those -map says to ignore.
func TestKazakhHeadersAndUnreadColumns(t *testing.T) {
	st := datatest.SQLite(t)
	is, _ := data.Imports(st)
	list := "Аты-жөні,Туған жылы,Қаласы,Телефоны,Жынысы,Бөлім,Төсек\nЖұмабаев Ерлан,1985,Алматы,+77011234567,ер,3,12\n"
	m, err := ParseMap("Төсек=ignore")
	if err != nil {
		t.Fatal(err)
	}
	tbl, _ := ReadTable(strings.NewReader(list))
	sum, err := ImportTable(context.Background(), newFiler(st), is, tbl, Options{Kind: "safe", Map: m})
	if err != nil || sum.Filed != 1 {
		t.Fatalf("import: %+v %v", sum, err)
	}
	if r := stored(t, st)["Жұмабаев Ерлан"]; r.City != "Алматы" || r.ContactPhone != "+77011234567" {
		t.Errorf("city %q, phone %q: the possessive headers were not read", r.City, r.ContactPhone)
	}
	if !slices.Equal(sum.Unread, []string{"Бөлім"}) {
		t.Errorf("unread columns %q, want [Бөлім]", sum.Unread)
	}
}
