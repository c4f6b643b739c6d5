package data

import "testing"

// TestSpelledDoors: a house or a flat written in words beside a street
// word is hidden in free text; number words that count, or mean "alone",
// stay.
func TestSpelledDoors(t *testing.T) {
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"живёт на Абая дом десять квартира пять", "живёт на Абая дом ••• квартира •••"},
		{"ул. Абая, дом десять, кв. сорок два", "ул. Абая, дом •••, кв. •••"},
		{"Абая дом пятый квартира сорок вторая", "Абая дом ••• квартира •••"},
		{"улица Абая десять", "улица Абая •••"},
		{"Абая десятый дом", "Абая ••• дом"},
		{"Абай көшесі он бесінші үй", "Абай көшесі ••• үй"},
		{"Абай көшесі, он бес үй, жиырма пәтер", "Абай көшесі, ••• үй, ••• пәтер"},
		{"Abay street house ten apartment forty-two", "Abay street house ••• apartment •••"},
		{"10 Abay street, flat five", "••• Abay street, flat •••"},
		{"Алматы, Абая 10-й дом", "Алматы, Абая ••• дом"},
		{"Абая дом.десять кв.пять", "Абая дом.••• кв.•••"},
		// doors after a number sign, a glued flat word, a district's house (attacker trial, 2026-12-07)
		{"ул. Абая, дом №10, кв. №5", "ул. Абая, дом №•••, кв. №•••"},
		{"Abay street #10, apt #5", "Abay street #•••, apt #•••"},
		{"Абай көшесі №10 үй", "Абай көшесі №••• үй"},
		{"Абая 10 5-кв", "Абая ••• •••"},
		{"Жетысу-2, 45-12", "Жетысу-2, •••"},
		{"Родильный дом №1, школа №5", "Родильный дом №1, школа №5"},
		// a second trial (2026-12-07): doors it missed
		{"живёт в сорок второй квартире", "живёт в ••• квартире"},
		{"дом двухсотый, кв пятисотая", "дом •••, кв •••"}, // hundreds (a second trial)
		{"в десятом доме на Абая", "в ••• доме на Абая"},
		{"ул. Абая, дом номер сто двадцать, кв номер сорок два", "ул. Абая, дом номер •••, кв номер •••"},
		{"дом — десять, кв — пять", "дом — •••, кв — •••"},
		{"house number twelve", "house number •••"},
		{"мой дом №15 по Абая", "мой дом №••• по Абая"},
		{"дом десять на Абая", "дом ••• на Абая"},
		{"д10к5, Абая", "•••, Абая"},
		// and counts it hid: before a noun a number counts
		{"В доме Ерлана две собаки и кошка", "В доме Ерлана две собаки и кошка"},
		{"В квартире пять детей, все живы", "В квартире пять детей, все живы"},
		{"На улице Абая две машины столкнулись", "На улице Абая две машины столкнулись"},
		{"Үйі екі қабатты, ағаш", "Үйі екі қабатты, ағаш"},
		{"a house five minutes from the river", "a house five minutes from the river"},
		{"Первый дом престарелых, Алматы", "Первый дом престарелых, Алматы"},
		// counts, and "alone"
		{"остался в квартире один", "остался в квартире один"},
		{"в доме пять этажей", "в доме пять этажей"},
		{"квартира две комнаты", "квартира две комнаты"},
		{"ушёл из дома пять дней назад", "ушёл из дома пять дней назад"},
		{"дом, где сорок человек", "дом, где сорок человек"},
		{"на улице Абая двое детей", "на улице Абая двое детей"},
		{"пятый день не выходит на связь", "пятый день не выходит на связь"},
	})
}

// TestOrdinalWord: the ordinals of the three languages, not words that
// start like them.
func TestOrdinalWord(t *testing.T) {
	for w, want := range map[string]bool{
		"пятый": true, "третьей": true, "сороковая": true, "сотом": true, "бесінші": true, "алтыншы": true,
		"двухсотый": true, "трёхсотой": true, "пятисотая": true, "оныншы": true, "жиырмасыншы": true, "қырқыншы": true, "бесинши": true, "fifth": true, "twentieth": true,
		"первомайский": false, "пятно": false, "шесть": false, "сотня": false, "бес": false, "firstly": false,
	} {
		if got := ordinalWord(w); got != want {
			t.Errorf("ordinalWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestDottedAndTurkicNumbers: a phone number dictated with dots between
// the words, in Kazakh Latin, in the neighbours' Turkic words or in
// Russian diminutives is hidden (attacker trial, 2026-12-07); a date
// in digits with dots is not a number.
func TestDottedAndTurkicNumbers(t *testing.T) {
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"восемь.семь.ноль.один.один.два.три.четыре.пять.шесть.семь", "•••"},
		{"eight.seven.zero.one.one.two.three.four.five.six.seven", "•••"},
		{"сегіз.жеті.нөл.бір.бір.екі.үш.төрт.бес.алты.жеті", "•••"},
		{"звоните segız jetı nöl bır bır ekı üş tört bes altı jetı", "звоните •••"},
		{"sakkiz yetti nol bir bir ikki uch tort besh olti yetti", "•••"},
		{"sekiz yedi sıfır bir bir iki üç dört beş altı yedi", "•••"},
		{"саккиз етти нол бир бир икки уч тўрт беш олти етти", "•••"},
		{"восьмерка семерка нолик единичка единичка двоечка троечка четверочка пятерочка шестерочка семерочка", "•••"},
		{"восемь·семь·ноль·один·два·три·четыре·пять·шесть·семь", "•••"},
		{"восемь семьсот один плюс сто двадцать три плюс сорок пять шестьдесят семь", "•••"},
		{"segiz jeti nól bir úsh tórt bes alty jeti segiz", "•••"},
		{"вісім сім нуль один два три чотири п'ять шість сім", "•••"},
		// repeated digits and semicolons (an attacker's trial, 2026-12-07)
		{"восемь семьсот семь, две семёрки, сто двадцать три, сорок пять", "•••"},
		{"8 707 две семерки 123 45; 8 777 три нуля 12 34", "•••; •••"},
		{"восемь семь ноль один, две единицы, три четыре пять шесть семь", "•••"},
		{"восемь; семь; ноль; один; один; два; три; четыре; пять; шесть; семь", "•••"},
		{"получил две пятёрки и три четвёрки; детей: пять; внуков: шесть; два; три", "получил две пятёрки и три четвёрки; детей: пять; внуков: шесть; два; три"},
		{"видели 03.04.2024 в 18.30, было пять человек", "видели 03.04.2024 в 18.30, было пять человек"},
		{"видели в 18:30, 03.04.2024, было двое", "видели в 18:30, 03.04.2024, было двое"},
	})
}

// expectHidden checks what hide (HideContacts, HidePlace) makes of each
// input: the hiding tests' one table loop.
func expectHidden(t *testing.T, hide func(string) string, cases []struct{ in, want string }) {
	t.Helper()
	for _, tc := range cases {
		if got := hide(tc.in); got != tc.want {
			t.Errorf("%q hidden as %q, want %q", tc.in, got, tc.want)
		}
	}
}
