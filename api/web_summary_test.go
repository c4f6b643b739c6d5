package api

import (
	"strings"
	"testing"

	"tuys/data"
)

// TestErrorSummaryNamesTheFields: a refused form lists its problems above
// it in the order the form asks them, each with its field's label and a
// link to the field, in the page's language.
func TestErrorSummaryNamesTheFields(t *testing.T) {
	_, _, h := newWebServer(t, Config{})
	for _, lang := range data.Languages {
		b := newBrowser(t, h, lang)
		b.get("/looking")
		form := seekForm()
		form.Set("contact.phone", "12")
		form.Set("person.birth_year", "1700")
		form.Del("person.full_name")
		page := b.post("/looking", form).Body.String()
		summary, _, _ := strings.Cut(page[strings.Index(page, `class="problem"`)+1:], "</div>")
		var at []int
		for _, f := range []struct{ field, label string }{
			{"person.full_name", "form.full_name"}, {"person.birth_year", "form.birth_year"}, {"contact.phone", "form.phone"},
		} {
			i := strings.Index(summary, `<a href="#`+f.field+`">`+escapeHTML(T(lang, f.label))+": ")
			if i < 0 {
				t.Errorf("%s: the summary does not name %s by its label: %s", lang, f.field, summary)
			}
			at = append(at, i)
		}
		if !(at[0] < at[1] && at[1] < at[2]) {
			t.Errorf("%s: the summary is not in the form's order: %v", lang, at)
		}
	}
}
