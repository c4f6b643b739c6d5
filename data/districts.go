package data

import (
	"regexp"
	"strings"
)

// knownDistricts are the micro-districts of Kazakh towns that go by a
// name and a number (Аксай-4, Самал-2, Орбита-3, Степной-4), in Russian,
// Kazakh and Latin spellings. Written without мкр in a place field their
// number was hidden as a house's (a reader's trial, 2026-12-07), and a
// family reads "Аксай-•••" as a place they cannot find. A street of the
// same name (Туран in Astana is an avenue) is left out.
var knownDistricts = wordSet(`аксай самал орбита жетысу жетісу мамыр коктем көктем таугуль таугүл айнабулак айнабұлақ
	калкаман қалқаман кулагер құлагер шугыла шұғыла алмагуль алмагүл акбулак ақбұлақ тастак тастақ сайран
	коктал көктал жагалау жағалау степной авангард нурсат нұрсат кайтпас қайтпас шанырак шаңырақ жулдыз жұлдыз
	улжан ұлжан курылысшы құрылысшы кокжиек көкжиек акжар ақжар дорожник зердели мирас
	aksay aksai samal orbita zhetysu jetysu mamyr koktem taugul ainabulak aynabulak kalkaman kulager shugyla almagul
	akbulak tastak sairan sayran koktal zhagalau stepnoy avangard nursat kaitpas kaytpas shanyrak zhuldyz ulzhan kokzhiek akzhar`)

// knownDistrictNumber is a known district's name run into its number
// (Аксай-4, Аксай-1А): districts of one name count to a few.
var knownDistrictNumber = regexp.MustCompile(`^(\p{L}+)-(\d\p{L}?)$`)

// namedDistrictNumber reports whether the word at i is a known district
// with its number (Аксай-4), or the number after its name (Аксай 4),
// with no street word before the name (ул. Самал 2 is a street's house)
// and no bare number after a number parted by a blank (Самал 2 45 reads
// as a street's house and flat).
func namedDistrictNumber(s string, words [][2]int, i int) bool {
	text := func(j int) string { return s[words[j][0]:words[j][1]] }
	streetBefore := func(j int) bool { return j >= 0 && isStreetWord(text(j)) }
	if m := knownDistrictNumber.FindStringSubmatch(text(i)); m != nil {
		return knownDistricts[strings.ToLower(m[1])] && !streetBefore(i-1)
	}
	if i == 0 || !bareDistrictNumber.MatchString(text(i)) || s[words[i-1][1]:words[i][0]] != " " ||
		!knownDistricts[strings.ToLower(text(i-1))] || streetBefore(i-2) {
		return false
	}
	return i+1 >= len(words) || strings.ContainsAny(s[words[i][1]:words[i+1][0]], ",;\n") || !strings.ContainsFunc(text(i+1), isDigit)
}

var bareDistrictNumber = regexp.MustCompile(`^\d\p{L}?$`)

func isDigit(r rune) bool { return r >= '0' && r <= '9' }
