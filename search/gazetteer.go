package search

import (
	"sort"
	"strings"
)

// place is one city or region: its names per language and the historic and
// informal names people still write (a mother born in Alma-Ata writes
// Alma-Ata; a passport from 2020 says Nur-Sultan).
type place struct {
	kk, ru, en string
	other      []string
	abroad     bool
}

// places of Kazakhstan (regional centres, large towns) and a few abroad where
// evacuees from Kazakhstan go. The canonical key of a place is the key of its
// English name.
var places = []place{
	{kk: "Алматы", ru: "Алматы", en: "Almaty", other: []string{"Алма-Ата", "Alma-Ata", "Almaata", "Верный", "Vernyi"}},
	{kk: "Астана", ru: "Астана", en: "Astana", other: []string{"Нур-Султан", "Nur-Sultan", "Nursultan", "Нұр-Сұлтан", "Акмола", "Akmola", "Aqmola", "Ақмола", "Целиноград", "Tselinograd", "Акмолинск", "Akmolinsk"}},
	{kk: "Шымкент", ru: "Шымкент", en: "Shymkent", other: []string{"Чимкент", "Chimkent"}},
	{kk: "Өскемен", ru: "Усть-Каменогорск", en: "Oskemen", other: []string{"Ust-Kamenogorsk", "Ust-Kamenogorsk", "Öskemen"}},
	{kk: "Семей", ru: "Семей", en: "Semey", other: []string{"Семипалатинск", "Semipalatinsk", "Semei"}},
	{kk: "Тараз", ru: "Тараз", en: "Taraz", other: []string{"Жамбыл", "Zhambyl", "Джамбул", "Dzhambul", "Jambyl", "Аулие-Ата", "Aulie-Ata", "Мирзоян"}},
	{kk: "Орал", ru: "Уральск", en: "Oral", other: []string{"Uralsk", "Oral"}},
	{kk: "Ақтөбе", ru: "Актобе", en: "Aktobe", other: []string{"Актюбинск", "Aktyubinsk", "Aqtöbe"}},
	{kk: "Қызылорда", ru: "Кызылорда", en: "Kyzylorda", other: []string{"Кзыл-Орда", "Kzyl-Orda", "Qyzylorda", "Ак-Мечеть", "Перовск"}},
	{kk: "Талдықорған", ru: "Талдыкорган", en: "Taldykorgan", other: []string{"Талды-Курган", "Taldy-Kurgan", "Taldyqorgan"}},
	{kk: "Атырау", ru: "Атырау", en: "Atyrau", other: []string{"Гурьев", "Guryev", "Gurev", "Gurjew"}},
	{kk: "Павлодар", ru: "Павлодар", en: "Pavlodar"},
	{kk: "Қарағанды", ru: "Караганда", en: "Karaganda", other: []string{"Qaraghandy", "Karagandy", "Qaragandy"}},
	{kk: "Петропавл", ru: "Петропавловск", en: "Petropavl", other: []string{"Petropavlovsk", "Қызылжар", "Kyzylzhar"}},
	{kk: "Қостанай", ru: "Костанай", en: "Kostanay", other: []string{"Кустанай", "Kustanai", "Qostanay"}},
	{kk: "Көкшетау", ru: "Кокшетау", en: "Kokshetau", other: []string{"Кокчетав", "Kokchetav"}},
	{kk: "Түркістан", ru: "Туркестан", en: "Turkistan", other: []string{"Turkestan"}},
	{kk: "Жезқазған", ru: "Жезказган", en: "Zhezkazgan", other: []string{"Jezkazgan", "Djezkazgan", "Джезказган", "Dsheskasgan"}},
	{kk: "Екібастұз", ru: "Экибастуз", en: "Ekibastuz"},
	{kk: "Қонаев", ru: "Конаев", en: "Konaev", other: []string{"Капчагай", "Kapchagay", "Kapshagay", "Қапшағай", "Qonaev"}},
	{kk: "Ақтау", ru: "Актау", en: "Aktau", other: []string{"Шевченко", "Shevchenko", "Aqtau"}},
	{kk: "Теміртау", ru: "Темиртау", en: "Temirtau"},
	{kk: "Ақсу", ru: "Аксу", en: "Aksu", other: []string{"Ермак", "Yermak", "Ermak", "Aqsu"}},
	{kk: "Рудный", ru: "Рудный", en: "Rudny"},
	{kk: "Жаңаөзен", ru: "Жанаозен", en: "Zhanaozen", other: []string{"Новый Узень", "Novy Uzen", "Neu-Usen"}},
	{kk: "Балқаш", ru: "Балхаш", en: "Balkhash"},
	{kk: "Сәтбаев", ru: "Сатпаев", en: "Satbayev", other: []string{"Никольский"}},
	{kk: "Қаскелең", ru: "Каскелен", en: "Kaskelen"},
	{kk: "Есік", ru: "Есик", en: "Yesik", other: []string{"Иссык", "Issyk"}},
	{kk: "Талғар", ru: "Талгар", en: "Talgar"},
	{kk: "Үштөбе", ru: "Уштобе", en: "Ushtobe"},
	{kk: "Жаркент", ru: "Жаркент", en: "Zharkent", other: []string{"Панфилов", "Panfilov"}},
	{kk: "Шонжы", ru: "Чунджа", en: "Shonzhy", other: []string{"Chundzha", "Chunja", "Şonjy"}},
	{kk: "Шелек", ru: "Чилик", en: "Shelek", other: []string{"Chilik"}},
	{kk: "Ұзынағаш", ru: "Узынагаш", en: "Uzynagash"},
	{kk: "Масаншы", ru: "Масанчи", en: "Masanchi", other: []string{"Masanshy"}},
	{kk: "Қордай", ru: "Кордай", en: "Korday", other: []string{"Qorday"}},
	{kk: "Шу", ru: "Шу", en: "Shu", other: []string{"Чу", "Chu"}},
	{kk: "Кентау", ru: "Кентау", en: "Kentau"},
	{kk: "Байқоңыр", ru: "Байконур", en: "Baikonur", other: []string{"Ленинск", "Baykonur"}},
	{kk: "Риддер", ru: "Риддер", en: "Ridder", other: []string{"Лениногорск", "Leninogorsk"}},
	{kk: "Степногорск", ru: "Степногорск", en: "Stepnogorsk"},
	{kk: "Арал", ru: "Аральск", en: "Aral", other: []string{"Aralsk"}},
	{kk: "Қандыағаш", ru: "Кандыагаш", en: "Kandyagash"},
	{kk: "Сарыағаш", ru: "Сарыагаш", en: "Saryagash"},
	{kk: "Жетісай", ru: "Жетысай", en: "Zhetysai"},
	{kk: "Абай облысы", ru: "Абайская область", en: "Abai Region"},
	{kk: "Алматы облысы", ru: "Алматинская область", en: "Almaty Region"},
	{kk: "Маңғыстау", ru: "Мангистау", en: "Mangystau", other: []string{"Мангышлак", "Mangyshlak"}},
	{kk: "Бішкек", ru: "Бишкек", en: "Bishkek", other: []string{"Фрунзе", "Frunze"}, abroad: true},
	{kk: "Ташкент", ru: "Ташкент", en: "Tashkent", other: []string{"Toshkent"}, abroad: true},
	{kk: "Мәскеу", ru: "Москва", en: "Moscow", other: []string{"Moskva", "Moskau"}, abroad: true},
	{kk: "Санкт-Петербор", ru: "Санкт-Петербург", en: "Saint Petersburg", other: []string{"St Petersburg", "Ленинград", "Leningrad", "Питер", "Sankt Petersburg"}, abroad: true},
	{kk: "Омбы", ru: "Омск", en: "Omsk", abroad: true},
	{kk: "Новосібір", ru: "Новосибирск", en: "Novosibirsk", abroad: true},
	{kk: "Ыстамбұл", ru: "Стамбул", en: "Istanbul", other: []string{"İstanbul"}, abroad: true},
	{kk: "Үрімші", ru: "Урумчи", en: "Urumqi", other: []string{"Ürümqi", "Urumtschi"}, abroad: true},
	{kk: "Бейжің", ru: "Пекин", en: "Beijing", other: []string{"Peking", "Пекин"}, abroad: true},
	{kk: "Сеул", ru: "Сеул", en: "Seoul", abroad: true},
	{kk: "Берлин", ru: "Берлин", en: "Berlin", abroad: true},
	{kk: "Дубай", ru: "Дубай", en: "Dubai", abroad: true},
	{kk: "Анкара", ru: "Анкара", en: "Ankara", abroad: true},
	{kk: "Баку", ru: "Баку", en: "Baku", abroad: true},
	{kk: "Тбилиси", ru: "Тбилиси", en: "Tbilisi", abroad: true},
}

// cityByKey maps the key of every name of every place onto its canonical key.
var cityByKey = map[string]string{}

// placeKey is the key of a place name: the primary keys of its words,
// joined, so that Alma-Ata, Алма-Ата and Almaata agree.
func placeKey(s string) string {
	var b strings.Builder
	for _, t := range Tokens(s) {
		b.WriteString(Skeleton(t))
	}
	return b.String()
}

func init() {
	for _, p := range places {
		canon := placeKey(p.en)
		for _, n := range append([]string{p.kk, p.ru, p.en}, p.other...) {
			k := placeKey(n)
			if _, dup := cityByKey[k]; !dup {
				cityByKey[k] = canon
			}
		}
	}
}

// cityWords are words that do not name the place: "г.", "город", "city".
var cityWords = map[string]bool{"g": true, "gorod": true, "kala": true, "kalasi": true, "city": true, "sity": true, "obl": true, "oblast": true, "oblisi": true, "region": true, "raion": true, "audani": true, "kazakhstan": true, "kazahstan": true, "rk": true, "respublika": true,
	"r": true, "n": true, "rn": true, "rayon": true, "district": true} // р-н: a trial of lists (2026-12-07)

// CityKey returns the canonical key of a place name in any script or
// historic form (Алма-Ата, Almaty → "almati"), or the normalized skeleton
// of an unknown place so that two spellings of it still compare. Words like
// "г." or "город" and a trailing country are ignored. "" for an empty name.
func CityKey(s string) string {
	if k, ok := cityCache.get(s); ok {
		return k
	}
	k := cityKey(s)
	cityCache.put(s, k)
	return k
}

// cityCache remembers CityKey answers: reports name a few hundred places,
// and the nearest-place fallback scans the whole gazetteer.
var cityCache = newBoundedCache[string, string](200000)

func cityKey(s string) string {
	if k := placeKey(s); k != "" {
		if c, ok := cityByKey[k]; ok {
			return c
		}
	}
	var words []string
	for _, t := range Tokens(s) {
		if !cityWords[Skeleton(t)] {
			words = append(words, t)
		}
	}
	k := placeKey(strings.Join(words, " "))
	if c, ok := cityByKey[k]; ok {
		return c
	}
	// German, Polish... readings of ambiguous Latin letters: Gurjew = Гурьев.
	if len(words) == 1 {
		for _, alt := range TokenKeys(words[0]) {
			if c, ok := cityByKey[alt]; ok {
				return c
			}
		}
	}
	// "Almaty, Kazakhstan" or "Алматы Медеуский район": try the first word.
	if len(words) > 1 {
		if c, ok := cityByKey[Skeleton(words[0])]; ok {
			return c
		}
	}
	if c := nearestPlace(k); c != "" {
		return c
	}
	return k
}

// nearestPlace returns the canonical key of the one known place whose key
// is within a small edit distance of k (Yekibasstus, Shanaosen), or "".
// Two candidates at the same distance mean we cannot tell: "".
func nearestPlace(k string) string {
	budget := 1
	if len(k) >= 8 {
		budget = 2
	}
	if len(k) < 5 {
		return ""
	}
	best, bestD, ties := "", budget+1, 0
	for key, canon := range cityByKey {
		d := levenshtein(k, key, budget)
		switch {
		case d < bestD:
			best, bestD, ties = canon, d, 0
		case d == bestD && canon != best:
			ties++
		}
	}
	if bestD > budget || ties > 0 {
		return ""
	}
	return best
}

// CityName returns the name of the place with the given key in lang
// ("kk", "ru", anything else = English), or "" when the key is unknown.
// PlaceName is the gazetteer's name in lang of the place text names
// ("Алма-Ата", "Almaty, Kazakhstan" → "Алматы"); "" for a place it does
// not know. SMS name a known place only so (notify.Composer.Places).
func PlaceName(text, lang string) string { return CityName(CityKey(text), lang) }

func CityName(key, lang string) string {
	for _, p := range places {
		if placeKey(p.en) == key {
			return p.name(lang)
		}
	}
	return ""
}

func (p place) name(lang string) string {
	switch lang {
	case "kk":
		return p.kk
	case "ru":
		return p.ru
	}
	return p.en
}

// CityNames lists the places of Kazakhstan (then abroad) in lang for form
// suggestions, sorted within each group.
func CityNames(lang string) []string {
	var home, abroad []string
	for _, p := range places {
		if p.abroad {
			abroad = append(abroad, p.name(lang))
		} else {
			home = append(home, p.name(lang))
		}
	}
	sort.Strings(home)
	sort.Strings(abroad)
	return append(home, abroad...)
}
