package search

// foreignRules: German s, English g/ea/w, с+ж and с+х kept apart, the
// glides of passport and Uzbek Latin.
func foreignRules(r reader, i int) (string, int) {
	c, v := r.t[i], r.v
	switch {
	case v&vGlide != 0 && c == 'y' && i > 0 && r.at(i+1) == 'e' && !isVowel(r.at(i-1)):
		return "e", 2 // ье: Grigoryev = Григорьев, Vorobyev = Воробьев
	case v&vGlide != 0 && c == 'y' && i > 0 && r.at(i+1) == 'o' && isVowel(r.at(i-1)):
		return "e", 2 // ё (folded to е): Ziyoda = Зиёда, Bakhtiyor = Бахтиёр
	case v&vSchAsZh != 0 && r.has(i, "sch") && !r.has(i, "schtsch"):
		return "zh", 3
	case v&vSasZ != 0 && r.has(i, "sh") && !r.has(i, "shch"):
		return "zh", 2 // German sh = ж (sch = ш)
	case v&vSasZ != 0 && r.has(i, "ss"):
		return "s", 2
	case v&vSasZ != 0 && c == 's' && !r.has(i, "sch") && !r.has(i, "sz"):
		return "z", 1
	case r.has(i, "szh"), r.has(i, "skh"):
		return "s", 1 // с+ж, с+х: Есжанов, Есханов are not Ешанов
	case v&vEnglish != 0 && c == 'g' && (r.at(i+1) == 'e' || r.at(i+1) == 'i' || r.at(i+1) == 'y'):
		if r.at(i+1) == 'i' && isVowel(r.at(i+2)) {
			return "zh", 2 // Italian gi before a vowel: Giustina = Джустина
		}
		return "zh", 1
	case v&vEnglish != 0 && (r.has(i, "ea") || r.has(i, "ee")):
		return "i", 2 // Dean = Дин, Keene = Кин
	case v&vEnglish != 0 && c == 'w':
		if r.at(i+1) == 'h' {
			return "u", 2 // Whalin = Уолин
		}
		return "u", 1 // William = Уильям
	}
	return "", 0
}

// umlautRules: German (and Turkish) ü ö ä written ue oe ae are ю, ё and е
// in Russian records after a consonant (Мюллер, Шрёдер, Егер; ё folds to
// е); a word's first ö is о there (Öztürk = Озтюрк, Özdemir = Оздемир).
// After a vowel the pair is two sounds (Bauer = Бауэр). A German h after
// a vowel and before a consonant or the word's end is silent: it only
// lengthens the vowel (Kühn = Кюн, Böhme = Бёме, Fröhlich = Фрёлих).
func umlautRules(r reader, i int) (string, int) {
	if r.v&vUmlaut == 0 {
		return "", 0
	}
	// ... but not before v or w: the Russian -уев, -оев, -аев (Zuev,
	// Boev, Zhumabaev, German Nikolaew) are two sounds too.
	lead := (i == 0 || !isVowel(r.at(i-1))) && r.at(i+2) != 'v' && r.at(i+2) != 'w'
	switch {
	case lead && r.has(i, "ue"):
		return "iu", 2
	case lead && r.has(i, "oe") && i == 0:
		return "o", 2
	case lead && (r.has(i, "oe") || r.has(i, "ae")):
		return "e", 2
	case r.t[i] == 'h' && i > 0 && isVowel(r.at(i-1)) && !isVowel(r.at(i+1)):
		return "", 1
	}
	return "", 0
}
