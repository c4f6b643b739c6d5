package notify

import "strings"

// relations translates the relation a seeker gave (a key from the web form,
// or a word in any of our languages) into each language. Index: kk, ru, en.
var relations = map[string][3]string{
	"sister":      {"әпке-сіңлі", "сестра", "sister"},
	"brother":     {"аға-іні", "брат", "brother"},
	"mother":      {"ана", "мама", "mother"},
	"father":      {"әке", "папа", "father"},
	"son":         {"ұл", "сын", "son"},
	"daughter":    {"қыз", "дочь", "daughter"},
	"wife":        {"әйел", "жена", "wife"},
	"husband":     {"күйеу", "муж", "husband"},
	"grandmother": {"әже", "бабушка", "grandmother"},
	"grandfather": {"ата", "дедушка", "grandfather"},
	"grandchild":  {"немере", "внук", "grandchild"},
	"child":       {"бала", "ребёнок", "child"},
	"parent":      {"ата-ана", "родитель", "parent"},
	"relative":    {"туыс", "родственник", "relative"},
	"friend":      {"дос", "друг", "friend"},
	"colleague":   {"әріптес", "коллега", "colleague"},
	"neighbor":    {"көрші", "сосед", "neighbour"},
}

// relationAliases maps words people type to the keys above.
var relationAliases = func() map[string]string {
	m := map[string]string{"neighbour": "neighbor", "mom": "mother", "mum": "mother", "dad": "father",
		"мать": "mother", "отец": "father", "сестрёнка": "sister", "сын/дочь": "child",
		"апа": "sister", "әпке": "sister", "сіңлі": "sister", "қарындас": "sister", "аға": "brother", "іні": "brother",
		"ұлы": "son", "қызы": "daughter", "күйеуі": "husband", "әйелі": "wife", "внучка": "grandchild"}
	for key, names := range relations {
		for _, n := range names {
			if _, ok := m[n]; !ok {
				m[n] = key
			}
		}
	}
	return m
}()

// Relation translates rel into lang. Only the closed list goes into an SMS:
// a word it does not know is left out, since a stranger chooses it.
func Relation(rel, lang string) string {
	r := strings.ToLower(strings.TrimSpace(rel))
	if r == "" {
		return ""
	}
	key, ok := relationAliases[r]
	if !ok {
		if _, direct := relations[r]; !direct {
			return ""
		}
		key = r
	}
	i := map[string]int{"kk": 0, "ru": 1, "en": 2}[Lang(lang)]
	return relations[key][i]
}
