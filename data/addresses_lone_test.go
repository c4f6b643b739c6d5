package data

import "testing"

// TestLoneHouseDoors: a street's name with its house alone is a door
// where something places it as an address (a preposition of place, a
// verb of living before a street-shaped name, a Kazakh verb of living
// after it, the whole text, a town and a comma before it, a line of its
// own), and before a floor with its number (Абая 10 этаж 3). A person
// and an age, a thing and its number, a day, stay.
func TestLoneHouseDoors(t *testing.T) {
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"Достык 5", "Достык •••"},
		{"живёт на Абая 10", "живёт на Абая •••"},
		{"Мама живёт на Достык 5, звоните", "Мама живёт на Достык •••, звоните"},
		{"видели на Толе би 59", "видели на Толе би •••"},
		{"он был на Сейфуллина 10 около 9 утра", "он был на Сейфуллина ••• около 9 утра"},
		{"проживает Абая 150а.", "проживает Абая •••."},
		{"He lives on Satpaev 25", "He lives on Satpaev •••"},
		{"I live at 25 Satpaev, apt 14", "I live at ••• Satpaev, apt •••"},
		{"The family lives at 12 Satpaev", "The family lives at ••• Satpaev"},
		{"Ол Достық 5 тұрады", "Ол Достық ••• тұрады"},
		{"Алматы, Достык 5", "Алматы, Достык •••"},
		{"г. Алматы, Абая 10", "г. Алматы, Абая •••"},
		{"Ищу маму.\nСейфуллина 10", "Ищу маму.\nСейфуллина •••"},
		{"видели Достык 5 около магазина; near Dostyk 5", "видели Достык ••• около магазина; near Dostyk •••"},
		{"Пропал в районе Абая 10, возле Абая 10 в 9 утра", "Пропал в районе Абая •••, возле Абая ••• в 9 утра"},
		{"на углу Абая и Сейфуллина 10", "на углу Абая и Сейфуллина •••"},
		{"Достык 5 12 и Абая 10; на Абая 10 и Сейфуллина 5", "Достык ••• ••• и Абая •••; на Абая ••• и Сейфуллина •••"},
		{"Абая 10 этаж 3", "Абая ••• этаж 3"},
		{"Достык 5 этаж 2, кв 12", "Достык ••• этаж 2, кв •••"},
		// what stays
		{"С ними живёт Айгуль 12", "С ними живёт Айгуль 12"},
		{"Ерлан 35 живёт в Алматы", "Ерлан 35 живёт в Алматы"},
		{"Ищу маму, Айгуль 55; Мама, Айгуль 55", "Ищу маму, Айгуль 55; Мама, Айгуль 55"},
		{"Жду на Вокзале 2; on Day 3", "Жду на Вокзале 2; on Day 3"},
		{"on May 5; on Monday 5; at Gate 5; at Terminal 2", "on May 5; on Monday 5; at Gate 5; at Terminal 2"},
		{"Пациент 12", "Пациент 12"},
		{"Мама 70", "Мама 70"},
		{"на фото Ерлан и Айгуль 12; у Ерлана и Айгуль 12; Ерлан 5 и Айгуль 12", "на фото Ерлан и Айгуль 12; у Ерлана и Айгуль 12; Ерлан 5 и Айгуль 12"},
		{"видели Айгуль 5 около 9; у Ерлана 5; в районе 10 часов; near Gate 5", "видели Айгуль 5 около 9; у Ерлана 5; в районе 10 часов; near Gate 5"},
		{"видели Ерлана 5 12 около 9", "видели Ерлана 5 12 около 9"},
		{"поехал на Медео 10 человек; живёт на Абая 10 лет", "поехал на Медео 10 человек; живёт на Абая 10 лет"},
		{"опоздал на Автобус 12, на Наурыз 22 марта", "опоздал на Автобус 12, на Наурыз 22 марта"},
		{"Мы на 5 этаже; Абая 10, 3 этаж", "Мы на 5 этаже; Абая •••, 3 этаж"},
		{"Дети:\nЕрлан 5\nАйгуль 12", "Дети:\nЕрлан 5\nАйгуль 12"},
	})
}

// TestAddressOverLines: an address put on lines of its own is read as
// one (ул. Абая / 10; Абая 10 / кв 5), and lines of other things stay.
func TestAddressOverLines(t *testing.T) {
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"Адрес:\nАбая 10\nкв 5", "Адрес:\nАбая •••\nкв •••"},
		{"ул. Абая\n10", "ул. Абая\n•••"},
		{"Достык\n5 12", "Достык\n••• •••"},
		{"Мама живёт на Сатпаева\n25\n14", "Мама живёт на Сатпаева\n•••\n•••"},
		{"Абай көшесі\r\n10 үй", "Абай көшесі\r\n••• үй"},
		// what stays
		{"Пропала мама\n12 мая", "Пропала мама\n12 мая"},
		{"Рост\n175, вес 70", "Рост\n175, вес 70"},
		{"Ищу брата.\n5 детей дома", "Ищу брата.\n5 детей дома"},
		{"Список:\n1. Ерлан 35\n2. Айгуль 30\n3) Арман 12", "Список:\n1. Ерлан 35\n2. Айгуль 30\n3) Арман 12"},
		{"Lives at 25 Satpaev\nLast seen on Dec 5 at 10 am", "Lives at ••• Satpaev\nLast seen on Dec 5 at 10 am"},
	})
}

// TestAbbreviatedAndKazakhDoors: a street behind мкр keeps no number (мкр
// Абая 10), a house before a Kazakh flat (Абая 10, 5-ші пәтер) or with the
// locative before тұрады (Абай 10-да тұрады), даң., unit and block, and a
// street's name run into its house before кв (Абая10 кв5) are doors.
// Districts keep theirs, and an hour with the locative stays.
func TestAbbreviatedAndKazakhDoors(t *testing.T) {
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"мкр Абая 10; мкр Сатпаева 25", "мкр Абая •••; мкр Сатпаева •••"},
		{"Абая 10, 5-ші пәтер", "Абая •••, ••• пәтер"},
		{"Абай 10-да тұрады; Достық 5-те турады", "Абай ••• тұрады; Достық ••• турады"},
		{"Абай даң. 150", "Абай даң. •••"},
		{"Block 5, unit 12", "Block •••, unit •••"},
		{"Абая10 кв5", "••• •••"},
		// what stays
		{"мкр Самал 2; мкр Орбита 3; мкр Жетысу 2", "мкр Самал 2; мкр Орбита 3; мкр Жетысу 2"},
		{"сағат 10-да үйден шықты", "сағат 10-да үйден шықты"},
		{"intensive care unit, 2 blocks away", "intensive care unit, 2 blocks away"},
	})
	expectHidden(t, HidePlace, []struct{ in, want string }{
		{"мкр Абая 10", "мкр Абая •••"},
		{"мкр Самал 2, Алматы", "мкр Самал 2, Алматы"},
	})
}

// TestSpelledLoneHouses: a house in words after a street's name placed by
// a verb of living (живёт на Абая десять), and an English house before
// its street's name and a flat (10 Abay, apartment five), are doors; a
// count or a span of years after the name stays.
func TestSpelledLoneHouses(t *testing.T) {
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"живёт на Абая десять", "живёт на Абая •••"},
		{"lives on Abay ten, call", "lives on Abay •••, call"},
		{"проживает Сатпаева двадцать пять", "проживает Сатпаева •••"},
		{"10 Abay, apartment five", "••• Abay, apartment •••"},
		// what stays
		{"живёт на Абая десять лет; живёт на Абая один", "живёт на Абая десять лет; живёт на Абая один"},
		{"живёт на Абая с тремя детьми, 10 лет", "живёт на Абая с тремя детьми, 10 лет"},
	})
}

// TestResidenceLabelsAndHostels: a house after a label of residence (
// тұратын жері: Абай 10), after a village's name and a comma (aul
// Kaskelen, Abay 10), a hostel with its room (общага 5 комната 12) and a
// dacha's plot (участок 15) are doors; counts of rooms and people stay.
func TestResidenceLabelsAndHostels(t *testing.T) {
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"тұратын жері: Абай 10", "тұратын жері: Абай •••"},
		{"Место жительства: Абая 10; проживает: Достык 5", "Место жительства: Абая •••; проживает: Достык •••"},
		{"aul Kaskelen, Abay 10; с. Каскелен, Абая 10", "aul Kaskelen, Abay •••; с. Каскелен, Абая •••"},
		{"общага 5 комната 12; жатақхана 5, бөлме 12", "общага ••• комната •••; жатақхана •••, бөлме •••"},
		{"общежитие 5 комната 12", "общежитие ••• комната •••"},
		{"СНТ Ромашка участок 15", "СНТ Ромашка участок •••"},
		// what stays
		{"Место жительства: Алматы; на участке 5 человек; Мы в общаге 3 дня", "Место жительства: Алматы; на участке 5 человек; Мы в общаге 3 дня"},
		{"комната 5 человек; 3 комнаты 2 этаж; горячая линия 102", "комната 5 человек; 3 комнаты 2 этаж; горячая линия 102"},
	})
}
