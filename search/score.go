package search

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
)

func clamp01(s float64) float64 { return max(0, min(1, s)) }

// scoreRaw compares the person sought (q) with a candidate (c) and returns a
// score (clamp01 puts it in [0,1]; unclamped, two candidates that both
// reach 1 still compare) with one reason per field. The name decides most of it;
// sex, year, place and phone confirm or veto: the same name with the other
// gender ending is a sibling, the same name 25 years apart a parent or a
// child.
func scoreRaw(q, c *Person) (float64, []Reason) {
	return scoreRest(q, c, scoreNames(q, c), true)
}

func scoreNames(q, c *Person) nameMatch {
	best := scoreNamesRead(q, c, q.family, q.patronymic, c.family, c.patronymic)
	if best.s >= 1 {
		return best
	}
	// Both of a person's last words end like a patronymic (Жақсылыққызы
	// Дидарқызы, Amangeldiuli Sherhanuli): the parse took the first for the
	// father's name, though a Kazakh -ұлы/-қызы surname often comes first.
	// Either reading may be the person's, on either side; the better one
	// counts.
	qs, cs := swappable(q), swappable(c)
	try := func(qf, qp, cf, cp namePart) {
		if m := scoreNamesRead(q, c, qf, qp, cf, cp); m.s > best.s+1e-9 {
			best = m
		}
	}
	if qs {
		try(q.patronymic, q.family, c.family, c.patronymic)
	}
	if cs {
		try(q.family, q.patronymic, c.patronymic, c.family)
	}
	if qs && cs { // both read the other way: a mistyped father's name is not a mistyped surname
		try(q.patronymic, q.family, c.patronymic, c.family)
	}
	return best
}

// swappable reports whether p's family name and patronymic may be read the
// other way: both end like a patronymic.
func swappable(p *Person) bool {
	if p.patronymic.empty() || p.family.empty() {
		return false
	}
	_, _, ok := patronymicOf(p.family.keys[0])
	return ok
}

// scoreNamesRead is scoreNames with the family names and patronymics read
// as given.
func scoreNamesRead(q, c *Person, qf, qp, cf, cp namePart) nameMatch {
	var pr Reason
	ok := false
	if !qp.empty() && !cp.empty() {
		pr, ok = patronymicReason(qp, cp)
	}
	s, why, clash := nameScore(q, c, qf, cf, ok && pr.Effect > 0)
	if ok {
		why.patr, why.patrHow, why.patrEdit, why.qp, why.cp = pr.Effect, pr.How, pr.Edit, pr.Q, pr.C
		s += pr.Effect
	}
	return nameMatch{s: s, why: why, genderClash: clash}
}

// scoreRest adds to the names' part what the rest of q and c says: sex,
// birth year, city and phone. With why, it also returns the reasons, in a
// new slice (n's are shared); without, none are built: most candidates of a
// burst are scored, cut and never explained.
func scoreRest(q, c *Person, n nameMatch, why bool) (float64, []Reason) {
	s := n.s
	var rs []Reason
	if why {
		rs = n.why.reasons(make([]Reason, 0, 7))
	}
	add := func(r Reason) {
		s += r.Effect
		if why {
			rs = append(rs, r)
		}
	}
	if r, clash := sexReason(q, c, n); clash {
		add(r)
	}
	if q.BirthYear > 0 && c.BirthYear > 0 {
		add(yearReason(q, c))
	}
	if q.CityKey != "" && c.CityKey != "" {
		if q.CityKey == c.CityKey {
			add(Reason{Field: FieldCity, Effect: 0.03, Q: q.City, C: c.City, How: "="})
		} else {
			add(Reason{Field: FieldCity, Effect: -0.04, Q: q.City, C: c.City, How: "≠"})
		}
	}
	if q.Phone != "" && q.Phone == c.Phone {
		add(Reason{Field: FieldPhone, Text: "same contact phone", Effect: 0.1})
	}
	return s, rs
}

// sexReason reports whether the sexes clash and says which: the reports'
// own when they differ, else those of the family names' endings
// (Жумабаев, Жумабаева), which were what clashed: the reports' own said
// "male — male" or nothing.
func sexReason(q, c *Person, n nameMatch) (Reason, bool) {
	r := Reason{Field: "sex", Effect: -0.45, Q: q.Sex, C: c.Sex, How: "≠"}
	switch {
	case q.Sex != "" && c.Sex != "" && q.Sex != c.Sex:
		return r, true
	case !n.genderClash:
		return r, false
	}
	if qs, cs := formSex(n.why.qf), formSex(n.why.cf); qs != "" && cs != "" && qs != cs {
		r.Q, r.C = qs, cs
	}
	return r, true
}

// formSex is the sex a family name's ending says ("" when it says none).
func formSex(family string) string {
	keys := wordKeys(family)
	if len(keys) == 0 {
		return ""
	}
	_, sex := familyStem(keys[0])
	return sex
}

// yearReason compares two known birth years: equal counts a little for,
// one apart is common, more apart counts against, a generation apart is a
// parent or a child.
func yearReason(q, c *Person) Reason {
	d := q.BirthYear - c.BirthYear
	if d < 0 {
		d = -d
	}
	if (q.YearApprox || c.YearApprox) && d > 0 {
		d-- // a year derived from an age is ±1 by itself
	}
	r := Reason{Field: "year", Q: strconv.Itoa(q.BirthYear), C: strconv.Itoa(c.BirthYear), apart: d}
	switch {
	case d == 0:
		r.Effect, r.How = 0.04, "="
	case d == 1:
		r.Effect, r.How = 0, "±1"
	case d <= 3:
		r.Effect, r.How = -0.12, "apart"
	case d < 15:
		r.Effect, r.How = -0.35, "apart"
	default:
		r.Effect, r.How = -0.6, "generation"
	}
	return r
}

// splitGiven lets a given name typed in two words (Нур Ислам) stand for
// the one-word name (Нурислам) on the other side, either way round, when
// the two agree nearly (splitGivenSim) and better than the first word
// alone: joined, two words are long, and a long name lets a few letters
// differ (Нур Ислам is not Нурлан).
func splitGiven(giv *float64, how *string, qg, cg *namePart, q, c *Person) {
	for _, pair := range [2][2]*namePart{{&q.givenSplit, &c.given}, {&q.given, &c.givenSplit}} {
		a, b := pair[0], pair[1]
		if a.empty() || b.empty() {
			continue
		}
		if s, h := tokenSim(*a, *b); s > *giv && s >= splitGivenSim {
			*giv, *how, *qg, *cg = s, h, *a, *b
		}
	}
}

// splitGivenSim: at least a one-letter slip in the joined name.
const splitGivenSim = 0.85

// nameScore aligns the name parts order-free: the parse of a two-word name
// can be wrong (both words unknown), so the crossed alignment is tried too.
// qf and cf are the family names as the caller reads them; sameFather
// says the fathers' names agree (misheard).
func nameScore(q, c *Person, qf, cf namePart, sameFather bool) (float64, nameWhy, bool) {
	type align struct {
		fam, giv       float64
		famHow, givHow string
		qf, cf, qg, cg namePart
		clash          bool
	}
	try := func(qf, qg, cf, cg namePart) align {
		a := align{qf: qf, qg: qg, cf: cf, cg: cg}
		a.fam, a.famHow, a.clash = q.memo.familySim(qf, cf)
		a.giv, a.givHow = q.memo.tokenSim(qg, cg)
		for _, o := range c.others { // a second given name or an alternate name
			if s, how := q.memo.tokenSim(qg, o); s > a.giv {
				a.giv, a.givHow, a.cg = s, how, o
			}
		}
		return a
	}
	best := try(qf, q.given, cf, c.given)
	splitGiven(&best.giv, &best.givHow, &best.qg, &best.cg, q, c)
	// The names parsed the other way: they can only win by more than a
	// whole-name agreement, which the first reading already has when both
	// parts agree fully (similarities are at most 1).
	for _, other := range [][4]namePart{
		{q.given, qf, cf, c.given}, // query parsed the other way
		{qf, q.given, c.given, cf}, // candidate parsed the other way
	} {
		if best.fam+best.giv >= 2 {
			break
		}
		if a := try(other[0], other[1], other[2], other[3]); a.fam+a.giv > best.fam+best.giv+1e-9 {
			best = a
		}
	}
	if sameFather {
		best.fam, best.giv = misheard(best.fam, best.famHow, best.qf, best.cf, best.givHow),
			misheard(best.giv, best.givHow, best.qg, best.cg, best.famHow)
	}
	var s float64
	hasF := !best.qf.empty() && !best.cf.empty()
	hasG := !best.qg.empty() && !best.cg.empty()
	switch {
	case hasF && hasG:
		lo := best.fam
		if best.giv < lo {
			lo = best.giv
		}
		s = 0.35*best.fam + 0.35*best.giv + 0.3*lo
	case hasF:
		s = 0.6 * best.fam
	case hasG:
		s = 0.7 * best.giv
	}
	why := nameWhy{fam: best.fam, giv: best.giv, famHow: best.famHow, givHow: best.givHow, hasF: hasF, hasG: hasG,
		qf: best.qf.text, cf: best.cf.text, qg: best.qg.text, cg: best.cg.text,
		givOpenSex: best.givHow == "diminutive" && (best.qg.unisex && q.Sex == "" || best.cg.unisex && c.Sex == ""),
		famTurkic:  hasF && best.famHow == howKazakhRussian && turkicForm(best.qf.keys[0]) != turkicForm(best.cf.keys[0])}
	return s, why, best.clash
}

// partHow is the verdict on a name part as renderers name it: the
// similarity's word, or "different" when it is too far to be one name.
func partHow(sim float64, how string) string {
	if sim < 0.5 && how != "same" {
		return "different"
	}
	return how
}

// patronymicReason compares fathers' names: the same father's name counts
// a little for, a different one much against; an exact stem (in any script
// or convention) is an independent signal that may back an edited family
// name.
func patronymicReason(a, b namePart) (Reason, bool) {
	ps := patronymicSim(a, b)
	switch {
	case ps >= 0.85:
		return Reason{Field: "patronymic", Effect: 0.03, Edit: ps < 1, Q: a.text, C: b.text, How: "same father"}, true
	case ps < 0.6:
		return Reason{Field: "patronymic", Effect: -0.3, Q: a.text, C: b.text, How: "different father"}, true
	}
	// Near, not the same: a typo, or another father with a rhyming name
	// (Нұржан/Нұрлан, Сабит/Сабыр, Берік/Серік). It moves no score, but
	// it is said, and an SMS never goes out on it unseen (corroborated).
	return Reason{Field: "patronymic", Edit: true, Q: a.text, C: b.text, How: "similar"}, true
}

// patronymicSim compares fathers' names across conventions: Серикович,
// Серікұлы and Serikuly all stem to serik; and the Kazakh and the Russian
// form of one name are one father (Төлегенұлы, Тулегенович: an
// unseen-names trial, 2026-12-07).
func patronymicSim(a, b namePart) float64 {
	best := stemSim(a.keys, b.keys)
	if best < 1 && (stemSim(a.kr, b.keys) == 1 || stemSim(a.keys, b.kr) == 1) {
		return 1
	}
	return best
}

// stemSim is the best similarity of the fathers' names patronymic keys
// xs and ys stem to.
func stemSim(xs, ys []string) float64 {
	best := 0.0
	for _, x := range xs {
		sx := patronymicStem(x)
		for _, y := range ys {
			sy := patronymicStem(y)
			if kiziPair(x, y) && strings.TrimSuffix(sx, "k") == strings.TrimSuffix(sy, "k") || uliPair(x, y, sx, sy) {
				return 1
			}
			if s := spellingSim(sx, sy); s > best {
				best = s
			}
			if strings.HasPrefix(sx, sy) || strings.HasPrefix(sy, sx) {
				if m := min(len(sx), len(sy)); m >= 4 && best < 0.9 {
					best = 0.9 // a stem and a longer one: Серикович/Серікбайұлы
				}
			}
		}
	}
	return best
}

// uliPair: a son's -ұлы whose key's u swallowed the у a father's name
// ends with (Төлеуұлы keys as toleuli, stem tole, against Толеуович's
// toleu): the key cannot tell Төлеуұлы from Төлеұлы, so either stem
// with the u is the same father.
func uliPair(x, y, sx, sy string) bool {
	return strings.HasSuffix(x, "uli") && sx+"u" == sy || strings.HasSuffix(y, "uli") && sy+"u" == sx
}

// kiziPair: one of two patronymic keys is a daughter's -қызы, whose
// doubled k swallows the k of a father's name ending in к/қ (Темірбекқызы
// keys as temirbekizi, stem temirbe, against Темирбековна's temirbek).
func kiziPair(x, y string) bool { return strings.HasSuffix(x, "kizi") || strings.HasSuffix(y, "kizi") }

// scoreAll scores cands against p, best first: ties go to the candidate
// closest to the query as written (the exact spelling first), then to the
// smaller id, so the order is deterministic. Closeness is worked out for
// tied candidates only. Reasons and records are not built here: pick
// builds them (explain) for the results it keeps and their rivals.
func scoreAll(p *Person, cands []candidate) []Result {
	return scoreAllNamed(p, cands, nil)
}

// scoreAllNamed is scoreAll with the names' part of each candidate's score
// already worked out (names[i] for cands[i]; nil: work it out here), by an
// earlier query with the same names.
func scoreAllNamed(p *Person, cands []candidate, names []nameMatch) []Result {
	res := make([]Result, 0, len(cands))
	if names == nil {
		names = namesOf(p, cands)
	}
	for i := range cands {
		c, n := &cands[i], names[i]
		s, _ := scoreRest(p, c.person, n, false)
		res = append(res, Result{ReportID: c.s.ID, Score: clamp01(s), raw: s, seq: c.s.Seq, person: c.person, names: n, doc: c.s})
	}
	slices.SortFunc(res, func(a, b Result) int {
		if a.raw != b.raw {
			return cmp.Compare(b.raw, a.raw)
		}
		return strings.Compare(a.ReportID, b.ReportID)
	})
	for i := 0; i < len(res); {
		j := i + 1
		for j < len(res) && res[j].raw == res[i].raw {
			j++
		}
		if j-i > 1 {
			tied := res[i:j]
			for k := range tied {
				tied[k].near = closeness(p, tied[k].person)
			}
			slices.SortStableFunc(tied, func(a, b Result) int { return cmp.Compare(b.near, a.near) })
		}
		i = j
	}
	return res
}

// namesOf scores the names of each of cands against p's, with one memo
// of word comparisons for them all (simMemo).
func namesOf(p *Person, cands []candidate) []nameMatch {
	p.memo = newSimMemo()
	defer func() { p.memo = nil }()
	names := make([]nameMatch, len(cands))
	for i := range cands {
		names[i] = scoreNames(p, cands[i].person)
	}
	return names
}

// explain fills in what scoreAll left out of r: its reasons against the
// query p and the record the index holds.
func (r *Result) explain(p *Person) {
	if r.Explanation == nil && r.person != nil {
		_, r.Explanation = scoreRest(p, r.person, r.names, true)
	}
	if r.Report == nil && r.doc != nil {
		r.Report = r.doc.report()
	}
}
