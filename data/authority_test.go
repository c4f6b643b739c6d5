package data

import "testing"

func TestClaimsAuthority(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"Полиция", true},
		{"ДЧС", true},
		{"МЧС Алматы", true},
		{"Майор Ахметов", true},
		{"Следователь Ким", true},
		{"пoлиция", true}, // a Latin o among Cyrillic letters
		{"Police", true},
		{"Politsiya", true},
		{"Доктор", true},
		{"Врач", true},
		{"Волонтёр 1414", true},
		{"Оператор горячей линии", true},
		{"Посольство РК", true},
		{"Төтенше жағдайлар", true},
		{"Прокуратура", true},
		{"Kaspi Bank", true},
		{"tuys", true},
		{"Айгерим", false},
		{"Майоров Сергей", false},
		{"Генералова Анна", false},
		{"Судаков", false},
		{"Аким", false}, // a Russian given name too
		{"Акимжан", false},
		{"Milica", false},
		{"Әскер", false},
		{"Ерлан", false},
		{"", false},
	} {
		if got := ClaimsAuthority(tc.name); got != tc.want {
			t.Errorf("ClaimsAuthority(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestReadsAlike(t *testing.T) {
	seeker := func(name, rel, phone string) *Report {
		return &Report{ContactName: name, Relation: rel, ContactPhone: phone}
	}
	family := seeker("Айгерим Ахметова", "sister", "+77051000001")
	for _, tc := range []struct {
		other *Report
		want  bool
	}{
		{seeker("айгерим", "sister", "+77059000002"), true},     // case and the rest of the name
		{seeker(" Айгерим-", "sister", "+77059000002"), true},   // marks around it
		{seeker("Айгерим", "sister", "+77051000001"), false},    // the same number: the same seeker
		{seeker("Айгерим", "mother", "+77059000002"), false},    // another relation
		{seeker("Айгуль", "sister", "+77059000002"), false},     // another name
		{seeker("Анна-Мария", "sister", "+77059000002"), false}, // a hyphenated name is one word
	} {
		if got := ReadsAlike(family, tc.other); got != tc.want {
			t.Errorf("ReadsAlike(family, %+v) = %v, want %v", *tc.other, got, tc.want)
		}
	}
	if !ReadsAlike(seeker("Полиция", "", "+1"), seeker("", "", "+2")) {
		t.Error("an office and no name read alike (both are 'someone who gave no name')")
	}
}
