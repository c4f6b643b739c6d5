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

// editDistance counts the insertions, deletions, substitutions and swaps
// of two neighbouring letters that turn a into b (optimal string
// alignment), over letters of any size: bytes of keys, runes of names as
// written (lettersSim). A swap is one slip of the fingers (Олге for Олег,
// Ильни for Ильин), not two different letters: counted as two, it made the
// person's own name "different" and ranked strangers with the same other
// name above them (matching trial, 2026-12-06).
func editDistance[E byte | rune](a, b []E, max int) int {
	if d := len(a) - len(b); d > max || -d > max {
		return max + 1
	}
	// Three rows on the stack for the keys of names; longer ones allocate.
	var rows [3][40]int
	back, prev, cur := rows[0][:0], rows[1][:0], rows[2][:0]
	if len(b)+1 > len(rows[0]) {
		back, prev, cur = make([]int, len(b)+1), make([]int, len(b)+1), make([]int, len(b)+1)
	} else {
		back, prev, cur = back[:len(b)+1], prev[:len(b)+1], cur[:len(b)+1]
	}
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			v := editStep(a, b, i, j, back, prev, cur)
			cur[j] = v
			if v < rowMin {
				rowMin = v
			}
		}
		// A row's least cell never falls in the rows after it (a swap's
		// cell is at least the diagonal one before it), so past max it
		// can stop.
		if rowMin > max {
			return max + 1
		}
		back, prev, cur = prev, cur, back
	}
	return prev[len(b)]
}

// editStep is the cell (i, j) of editDistance's table: rows i-2 (back),
// i-1 (prev) and i (cur, filled up to j-1).
func editStep[E byte | rune](a, b []E, i, j int, back, prev, cur []int) int {
	cost := 1
	if a[i-1] == b[j-1] {
		cost = 0
	}
	v := min(prev[j-1]+cost, prev[j]+1, cur[j-1]+1)
	if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
		v = min(v, back[j-2]+1)
	}
	return v
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
