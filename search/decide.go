package search

// decide labels ranked results: review at or above the review threshold;
// auto for the best one when it reaches the auto threshold, is
// corroborated, and no rival is within the margin. beyond holds the
// candidates after res (cut by a caller's limit) that may still be rivals.
func (e *Engine) decide(res, beyond []Result) {
	th := e.opts.Thresholds
	for i := range res {
		if res[i].Score >= th.Review {
			res[i].Decision = "review"
		}
	}
	if len(res) > 0 && res[0].Score >= th.Auto && corroborated(res[0]) &&
		!hasRival(res[0], res[1:], th.Margin) && !hasRival(res[0], beyond, th.Margin) {
		res[0].Decision = "auto"
	}
}

// hasRival reports whether a candidate of others (best first) comes within
// margin of best and is not contradicted. The margin is for two readings
// of one name that the score cannot tell apart; a namesake whose year,
// sex, father's name or place contradicts the seeker while the best
// agrees on all of them is not such a reading. With distractors, the
// exact namesake with no year and another town (0.96 against 1.00) was
// what kept one true pair in ten from auto (issue #14).
func hasRival(best Result, others []Result, margin float64) bool {
	for _, o := range others {
		if o.raw < best.raw-margin {
			return false
		}
		if !contradicted(o) {
			return true
		}
	}
	return false
}

// contradicted reports whether anything known about a candidate speaks
// against it: the same vetoes corroborated applies to the best. Another
// real given name a letter away does, however high misheard lifted it
// (its father's name agrees): a brother with a rhyming name (Ерик, Берик)
// has the same father, so he is no rival to the exact name and never
// decides alone.
func contradicted(r Result) bool {
	for _, why := range r.Explanation {
		if why.Effect < 0 || why.Field == "given" && why.How == howOtherGiven {
			return true
		}
	}
	return false
}

// corroborated reports whether more than the name supports a pair: an SMS
// goes out without a volunteer only when the birth year agrees exactly, or
// within a year with the same place, and nothing contradicts (sex, place,
// father's name). Namesakes are common; a namesake born the same year in
// the same town is not. A family name that differs by an edit no
// convention explains (Ахметов/Ахмедов) is as often another family as a
// typo, and so is a given name (Медина/Мадина, Есения/Ксения): either
// needs a second independent signal (the same phone, the same father's
// name). Fathers' names a few letters apart (Темірбек/Темір, Сабит/Сабыр)
// may be two fathers, and another given name (Берик/Ерик) another person:
// a volunteer decides those, and what an initial (В.) stands for. (A trial
// in German spelling auto-confirmed 20 such strangers, 2026-12-06.)
func corroborated(r Result) bool {
	year, city := "", ""
	nameEdit, second := false, false
	if contradicted(r) {
		return false
	}
	for _, why := range r.Explanation {
		switch why.Field {
		case "year":
			if why.Effect > 0 {
				year = "exact"
			} else {
				year = "near"
			}
		case FieldCity:
			city = "same"
		case "family":
			nameEdit = nameEdit || why.Edit
		case "given":
			if why.How == "different" || why.How == howInitial || why.How == howShortened { // another given name, however near, an initial, or a shortened name
				return false
			}
			nameEdit = nameEdit || why.Edit // Медина/Мадина, Есения/Ксения: as often two names as a typo
		case "phone":
			second = true
		case "patronymic":
			if why.Edit { // two fathers' names a few letters apart may be two fathers
				return false
			}
			second = true
		}
	}
	if nameEdit && !second {
		return false
	}
	return year == "exact" || year == "near" && city == "same"
}
