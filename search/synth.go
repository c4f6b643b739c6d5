package search

import (
	"math/rand/v2"
	"strings"

	"tuys/data"
)

// The synthetic generator writes realistic people of Kazakhstan for eval
// distractors and benchmarks: Kazakh surnames built from fathers' names
// (-ов/-ев/-баев/-бекова, -ұлы), Russian, Ukrainian, Korean-Kazakh, Uzbek,
// Uyghur, Tatar and Azerbaijani surnames, given names from the same table
// the matcher uses, years and places — each written in one of the scripts
// and spellings people use: Cyrillic with or without Kazakh letters,
// passport Latin, informal Latin, the 2021 Kazakh Latin alphabet, German
// style. The same seed gives the same people.

const slavicSurnames = `Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Федоров Морозов Волков Алексеев Лебедев Семенов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев Соловьев Борисов Яковлев Григорьев Романов Воробьев Сергеев Кузьмин Фролов Александров Дмитриев Королев Гусев Киселев Ильин Максимов Поляков Сорокин Виноградов Ковалев Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышев Быков Маслов Родионов Коновалов Лазарев Воронин Климов Филатов Пономарев Голубев Кудрявцев Прохоров Наумов Потапов Журавлев Овчинников Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Грачев Котов Гришин Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев Бирюков Горбунов Анисимов Еремин Тихомиров Галкин Лукьянов Михеев Скворцов Юдин Белоусов Нестеров Симонов Прокофьев Харитонов Князев Цветков Левин Митрофанов Воронцов Аксенов Гаврилов Шевченко Бондаренко Коваленко Ткаченко Кравченко Олейник Мельник Шевчук Бойко Коваль Ковальчук Лысенко Руденко Савченко Марченко Высоцкий Ковальский Островский Вишневский Лесной Берг Шмидт Вагнер Миллер Шульц Нейман Гофман Браун Кох Рихтер`

const turkicSurnames = `Юлдашев Рахимов Хамидуллин Сабиров Гарипов Масимов Ниязов Турсунов Исламов Закиров Валиев Шарипов Алиев Мамедов Гасанов Абдуллаев Каримов Юсупов Усманов Ахмедов Хасанов Галиев Садыков Нуриев Зарипов Гайнутдинов Хайруллин Мухаметшин Латыпов Файзуллин Мирзаев Азизов Рашидов Хакимов Умаров Эргашев Ташкентов Исмаилов Ибрагимов Мусаев Курбанов Гусейнов Рзаев Абдурахманов Насыров Тохтаров Сулейманов Кадыров Бакиев Токтогулов Мамытов`

// Kazakh surname roots (the father's or grandfather's name); suffixes are
// added by the generator.
const kazakhRoots = `Жұмабай Нұрлан Ахмет Сәрсенбай Қасым Оспан Әбдірахман Есен Серікбай Мұхамеджан Төлеген Хасен Бекмұхамбет Сүлеймен Омар Байжан Нұрғали Ержан Кенжебек Смағұл Рахим Жақсылық Құрман Досмағамбет Абен Тұрсынбек Хамит Ибрай Тоқтар Әбілқайыр Қайрат Назарбай Тоқаев Мамырбай Бейсен Жексен Сейіт Ысқақ Әлімжан Қожахмет Мақаш Тілеу Бердібек Жанұзақ Ақын Қалдыбай Ыбырай Шәкен Дүйсен Мырзахмет Сапар Бекет Жолдас Қуаныш Мейрам Қонысбай Әміре Рысқұл Сағынтай Бөкей Есжан Құдайберген Әшім Дәулетбай Тасболат Қаржау Шынар Әуез Байтұрсын Тәжібай Жүсіп Нысанбай Айтбай Есім Бақтыбай Орынбай Байбосын Садық Өтеген Қуат Шалқар Қасен Ералы Қалиев Мусин Әлібай Сәтбай Жамбыл Көшербай Бөрібай Ізбасар Амангелді Жақып Сыздық Темірбай Тұрар`

// gazetteer names as written, for years and places of synthetic people.
var synthCities = func() []string {
	var out []string
	for _, p := range places {
		out = append(out, p.kk, p.ru, p.en)
		out = append(out, p.other...)
	}
	return out
}()

// Synth generates synthetic people.
type Synth struct {
	rng                   *rand.Rand
	slavic, turkic, roots []string
	male, female          []string
	korean                []string
}

// NewSynth returns a generator seeded with seed.
func NewSynth(seed uint64) *Synth {
	s := &Synth{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	s.slavic = strings.Fields(slavicSurnames)
	s.turkic = strings.Fields(turkicSurnames)
	s.roots = strings.Fields(kazakhRoots)
	for _, e := range strings.Fields(maleNames) {
		s.male = append(s.male, strings.Split(e, "|")...)
	}
	for _, e := range strings.Fields(femaleNames) {
		s.female = append(s.female, strings.Split(e, "|")...)
	}
	for _, g := range strings.Fields(koreanSurnames) {
		vars := strings.Split(g, "|")
		s.korean = append(s.korean, vars[0])
	}
	return s
}

func (s *Synth) pick(xs []string) string { return xs[s.rng.IntN(len(xs))] }

// SynthPerson is one generated person, in Cyrillic, before rendering.
type SynthPerson struct {
	Family, Given, Patronymic string
	Female                    bool
	Year                      int    // 0 = unknown
	City                      string // one of the gazetteer's names, "" = unknown
}

// Person generates one person.
func (s *Synth) Person() SynthPerson {
	p := SynthPerson{Female: s.rng.IntN(2) == 0}
	if p.Female {
		p.Given = s.pick(s.female)
	} else {
		p.Given = s.pick(s.male)
	}
	p.Family, _ = s.family(p.Female)
	if s.rng.IntN(5) == 0 {
		p.Patronymic = s.patronymic(p.Female)
	}
	if s.rng.IntN(10) > 0 {
		p.Year = 1935 + s.rng.IntN(88)
	}
	if s.rng.IntN(5) > 0 {
		p.City = s.pick(synthCities)
	}
	return p
}

// Render writes p as a report in one of the spellings (style 0-9, see
// render), family name first unless givenFirst.
func (p SynthPerson) Render(style int, givenFirst, withSex bool) *data.Report {
	parts := []string{p.Family, p.Given}
	if givenFirst {
		parts = []string{p.Given, p.Family}
	}
	if p.Patronymic != "" {
		parts = append(parts, p.Patronymic)
	}
	r := &data.Report{Kind: data.KindSafe, Status: data.StatusActive, Channel: data.ChannelImport, SourceName: "synthetic",
		FullName: render(strings.Join(parts, " "), style), BirthYear: p.Year}
	if p.City != "" {
		r.City = render(p.City, style)
	}
	if withSex {
		r.Sex = "M"
		if p.Female {
			r.Sex = "F"
		}
	}
	n := ParseName(r.FullName)
	r.GivenName, r.FamilyName, r.Patronymic = n.Given, n.Family, n.Patronymic
	return r
}

// Report returns one synthetic safe report (kind and status set; the store
// assigns the ID).
func (s *Synth) Report() *data.Report {
	return s.Person().Render(s.rng.IntN(10), s.rng.IntN(3) == 0, s.rng.IntN(3) > 0)
}

// family returns a surname in Cyrillic in the right gender form.
func (s *Synth) family(female bool) (string, string) {
	var m string
	switch x := s.rng.IntN(100); {
	case x < 55:
		root := s.pick(s.roots)
		suf := []string{"ов", "ов", "баев", "беков", "ұлы"}[s.rng.IntN(5)]
		last := []rune(root)[len([]rune(root))-1]
		if strings.ContainsRune("аәеиоөуұүыіэюя", last) && suf == "ов" {
			suf = "ев"
		}
		if strings.ContainsRune("йь", last) && suf == "ов" {
			root, suf = string([]rune(root)[:len([]rune(root))-1]), "ев"
		}
		m = root + suf
	case x < 80:
		m = s.pick(s.slavic)
	case x < 92:
		m = s.pick(s.turkic)
	default:
		return s.pick(s.korean), ""
	}
	if female {
		m = feminine(m)
	}
	return m, ""
}

// feminine turns a masculine surname into its feminine form.
func feminine(m string) string {
	switch {
	case strings.HasSuffix(m, "ұлы"):
		return strings.TrimSuffix(m, "ұлы") + "қызы"
	case strings.HasSuffix(m, "ский"), strings.HasSuffix(m, "цкий"):
		return strings.TrimSuffix(m, "ий") + "ая"
	case strings.HasSuffix(m, "ов"), strings.HasSuffix(m, "ев"), strings.HasSuffix(m, "ин"):
		return m + "а"
	}
	return m
}

func (s *Synth) patronymic(female bool) string {
	father := s.pick(s.male)
	if s.rng.IntN(2) == 0 {
		if female {
			return father + "қызы"
		}
		return father + "ұлы"
	}
	if female {
		return father + "овна"
	}
	return father + "ович"
}

// render writes a Cyrillic string in one of the spellings people use.
func render(cyr string, style int) string {
	switch style {
	case 0, 1, 2: // Cyrillic as written
		return cyr
	case 3: // Russian keyboard: Kazakh letters replaced
		return strings.NewReplacer("ә", "а", "ғ", "г", "қ", "к", "ң", "н", "ө", "о", "ұ", "у", "ү", "у", "һ", "х", "і", "и",
			"Ә", "А", "Ғ", "Г", "Қ", "К", "Ң", "Н", "Ө", "О", "Ұ", "У", "Ү", "У", "І", "И").Replace(cyr)
	case 4, 5, 6: // passport Latin
		return translitWith(cyr, passportTable)
	case 7: // informal Latin
		return translitWith(cyr, informalTable)
	case 8: // Kazakh Latin 2021
		return translitWith(cyr, latin2021Table)
	default: // German style
		return translitWith(cyr, germanTable)
	}
}

var passportTable = map[rune]string{'а': "a", 'ә': "a", 'б': "b", 'в': "v", 'г': "g", 'ғ': "g", 'д': "d", 'е': "e", 'ё': "e", 'ж': "zh", 'з': "z", 'и': "i", 'й': "y", 'і': "i", 'к': "k", 'қ': "k", 'л': "l", 'м': "m", 'н': "n", 'ң': "n", 'о': "o", 'ө': "o", 'п': "p", 'р': "r", 'с': "s", 'т': "t", 'у': "u", 'ұ': "u", 'ү': "u", 'ф': "f", 'х': "kh", 'һ': "h", 'ц': "ts", 'ч': "ch", 'ш': "sh", 'щ': "shch", 'ъ': "", 'ы': "y", 'ь': "", 'э': "e", 'ю': "yu", 'я': "ya"}
var informalTable = override(passportTable, map[rune]string{'ж': "j", 'х': "h", 'й': "i", 'ю': "iu", 'я': "ia", 'ы': "i", 'ц': "c"})
var latin2021Table = override(passportTable, map[rune]string{'ә': "ä", 'ғ': "ğ", 'қ': "q", 'ң': "ñ", 'ө': "ö", 'ұ': "ū", 'ү': "ü", 'ы': "ı", 'і': "i", 'ш': "ş", 'ч': "ç", 'ж': "j", 'й': "i", 'х': "h", 'ю': "iu", 'я': "ia"})
var germanTable = override(passportTable, map[rune]string{'ш': "sch", 'ч': "tsch", 'ж': "sh", 'в': "w", 'й': "j", 'ю': "ju", 'я': "ja", 'х': "ch", 'ц': "z", 'з': "s", 'с': "ss"})

func override(base, over map[rune]string) map[rune]string {
	m := make(map[rune]string, len(base))
	for k, v := range base {
		m[k] = v
	}
	for k, v := range over {
		m[k] = v
	}
	return m
}

// translitWith romanizes with tbl, keeping capitals and writing е as "ye"
// at the start of a word (Yerlan) the way passports do.
func translitWith(s string, tbl map[rune]string) string {
	var b strings.Builder
	start := true
	for _, r := range s {
		lower := []rune(strings.ToLower(string(r)))[0]
		t, ok := tbl[lower]
		if !ok {
			b.WriteRune(r)
			start = r == ' ' || r == '-'
			continue
		}
		if lower == 'е' && start && tbl['е'] == "e" {
			t = "ye"
		}
		if lower != r && t != "" { // capital
			rs := []rune(t)
			t = strings.ToUpper(string(rs[:1])) + string(rs[1:])
		}
		b.WriteString(t)
		start = false
	}
	return b.String()
}

// Reports returns n synthetic reports.
func (s *Synth) Reports(n int) []*data.Report {
	out := make([]*data.Report, n)
	for i := range out {
		out[i] = s.Report()
	}
	return out
}
