package data

import "testing"

// TestBirthDatesAfterLookalikeLetters: a day of birth or a year after a
// name whose letters look like digits (В, Т, О) stays (a helper's trial of
// over-hiding, 2026-12-07, found "Ким В.•••" and "АХМЕ•••"); lookalikes
// among the digits, or standing alone before them, are still a number.
func TestBirthDatesAfterLookalikeLetters(t *testing.T) {
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"Ким В.В. 12.05.1985", "Ким В.В. 12.05.1985"},
		{"АХМЕТОВ 1985 г.р.", "АХМЕТОВ 1985 г.р."},
		{"СЕЙТОВ Т.О., 03.11.1979 года рождения", "СЕЙТОВ Т.О., 03.11.1979 года рождения"},
		{"Петров Б.О. 1990 г.; ТОКТАРОВ 2001 жыл; ZABOTIN born 1969", "Петров Б.О. 1990 г.; ТОКТАРОВ 2001 жыл; ZABOTIN born 1969"},
		// and what is still a number
		{"Ким 8 7O1 12.05.1985; ТО 12.05.1985", "Ким •••; •••"},
		{"ИВТООI 234 567; АХМЕТОВ 1985 123 45 67", "И•••; АХМЕ•••"},
		{"В.В. 7О1 123 45 67", "В.•••"},
	})
}

// TestDayMonthListsAndDottedTimes: days with their month and no year, in a
// list or a range, and times with a dot in a range stay (the trial found
// "12.01–15.01" hidden as a number); small numbers beside them, or a month
// of one digit, still make a number.
func TestDayMonthListsAndDottedTimes(t *testing.T) {
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"видели 12.01–15.01 и 20.01-22.01", "видели 12.01–15.01 и 20.01-22.01"},
		{"дежурства 5.01, 6.01, 9.01, 12.01", "дежурства 5.01, 6.01, 9.01, 12.01"},
		{"приём в 14.30-16.00, в субботу 9.00 – 13.00", "приём в 14.30-16.00, в субботу 9.00 – 13.00"},
		// and what is still a number
		{"8.7 01.12 3.4 5.6 7", "•••"},
		{"был 12.01 123 45 67", "был •••"},
		{"звоните 8 701 12.01 45 67", "звоните •••"},
		{"8.70 11.23 45.67", "•••"},
	})
}

// TestListsOfSmallNumbers: lists of numbers of one or two digits (ages,
// bus routes, wards, sizes) stay when they hold under ten digits, too
// few for a number with its country's code (the trial found "автобусы
// 12, 45, 67, 92" hidden); a number written in pairs or single digits,
// of here or abroad, is still hidden.
func TestListsOfSmallNumbers(t *testing.T) {
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"автобусы 12, 45, 67, 92", "автобусы 12, 45, 67, 92"},
		{"маршруты 12 45 67 92", "маршруты 12 45 67 92"},
		{"детям 5, 7, 9, 11, 13 лет", "детям 5, 7, 9, 11, 13 лет"},
		{"палаты 3, 5, 12, 14; размеры 38, 40, 42, 44", "палаты 3, 5, 12, 14; размеры 38, 40, 42, 44"},
		// and what is still a number
		{"звоните 8 70 11 23 45 67", "звоните •••"},
		{"звоните 8, 7, 0, 1, 1, 2, 3, 4, 5, 6, 7", "звоните •••"},
		{"17 01 12 34 56 7", "•••"},
		{"+7 70 11 23 45 67", "•••"},
		{"9 12 34 56 78 9", "•••"},
		{"49 15 12 34 56 78 9", "•••"},    // abroad: Germany
		{"90, 53, 21, 23, 45, 67", "•••"}, // Turkey
		{"звоните 87 01 12 34 56 7 вечером", "звоните ••• вечером"},
	})
}

// TestWorkplacesContractionsAndTenge: an English "works at Kaspi.kz" is a
// workplace, "wasn't me who" a contraction and "5000 тг: долг" a sum (the
// trial found them hidden as an address, a t.me link and a handle); a
// mailbox at a mail service, t me with a handle and a handle after a
// sum's тг with the marks of one are still hidden.
func TestWorkplacesContractionsAndTenge(t *testing.T) {
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"He works at Kaspi.kz; she worked at Halyk.kz", "He works at Kaspi.kz; she worked at Halyk.kz"},
		{"It wasn't me who called; I didn't me either", "It wasn't me who called; I didn't me either"},
		{"5000 тг: долг; цена 500 тг - хлеб; 1500 tg: taxi; 5000 тг (taxi)", "5000 тг: долг; цена 500 тг - хлеб; 1500 tg: taxi; 5000 тг (taxi)"},
		// and what is still a contact
		{"erlan at kaspi.kz, works at gmail.com", "•••, •••"},
		{"пишите t me erlanzh; it's t me erlanzh", "пишите •••; it's •••"},
		{"1985 тг: erlan_zh, 5000 тг - erlan85", "1985 тг: •••, 5000 тг - •••"},
		{"тг: erlanzh; тг - ерлан_ж", "тг: •••; тг - •••"},
	})
}

// TestFemininePastVerbsAreNoStreets: a sentence that starts with a
// Russian verb's feminine past (Пропала, Ушла, Была) and two numbers is
// no street's house and flat (the trial found "Пропала ••• •••"); a
// street in the genitive, known or shaped so, still is.
func TestFemininePastVerbsAreNoStreets(t *testing.T) {
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"Пропала 5 12", "Пропала 5 12"},
		{"Ушла 10 12; Вышла 10 5; Видела 3 4", "Ушла 10 12; Вышла 10 5; Видела 3 4"},
		{"Ушла 3 января", "Ушла 3 января"},
		{"Потерялась 4 5; Нашлась 12 3", "Потерялась 4 5; Нашлась 12 3"},
		// and what is still a door
		{"Жамбыла 10 5; Гоголя 39 5; Карла Маркса 10 5", "Жамбыла ••• •••; Гоголя ••• •••; Карла Маркса ••• •••"},
		{"Пропала, живёт на ул. Жамбыла 10 5", "Пропала, живёт на ул. Жамбыла ••• •••"},
	})
}

// TestCountsAfterAStreetWord: a count after a street word and a verb, or
// before the people it counts, is no door (the trial found "В доме
// остались ••• девочки"); a house after a street word still is.
func TestCountsAfterAStreetWord(t *testing.T) {
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"В доме остались 2 девочки", "В доме остались 2 девочки"},
		{"в квартире были 4 человека; в доме живут 5 семей", "в квартире были 4 человека; в доме живут 5 семей"},
		{"в квартире 2 девочки и 3 мальчика", "в квартире 2 девочки и 3 мальчика"},
		// and what is still a door
		{"ул. Абая 10, в доме остались 2 девочки", "ул. Абая •••, в доме остались 2 девочки"},
		{"в доме 5 живут 3 человека; дом 12 кв 4", "в доме ••• живут 3 человека; дом ••• кв •••"},
	})
}

// TestInstitutionsNumbers: the numbers of institutions and their parts
// (Детский дом 5, корпус 2, отделение 3, больница №7, школа 25) are no
// doors (the trial found "Детский дом •••" and "отделение •••"); a house's
// number after дом, мой дом or a lower-case adjective's дом still is.
func TestInstitutionsNumbers(t *testing.T) {
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"Детский дом 5", "Детский дом 5"},
		{"в детский дом 7 привезли; Родильный дом 1", "в детский дом 7 привезли; Родильный дом 1"},
		{"корпус 2, отделение 3", "корпус 2, отделение 3"},
		{"больница №7, хирургическое отделение 4, палата 12; школа 25", "больница №7, хирургическое отделение 4, палата 12; школа 25"},
		// and what is still a door
		{"мой дом 15; дом 5 кв 12; частный дом 15 по ул. Абая", "мой дом •••; дом ••• кв •••; частный дом ••• по ул. Абая"},
		{"Мой дом №15; ул. Абая 10, корпус 2, кв 5", "Мой дом №•••; ул. Абая •••, корпус 2, кв •••"},
	})
}
