package search

import "testing"

// TestWordIndexKeysOfWordsWithoutLetters: "Тест Флуд 1", "№7", "+7": a word
// with no letter has no key, and must not take the matcher down with it
// (it runs inside Bleve's analysis workers, where a panic ends the process).
func TestWordIndexKeysOfWordsWithoutLetters(t *testing.T) {
	for _, w := range []string{"1", "1990", "№7", "+7", "-", "'", "\u0301", "Ерлан"} {
		keys := computeWordIndexKeys(w)
		if w == "Ерлан" && len(keys) == 0 {
			t.Errorf("%q has no keys", w)
		}
	}
}
