package align

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSortShinglesIsTheComparisonSort: the bucket sort gives the order of a
// comparison sort on (key, position), on lists made in position order with
// keys random, repeated, alike in all but one byte, or all equal.
func TestSortShinglesIsTheComparisonSort(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for k := range 2000 {
		n := r.IntN(900)
		s := make([]Shingle, n)
		distinct := 1 + r.IntN(n+1)
		keys := make([]uint64, distinct)
		for i := range keys {
			switch k % 4 {
			case 0:
				keys[i] = r.Uint64()
			case 1:
				keys[i] = 0xABCDEF0000000000 | uint64(r.IntN(256))<<16 // one byte differs
			case 2:
				keys[i] = uint64(r.IntN(3))
			default:
				keys[i] = 42
			}
		}
		for i := range s {
			s[i] = Shingle{Key: keys[r.IntN(distinct)], Pos: int32(i * (1 + k%3))}
		}
		want := slices.Clone(s)
		slices.SortFunc(want, cmpShingle)
		sortShingles(s)
		if !slices.Equal(s, want) {
			t.Fatalf("case %d (%d shingles, %d keys): order differs", k, n, distinct)
		}
	}
}

// BenchmarkSortShingles: a document's 600 shingles, by the bucket sort and
// by the comparison sort it replaced.
func BenchmarkSortShingles(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	orig := make([]Shingle, 600)
	for i := range orig {
		orig[i] = Shingle{Key: r.Uint64(), Pos: int32(i)}
	}
	s := make([]Shingle, len(orig))
	b.Run("buckets", func(b *testing.B) {
		for b.Loop() {
			copy(s, orig)
			sortShingles(s)
		}
	})
	b.Run("compare", func(b *testing.B) {
		for b.Loop() {
			copy(s, orig)
			slices.SortFunc(s, cmpShingle)
		}
	})
}
