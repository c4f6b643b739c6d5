package search

import (
	"strings"
	"unicode/utf8"
)

// Given names of Kazakhstan (Kazakh, Russian, Tatar, Uzbek, Uyghur, Korean-
// Kazakh families use Russian given names), one name per entry with its
// spelling variants separated by "|". The table serves two purposes: telling
// a given name from a family name when the order is unknown, and knowing that
// Asel and Asem, one letter apart, are two different names, while Bauyrzhan
// and Baurzhan are one. Keys are computed at start-up with the normalizer,
// so any script or convention of the entries works.
const maleNames = `Абай Абдулла Абылай Адиль|Әділ Адильбек Айбар Айбек Айбол Айдар Айдос Айдын Азамат Азат Акжол|Ақжол Алан Алдияр Алибек Алижан Алихан Алмас Алмат Алмаз Алпамыс Амир Амирхан Анатолий Андрей Антон Ануар Арман Арсен Арслан Арсений Артём|Артем Артур Асан Асет Асқар|Аскар Асланбек Аслан Асхат Ахмед|Ахмет Әлібек Әлішер|Алишер Бакыт|Бақыт Бақытжан|Бахытжан Батыр Бауыржан|Бауржан Бекзат Бекболат Бексултан Берик|Берік Болат|Булат Борис Вадим Валентин Валерий Василий Виктор Виталий Владимир Владислав Вячеслав Галым|Ғалым Галымжан|Ғалымжан Геннадий Георгий Григорий Дамир Даниал|Даниял Данияр Даниил Даулет|Дәулет Даурен|Дәурен Денис Дидар Дильшат Динмухамед|Динмұхамед Дмитрий Досжан Дулат Евгений Егор Едиге Ельдар|Эльдар Ерасыл Ербол Ерболат Ерғали Ержан Ерик|Ерік Ерлан Ермек Ерназар Ерсин|Ерсін Ертай Есен Жандос Жанибек|Жәнібек Жасулан Жақсылық Заур Ибрагим|Ибраим Иван Игорь Илья Ильяс|Илияс Ильдар Исмаил Ислам Кайрат|Қайрат Канат|Қанат Кирилл Константин Куаныш|Қуаныш Леонид Мадияр Максат|Мақсат Максим Марат Марлен Мирас Михаил Мурат Мухтар|Мұхтар Мухамед|Мұхамед Нурбол|Нұрбол Нуржан|Нұржан Нурлан|Нұрлан Нурсултан|Нұрсұлтан Олжас Олег Орал Павел Петр|Пётр Ринат Роман Руслан Рустам|Рустем Саят Серик|Серік Сергей Станислав Султан|Сұлтан Сундет Тагир Талгат|Талғат Тимур Темирлан|Темірлан Токтар Улан|Ұлан Фарид Фархад Шамиль Шерхан Эдуард Юрий Ян Ярослав Жанат Жарас Нияз Рахат Серикбол Талгар Бахтияр Ахат Хасан Камиль Ренат Рамиль Анвар Рашид Ильхам Мансур Мурад Тахир Азиз Александр Алексей Николай Игорь Фёдор|Федор Семён|Семен Тимофей Кирилл Никита Матвей Лев Глеб Святослав Аркадий Эрик Богдан Ибрагим Юсуф Иса Ахмед Хамит Бекжан Нурасыл Айсултан Степан Алихан Еркебулан Ерназар Мейрам Бейбит|Бейбіт Мирас Арыстан Санжар Самат Думан Дархан Ерзат Жанболат Нурдаулет Канат Жомарт Яков`

const femaleNames = `Аида Айгерим|Айгерім Айгуль|Айгүл Айдана Айжан Айман Айнур Айсулу|Айсұлу Акбота|Ақбота Акерке|Ақерке Алена|Алёна Алина Алия Алма Анара Анастасия Анель Анна Арай Аружан Асель|Әсел|Асел Асем|Әсем Асия Балжан Бибигуль Ботагоз|Ботагөз Валентина Валерия Вера Виктория Галина Гаухар Гулмира|Гульмира Гульнар Гульнара Гульжан Дана Дариға|Дарига Дарья Диана Динара Дина Елена Елизавета|Элизабет|Элисабет Ельмира|Эльмира Жадыра Жазира Жамиля Жанар Жанель Жанна Жибек Заира Зарема Зарина Зауре|Зәуре Зейнеп Зере Злата Инна Индира Ирина Камила Карина Катерина|Екатерина Кристина Куралай|Құралай Лаура Лейла Лилия Любовь Людмила Ляззат|Ләззат Мадина Маржан Мариям Мария Марина Меруерт Мөлдір|Молдир Надежда Наталья|Наталия Нургуль Нұргүл Оксана Ольга Перизат Раушан Руслана Салтанат Самал Сания Светлана Сауле|Сәуле Сабина Сымбат Татьяна Томирис Тұмар Умит|Үміт Ульяна Фатима Шолпан Юлия Яна Ясмин Мадина Эльвира Гулнара Айша Лаззат Назерке Нурай Ажар Асылым Ботакоз Райхан Гүлнұр Маргарита Софья|София Полина Евгения Александра Ксения Тамара Раиса Ирина Нина Лидия Лариса Зинаида Марина Алсу Гузель Лейсан Айсулу Аяулым Аружан Жансая Томирис Дильназ Камила Мадина Жулдыз|Жұлдыз Айым Динара Гульназ Сабина Эльнура Нургуль Акмарал|Ақмарал Гаухар Шынар Әйгерім Айдана Сара Зухра Роза Бота Асыл Антонина Вероника`

// diminutives maps everyday short forms onto the passport names (both
// sexes when the short form is shared: Саша, Женя, Валя). A full name
// ending in * is the part every name the short form stands for begins
// with: Гуля is any Гуль- or Гүл- name (Гульчехра, Гүлжанат, Гульшат),
// and the names compounded with гүл are too many to list. Ерке is any
// Ерке- name of either sex (Еркебұлан, Еркежан): the sex decides.
const diminutives = `Саша=Александр,Александра Шура=Александр,Александра Женя=Евгений,Евгения Таня=Татьяна Дима=Дмитрий Митя=Дмитрий Миша=Михаил Коля=Николай Вова=Владимир Володя=Владимир Серёжа=Сергей Сережа=Сергей Лена=Елена Наташа=Наталья Катя=Екатерина Маша=Мария Оля=Ольга Света=Светлана Юра=Юрий Лёша=Алексей Алёша=Алексей Леша=Алексей Андрюша=Андрей Петя=Петр Ваня=Иван Паша=Павел Костя=Константин Слава=Вячеслав,Владислав,Станислав Витя=Виктор Валя=Валентин,Валентина Галя=Галина Люда=Людмила Надя=Надежда Ира=Ирина Вика=Виктория Настя=Анастасия Даша=Дарья Юля=Юлия Ксюша=Ксения,Оксана Гена=Геннадий Толя=Анатолий Боря=Борис Игорек=Игорь Рома=Роман Стас=Станислав Влад=Владислав Макс=Максим Тёма=Артём Тема=Артём Лиза=Елизавета Лёха=Алексей Леха=Алексей Вовка=Владимир Яша=Яков Соня=Софья Поля=Полина Рита=Маргарита Люба=Любовь Зина=Зинаида Тома=Тамара Аня=Анна Алик=Алибек,Алишер Ера=Ерлан,Ерболат Нурик=Нурлан,Нурсултан,Нурбол Даке=Даурен Бека=Бекзат,Бекболат,Бекжан Стёпа=Степан Степа=Степан Гоша=Георгий Жора=Георгий Федя=Фёдор Сеня=Семён,Арсений Гриша=Григорий Вася=Василий Лёня=Леонид Леня=Леонид Лёва=Лев Эдик=Эдуард Вадик=Вадим Виталик=Виталий Тима=Тимур,Тимофей Кирюша=Кирилл Антоша=Антон Миля=Людмила Тоня=Антонина Лида=Лидия Лара=Лариса Рая=Раиса Гуля=Гульмира,Гульнара,Гульнар,Гүлнар,Гул* Гуль=Гульмира,Гульнара,Гул* Гулька=Гульмира,Гульнара,Гул* Айка=Айгерим,Айгуль Жанка=Жанна,Жанар Ася=Асель,Анастасия Кристя=Кристина Ника=Вероника Серёга=Сергей Серега=Сергей Жека=Евгений,Евгения Саня=Александр,Александра Санёк=Александр Санек=Александр Колян=Николай Бауке=Бауыржан Ерке=Ерке* Назик=Назерке Яся=Ярослава Диля=Дильнур,Дильназ,Дилара Даник=Данияр,Даниал Эля=Эльвира,Эльмира`

// nameForms are the Ukrainian, Belarusian, German, Georgian and Turkic
// forms of a given name, which relatives abroad and other records write
// (Василь, Андрій, Олександр, Георг: a trial found them "a letter away"
// from Василий, Андрей, 2026-12-07; Сяргей, Гиорги, Тамар, Давит, Юсуп,
// Бахтиёр, another trial; Олександра, Фатма, Гулнора, Güzäl, Зульфие,
// Мердан, Шыңғыс, a third; the German forms that relatives in Germany
// write, Peter, Johann, Katharina): spellings of the name, but no part of the
// synthetic population (Synth draws from the lists above), whose people
// live in Kazakhstan. A name the lists lack carries its sex (Давид:M;
// Еркежан, Еркеназ: a sister's names, so that Ерке reads as either sex).
const nameForms = `Александр=Олександр,Alexander Алексей=Олексій Андрей=Андрій Василий=Василь Дмитрий=Дмитро Евгений=Євген
	Иван=Іван Михаил=Михайло Николай=Микола Петр=Петро Сергей=Сергій Юрий=Юрій Григорий=Григорій Георгий=Георг
	Фёдор=Федір Владимир=Володимир Виктор=Віктор Анатолий=Анатолій Валерий=Валерій Виталий=Віталій
	Геннадий=Геннадій Леонид=Леонід Павел=Павло Тимофей=Тимофій Матвей=Матвій Игорь=Ігор Константин=Костянтин
	Кирилл=Кирило Яков=Яків Елена=Олена Наталья=Наталія Екатерина=Катерина Анна=Ганна Татьяна=Тетяна Ирина=Ірина
	Юлия=Юлія Мария=Марія Светлана=Світлана Виктория=Вікторія Анастасия=Анастасія Надежда=Надія Дарья=Дарія
	Сергей=Сяргей,Siarhei Александр=Аляксандр,Aliaksandr Алексей=Аляксей Николай=Мікалай,Mikalai Дмитрий=Дзмітрый,Dzmitry
	Андрей=Андрэй,Andrei,Andreas,Андреас Наталья=Наталля Татьяна=Тацяна Георгий=Гиорги,Giorgi Тамара=Тамар
	Давид:M=Давит,Davit Анаит:F=Анахит,Anahit Юсуф=Юсуп Фарид=Фарит Бахтияр=Бахтиёр,Baxtiyor,Bakhtiyor
	Улугбек:M=Улукбек,Ulugbek Абдурашид:M=Абдурешит,Абдурешид,Abdurashid Еркежан:F=Erkezhan Еркеназ:F=Erkenaz
	Александра=Олександра Фатима=Фатма Гульнара=Гулнора,Gulnora Гузель=Гузаль,Гүзәл,Güzäl Зульфия:F=Зульфие,Zulfiye
	Мардан:M=Мердан,Merdan Чингиз:M=Шыңғыс,Шынгыс,Chingiz,Shyngys
	Петр=Peter,Петер Павел=Paul,Пауль Иван=Johann,Johannes,Иоганн Яков=Jakob,Якоб Михаил=Michael,Михаэль
	Екатерина=Katharina,Катарина Елизавета:F=Elisabeth,Элизабет Алмаз=Алмас`

// givenInfo is what the table knows about one given-name key.
type givenInfo struct {
	canon string // primary key of the entry's first spelling
	sex   string // "M" or "F"
}

var (
	givenByKey = map[string]givenInfo{}
	dimByKey   = map[string][]string{} // diminutive key → full names as written
	dimPrefix  = map[string][]string{} // diminutive key → keys of the part its names begin with (Гуля: гул)
	unisexDims = map[string]bool{}     // diminutive keys of names of both sexes (Саша: Александр, Александра)
)

func init() {
	load := func(list, sex string) {
		for _, entry := range strings.Fields(list) {
			vars := strings.Split(entry, "|")
			canon := nameKey(vars[0])
			for _, v := range vars {
				for _, k := range TokenKeys(Fold(v)) {
					if _, dup := givenByKey[k]; !dup {
						givenByKey[k] = givenInfo{canon: canon, sex: sex}
					}
				}
			}
		}
	}
	load(maleNames, "M")
	load(femaleNames, "F")
	for _, entry := range strings.Fields(nameForms) {
		name, forms, _ := strings.Cut(entry, "=")
		name, sex, hasSex := strings.Cut(name, ":")
		g, ok := lookupGiven(TokenKeys(Fold(name)))
		if !ok && !hasSex {
			panic("givennames: the form of " + name + ", which the lists lack, with no sex")
		}
		if !ok {
			g = givenInfo{canon: nameKey(name), sex: sex}
			forms = name + "," + forms
		}
		for _, f := range strings.Split(forms, ",") {
			addNameForm(f, g)
		}
	}
	loadDiminutives()
}

// addNameForm makes the keys of form f keys of the name g. A form the
// lists hold as a name of its own is g (Алмас is the Kazakh Алмаз: a
// trial on unseen names found them "another given name"), and its keys
// move; a key another name already holds stays with it.
func addNameForm(f string, g givenInfo) {
	keys := TokenKeys(Fold(f))
	if len(keys) == 0 {
		return
	}
	listed, isName := givenByKey[keys[0]]
	for _, k := range keys {
		if was, dup := givenByKey[k]; !dup || isName && was == listed && listed.canon != g.canon {
			givenByKey[k] = g
		}
	}
}

// loadDiminutives reads the diminutives table. A short form stands for
// names of both sexes when its full names are of both, or when the given
// names beginning with the part it stands for are (Ерке: Еркебұлан,
// Еркежан).
func loadDiminutives() {
	for _, entry := range strings.Fields(diminutives) {
		short, list, _ := strings.Cut(entry, "=")
		sk := nameKey(short)
		var full []string
		for _, f := range strings.Split(list, ",") {
			if part, ok := strings.CutSuffix(f, "*"); ok {
				dimPrefix[sk] = append(dimPrefix[sk], TokenKeys(Fold(part))...)
			} else {
				full = append(full, f)
			}
		}
		if len(full) > 0 {
			dimByKey[sk] = full
		}
		sexes := map[string]bool{}
		for _, f := range full {
			if g, ok := lookupGiven(TokenKeys(Fold(f))); ok {
				sexes[g.sex] = true
			}
		}
		for k, g := range givenByKey {
			for _, p := range dimPrefix[sk] {
				if len(k) >= len(p)+2 && strings.HasPrefix(k, p) {
					sexes[g.sex] = true
				}
			}
		}
		unisexDims[sk] = len(sexes) > 1
	}
}

// lookupDimPrefixes returns the keys of the part every name a short form
// stands for begins with (Гуля: гул), nil for most words.
func lookupDimPrefixes(keys []string) []string {
	for _, k := range keys {
		if p, ok := dimPrefix[k]; ok {
			return p
		}
	}
	return nil
}

// diminutiveOf reports whether a is a short form of b: one of the full
// names it stands for, or a given name beginning with the part it stands
// for, two letters or more longer (Гуля: Гульчехра), which is no surname
// (Гулиева).
func diminutiveOf(a, b namePart) bool {
	for _, alt := range a.alts {
		if shareKey(alt, b.keys) {
			return true
		}
	}
	if len(a.prefixes) == 0 || b.alts != nil || lookupDimPrefixes(b.keys) != nil {
		return false
	}
	for _, k := range b.keys {
		if f, ok := familyEndOf(k); ok && f.sex != "" {
			return false
		}
		for _, p := range a.prefixes {
			if len(k) >= len(p)+2 && strings.HasPrefix(k, p) {
				return true
			}
		}
	}
	return false
}

// nameKey is the primary key of a one-word name as written.
func nameKey(s string) string { return Skeleton(strings.Join(Tokens(s), "")) }

// lookupGiven finds a given name by any of a token's keys.
func lookupGiven(keys []string) (givenInfo, bool) {
	for _, k := range keys {
		if g, ok := givenByKey[k]; ok {
			return g, true
		}
	}
	return givenInfo{}, false
}

// unisexDiminutive reports whether a short form stands for names of both
// sexes (Женя: Евгений, Евгения).
func unisexDiminutive(keys []string) bool {
	for _, k := range keys {
		if u, ok := unisexDims[k]; ok {
			return u
		}
	}
	return false
}

// lookupDiminutive returns the full names a short form stands for.
func lookupDiminutive(keys []string) []string {
	for _, k := range keys {
		if full, ok := dimByKey[k]; ok {
			return full
		}
	}
	return nil
}

// nameEndings are the parts Kazakh and Uzbek given names are compounded
// with and everyday use drops (Бақытжан is called Бақыт, Асылбек Асыл,
// Сәулегүл Сәуле), as written in Cyrillic and Latin, lower case, a longer
// spelling before the shorter one it ends with.
var nameEndings = []string{"жан", "жон", "бек", "гүл", "гуль", "гул", "хан", "хон", "бай", "бой", "бол", "нұр", "нур",
	"dzhan", "zhan", "jan", "jon", "bek", "gül", "gul", "khan", "han", "xan", "xon", "bai", "bay", "boy", "bol", "nūr", "nur"}

// shortKeys returns the keys, and the Kazakh/Russian forms' keys, of a
// given name without the ending it is compounded with, when at least
// four letters are left (Ержан is no Ер); nil for any other word.
func shortKeys(text string) []string {
	w := strings.ToLower(strings.TrimSpace(text))
	for _, e := range nameEndings {
		if stem, ok := strings.CutSuffix(w, e); ok && utf8.RuneCountInString(stem) >= 4 {
			return append(wordKeys(stem), krKeys(stem)...)
		}
	}
	return nil
}

// howShortened is the verdict for a given name and the same name without
// its compounded part (Бақытжан, Бахыт): often one person, as often a
// relative (a father Бақыт names his son Бақытжан), so a volunteer sees
// the pair and it never decides alone (corroborated).
const howShortened = "shortened name"

// shortenedSim: with the family name the same, enough for review even
// without a year; a year a decade apart puts it below.
const shortenedSim = 0.5

// shortened reports whether one of two given names is the other without
// its compounded part, in any script or Kazakh/Russian form.
func shortened(a, b namePart) bool {
	return shareKey(a.short, b.keys) || shareKey(a.short, b.kr) || shareKey(b.short, a.keys) || shareKey(b.short, a.kr)
}
