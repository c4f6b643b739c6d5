package search

// foreignRules: German s, English g/ea/w, с+ж and с+х kept apart.
func foreignRules(r reader, i int) (string, int) {
	c, v := r.t[i], r.v
	switch {
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
