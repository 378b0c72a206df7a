package lineage

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestNeedleSetAnswersAsContains holds the one-pass needle reading to
// strings.Contains on texts spliced from the needles themselves, their
// prefixes and other words, and on words it was not built with.
func TestNeedleSetAnswersAsContains(t *testing.T) {
	words := allNeedles()
	parts := append([]string{" ", "\n", "the", "provid", "relea", "é", "fro", "(a", "–x"}, words...)
	for _, w := range words {
		if len(w) > 1 {
			parts = append(parts, w[:len(w)-1], w[1:])
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		text := b.String()
		has := needlesIn(text)
		for _, w := range append(words, "unregistered word", "xyz") {
			if got, want := has.any(w), strings.Contains(text, w); got != want {
				t.Fatalf("%q in %q: needle set %v, strings.Contains %v", w, text, got, want)
			}
		}
	}
}
