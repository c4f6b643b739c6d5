package search

// phoneticClass maps skeleton letters onto coarse sound classes.
var phoneticClass = [256]byte{
	'b': 'p', 'p': 'p', 'v': 'f', 'f': 'f',
	'd': 't', 't': 't',
	'g': 'k', 'k': 'k', 'h': 'k',
	's': 's', 'z': 's', 'c': 's',
	'j': 's',
	'l': 'l', 'm': 'm', 'n': 'n', 'r': 'r',
}

// Phonetic returns a coarse sound key of a skeleton key: vowels dropped
// (Kazakh ы/і and Russian reduced vowels come and go), voiced and voiceless
// consonants merged, repeats collapsed. A leading vowel is kept as 'a' so
// that names starting with a vowel stay apart from the rest.
func Phonetic(key string) string {
	out := make([]byte, 0, len(key))
	for i := 0; i < len(key); i++ {
		c := key[i]
		var p byte
		if c == 'h' && i > 0 && (key[i-1] == 's' || key[i-1] == 'z' || key[i-1] == 'c') {
			continue // second letter of sh, zh, ch
		}
		if i == 0 && c == 'h' && len(key) > 1 && isVowel(key[1]) {
			continue // Armenian and Ukrainian initial h: Hakobyan/Акопян
		}
		if isVowel(c) {
			if len(out) == 0 {
				p = 'a'
			} else {
				continue
			}
		} else {
			p = phoneticClass[c]
			if p == 0 {
				continue
			}
		}
		if len(out) > 0 && out[len(out)-1] == p {
			continue
		}
		out = append(out, p)
	}
	return string(out)
}

// keyCache remembers the keys of recent tokens: names repeat (a few
// thousand given names and common surnames cover most people), and
// computing keys is the largest CPU cost of indexing and re-ranking.
// Callers must not modify the returned slices.
var keyCache = newBoundedCache[string, []string](200000)
