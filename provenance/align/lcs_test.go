package align

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// randomWords is n word hashes drawn from an alphabet of k words: small
// alphabets make the ties that decide which longest common subsequence
// the walk takes.
func randomWords(r *rand.Rand, n, k int) []uint64 {
	w := make([]uint64, n)
	for i := range w {
		w[i] = uint64(r.IntN(k))*0x9e3779b97f4a7c15 + 7 // spread over the hash table's slots
	}
	return w
}

// TestBitRunsIsTableRuns checks that the bit-parallel LCS gives exactly
// the runs of the table it replaces, ties included, for every width up to
// 64 words and texts longer and shorter than that.
func TestBitRunsIsTableRuns(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 20000; trial++ {
		m := 1 + r.IntN(64)
		n := r.IntN(90)
		k := 1 + r.IntN(12)
		if trial%5 == 0 {
			k = 200 // mostly distinct words, as in prose
		}
		a, b := randomWords(r, n, k), randomWords(r, m, k)
		if trial%3 == 0 && n > 10 && m > 10 { // a shared stretch, as in reuse
			copy(b[m/3:], a[n/3:n/3+min(n, m)/3])
		}
		want := tableRuns(a, b, 3, 5)
		got := bitRuns(a, b, 3, 5)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d (n=%d m=%d k=%d): bitRuns %v, tableRuns %v", trial, n, m, k, got, want)
		}
	}
}

// TestBitRunsWordsThatCollideInTheTable: words whose hashes fall in the
// same slot of the match table are still told apart.
func TestBitRunsWordsThatCollideInTheTable(t *testing.T) {
	var b []uint64
	for k := 0; k < 64; k++ {
		b = append(b, uint64(k)<<7|5) // every word in slot 5
	}
	a := []uint64{b[63], b[2], b[3], 999<<7 | 5, b[40], b[41], b[1]}
	if got, want := bitRuns(a, b, 0, 0), tableRuns(a, b, 0, 0); !slices.Equal(got, want) {
		t.Fatalf("bitRuns %v, tableRuns %v", got, want)
	}
}

func BenchmarkLCSRuns(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	x, y := randomWords(r, 40, 300), randomWords(r, 40, 300)
	copy(y[10:], x[12:24])
	b.Run("table", func(b *testing.B) {
		for b.Loop() {
			tableRuns(x, y, 0, 0)
		}
	})
	b.Run("bits", func(b *testing.B) {
		for b.Loop() {
			bitRuns(x, y, 0, 0)
		}
	})
}
