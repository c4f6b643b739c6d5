package search

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	index "github.com/blevesearch/bleve_index_api"

	"tuys/data"
)

// The index is derived from the store: documents carry the normalized keys
// of an active report's names (field "names_<kind>"), their phonetic keys
// ("phon_<kind>"), kind and status, plus a stored copy of the fields the
// re-ranker reads, so that ranking needs no store round trip. The last
// indexed event sequence is kept inside the index, written in the same
// batch as the documents it covers.

const (
	filterKeys     = "tuys_keys"     // word → its skeleton keys (and diminutive expansions)
	filterPhonetic = "tuys_phonetic" // skeleton key → phonetic key
	analyzerKeys   = "tuys_keys"
	analyzerPhon   = "tuys_phonetic"
	lastSeqKey     = "tuys:last_seq"
	rulesKey       = "tuys:rules" // the RulesVersion the keys were computed with
)

func init() {
	// Registered in init() so that every binary that opens the index can
	// analyze with them (bleve looks filters up by name).
	if err := registry.RegisterTokenFilter(filterKeys, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return keysFilter{}, nil
	}); err != nil {
		panic(err)
	}
	if err := registry.RegisterTokenFilter(filterPhonetic, func(map[string]interface{}, *registry.Cache) (analysis.TokenFilter, error) {
		return phoneticFilter{}, nil
	}); err != nil {
		panic(err)
	}
}

// keysFilter replaces every written word by its keys: the skeleton keys of
// each part of a hyphenated word and of the whole, the Korean surname
// group key, and the keys of the full names a diminutive stands for.
type keysFilter struct{}

func (keysFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := make(analysis.TokenStream, 0, len(in)*2)
	pos := 1
	for _, t := range in {
		for _, k := range wordIndexKeys(string(t.Term)) {
			out = append(out, &analysis.Token{Start: t.Start, End: t.End, Term: []byte(k), Position: pos, Type: analysis.AlphaNumeric})
		}
		pos++
	}
	return out
}

// wordIndexKeys lists the keys under which one written word is indexed and
// queried. Each word is analyzed twice per document (names and phonetic
// fields), and names repeat: the result is cached and must not be modified.
func wordIndexKeys(word string) (keys []string) {
	if k, ok := wordCache.get(word); ok {
		return k
	}
	defer func() {
		// This runs inside Bleve's analysis workers, where a panic would end
		// the process: one strange word must not take the service down.
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

// phoneticFilter maps skeleton keys onto phonetic keys, dropping the ones
// too short to mean anything.
type phoneticFilter struct{}

func (phoneticFilter) Filter(in analysis.TokenStream) analysis.TokenStream {
	out := in[:0]
	for _, t := range in {
		if p, ok := indexedPhonetic(string(t.Term)); ok {
			t.Term = []byte(p)
			out = append(out, t)
		}
	}
	return out
}

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
	for name, filters := range map[string][]string{analyzerKeys: {filterKeys}, analyzerPhon: {filterKeys, filterPhonetic}} {
		if err := im.AddCustomAnalyzer(name, map[string]interface{}{
			"type": custom.Name, "tokenizer": whitespace.Name, "token_filters": filters,
		}); err != nil {
			return nil, fmt.Errorf("index mapping: analyzer %s: %w", name, err)
		}
	}
	text := func(analyzer string) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer, f.Store, f.IncludeInAll, f.IncludeTermVectors, f.DocValues = analyzer, false, false, false, false
		return f
	}
	kw := text(keyword.Name)
	stored := bleve.NewTextFieldMapping()
	stored.Index, stored.Store, stored.IncludeInAll, stored.DocValues = false, true, false, false

	dm := bleve.NewDocumentStaticMapping()
	for _, k := range []data.Kind{data.KindSeek, data.KindSafe} {
		dm.AddFieldMappingsAt(namesField(k), text(analyzerKeys))
		dm.AddFieldMappingsAt(phonField(k), text(analyzerPhon))
	}
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
	doc := map[string]interface{}{"kind": string(r.Kind), "status": r.Status, "p": string(blob)}
	if all := activeNames(r); all != "" {
		doc[namesField(r.Kind)], doc[phonField(r.Kind)] = all, all
	}
	return doc
}

// activeNames is the text a report's name keys are computed from: every
// distinct word of its names, or "" when it is not active (only active
// reports are retrieved).
func activeNames(r *data.Report) string {
	if r.Status != data.StatusActive {
		return ""
	}
	names := append([]string{r.FullName, r.GivenName, r.FamilyName, r.Patronymic}, r.AltNames...)
	return strings.Join(dedupe(strings.Fields(strings.Join(names, " "))), " ")
}

// Name keys live in one field per kind, and only for active reports:
// retrieval then needs no filter, whose conjunction with a posting list
// of every document would dominate query time.
func namesField(k data.Kind) string { return "names_" + string(k) }
func phonField(k data.Kind) string  { return "phon_" + string(k) }
