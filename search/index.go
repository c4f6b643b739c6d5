package search

import (
	"encoding/json"
	"log/slog"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"tuys/data"
)

// RulesVersion names the matching rules an index's keys were computed with:
// bump it with any change that alters a key (normalize.go, phonetic.go,
// names.go, givennames.go, the index mapping in this file). A node that starts with an
// index of another version rebuilds it from the log (see OpenIndex).
// 2: с+х and с+ж kept apart from ш, Cyrillic words without Latin alternates,
// German dsch, English/Italian readings, Kazakh Latin ý and y' = у.
// 3: stored copies carry the status. 4: name keys not in Bleve (index.go).
// 5: ё at the start of a word (Yolkin = Ёлкин = Елкин). 6: German ck = к.
// 7: German ie = и with s = з (Friesen = Фризен). 8: German ss and sch
// read with s = з too, and -kysy a patronymic (Muradkysy = Мұратқызы).
// 9: German sch = ж (Schansaja = Жансая). 10: a mailbox written with its
// provider in words (erlan_zh на mail.ru) is hidden, so not a name key.
// 11: so are gmаil with Cyrillic look-alikes and "ит белгісі" for @.
// 12: a mailbox of two plain words, doors and numbers in words (дом
// десять, восемь.семь.ноль, Kazakh Latin, Turkic neighbours) are hidden.
// 13: so are mailboxes after почта:, handles after fillers (в инсте как
// erlan.zh) and links without a scheme (linkedin.com/in/erlanzh).
// 14: more of both (a second trial): doors after номер or a dash, ordinals
// before в квартире, numbers with any marks between the words, more labels.
// 15: hundreds' ordinals (двухсотый) hide as doors too.
// 16: each name field hidden on its own (activeNames); joiners and fillers
// between letters dropped before hiding; German w brings s = з, z = ц.
// 17: the hiding of a third trial (repeated digits, handles without marks,
// Kazakh and lower-case Russian addresses).
// 18: a second trial's: dashes, Kazakh door words without Kazakh letters.
// 19: handles in quotes or brackets after a messenger, and before деп.
// 20: bare street doors (Достык 5 12), capitalised handles before деген,
// Roman doors, houses before an entrance, districts' numbers in places.
// 21: Ч, б, В, A, T, g and q read as digits in a number.
// 22: German umlauts: ü ö ä and ue oe ae read as ю ё е, h after a vowel
// silent (Kühn = Kuehn = Кюн, Jäger = Егер), ae also as a (Jaeger = Ягер).
// 23: Uzbek oʻ = ў = у, and о = а in a word with oʻ, gʻ, ў or ҳ
// (Yoʻldoshev = Йўлдошев = Юлдашев, Gʻofurov = Гафуров).
// 24: no German reading of a Kazakh Latin ä ö ü (Mädina is not Медина).
// 25: Т, Э, E, Ƨ, Ʒ read as digits, and letters for digits at a number's end.
// 26: a street's house alone (на Абая 10, Достык 5), addresses over lines,
// bare doors mid-sentence, villages' numbers after тел, digits across name
// fields counted before hiding.
// 27: Гуля stands for any Гуль- name, more diminutives (Серёга, Жека, Бауке).
// chat Latin 4 = ч, 6 = ш, w = ш beside a digit or before b c d f g k m n p t v w.
// Belarusian, Georgian, Turkic forms of given names (Сяргей, Гиорги, Юсуп).
// A bracketed maiden or former surname is the family name's other half.
// Polish ą ę read ом/он, ем/ен (Dąbrowski = Домбровский).
// An Armenian -yan surname's Latin h before a vowel silent (Harutyunyan).
// 28: passport ye after a consonant = ье, Uzbek yo after a vowel = ё (Grigoryev, Ziyoda).
// Ерке for any Ерке- name of either sex, Назик = Назерке, Яся = Ярослава.
// chat w = ш before a vowel, first or after a vowel, in a lower-case word (kuaniwev, wegai).
// 29: a house after a street everyone knows (Байзакова 280, Tole bi 59, No. 10 Abay).
// 30: more given-name forms (Олександра, Фатма, Гулнора, Шыңғыс), Almaty region's towns by both names (Шонжы = Чунджа).
// 31: the Arabic w of Уәли, Садуақас is Russian records' в (Валиханов, Садвакасов), the u of
// Жүсіп, Жақып у (Жусупов, Жакупов); German forms of given names (Peter, Johann); Алмас = Алмаз; Ермак = Аксу.
// 32: number words run together, Chinese numerals, English number words in Cyrillic, www and worded
// sites, handles joined by underscores hidden (names' keys leave them out).
// 33: a number in capital Roman numerals (VIII DCCI CXXIII XLV LXVII) hidden.
// 34: more diminutives (Ксюша = Оксана, Нурик = Нурбол, Диля, Даник, Эля).
// 35: a birth date or year after look-alike initials or a name's end shown (Ким В.В. 12.05.1985).
// 36: a link's path after a worded site hidden with it (seen at bit.ly/3xYzAb).
// 37: Болат = Булат, Рустам = Рустем (the Kazakh and the Russian form of one name).
const RulesVersion = 37

// The index is derived from the store: a document per report carries its
// kind and status and a stored copy of the fields the re-ranker reads, so
// that ranking needs no store round trip. The name keys retrieval walks
// live in memory (postings.go), rebuilt from the stored copies when a node
// starts: Bleve inverted them too until RulesVersion 4, and nothing read
// those fields, while analyzing and merging them was half of the build
// (in process at 200,000 reports: 19,641 → 38,753 reports/s). The last
// indexed event sequence is kept inside the index, written in the same
// batch as the documents it covers.

const (
	lastSeqKey = "tuys:last_seq"
	rulesKey   = "tuys:rules" // the RulesVersion the keys were computed with
)

// wordIndexKeys lists the keys under which one written word is indexed and
// queried. Names repeat from report to report: the result is cached and
// must not be modified.
func wordIndexKeys(word string) (keys []string) {
	if k, ok := wordCache.get(word); ok {
		return k
	}
	defer func() {
		// This runs for every report the index takes, inside the indexing
		// loop: one strange word must not take the service down.
		if r := recover(); r != nil {
			slog.Error("search: index keys of a word", "panic", r)
			keys = nil
		}
	}()
	k := computeWordIndexKeys(word)
	wordCache.put(word, k)
	return k
}

var wordCache = newBoundedCache[string, []string](200000)

func computeWordIndexKeys(word string) []string {
	toks := Tokens(word)
	if len(toks) == 0 {
		return nil
	}
	keys := wordKeys(word)
	if len(toks) > 1 {
		for _, t := range toks {
			keys = append(keys, TokenKeys(t)...)
		}
	}
	for _, full := range lookupDiminutive(keys) {
		keys = append(keys, wordKeys(full)...)
	}
	// The Russian-record forms of a Kazakh word (Қожахметов: Хожахметов),
	// and a patronymic's father's name in one form for every convention
	// (Ғалымович, Ғалымұлы, Galymuly: ~galym).
	keys = append(keys, krKeys(word)...)
	for _, k := range keys {
		if _, _, ok := patronymicOf(k); ok {
			keys = append(keys, stemKeyMark+patronymicStem(k))
		}
	}
	if len(keys) > 0 { // a word of digits or marks has no key at all
		keys = append(keys, firstLetterKeys(keys[0])...)
	}
	return dedupe(keys)
}

func dedupe(xs []string) []string {
	seen := make(map[string]bool, len(xs))
	out := xs[:0]
	for _, x := range xs {
		if x != "" && !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// firstLetterMark starts the keys that let an edit in the first letter be
// found: the fuzzy match shares the first letter (it keeps the term walk
// short), so Ыкова (Быкова), Venisov (Denisov) and Ktursynov (Tursynov)
// meet through the key without its first letter instead.
const firstLetterMark = "^"

// firstLetterKeys returns the first-letter keys of a primary key: the key
// itself and the key without its first sound (one letter, or the two of a
// digraph: zh, sh, ch, ts), each marked. Two keys meet when they differ by
// a deletion, insertion or substitution of the first sound.
func firstLetterKeys(k string) []string {
	if len(k) < 3 || strings.HasPrefix(k, stemKeyMark) {
		return nil
	}
	keys := []string{firstLetterMark + k}
	if len(k) >= 4 {
		keys = append(keys, firstLetterMark+k[1:])
	}
	if len(k) >= 5 && (k[1] == 'h' && strings.IndexByte("zsck", k[0]) >= 0 || k[:2] == "ts") {
		keys = append(keys, firstLetterMark+k[2:])
	}
	return keys
}

// stemKeyMark starts the index key of a patronymic's stem, so that it never
// meets a given name's key (~galym, not galym).
const stemKeyMark = "~"

// indexedPhonetic is the phonetic key a report's name key is indexed
// under, if any: none for a patronymic stem (matched exactly or not at
// all), a first-letter key, or a code too short to mean anything.
func indexedPhonetic(k string) (string, bool) {
	if strings.HasPrefix(k, stemKeyMark) || strings.HasPrefix(k, firstLetterMark) {
		return "", false
	}
	p := Phonetic(k)
	return p, len(p) >= 3
}

func indexMapping() (mapping.IndexMapping, error) {
	im := bleve.NewIndexMapping()
	kw := bleve.NewTextFieldMapping()
	kw.Analyzer, kw.Store, kw.IncludeInAll, kw.IncludeTermVectors, kw.DocValues = keyword.Name, false, false, false, false
	stored := bleve.NewTextFieldMapping()
	stored.Index, stored.Store, stored.IncludeInAll, stored.DocValues = false, true, false, false

	dm := bleve.NewDocumentStaticMapping()
	dm.AddFieldMappingsAt("kind", kw)
	dm.AddFieldMappingsAt("status", kw)
	dm.AddFieldMappingsAt("p", stored)
	im.DefaultMapping = dm
	im.DefaultAnalyzer = keyword.Name
	im.StoreDynamic, im.IndexDynamic, im.DocValuesDynamic = false, false, false
	return im, nil
}

// stored is the copy of a report the re-ranker reads from the index.
type stored struct {
	ID     string   `json:"i"`
	Seq    int64    `json:"q"`
	Full   string   `json:"n,omitempty"`
	Given  string   `json:"g,omitempty"`
	Family string   `json:"f,omitempty"`
	Patr   string   `json:"p,omitempty"`
	Alt    []string `json:"a,omitempty"`
	Sex    string   `json:"s,omitempty"`
	Year   int      `json:"y,omitempty"`
	Approx bool     `json:"x,omitempty"`
	City   string   `json:"c,omitempty"`
	Kind   string   `json:"k"`
	Status string   `json:"st"` // to rebuild the in-memory keys of active reports (postings.go)
}

// storedOf reads the stored copy of document id from bi.
func storedOf(bi bleve.Index, id string) (stored, bool) {
	doc, err := bi.Document(id)
	if err != nil || doc == nil {
		return stored{}, false
	}
	return decodeStored(doc)
}

// decodeStored decodes a document's stored copy (field "p").
func decodeStored(doc index.Document) (s stored, ok bool) {
	doc.VisitFields(func(f index.Field) {
		if f.Name() == "p" {
			ok = json.Unmarshal(f.Value(), &s) == nil
		}
	})
	return s, ok
}

func (s *stored) report() *data.Report {
	return &data.Report{ID: s.ID, Kind: data.Kind(s.Kind), FullName: s.Full, GivenName: s.Given, FamilyName: s.Family,
		Patronymic: s.Patr, AltNames: s.Alt, Sex: s.Sex, BirthYear: s.Year, YearApprox: s.Approx, City: s.City, Status: s.Status}
}

// indexDoc builds the Bleve document of a report first seen at seq.
func indexDoc(r *data.Report, seq int64) map[string]interface{} {
	blob, _ := json.Marshal(stored{ID: r.ID, Seq: seq, Full: r.FullName, Given: r.GivenName, Family: r.FamilyName,
		Patr: r.Patronymic, Alt: r.AltNames, Sex: r.Sex, Year: r.BirthYear, Approx: r.YearApprox, City: r.City, Kind: string(r.Kind), Status: r.Status})
	// Year and place are judged by the re-ranker from the stored copy,
	// never queried: indexing them (a numeric field is 16 terms) would only
	// slow the build.
	return map[string]interface{}{"kind": string(r.Kind), "status": r.Status, "p": string(blob)}
}

// activeNames is the text a report's name keys are computed from: every
// distinct word of its names but what the public may not see of them (a
// handle, an e-mail, a number typed into a name: a search for "zhanna"
// found only the record hiding zhanna.k1988@gmail.com, attacker trial of
// 2026-12-06), or "" when it is not active (only active reports are
// retrieved).
func activeNames(r *data.Report) string {
	if r.Status != data.StatusActive {
		return ""
	}
	// Each field hidden on its own, as the public sees it: hidden once
	// joined, "Жумабаев Ерлан дом десять" was followed by the given name,
	// the door no longer ended the text, and a search for "десять" found
	// the one record hiding it (an attacker's trial, 2026-12-07).
	var words []string
	for _, n := range append([]string{r.FullName, r.GivenName, r.FamilyName, r.Patronymic}, r.AltNames...) {
		if n != "" {
			words = append(words, strings.Fields(data.HideContacts(n))...)
		}
	}
	return strings.Join(dedupe(words), " ")
}

// Name keys live in one field per kind of the in-memory lists, and only
// for active reports: retrieval then needs no filter by kind or status.
func namesField(k data.Kind) string { return "names_" + string(k) }
func phonField(k data.Kind) string  { return "phon_" + string(k) }
