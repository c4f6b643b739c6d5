package search

import (
	"strings"

	"tuys/data"
)

// Name is a person's name split into parts. People write their names in any
// order (Russian documents: family given patronymic; English: given family;
// Kazakh: given father's-name+ұлы), so roles are inferred from the words
// themselves: patronymic endings, surname endings, the given-name table.
type Name struct {
	Full       string
	Given      string   // as written
	Family     string   // as written
	Patronymic string   // as written, including a separate ұлы/қызы
	Other      []string // further words (a second given name, a double surname)
	Sex        string   // "M", "F" or "" when the name does not tell
	AltGiven   []string // full names a diminutive stands for (Саша → Александр, Александра)
}

// Korean-Kazakh (Koryo-saram) surnames: short, so fuzzy matching alone would
// confuse them, and their Latin spellings differ more than the normalizer's
// rules (Цой/Tsoi/Choi, Ли/Li/Lee/Ri, Пак/Pak/Park). Each group maps onto
// the key of its first spelling.
const koreanSurnames = `Цой|Tsoi|Choi|Tsoy|Choy Ли|Li|Lee|Ri|Yi Ким|Kim Пак|Pak|Park|Bak Тен|Ten|Teng Хан|Han|Khan Шин|Shin|Sin Югай|Yugai|Yugay Ни|Ni Тян|Tyan|Tian Цхай|Tskhai Ан|An|Ahn Хегай|Hegai|Khegai Огай|Ogai|Ogay Лим|Lim Нам|Nam Мун|Mun|Moon Хван|Hwang|Khvan Чен|Chen|Cheng Кан|Kang Ю|Yu|Yoo Пен|Pen Де|De Лигай|Ligai Кугай|Kugai Ни|Nee Тё|Tyo|Cho Чжон|Jeong|Jung|Chong Лян|Lyan Сон|Son|Song Шегай|Shegai Когай|Kogai|Kogay`

var koreanByKey = map[string]string{}

func init() {
	for _, group := range strings.Fields(koreanSurnames) {
		vars := strings.Split(group, "|")
		canon := nameKey(vars[0])
		for _, v := range vars {
			koreanByKey[nameKey(v)] = canon
		}
	}
}

// koreanKey returns the group key of a Korean surname, or "".
func koreanKey(tok string) string { return koreanByKey[Skeleton(tok)] }

// patronymic endings on the primary key, with the sex they imply. Russian
// (-ович/-евич/-ич, -овна/-евна/-ична), Kazakh (-ұлы/-uly/-uli,
// -қызы/-kyzy/-qyzy/-kysy), Azerbaijani/Uzbek (-оглы/-ogli/-ugli, -кизи).
var patronymicEnds = []struct{ end, sex string }{
	{"ovich", "M"}, {"evich", "M"}, {"ich", "M"}, {"uli", "M"}, {"ogli", "M"}, {"ugli", "M"},
	{"ovna", "F"}, {"evna", "F"}, {"ichna", "F"}, {"inichna", "F"}, {"kizi", "F"},
	{"kisi", "F"}, // German -kysy (з is s): Muradkysy = Мұратқызы
}

// patronymicOf returns the sex a patronymic implies and its stem (the
// father's name: Серикович, Серікұлы → serik), or ok=false.
func patronymicOf(key string) (stem, sex string, ok bool) {
	for _, p := range patronymicEnds {
		if len(key) > len(p.end)+2 && strings.HasSuffix(key, p.end) {
			return key[:len(key)-len(p.end)], p.sex, true
		}
	}
	return "", "", false
}

// patronymicStem returns the father's name a patronymic key is made of, in
// one form for every script and convention: Ғалымович, Ғалымұлы, Galymuly
// and Galymovich → galym; Жумабаевич and Жұмабайұлы → zhumaba (the й of a
// father's name ending in -ай/-ей becomes е before -вич). A key that is not
// a patronymic is its own stem.
func patronymicStem(key string) string {
	stem, _, ok := patronymicOf(key)
	if !ok {
		return key
	}
	if n := len(stem); n > 3 && stem[n-1] == 'i' && isVowel(stem[n-2]) {
		stem = stem[:n-1]
	}
	return stem
}

// standalone "son of"/"daughter of" words written apart: Серік ұлы.
var sonDaughter = map[string]bool{"uli": true, "ulu": true, "kizi": true, "ogli": true, "ugli": true}

// familyEnd is a surname ending on the primary key with the sex it
// implies ("" = either). A weak one ends many given names too (-in, -ina:
// Шырын, Алтын, Гүлбаршын, Марина), so another word's -ova or -ov says
// "family name" more surely: "Шырын Сапарова" was read as a man named
// Сапарова Шырын (matching trial, 2026-12-06). male is the ending of the
// man's form of the name (ova → ov, ska → ski, ov → ov), so that a
// brother's and a sister's surnames share a stem (familyStem); "" where
// the ending has no such pair.
type familyEnd struct {
	end, sex string
	weak     bool
	male     string
}

// familyEnds, longest first: the one table of surname endings, for
// parsing (familyEndOf) and for comparing (familyStem).
var familyEnds = []familyEnd{
	{"tskaia", "F", false, "tski"}, {"skaia", "F", false, "ski"}, {"ska", "F", false, "ski"}, {"ova", "F", false, "ov"},
	{"eva", "F", false, "ev"}, {"ina", "F", true, "in"},
	{"ski", "M", false, "ski"}, {"ov", "M", false, "ov"}, {"ev", "M", false, "ev"}, {"in", "M", true, "in"},
	{"enko", "", false, ""}, {"uk", "", false, ""}, {"ian", "", false, ""}, {"dze", "", false, ""}, {"shvili", "", false, ""},
	{"uli", "M", false, ""}, {"kizi", "F", false, ""},
}

// familyStem is a family name key in its man's form, and the sex its
// ending says: Жумабаева → (zhumabaev, F). Unlike familyEndOf it needs no
// length, since the key is known to be a family name (Ильина → ilin).
func familyStem(k string) (stem, sex string) {
	for _, f := range familyEnds {
		if f.male != "" && strings.HasSuffix(k, f.end) {
			return k[:len(k)-len(f.end)] + f.male, f.sex
		}
	}
	return k, ""
}

// familyEndOf reports whether key looks like a surname, and by which
// ending (a Korean surname has none).
func familyEndOf(key string) (familyEnd, bool) {
	if koreanByKey[key] != "" {
		return familyEnd{}, true
	}
	for _, f := range familyEnds {
		if len(key) >= len(f.end)+3 && strings.HasSuffix(key, f.end) {
			return f, true
		}
	}
	return familyEnd{}, false
}

// familyOf reports whether key looks like a surname and the sex its ending
// implies.
func familyOf(key string) (sex string, ok bool) {
	f, ok := familyEndOf(key)
	return f.sex, ok
}

// ParseName splits a full name written in any script and order into
// given, family and patronymic parts and infers the sex where the name
// tells it. The intake uses it to fill data.Report's name fields.
func ParseName(full string) Name {
	n := Name{Full: strings.TrimSpace(full)}
	var rest []namePiece
	patSex := ""
	full, former := formerFamily(full)
	parts := nameParts(full)
	for _, p := range parts {
		// With two words one is the given name and the other the family
		// name, even when it ends like a patronymic (Абрамович, Кунанбайұлы).
		if n.Patronymic == "" && len(parts) > 2 {
			if _, sex, ok := patronymicOf(p.key); ok {
				n.Patronymic, patSex = p.text, sex
				continue
			}
		}
		rest = append(rest, p)
	}
	famIdx := familyIndex(rest)
	second := secondFamily(rest, famIdx)
	for i, p := range rest {
		switch {
		case i == second:
			continue
		case i == famIdx && second >= 0:
			n.Family = rest[min(i, second)].text + " " + rest[max(i, second)].text
		case i == famIdx:
			n.Family = p.text
		case n.Given == "":
			n.Given = p.text
		default:
			n.Other = append(n.Other, p.text)
		}
	}
	if n.Given != "" {
		n.AltGiven = lookupDiminutive(TokenKeys(strings.Join(Tokens(n.Given), "")))
	}
	if former != "" {
		n.Family = strings.TrimSpace(n.Family + " " + former)
	}
	n.Sex = patSex
	if n.Sex == "" && n.Family != "" {
		n.Sex, _ = familyOf(nameKey(n.Family))
	}
	if n.Sex == "" && n.Given != "" {
		if g, ok := lookupGiven(TokenKeys(strings.Join(Tokens(n.Given), ""))); ok {
			n.Sex = g.sex
		}
	}
	return n
}

// namePiece is one word of a name with its keys.
type namePiece struct {
	text, key string
	keys      []string
}

// nameParts splits a full name into words with their keys; a two-word
// patronymic (Серік ұлы) stays one part. What the public may not see of a
// name (a handle, an e-mail, a number typed into it) is no part: it would
// show in explanations, and a search for it would confirm a guess.
func nameParts(full string) []namePiece {
	var parts []namePiece
	for _, w := range splitWords(data.HideContacts(full)) {
		toks := Tokens(w)
		if len(toks) == 0 {
			continue
		}
		key := Skeleton(strings.Join(toks, ""))
		if sonDaughter[key] && len(parts) > 0 {
			last := &parts[len(parts)-1]
			last.text += " " + w
			last.key += key
			last.keys = TokenKeys(last.key)
			continue
		}
		parts = append(parts, namePiece{text: w, key: key, keys: TokenKeys(strings.Join(toks, ""))})
	}
	return parts
}

// familyIndex scores each word as a family name: the best one is the
// family name (-1 for a lone given name such as "Ерлан").
func familyIndex(rest []namePiece) int {
	famIdx, best := -1, -100
	for i, p := range rest {
		s := 0
		if f, ok := familyEndOf(p.key); ok {
			s += 2
			if f.weak {
				s-- // a given name the list lacks may end so too
			}
		}
		if _, ok := lookupGiven(p.keys); ok {
			s -= 2
		}
		if lookupDiminutive(p.keys) != nil {
			s -= 2
		}
		if s > best || (s == best && i == 0) {
			famIdx, best = i, s
		}
	}
	if len(rest) == 1 && best < 0 {
		return -1
	}
	return famIdx
}

// secondFamily finds the other half of a double family name typed with a
// space for its hyphen (Ахметова Жумабаева Айгуль): the word beside the
// family name that ends like one of the same sex, surely (-ova, -ev; not
// -in) and is no given name, when a word is left for the given name.
// -1 when there is none.
func secondFamily(rest []namePiece, famIdx int) int {
	if famIdx < 0 || len(rest) < 3 {
		return -1
	}
	f, ok := familyEndOf(rest[famIdx].key)
	if !ok || f.weak || f.sex == "" {
		return -1
	}
	for _, j := range []int{famIdx + 1, famIdx - 1} {
		if j < 0 || j >= len(rest) {
			continue
		}
		g, ok := familyEndOf(rest[j].key)
		if _, given := lookupGiven(rest[j].keys); ok && !g.weak && g.sex == f.sex && !given {
			return j
		}
	}
	return -1
}

// splitWords splits on spaces and commas but keeps hyphenated words whole
// (Ivanova-Petrova, Мухамед-Али).
func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == ',' || r == '\t' || r == '\n' || r == ';' || r == '/' || r == '(' || r == ')'
	})
}

// turkicToSlavic maps a -uli/-kizi family key to its -ov/-ova form.
func turkicToSlavic(k string) string {
	var stem, end string
	switch {
	case len(k) > 6 && strings.HasSuffix(k, "uli"):
		stem, end = k[:len(k)-3], "ov"
	case len(k) > 7 && strings.HasSuffix(k, "kizi"):
		stem, end = k[:len(k)-4], "ova"
	default:
		return ""
	}
	if isVowel(stem[len(stem)-1]) {
		end = "e" + end[1:]
	}
	return skeleton(stem+end, vPrimary)
}
