package lineage

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestFieldCountsAsStringsFields holds fieldsAtLeast and lastField to
// strings.Fields on texts spliced from words, every kind of blank (Unicode
// ones included), invalid bytes and multi-byte runes.
func TestFieldCountsAsStringsFields(t *testing.T) {
	parts := []string{"a", "word", "é", "’", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\u00a0", "\u0085", "\u2003", "\u3000",
		"\xff", "\xe2\x80", "x\xe2", "日本", ".", ""}
	rng := rand.New(rand.NewPCG(3, 5))
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for n := rng.IntN(12); n >= 0; n-- {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		f := strings.Fields(s)
		for n := 0; n <= len(f)+1; n++ {
			if got, want := fieldsAtLeast(s, n), len(f) >= n; got != want {
				t.Fatalf("fieldsAtLeast(%q, %d) = %v, strings.Fields gives %d fields", s, n, got, len(f))
			}
		}
		want := ""
		if len(f) > 0 {
			want = f[len(f)-1]
		}
		if got := lastField(s); got != want {
			t.Fatalf("lastField(%q) = %q, want %q", s, got, want)
		}
	}
}
