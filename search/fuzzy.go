package search

// Retrieval tolerates spelling noise that normalization cannot remove
// (Baurzhan/Bauyrzhan, Ibraimov/Ibragimov) with Bleve fuzzy queries on the
// skeleton keys. The budget grows with the key: one edit in a four-letter
// name already makes another name (Asel/Asem), two edits in a ten-letter
// surname rarely do.

// fuzzPrefix is the number of leading key bytes a fuzzy match must share.
// Normalization makes first letters agree (Yerlan/Erlan → erlan), and the
// prefix keeps fuzzy term enumeration cheap at a million names.
const fuzzPrefix = 1

// fuzzBudget returns the edit distance retrieval allows for a key.
func fuzzBudget(key string) int {
	switch n := len(key); {
	case n <= 3:
		return 0
	case n <= 6:
		return 1
	default:
		return 2
	}
}

// levenshtein returns the edit distance of a and b (bytes), or max+1 when
// it exceeds max (so callers can stop early on long, different keys).
func levenshtein(a, b string, max int) int { return editDistance([]byte(a), []byte(b), max) }

// editDistance is levenshtein over letters of any size: bytes of keys,
// runes of names as written (lettersSim).
func editDistance[E byte | rune](a, b []E, max int) int {
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	// Two rows on the stack for the keys of names; longer ones allocate.
	var rows [2][40]int
	prev, cur := rows[0][:0], rows[1][:0]
	if len(b)+1 > len(rows[0]) {
		prev, cur = make([]int, len(b)+1), make([]int, len(b)+1)
	} else {
		prev, cur = prev[:len(b)+1], cur[:len(b)+1]
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := prev[j-1] + cost
			if x := prev[j] + 1; x < v {
				v = x
			}
			if x := cur[j-1] + 1; x < v {
				v = x
			}
			cur[j] = v
			if v < rowMin {
				rowMin = v
			}
		}
		if rowMin > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// keysMeet reports whether two tokens would find each other in retrieval:
// a shared skeleton or phonetic key, or a skeleton key within the fuzzy
// budget of the other (same first letter).
func keysMeet(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
			if len(x) < fuzzPrefix || len(y) < fuzzPrefix || x[:fuzzPrefix] != y[:fuzzPrefix] {
				continue
			}
			bud := fuzzBudget(x)
			if b2 := fuzzBudget(y); b2 > bud {
				bud = b2 // retrieval runs from both sides: seek→safe and safe→seek
			}
			if bud > 0 && levenshtein(x, y, bud) <= bud {
				return true
			}
		}
	}
	for _, x := range a {
		pa := Phonetic(x)
		if len(pa) < 3 {
			continue
		}
		for _, y := range b {
			if pa == Phonetic(y) {
				return true
			}
		}
	}
	return false
}
