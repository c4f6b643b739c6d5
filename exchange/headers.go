package exchange

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Column roles: what a column of a list holds. They are also the names
// --map accepts ("Мекенжайы=city").
const (
	colFullName    = "full_name"
	colFamilyName  = "family_name"
	colGivenName   = "given_name"
	colPatronymic  = "patronymic"
	colBirthYear   = "birth_year"
	colBirthDate   = "birth_date"
	colAge         = "age"
	colSex         = "sex"
	colCity        = "city"
	colRegion      = "region"
	colCountry     = "country"
	colPhone       = "phone"
	colDescription = "description" // public: what the person looks like
	colNote        = "note"        // private: a list's remarks (ward, transfer, injuries)
	colContactName = "contact_name"
	colIgnore      = "ignore"
)

// headerNames are the ways lists in Kazakhstan title their columns, in
// Kazakh (with the possessive forms a list's header most often takes:
// қаласы, телефоны), Russian and English, compared after normalizeHeader.
var headerNames = map[string][]string{
	colFullName: {"фио", "ф и о", "аты жөні", "аты жони", "толық аты жөні", "тегі аты әкесінің аты",
		"фамилия имя отчество", "фамилия имя", "full name", "name", "person", "имя фамилия"},
	colFamilyName:  {"фамилия", "тегі", "surname", "last name", "family name"},
	colGivenName:   {"имя", "аты", "first name", "given name"},
	colPatronymic:  {"отчество", "әкесінің аты", "patronymic", "middle name"},
	colBirthYear:   {"год рождения", "г р", "год", "туған жылы", "туылған жылы", "жылы", "birth year", "year of birth", "year"},
	colBirthDate:   {"дата рождения", "туған күні", "туылған күні", "date of birth", "birth date", "birthdate", "dob"},
	colAge:         {"возраст", "жасы", "жас", "age"},
	colSex:         {"пол", "жынысы", "sex", "gender"},
	colCity:        {"город", "населенный пункт", "нас пункт", "қала", "қаласы", "каласы", "елді мекен", "елді мекені", "ауыл", "ауылы", "city", "town", "locality", "settlement"},
	colRegion:      {"область", "регион", "район", "облыс", "облысы", "аудан", "ауданы", "region", "province", "district"},
	colCountry:     {"страна", "ел", "елі", "country"},
	colPhone:       {"телефон", "тел", "номер телефона", "контактный телефон", "телефон нөмірі", "телефоны", "ұялы телефон", "байланыс телефоны", "phone", "phone number", "mobile", "tel"},
	colDescription: {"описание", "приметы", "сипаттама", "белгілері", "description", "appearance"},
	// A hospital's or shelter's remarks ("палата 12", "переведён в ГКБ 4",
	// "лёгкое ранение") say where and how someone is: volunteers read them
	// to the family, the public does not.
	colNote:        {"примечание", "примечания", "комментарий", "ескертпе", "ескерту", "note", "notes", "comment", "comments", "remarks"},
	colContactName: {"контактное лицо", "байланыс тұлғасы", "contact", "contact name"},
}

// normalizeHeader lowercases, reads ё as е and drops punctuation, so
// "Ф.И.О.", "ФИО" and "фио:" are one name.
func normalizeHeader(s string) string {
	s = strings.ReplaceAll(strings.ToLower(s), "ё", "е")
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return ' '
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

type alias struct{ name, role string }

// aliases lists every header name, longest first, so a prefix test finds
// "аты жөні" before "аты".
var aliases = func() []alias {
	var out []alias
	for role, names := range headerNames {
		for _, n := range names {
			out = append(out, alias{normalizeHeader(n), role})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if len(out[i].name) != len(out[j].name) {
			return len(out[i].name) > len(out[j].name)
		}
		return out[i].name < out[j].name
	})
	return out
}()

// privateStems mark a column that says where or how someone is: an
// address, a ward, a condition, remarks. Whatever else its header says
// ("Город, адрес", "Описание состояния", "Приметы / примечание"), such a
// column is a private note that volunteers read, never a public field;
// only --map can say otherwise.
var privateStems = []string{"примеч", "коммент", "адрес", "состоян", "диагноз", "палат", "ранен", "травм",
	"ескерт", "мекенжай", "жағдай", "note", "comment", "remark", "address", "diagnos", "condition", "injur"}

// private reports whether a normalized header has a word starting with
// one of privateStems.
func private(h string) bool {
	for _, w := range strings.Fields(h) {
		for _, st := range privateStems {
			if strings.HasPrefix(w, st) {
				return true
			}
		}
	}
	return false
}

// roleOf recognizes a header: a private one (see privateStems) first,
// then exactly, else by its first words ("Телефон (моб.)" is a phone
// column).
func roleOf(header string) string {
	h := normalizeHeader(header)
	if h == "" {
		return ""
	}
	if private(h) {
		return colNote
	}
	for _, a := range aliases {
		if h == a.name {
			return a.role
		}
	}
	for _, a := range aliases {
		if strings.HasPrefix(h, a.name+" ") {
			return a.role
		}
	}
	return ""
}

// ParseMap reads --map: "Header=role,Header=role"; a header may also be a
// column number from 1.
func ParseMap(s string) (map[string]string, error) {
	out := map[string]string{}
	if strings.TrimSpace(s) == "" {
		return out, nil
	}
	for _, pair := range strings.Split(s, ",") {
		k, v, ok := strings.Cut(pair, "=")
		k, v = strings.TrimSpace(k), strings.TrimSpace(v)
		if !ok || k == "" {
			return nil, fmt.Errorf("--map %q: want Header=role", pair)
		}
		if _, known := headerNames[v]; !known && v != colIgnore {
			return nil, fmt.Errorf("--map %q: unknown role %q (one of %s)", pair, v, strings.Join(Roles(), ", "))
		}
		out[normalizeHeader(k)] = v
	}
	return out, nil
}

// Roles lists the column roles --map accepts.
func Roles() []string {
	out := []string{colIgnore}
	for r := range headerNames {
		out = append(out, r)
	}
	sort.Strings(out)
	return out
}

// columns gives each column of a header row its role: --map first, then
// the recognized names. A role already taken is not given twice.
func columns(header []string, explicit map[string]string) []string {
	roles := make([]string, len(header))
	taken := map[string]bool{}
	for i, h := range header {
		role, ok := explicit[normalizeHeader(h)]
		if !ok {
			role, ok = explicit[strconv.Itoa(i+1)]
		}
		if !ok {
			role = roleOf(h)
		}
		if role == colIgnore || taken[role] {
			continue
		}
		roles[i], taken[role] = role, role != ""
	}
	return roles
}

// headerScanRows is how far down a title, a logo row or a merged
// super-header may push the header row.
const headerScanRows = 10

// findHeader picks, among the first rows, the one that names the most
// columns and has a name column; -1 when none does.
func findHeader(t *Table, explicit map[string]string) (int, []string) {
	best, bestN, bestRoles := -1, 0, []string(nil)
	for i := 0; i < len(t.Rows) && i < headerScanRows; i++ {
		roles := columns(t.Rows[i], explicit)
		n, named := 0, false
		for _, r := range roles {
			if r != "" {
				n++
			}
			named = named || r == colFullName || r == colFamilyName || r == colGivenName
		}
		if named && n > bestN {
			best, bestN, bestRoles = i, n, roles
		}
	}
	return best, bestRoles
}
