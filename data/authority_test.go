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
