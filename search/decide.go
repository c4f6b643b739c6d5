package search

// decide labels ranked results: review at or above the review threshold;
// auto for the best one when it reaches the auto threshold and no second
// candidate is within the margin.
func (e *Engine) decide(res []Result) {
	th := e.opts.Thresholds
	for i := range res {
		if res[i].Score >= th.Review {
			res[i].Decision = "review"
		}
	}
	if len(res) > 0 && res[0].Score >= th.Auto && corroborated(res[0]) && (len(res) == 1 || res[1].raw < res[0].raw-th.Margin) {
		res[0].Decision = "auto"
	}
}

// corroborated reports whether more than the name supports a pair: an SMS
// goes out without a volunteer only when the birth year agrees exactly, or
// within a year with the same place, and nothing contradicts (sex, place,
// father's name). Namesakes are common; a namesake born the same year in
// the same town is not. A family name that differs by an edit no
// convention explains (Ахметов/Ахмедов) is as often another family as a
// typo: it needs a second independent signal (the same phone, the same
// father's name).
func corroborated(r Result) bool {
	year, city := "", ""
	familyEdit, second := false, false
	for _, why := range r.Explanation {
		if why.Effect < 0 {
			return false
		}
		switch why.Field {
		case "year":
			if why.Effect > 0 {
				year = "exact"
			} else {
				year = "near"
			}
		case "city":
			city = "same"
		case "family":
			familyEdit = why.Edit
		case "phone":
			second = true
		case "patronymic":
			second = second || !why.Edit
		}
	}
	if familyEdit && !second {
		return false
	}
	return year == "exact" || year == "near" && city == "same"
}
