package data

import "testing"

// TestBareStreetDoors: a street's name of no street shape with a bare
// house and flat (Достык 5 12) is a door where something says it is an
// address: a verb of living or a preposition of place before it, a
// street word, or nothing else in its clause. Dates, times, counts and
// measures written the same way stay.
func TestBareStreetDoors(t *testing.T) {
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"Достык 5 12", "Достык ••• •••"},
		{"Satpaeva 25 14", "Satpaeva ••• •••"},
		{"Алматы, Достык 5 12", "Алматы, Достык ••• •••"},
		{"живёт на Абая 150 23", "живёт на Абая ••• •••"},
		{"живет на Достык 5 12, звоните", "живет на Достык ••• •••, звоните"},
		{"проживает Достык 5 12", "проживает Достык ••• •••"},
		{"проживает по достык 5 12", "проживает по достык ••• •••"},
		{"Ол Достық 5 12 тұрады", "Ол Достық ••• ••• тұрады"},
		{"He lives on Dostyk 5 12", "He lives on Dostyk ••• •••"},
		{"last seen at Zheltoksan 112 7, near the bank", "last seen at Zheltoksan ••• •••, near the bank"},
		{"ул. Достык 5 12; проспект Достык 5 12", "ул. Достык ••• •••; проспект Достык ••• •••"},
		{"живёт на Абая 150 23 с 2010 года", "живёт на Абая ••• ••• с 2010 года"},
		// mid-sentence: by a place (day-shaped or not), or numbers no day or time has
		{"видели Достык 5 12 около магазина", "видели Достык ••• ••• около магазина"},
		{"видели на Достык 5 12 около магазина", "видели на Достык ••• ••• около магазина"},
		{"last seen Dostyk 5 12 near the mall", "last seen Dostyk ••• ••• near the mall"},
		{"Ол Достық 5 12 жанында көрінді", "Ол Достық ••• ••• жанында көрінді"},
		{"видели Достык 150 23 вчера", "видели Достык ••• ••• вчера"},
		{"в Самал 5 12", "в Самал ••• •••"},
		{"Жетысу 2 15 12; Nurly Tau 5 12", "Жетысу 2 ••• •••; Nurly Tau ••• •••"},
		// what stays
		{"Пропал 5 12", "Пропал 5 12"},
		{"Пропала Айгуль 5 12; Жетысу 2 5 лет", "Пропала Айгуль 5 12; Жетысу 2 5 лет"},
		{"Пропала 5 12 около дома; Видели 5 12 около магазина", "Пропала 5 12 около дома; Видели 5 12 около магазина"},
		{"ушёл в Понедельник 5 12, прилетела в Шымкент 5 12", "ушёл в Понедельник 5 12, прилетела в Шымкент 5 12"},
		{"Приехала к Ерлану 14 30", "Приехала к Ерлану 14 30"},
		{"встретились с Ерланом 10 15 у магазина", "встретились с Ерланом 10 15 у магазина"},
		{"Мне звонили 10 15 раз; Давление 120 80", "Мне звонили 10 15 раз; Давление 120 80"},
		{"родился 12 05 1980", "родился 12 05 1980"},
		{"Родилась 3 11 1975, рост 175 вес 70", "Родилась 3 11 1975, рост 175 вес 70"},
		{"рост 175 вес 70; Рост 175 70", "рост 175 вес 70; Рост 175 70"},
		{"у неё 5 детей 3 внука", "у неё 5 детей 3 внука"},
		{"встретились в 10 15 у магазина", "встретились в 10 15 у магазина"},
		{"Ушла из дома в Алматы 5 12 числа", "Ушла из дома в Алматы 5 12 числа"},
		{"прилетела в Астану 5 12, ждали", "прилетела в Астану 5 12, ждали"},
		{"Дети 5 12 лет", "Дети 5 12 лет"},
		{"Размер 46 48", "Размер 46 48"},
		{"Приехала к Ерлану 12 05", "Приехала к Ерлану 12 05"},
	})
	// a number in a day's shape next to others is still a number
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"8 701 12 05 1980", "•••"},
	})
}

// TestCapitalHandleBeforeDegen: a capitalised Latin word before деген /
// деп is a handle where an account's word or a messenger's name follows
// (Erlanzh деген атпен, Aigerim деп телеграмнан іздеңіз); before a verb
// of saying it is a place or a name (Almaty деп айтты).
func TestCapitalHandleBeforeDegen(t *testing.T) {
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"Erlanzh деген атпен телеграмда бар", "••• деген атпен телеграмда бар"},
		{"Aigerim деп телеграмнан іздеңіз", "••• деп телеграмнан іздеңіз"},
		{"инстаграмда AsemErm деген аккаунты бар", "инстаграмда ••• деген аккаунты бар"},
		{"ERLANZH деген ник, телеграм", "••• деген ник, телеграм"},
		{"Erlanzh деген атпен іздеңіз", "••• деген атпен іздеңіз"},
		{"Телеграмда Erlan_Zh деген аккаунт бар", "Телеграмда ••• деген аккаунт бар"},
		// what stays
		{"Telegram (the app) was blocked. Ол Almaty деп айтты", "Telegram (the app) was blocked. Ол Almaty деп айтты"},
		{"Kaspi деген банкке ақша салдым, WhatsApp деген қосымша", "Kaspi деген банкке ақша салдым, WhatsApp деген қосымша"},
	})
}

// TestDoorsPastEntrances: a Roman numeral after a door word is its
// number (дом XII кв V: a trick to pass a filter), and an entrance, a
// floor or an office between a house and its flat leaves neither shown.
// Roman numerals elsewhere (XXI век, Николай II) and floors or counts
// stay.
func TestDoorsPastEntrances(t *testing.T) {
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"дом XII кв 5", "дом ••• кв •••"},
		{"ул. Абая д. IX, кв. XII", "ул. Абая д. •••, кв. •••"},
		{"үй XIV пәтер iv", "үй ••• пәтер •••"},
		{"д. 5, подъезд 2, кв. 12", "д. •••, подъезд •••, кв. •••"},
		{"Абая 10 подъезд 2 кв 45", "Абая ••• подъезд ••• кв •••"},
		{"Абая 10 подъезд 2", "Абая ••• подъезд •••"},
		{"Абая 10, подъезд 2, этаж 3, кв 45", "Абая •••, подъезд •••, этаж 3, кв •••"},
		{"Абая 10, 2-подъезд, кв 45", "Абая •••, •••, кв •••"},
		{"Абая 10, 3 этаж, кв 45", "Абая •••, 3 этаж, кв •••"},
		{"ул Абая 10 офис 305; дом 5 офис 3", "ул Абая ••• офис •••; дом ••• офис •••"},
		{"Достык 5, оф. 12", "Достык •••, оф. •••"},
		// what stays
		{"в XXI веке; Николай II; дом в III квартале; дом, I этаж; дом Ivanova", "в XXI веке; Николай II; дом в III квартале; дом, I этаж; дом Ivanova"},
		{"в офисе 5 человек; в офис приехала 5 мая", "в офисе 5 человек; в офис приехала 5 мая"},
		{"подъезд 2 был открыт, 3 этаж", "подъезд ••• был открыт, 3 этаж"},
	})
}

// TestTimesAfterStreetWords: a time's preposition after a street word
// makes the number after it a time (on Abay street at 10), and the door
// before it stays hidden.
func TestTimesAfterStreetWords(t *testing.T) {
	expectHidden(t, HideContacts, []struct{ in, want string }{
		{"on Abay street at 10 pm", "on Abay street at 10 pm"},
		{"met at Dostyk avenue at 10", "met at Dostyk avenue at 10"},
		{"seen on Abay street around 9, then on Satpaev ave after 11", "seen on Abay street around 9, then on Satpaev ave after 11"},
		{"видели на ул. Абая около 10, на проспекте Достык с 9 до 11", "видели на ул. Абая около 10, на проспекте Достык с 9 до 11"},
		// the door stays hidden
		{"ул. Абая 10 в 9 утра; Abay street 10 at 9", "ул. Абая ••• в 9 утра; Abay street ••• at 9"},
		{"10 Abay street at 9", "••• Abay street at 9"},
		{"Абай көшесі сағат 10 кезінде", "Абай көшесі сағат 10 кезінде"},
	})
}
