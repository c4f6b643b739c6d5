package search

// nameMatch is the part of a score that reads the names alone (given,
// family, others and patronymic): the same for every query with the same
// names, so a burst of namesakes works it out once per candidate.
type nameMatch struct {
	s           float64
	why         nameWhy
	genderClash bool
}

// nameWhy is what the names' reasons say, kept as values: the reasons
// themselves are worded (reasons) only for the candidates a query
// explains, where making them for every candidate it scored was about 8%
// of the bytes a search allocated.
type nameWhy struct {
	fam, giv, patr float64 // similarities of the family and given names; the patronymic's effect
	famHow, givHow string
	patrHow        string // "" when the fathers' names say nothing (or one is unknown)
	patrEdit       bool
	// the given names agree through a diminutive of names of both sexes
	// on a side whose sex is not known (Женя Мельник, no sex given, and
	// Евгения Мельник): his sister or him, an edit's doubt (Edit)
	givOpenSex bool
	// one family name is a -ұлы/-қызы form and the other an -ов/-ова one
	// (Кайратулы, Қайратов): one family, or a father's name typed where
	// the surname goes (Нурлан Кайратулы, whose surname is Жолдасбеков),
	// an edit's doubt (Edit)
	famTurkic      bool
	hasF, hasG     bool   // both sides have a family (given) name
	qf, cf, qg, cg string // the parts compared, query's and candidate's
	qp, cp         string
}

// reasons appends the names' reasons to rs: family, given, patronymic.
func (w *nameWhy) reasons(rs []Reason) []Reason {
	if w.hasF {
		rs = append(rs, Reason{Field: "family", Effect: w.fam, Edit: !explainedHows[w.famHow] || w.famTurkic,
			Q: w.qf, C: w.cf, How: partHow(w.fam, w.famHow), detail: w.famHow})
	}
	if w.hasG {
		rs = append(rs, Reason{Field: "given", Effect: w.giv, Edit: !explainedHows[w.givHow] || w.givOpenSex,
			Q: w.qg, C: w.cg, How: partHow(w.giv, w.givHow), detail: w.givHow})
	}
	if w.patrHow != "" {
		rs = append(rs, Reason{Field: "patronymic", Effect: w.patr, Edit: w.patrEdit, Q: w.qp, C: w.cp, How: w.patrHow})
	}
	return rs
}
