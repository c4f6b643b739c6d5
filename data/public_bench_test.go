package data

import (
	"context"
	"fmt"
	"testing"
)

// BenchmarkPublic: a search answer builds ten public views, each hiding
// contacts in eight fields.
func BenchmarkPublic(b *testing.B) {
	r := &Report{ID: "01M93V2X1QQP1DF7GEY0DBZQD8", Kind: KindSafe, FullName: "Zhumabayev Yerlan Serikovich", GivenName: "Yerlan",
		FamilyName: "Zhumabayev", Patronymic: "Serikovich", City: "Almaty", Region: "Almaty", Country: "KZ",
		Description: "в синей куртке, рост 175, видели 05.01.2022 у школы №25"}
	for b.Loop() {
		_ = Public(r)
	}
}

// BenchmarkHideContactsExplanation: a search answer's explanation lines
// go through HideContacts too, some thirty of them.
func BenchmarkHideContactsExplanation(b *testing.B) {
	for b.Loop() {
		_ = HideContacts("family name: Omarova — Omarova (the same)")
	}
}

// BenchmarkPublicReportsConcurrent: several searches read their hits at
// once (SQLite); the readers' pool keeps its connections, with their page
// caches and prepared statements, between bursts.
func BenchmarkPublicReportsConcurrent(b *testing.B) {
	ctx := context.Background()
	st := openTestSQLite(b)
	var ids []string
	for i := range 2000 {
		r := sampleReport(KindSafe, fmt.Sprintf("Жумабаев Ерлан %d", i), "")
		if err := st.CreateReport(ctx, r); err != nil {
			b.Fatal(err)
		}
		ids = append(ids, r.ID)
	}
	b.SetParallelism(3) // six readers on two cores: more than a pool's default two idle
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			i = (i + 10) % (len(ids) - 10)
			if _, err := st.PublicReports(ctx, ids[i:i+10]); err != nil {
				b.Error(err)
				return
			}
		}
	})
}
