package data

// Languages tuys speaks (pages, SMS, the console), in the order used when
// nothing else decides. The one list: api and notify both read it.
var Languages = []string{"kk", "ru", "en"}

// SupportedLanguage reports whether lang is one of Languages.
func SupportedLanguage(lang string) bool {
	for _, l := range Languages {
		if l == lang {
			return true
		}
	}
	return false
}
