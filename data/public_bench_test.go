package data

import "testing"

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
