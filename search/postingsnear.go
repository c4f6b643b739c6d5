package search

import "strings"

// vocabBucket groups a names field's keys by first byte and length: a
// fuzzy expansion shares the first byte with its key (fuzzPrefix) and is
// within the budget in length, so it reads a few buckets, not the field.
type vocabBucket struct {
	field string
	first byte
	n     int
}

// addVocabLocked records a key new to a names field; keys of the first
// letter and of a patronymic's stem are matched exactly, never fuzzily.
func (p *postings) addVocabLocked(field, key string) bool {
	if key == "" || strings.HasPrefix(key, firstLetterMark) || strings.HasPrefix(key, stemKeyMark) || strings.HasPrefix(field, "phon_") {
		return false
	}
	b := vocabBucket{field, key[0], len(key)}
	p.vocab[b] = append(p.vocab[b], key)
	return true
}

// near returns the keys of a names field within the given edits of key that
// share its first byte (fuzzPrefix).
func (p *postings) near(field, key string, edits int) []string {
	if key == "" {
		return nil
	}
	p.mu.RLock()
	defer p.mu.RUnlock()
	var out []string
	for n := max(1, len(key)-edits); n <= len(key)+edits; n++ {
		for _, t := range p.vocab[vocabBucket{field, key[0], n}] {
			if levenshtein(key, t, edits) <= edits {
				out = append(out, t)
			}
		}
	}
	return out
}
