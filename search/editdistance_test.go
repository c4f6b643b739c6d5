package search

import "testing"

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		max  int
		want int
	}{
		{"олег", "олег", 2, 0},
		{"олег", "олге", 2, 1},   // neighbours swapped
		{"ильин", "ильни", 2, 1}, // the same, mid-word
		{"бекзат", "бекзта", 2, 1},
		{"ерлан", "ержан", 2, 1},        // one letter
		{"ерлан", "ерлн", 2, 1},         // one left out
		{"абвг", "бага", 3, 3},          // a swap and a change do not share letters
		{"ca", "abc", 3, 3},             // optimal string alignment: no edit after a swap
		{"жумабаев", "жумабеков", 1, 2}, // past max: more than max
		{"", "абв", 3, 3},
	} {
		if got := editDistance([]rune(tt.a), []rune(tt.b), tt.max); got != tt.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tt.a, tt.b, tt.max, got, tt.want)
		}
		if got := editDistance([]rune(tt.b), []rune(tt.a), tt.max); got != tt.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d (symmetric)", tt.b, tt.a, tt.max, got, tt.want)
		}
	}
}

// FuzzEditDistance: a bounded answer agrees with the unbounded one up to
// its bound (past it, any larger number), and a distance is never more
// than plain Levenshtein's (a swap only saves).
func FuzzEditDistance(f *testing.F) {
	f.Add("олег", "олге")
	f.Add("zhumabayev", "jumabaev")
	f.Fuzz(func(t *testing.T, a, b string) {
		ra, rb := []rune(a), []rune(b)
		if len(ra) > 30 || len(rb) > 30 {
			return
		}
		full := editDistance(ra, rb, 100)
		for m := 0; m <= 3; m++ {
			if got := editDistance(ra, rb, m); full <= m && got != full || full > m && got <= m {
				t.Fatalf("editDistance(%q, %q, %d) = %d, full %d", a, b, m, got, full)
			}
		}
		if full > plainLevenshtein(ra, rb) {
			t.Fatalf("editDistance(%q, %q) = %d, more than Levenshtein's %d", a, b, full, plainLevenshtein(ra, rb))
		}
	})
}

func plainLevenshtein(a, b []rune) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := 1
			if a[i-1] == b[j-1] {
				c = 0
			}
			cur[j] = min(prev[j-1]+c, prev[j]+1, cur[j-1]+1)
		}
		prev = cur
	}
	return prev[len(b)]
}
