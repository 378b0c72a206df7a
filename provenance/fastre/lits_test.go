package fastre

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestLitScanIsEachLiteralSearched: the one-pass scan of a literal set
// finds exactly the offsets that a substring search per literal finds
// (folded literals in either case), each once and in order, and
// contains agrees; on random texts over a small alphabet, so that
// literals overlap, share their first bytes and meet the text's end.
func TestLitScanIsEachLiteralSearched(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	const alphabet = "abSsAé “”\n"
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteByte(alphabet[rng.IntN(len(alphabet))])
		}
		return b.String()
	}
	for range 3000 {
		var lits []lit
		for range minScanLits + rng.IntN(6) {
			l := lit{s: word(2 + rng.IntN(3)), fold: rng.IntN(2) == 0}
			if l.fold {
				l.s = strings.ToLower(l.s)
			}
			lits = append(lits, l)
		}
		ls := newLitScan(lits)
		if ls == nil {
			t.Fatalf("no scan for %+v", lits)
		}
		text := word(rng.IntN(80))
		var want []int
		for _, l := range lits {
			findLit(text, l, func(i int) bool { want = append(want, i); return true })
		}
		slices.Sort(want)
		want = slices.Compact(want)
		var got []int
		ls.each(text, func(i int) bool { got = append(got, i); return true })
		if !slices.Equal(got, want) {
			t.Fatalf("lits %+v in %q: scan finds %v, each literal searched %v", lits, text, got, want)
		}
		if c := ls.contains(text); c != contains(text, lits) {
			t.Fatalf("lits %+v in %q: contains %v, want %v", lits, text, c, !c)
		}
	}
	if newLitScan([]lit{{s: "ab"}, {s: "c"}, {s: "de"}}) != nil {
		t.Error("a set with a one-byte literal is scanned in one pass; its byte pairs cannot find it")
	}
}

// BenchmarkLitScan: the start words of an attribution pattern ("says",
// "déclare", …) over a 6 KB article, one pass against a search per word.
func BenchmarkLitScan(b *testing.B) {
	var lits []lit
	for _, w := range strings.Split("says|déclare|affirme|explique|souligne|ajoute|estime|indique|précise|said|told|added", "|") {
		lits = append(lits, lit{s: w})
	}
	text := strings.Repeat(strings.Join(texts, " "), 1+6000/len(strings.Join(texts, " ")))
	ls := newLitScan(lits)
	b.Run("one pass", func(b *testing.B) {
		for b.Loop() {
			ls.each(text, func(int) bool { return true })
		}
	})
	b.Run("per literal", func(b *testing.B) {
		for b.Loop() {
			for _, l := range lits {
				findLit(text, l, func(int) bool { return true })
			}
		}
	})
}
