package search

import "strings"

// Given names of Kazakhstan (Kazakh, Russian, Tatar, Uzbek, Uyghur, Korean-
// Kazakh families use Russian given names), one name per entry with its
// spelling variants separated by "|". The table serves two purposes: telling
// a given name from a family name when the order is unknown, and knowing that
// Asel and Asem, one letter apart, are two different names, while Bauyrzhan
// and Baurzhan are one. Keys are computed at start-up with the normalizer,
// so any script or convention of the entries works.
const maleNames = `Абай Абдулла Абылай Адиль|Әділ Адильбек Айбар Айбек Айбол Айдар Айдос Айдын Азамат Азат Акжол|Ақжол Алан Алдияр Алибек Алижан Алихан Алмас Алмат Алмаз Алпамыс Амир Амирхан Анатолий Андрей Антон Ануар Арман Арсен Арслан Арсений Артём|Артем Артур Асан Асет Асқар|Аскар Асланбек Аслан Асхат Ахмед|Ахмет Әлібек Әлішер|Алишер Бакыт|Бақыт Бақытжан|Бахытжан Батыр Бауыржан|Бауржан Бекзат Бекболат Бексултан Берик|Берік Болат Борис Вадим Валентин Валерий Василий Виктор Виталий Владимир Владислав Вячеслав Галым|Ғалым Галымжан|Ғалымжан Геннадий Георгий Григорий Дамир Даниал|Данияр Даниил Даулет|Дәулет Даурен|Дәурен Денис Дидар Дильшат Динмухамед|Динмұхамед Дмитрий Досжан Дулат Евгений Егор Едиге Ельдар|Эльдар Ерасыл Ербол Ерболат Ерғали Ержан Ерик|Ерік Ерлан Ермек Ерназар Ерсин|Ерсін Ертай Есен Жандос Жанибек|Жәнібек Жасулан Жақсылық Заур Ибрагим|Ибраим Иван Игорь Илья Ильяс|Илияс Ильдар Исмаил Ислам Кайрат|Қайрат Канат|Қанат Кирилл Константин Куаныш|Қуаныш Леонид Мадияр Максат|Мақсат Максим Марат Марлен Мирас Михаил Мурат Мухтар|Мұхтар Мухамед|Мұхамед Нурбол|Нұрбол Нуржан|Нұржан Нурлан|Нұрлан Нурсултан|Нұрсұлтан Олжас Олег Орал Павел Петр|Пётр Ринат Роман Руслан Рустам Рустем Саят Серик|Серік Сергей Станислав Султан|Сұлтан Сундет Тагир Талгат|Талғат Тимур Темирлан|Темірлан Токтар Улан|Ұлан Фарид Фархад Шамиль Шерхан Эдуард Юрий Ян Ярослав Жанат Жарас Нияз Рахат Серикбол Талгар Бахтияр Ахат Хасан Камиль Ренат Рамиль Анвар Рашид Ильхам Мансур Мурад Тахир Азиз`

const femaleNames = `Аида Айгерим|Айгерім Айгуль|Айгүл Айдана Айжан Айман Айнур Айсулу|Айсұлу Акбота|Ақбота Акерке|Ақерке Алена|Алёна Алина Алия Алма Анара Анастасия Анель Анна Арай Аружан Асель|Әсел|Асел Асем|Әсем Асия Балжан Бибигуль Ботагоз|Ботагөз Валентина Валерия Вера Виктория Галина Гаухар Гулмира|Гульмира Гульнар Гульнара Гульжан Дана Дариға|Дарига Дарья Диана Динара Дина Елена Елизавета Ельмира|Эльмира Жадыра Жазира Жамиля Жанар Жанель Жанна Жибек Заира Зарема Зарина Зауре|Зәуре Зейнеп Зере Злата Инна Индира Ирина Камила Карина Катерина|Екатерина Кристина Куралай|Құралай Лаура Лейла Лилия Любовь Людмила Ляззат|Ләззат Мадина Маржан Мариям Мария Марина Меруерт Мөлдір|Молдир Надежда Наталья|Наталия Нургуль Нұргүл Оксана Ольга Перизат Раушан Руслана Салтанат Самал Сания Светлана Сауле|Сәуле Сабина Сымбат Татьяна Томирис|Тұмар Умит|Үміт Ульяна Фатима Шолпан Юлия Яна Ясмин Мадина Эльвира Гулнара Айша Лаззат Назерке Нурай Ажар Асылым Ботакоз Райхан Гүлнұр Маргарита Софья|София Полина Евгения Александра Ксения Тамара Раиса`

// diminutives maps everyday short forms onto the passport names (both
// sexes when the short form is shared: Саша, Женя, Валя).
const diminutives = `Саша=Александр,Александра Шура=Александр,Александра Женя=Евгений,Евгения Таня=Татьяна Дима=Дмитрий Митя=Дмитрий Миша=Михаил Коля=Николай Вова=Владимир Володя=Владимир Серёжа=Сергей Сережа=Сергей Лена=Елена Наташа=Наталья Катя=Екатерина Маша=Мария Оля=Ольга Света=Светлана Юра=Юрий Лёша=Алексей Алёша=Алексей Леша=Алексей Андрюша=Андрей Петя=Петр Ваня=Иван Паша=Павел Костя=Константин Слава=Вячеслав,Владислав,Станислав Витя=Виктор Валя=Валентин,Валентина Галя=Галина Люда=Людмила Надя=Надежда Ира=Ирина Вика=Виктория Настя=Анастасия Даша=Дарья Юля=Юлия Ксюша=Ксения Гена=Геннадий Толя=Анатолий Боря=Борис Игорек=Игорь Рома=Роман Стас=Станислав Влад=Владислав Макс=Максим Тёма=Артём Тема=Артём Лиза=Елизавета Соня=Софья Поля=Полина Рита=Маргарита Люба=Любовь Зина=Зинаида Тома=Тамара Аня=Анна Алик=Алибек,Алишер Ера=Ерлан,Ерболат Нурик=Нурлан,Нурсултан Даке=Даурен Бека=Бекзат,Бекболат`

// givenInfo is what the table knows about one given-name key.
type givenInfo struct {
	canon string // primary key of the entry's first spelling
	sex   string // "M" or "F"
}

var (
	givenByKey = map[string]givenInfo{}
	dimByKey   = map[string][]string{} // diminutive key → full names as written
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
	for _, entry := range strings.Fields(diminutives) {
		short, full, _ := strings.Cut(entry, "=")
		dimByKey[nameKey(short)] = strings.Split(full, ",")
	}
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

// lookupDiminutive returns the full names a short form stands for.
func lookupDiminutive(keys []string) []string {
	for _, k := range keys {
		if full, ok := dimByKey[k]; ok {
			return full
		}
	}
	return nil
}
