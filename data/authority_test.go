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
		// a new user's trial (2026-12-07)
		{"Ішкі істер", true},
		{"ДВД", true},
		{"ДП Алматы", true},
		{"Polis", true},
		{"Emniyet", true},
		{"Нотариус", true},
		{"Комиссия", true},
		{"Гвардия", true},
		// an attacker's trial (2026-12-07, second wave)
		{"Мама-Полиция", true},
		{"Aigul-police", true},
		{"Ст.лейтенант", true},
		{"Госуслуги", true},
		{"Кселл", true},
		{"Kcell", true},
		{"Билайн", true},
		{"Beeline", true},
		{"Colonel", true},
		{"Lieutenant", true},
		{"Тюрьма", true},
		{"Ритуальная служба", true},
		{"Анна-Мария", false},
		{"Мама Айгуль", false},
		{"Управление полиции", true},
		{"Комиссаров Иван", false},
		{"Айгерим", false},
		{"Полина", false},
		{"Майоров Сергей", false},
		{"Генералова Анна", false},
		{"Судаков", false},
		{"Аким", false}, // a Russian given name too
		{"Акимжан", false},
		{"Milica", false},
		{"Әскер", false},
		{"Ерлан", false},
		{"", false},
		// An attacker's second trial: marks, other scripts' letters,
		// Kazakh і, full-width forms, hyphens, declined forms, more offices.
		{"По́лиция", true},
		{"ДЧС\u3164", true}, // blank Hangul fillers are letters to Unicode
		{"По\u3164лиция", true},
		{"Пοлиция", true}, // Greek ο
		{"Поліція", true},
		{"ＰＯＬＩＣＥ", true},
		{"По-лиция", true},
		{"Министерство ЧС", true},
		{"МВД", true},
		{"Скорая помощь", true},
		{"Главврач", true},
		{"Адвокат", true},
		{"Следователя", true},
		{"Участкового", true},
		{"Туйс", true},
		{"Doktor", true},
		{"Vrach", true},
		{"Akimat", true},
		{"Bolnitsa", true},
		{"Сбербанк", true},
		{"Красный Крест", false}, // the SMS shows «Красный» alone
		{"Крест", true},
		{"Милиция", true},
		{"Милиционер", true},
		{"Судья", true},
		{"Врачи", true},
		{"Реанимация", true},
		{"Клиника", true},
		{"Детектив", true},
		{"Нацгвардия", true},
		{"МИД", true},
		{"Prosecutor", true},
		{"ДЧС\u3164 Алматы", true},
		{"Жусан", false},
		{"Жусанова Айгуль", false},
		{"Айгуль Жусанова", false},
		{"Гай", false},
		{"Халик", false},
		{"Капитанова Анна", false},
		{"Анна, следователь", false}, // only the first word reaches the SMS
		{"- Полиция", true},          // a leading hyphen the SMS drops
		{"\u00adДЧС", true},
		{"Пристав", true},
		{"Медбрат", true},
		{"Халықбанк", true},
		{"Коллектор", true},
		{"Налоговая", true},
		{"Директор", true},
		{"Bailiff", true},
		{"Әскер", false},
		{"Interpol", true},
		{"Министрова Анна", false},
		{"Халықбай", false},
		{"Майра", false},
		{"Жанна", false},
		{"Ким Виктор", false},
		{"Цой Елена", false},
		{"Шмидт Андреас", false},
		{"Хайруллина Гульнара", false},
	} {
		if got := ClaimsAuthority(tc.name); got != tc.want {
			t.Errorf("ClaimsAuthority(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestNameKey(t *testing.T) {
	for _, same := range [][]string{
		{"Айгерим", "айгерим", "Aйгерим", "Айгерім", "Aigerim", "Aygerim", "АЙГЕРИМ", "Айге\u0301рим", "Айгерим\u3164", "Ай\u1160герим"},
		{"Жанна", "Zhanna", "Janna"},
		{"Ерлан", "Yerlan", "Erlan"},
		{"Юлия", "Yuliya", "Iuliia"},
	} {
		for _, w := range same[1:] {
			if NameKey(w) != NameKey(same[0]) {
				t.Errorf("NameKey(%q) = %q, NameKey(%q) = %q: want one key", w, NameKey(w), same[0], NameKey(same[0]))
			}
		}
	}
	for _, pair := range [][2]string{{"Айгерим", "Айгуль"}, {"Марат", "Мурат"}, {"Ерлан", "Ербол"}} {
		if NameKey(pair[0]) == NameKey(pair[1]) {
			t.Errorf("%q and %q read alike (%q)", pair[0], pair[1], NameKey(pair[0]))
		}
	}
}

func TestForeignLetters(t *testing.T) {
	for name, want := range map[string]bool{
		"Айгерим": false, "Aigerim": false, "Әйгерім Ұлықбекқызы": false, "Şolpan Çiçek": false, "Müller Jürgen": false,
		"Wąsowski Łukasz": false, "Oʻktam": false, "Айⲅⲉрим": true, "Айгерᴎᴍ": true, "Αιγερίμ": true, "김": true,
	} {
		if got := ForeignLetters(name); got != want {
			t.Errorf("ForeignLetters(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestNameSymbols(t *testing.T) {
	for name, want := range map[string]bool{
		"Айгерим": false, "Жумабаева Айгерим Сериковна": false, "O'Brien": false, "Oʻktam": false, "Анна-Мария": false,
		"Айгуль (сестра)": false, "Айгуль, сестра": false, "А. Ахметова": false,
		"П0лиция": true, "Ерлан 😀": true, "Ерлан 1": true, "@erlan": true, "Ерлан+": true, "Асель №2": true,
	} {
		if got := NameSymbols(name); got != want {
			t.Errorf("NameSymbols(%q) = %v, want %v", name, got, want)
		}
	}
}
