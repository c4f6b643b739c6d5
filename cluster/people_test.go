package cluster

import (
	"fmt"
	"math/rand"
)

// Names in the two scripts people in Kazakhstan write them in. A seek filed
// in Cyrillic and a safe filed in Latin (or the reverse) is the usual shape
// of a real match: a relative types the name one way, a shelter another.
type surname struct {
	cyr, lat string
	gendered bool // -ов/-ев/-ин take -а for women (Ахметова / Akhmetova)
}

type givenName struct {
	cyr, lat string
	female   bool
}

var surnames = []surname{
	{"Жумабаев", "Zhumabayev", true}, {"Ахметов", "Akhmetov", true}, {"Нурпеисов", "Nurpeisov", true},
	{"Сейткалиев", "Seitkaliyev", true}, {"Касымов", "Kassymov", true}, {"Омаров", "Omarov", true},
	{"Байжанов", "Baizhanov", true}, {"Искаков", "Iskakov", true}, {"Тулегенов", "Tulegenov", true},
	{"Сапаров", "Saparov", true}, {"Кенжебаев", "Kenzhebayev", true}, {"Абдрахманов", "Abdrakhmanov", true},
	{"Бекмуханов", "Bekmukhanov", true}, {"Дуйсенов", "Duisenov", true}, {"Ержанов", "Yerzhanov", true},
	{"Жаксыбеков", "Zhaksybekov", true}, {"Калиев", "Kaliyev", true}, {"Мукашев", "Mukashev", true},
	{"Нуркенов", "Nurkenov", true}, {"Оспанов", "Ospanov", true}, {"Рахимов", "Rakhimov", true},
	{"Сарсенбаев", "Sarsenbayev", true}, {"Тохтаров", "Tokhtarov", true}, {"Уразов", "Urazov", true},
	{"Шайхутдинов", "Shaikhutdinov", true}, {"Ибраев", "Ibrayev", true}, {"Есенов", "Yessenov", true},
	{"Батырханов", "Batyrkhanov", true}, {"Мамыров", "Mamyrov", true}, {"Толеубаев", "Toleubayev", true},
	{"Иванов", "Ivanov", true}, {"Смирнов", "Smirnov", true}, {"Кузнецов", "Kuznetsov", true},
	{"Попов", "Popov", true}, {"Соколов", "Sokolov", true}, {"Лебедев", "Lebedev", true},
	{"Морозов", "Morozov", true}, {"Волков", "Volkov", true}, {"Фёдоров", "Fedorov", true},
	{"Никитин", "Nikitin", true}, {"Захаров", "Zakharov", true}, {"Белов", "Belov", true},
	{"Ткаченко", "Tkachenko", false}, {"Шевченко", "Shevchenko", false}, {"Бондаренко", "Bondarenko", false},
	{"Ким", "Kim", false}, {"Пак", "Pak", false}, {"Цой", "Tsoi", false}, {"Хегай", "Khegai", false},
	{"Юсупов", "Yusupov", true}, {"Каримов", "Karimov", true}, {"Валиев", "Valiyev", true},
	{"Гарипов", "Garipov", true}, {"Хасанов", "Khasanov", true}, {"Шарипов", "Sharipov", true},
	{"Мусин", "Mussin", true}, {"Галиев", "Galiyev", true}, {"Садыков", "Sadykov", true},
	{"Кожахметов", "Kozhakhmetov", true}, {"Утепов", "Utepov", true}, {"Жолдасбеков", "Zholdasbekov", true},
	{"Абенов", "Abenov", true}, {"Бейсенов", "Beisenov", true}, {"Габдуллин", "Gabdullin", true},
	{"Даулетов", "Dauletov", true}, {"Ерманов", "Yermanov", true}, {"Жунусов", "Zhunussov", true},
	{"Избасаров", "Izbassarov", true}, {"Карабаев", "Karabayev", true}, {"Литвиненко", "Litvinenko", false},
}

var givenNames = []givenName{
	{"Ерлан", "Yerlan", false}, {"Данияр", "Daniyar", false}, {"Нурлан", "Nurlan", false},
	{"Асхат", "Askhat", false}, {"Бауыржан", "Bauyrzhan", false}, {"Серик", "Serik", false},
	{"Тимур", "Timur", false}, {"Арман", "Arman", false}, {"Канат", "Kanat", false},
	{"Марат", "Marat", false}, {"Руслан", "Ruslan", false}, {"Санжар", "Sanzhar", false},
	{"Айдос", "Aidos", false}, {"Болат", "Bolat", false}, {"Дамир", "Damir", false},
	{"Ержан", "Yerzhan", false}, {"Жандос", "Zhandos", false}, {"Кайрат", "Kairat", false},
	{"Мирас", "Miras", false}, {"Нуржан", "Nurzhan", false}, {"Олжас", "Olzhas", false},
	{"Алексей", "Aleksei", false}, {"Дмитрий", "Dmitry", false}, {"Сергей", "Sergei", false},
	{"Андрей", "Andrei", false}, {"Виктор", "Viktor", false}, {"Михаил", "Mikhail", false},
	{"Павел", "Pavel", false}, {"Игорь", "Igor", false}, {"Евгений", "Yevgeny", false},
	{"Айгуль", "Aigul", true}, {"Гульнара", "Gulnara", true}, {"Динара", "Dinara", true},
	{"Жанар", "Zhanar", true}, {"Асель", "Assel", true}, {"Мадина", "Madina", true},
	{"Айгерим", "Aigerim", true}, {"Салтанат", "Saltanat", true}, {"Камила", "Kamila", true},
	{"Лаура", "Laura", true}, {"Сауле", "Saule", true}, {"Назерке", "Nazerke", true},
	{"Гульмира", "Gulmira", true}, {"Индира", "Indira", true}, {"Карлыгаш", "Karlygash", true},
	{"Акмарал", "Akmaral", true}, {"Жулдыз", "Zhuldyz", true}, {"Меруерт", "Meruert", true},
	{"Томирис", "Tomiris", true}, {"Әсем", "Asem", true}, {"Юлия", "Yuliya", true},
	{"Елена", "Yelena", true}, {"Ольга", "Olga", true}, {"Наталья", "Natalya", true},
	{"Татьяна", "Tatyana", true}, {"Ирина", "Irina", true}, {"Светлана", "Svetlana", true},
	{"Анна", "Anna", true}, {"Мария", "Mariya", true}, {"Виктория", "Viktoriya", true},
}

type city struct{ cyr, lat string }

var cities = []city{
	{"Алматы", "Almaty"}, {"Астана", "Astana"}, {"Шымкент", "Shymkent"}, {"Караганда", "Karaganda"},
	{"Актобе", "Aktobe"}, {"Тараз", "Taraz"}, {"Павлодар", "Pavlodar"}, {"Усть-Каменогорск", "Ust-Kamenogorsk"},
	{"Семей", "Semey"}, {"Атырау", "Atyrau"}, {"Костанай", "Kostanay"}, {"Кызылорда", "Kyzylorda"},
	{"Уральск", "Uralsk"}, {"Петропавловск", "Petropavlovsk"}, {"Актау", "Aktau"}, {"Талдыкорган", "Taldykorgan"},
}

// reportInput is the body of POST /api/v1/reports (api.ReportInput); a copy
// so that this package talks to the binary only over HTTP, as clients do.
type reportInput struct {
	Kind   string `json:"kind"`
	Person struct {
		FullName  string `json:"full_name"`
		BirthYear int    `json:"birth_year"`
		City      string `json:"city"`
	} `json:"person"`
	Contact struct {
		Name     string `json:"name,omitempty"`
		Phone    string `json:"phone"`
		Language string `json:"language"`
	} `json:"contact"`
}

// person is one generated report and what the test learns about it.
type person struct {
	In    reportInput
	Phone string // E.164, unique per report: it finds the report when an answer was lost
	Pair  int    // index into pairs, or -1
	ID    string // set once stored
}

// pair is a known seek/safe match.
type pair struct{ Seek, Safe int }

// population returns total reports, shuffled, of which 2*pairs form known
// matching pairs (same person, same year and city, different scripts).
func population(total, pairs int, seed int64) ([]*person, []pair) {
	rng := rand.New(rand.NewSource(seed))
	type combo struct{ s, g int }
	var combos []combo
	for s := range surnames {
		for g := range givenNames {
			combos = append(combos, combo{s, g})
		}
	}
	rng.Shuffle(len(combos), func(i, j int) { combos[i], combos[j] = combos[j], combos[i] })
	if pairs >= len(combos) {
		panic(fmt.Sprintf("population: %d pairs need more than %d name combinations", pairs, len(combos)))
	}
	var out []*person
	phone := 0
	add := func(kind, name, cityName string, year int, lang string, pairIdx int) {
		phone++
		p := &person{Phone: fmt.Sprintf("+7701%07d", phone), Pair: pairIdx}
		p.In.Kind, p.In.Person.FullName, p.In.Person.BirthYear, p.In.Person.City = kind, name, year, cityName
		p.In.Contact.Phone, p.In.Contact.Language = fmt.Sprintf("+7 701 %03d %02d %02d", phone/10000, phone/100%100, phone%100), lang
		if kind == "seek" {
			p.In.Contact.Name = givenNames[rng.Intn(len(givenNames))].cyr
		}
		out = append(out, p)
	}
	for i := 0; i < pairs; i++ {
		fam, famLat, gn := names(combos[i].s, combos[i].g)
		year, ct := 1940+rng.Intn(75), cities[rng.Intn(len(cities))]
		// The seeker writes Cyrillic and the shelter Latin, half the time
		// the other way round.
		cyrName, latName := fam+" "+gn.cyr, gn.lat+" "+famLat
		seekName, seekCity, safeName, safeCity := cyrName, ct.cyr, latName, ct.lat
		if i%2 == 1 {
			seekName, seekCity, safeName, safeCity = latName, ct.lat, cyrName, ct.cyr
		}
		add("seek", seekName, seekCity, year, "ru", i)
		add("safe", safeName, safeCity, year, "kk", i)
	}
	// Fillers never reuse a pair's name. A name used twice keeps its kind
	// (chosen by the combination), so two fillers never form a seek/safe
	// pair by construction: any match among them is the matcher's doing.
	rest := combos[pairs:]
	for i := 0; len(out) < total; i++ {
		c := rest[i%len(rest)]
		fam, famLat, gn := names(c.s, c.g)
		kind := "seek"
		if (c.s+c.g)%2 == 0 {
			kind = "safe"
		}
		year, ct := 1940+rng.Intn(75), cities[rng.Intn(len(cities))]
		name, cityName := fam+" "+gn.cyr, ct.cyr
		if rng.Intn(3) == 0 {
			name, cityName = famLat+" "+gn.lat, ct.lat
		}
		add(kind, name, cityName, year, "ru", -1)
	}
	ps := make([]pair, pairs)
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	for i, p := range out {
		if p.Pair >= 0 {
			if p.In.Kind == "seek" {
				ps[p.Pair].Seek = i
			} else {
				ps[p.Pair].Safe = i
			}
		}
	}
	return out, ps
}

// names returns the family name in both scripts, in the form for the given
// name's sex, and the given name.
func names(s, g int) (fam, famLat string, gn givenName) {
	sn, gn := surnames[s], givenNames[g]
	fam, famLat = sn.cyr, sn.lat
	if sn.gendered && gn.female {
		fam, famLat = fam+"а", famLat+"a"
	}
	return fam, famLat, gn
}
