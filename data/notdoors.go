package data

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// What a number next to a street's name or a street word is not: a
// door. A reader's trial found dates, ranges of days, heights, school
// classes, institutions' numbers and temperatures hidden as houses
// (Пропал 12-05-2024, Рост 170-175, Детский дом №3, на улице -15).

// measureWords take a number that is a measure or names a numbered thing,
// never an address (Рост 170-175, Автобус 12а, Школа 25, size 38).
var measureWords = wordSet(`рост вес размер возраст обувь бой салмағы жасы өлшемі height weight size age aged
	автобус маршрут рейс поезд вагон место школа гимназия лицей больница гкб поликлиника роддом палата кабинет
	аудитория группа класс колледж корпус сынып мектеп аурухана bus route flight train seat school hospital ward room
	высота длина ширина глубина температура давление пульс сахар зрение цена сумма оценка счёт счет pressure pulse
	школы школе гимназии лицея больницы колония колонии сизо ик учреждение мужчина женщина парень девушка мальчик девочка
	ребенок ребёнок man woman boy girl пациент пациентка неизвестный неизвестная patient unknown gate terminal platform exit day highway терминал платформа вокзал вокзале станция станции`)

// notStreetBetween are the little words between a capitalised word and a
// number that part them (Ушёл в 14-30, Пропала с 5-7): the capital is
// then a sentence's first word, not a street's name.
var notStreetBetween = wordSet(`в во на с со до по у к и или около после между from to at in on since and or`)

// kazakhHour is an hour with the Kazakh locative (10-да, 8-де, 00-де of
// 18:00-де: at ten): сағат 10-да үйден шықты (left home at ten) lost its
// hour to the door rules (an attacker's trial, 2026-12-07).
var kazakhHour = regexp.MustCompile(`^\d{1,2}-(да|де|та|те)$`)

// notADoor reports whether word j of s is a date, a year, a time of day,
// a number after № or with a sign (-15), or a measure's number.
func notADoor(s string, words [][2]int, j int) bool {
	t := strings.Trim(s[words[j][0]:words[j][1]], ".-/")
	if isCalendarDate(t) || dayMonth(t) || year.MatchString(t) || timeOfDay.MatchString(t) || kazakhHour.MatchString(t) {
		return true
	}
	before := strings.TrimRight(s[:words[j][0]], " ")
	if (strings.HasSuffix(before, "№") || strings.HasSuffix(before, "#")) && !numberedDoor(s, words, j-1) {
		return true // школа №5; not дом №10, кв. №5, apt #5 (attacker trial, 2026-12-07)
	}
	if r, n := utf8.DecodeLastRuneInString(s[:words[j][0]]); n > 0 && strings.ContainsRune("-+−", r) {
		if p, _ := utf8.DecodeLastRuneInString(s[:words[j][0]-n]); p == utf8.RuneError || unicode.IsSpace(p) {
			return true // a temperature: на улице -15
		}
	}
	return j > 0 && measureWords[strings.ToLower(strings.Trim(s[words[j-1][0]:words[j-1][1]], ".:"))]
}

// streetNameAt reports whether word j may be a street's name: a
// capitalised word that is not a measure word, with nothing but blanks
// between it and the next word (Ерлан, 10-12 is a name and a range).
func streetNameAt(s string, words [][2]int, j int) bool {
	if j < 0 || j >= len(words) {
		return false
	}
	w := s[words[j][0]:words[j][1]]
	if !startsUpper(w) || measureWords[strings.ToLower(strings.Trim(w, "."))] {
		return false
	}
	return j+1 >= len(words) || strings.TrimSpace(s[words[j][1]:words[j+1][0]]) == ""
}

// isRailway reports whether w is "ж/д" or "ж.д." (railway), whose д is no
// дом.
func isRailway(w string) bool {
	w = strings.ToLower(w)
	return strings.HasPrefix(w, "ж/д") || strings.HasPrefix(w, "ж.д")
}

// numberedDoor reports whether word k, before a number sign, makes it a
// door: a street word (дом №10, кв. №5, мой дом №15), but not a house
// that a capitalised adjective makes an institution (Детский дом №3,
// Родильный дом №1).
func numberedDoor(s string, words [][2]int, k int) bool {
	if k < 0 || !isStreetWord(s[words[k][0]:words[k][1]]) {
		return false
	}
	if k == 0 || strings.ToLower(s[words[k][0]:words[k][1]]) != "дом" {
		return true
	}
	// an institution's name is capitalised (Детский дом №3); мой дом №15 is a door
	adjective := s[words[k-1][0]:words[k-1][1]]
	named := startsUpper(adjective) && (strings.HasSuffix(adjective, "ий") || strings.HasSuffix(adjective, "ый") || strings.HasSuffix(adjective, "ой"))
	return !named
}
