package api

import "tuys/search"

// phrase words the engine's reasons in lang: the field, the two values as
// written, and the verdict, from the catalogs. A reason stored before
// reasons carried their values keeps its English text.
func phrase(lang string) search.Phrase {
	return func(r search.Reason) string {
		name := T(lang, "why."+r.Field)
		switch {
		case r.Private():
			return name
		case r.Q == "" && r.C == "":
			return r.Text
		}
		q, c := r.Q, r.C
		if r.Field == "sex" {
			q, c = label(lang, "sex", q), label(lang, "sex", c)
		}
		line := name + ": " + q + " — " + c
		if r.How != "" {
			line += " (" + label(lang, "how", r.How) + ")"
		}
		return line
	}
}
