package notify

import "strings"

// relations translates the relation a seeker gave (a word the web form
// offers, or one typed in any of our languages) into each language: the one
// list both the form's suggestions (RelationChoices) and the SMS draw from.
// Index: kk, ru, en.
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
	"grandparent": {"ата-әже", "бабушка или дедушка", "grandparent"},
	"grandchild":  {"немере", "внук или внучка", "grandchild"},
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
		"ұлы": "son", "қызы": "daughter", "күйеуі": "husband", "әйелі": "wife", "внук": "grandchild", "внучка": "grandchild",
		// what the form offered in Kazakh before it drew on this list
		"анасы": "mother", "әкесі": "father", "ағасы не інісі": "brother", "әпкесі не сіңлісі": "sister",
		"атасы не әжесі": "grandparent", "немересі": "grandchild", "туысы": "relative", "досы": "friend", "көршісі": "neighbor"}
	for key, names := range relations {
		for _, n := range names {
			if _, ok := m[n]; !ok {
				m[n] = key
			}
		}
	}
	return m
}()

// relationOrder is the order the form suggests relations in.
var relationOrder = []string{"mother", "father", "son", "daughter", "wife", "husband", "brother", "sister",
	"grandparent", "grandchild", "relative", "friend", "neighbor"}

// RelationChoices are the relations the form suggests, in lang: each one
// the SMS then says (Relation), in the language of whoever receives it.
func RelationChoices(lang string) []string {
	i := langIndex(lang)
	out := make([]string, len(relationOrder))
	for j, key := range relationOrder {
		out[j] = relations[key][i]
	}
	return out
}

func langIndex(lang string) int { return map[string]int{"kk": 0, "ru": 1, "en": 2}[Lang(lang)] }

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
	return relations[key][langIndex(lang)]
}
