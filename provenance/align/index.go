package align

import "slices"

// Posting is one occurrence of an n-gram key: document index and position.
type Posting struct {
	Key uint64
	Doc uint32
	Pos int32
}

// Seed is a shared n-gram of two documents A < B (document indexes) at word
// positions PA and PB.
type Seed struct {
	A, B   uint32
	PA, PB int32
}

// Shard picks the shard of a key among 1<<bits shards.
func Shard(key uint64, bits uint) int { return int(key >> (64 - bits)) }

// SortSeeds orders seeds by pair, then by position in A and B.
func SortSeeds(s []Seed) {
	slices.SortFunc(s, func(x, y Seed) int {
		switch {
		case x.A != y.A:
			return int(x.A) - int(y.A)
		case x.B != y.B:
			return int(x.B) - int(y.B)
		case x.PA != y.PA:
			return int(x.PA - y.PA)
		}
		return int(x.PB - y.PB)
	})
}

// PairRuns splits seeds sorted by SortSeeds into one slice per pair.
func PairRuns(s []Seed) [][]Seed {
	n := 0
	for i := range s {
		if i == 0 || s[i].A != s[i-1].A || s[i].B != s[i-1].B {
			n++
		}
	}
	out := make([][]Seed, 0, n)
	for i := 0; i < len(s); {
		j := i + 1
		for j < len(s) && s[j].A == s[i].A && s[j].B == s[i].B {
			j++
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

// SeedsBetween returns the seeds of two documents from their shingles
// (sorted by key, as Shingles returns them), as documents 0 and 1, sorted
// by SortSeeds. It serves comparing one new document with a few others
// without building an index.
func SeedsBetween(a, b []Shingle) []Seed {
	var out []Seed
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i].Key < b[j].Key:
			i++
		case a[i].Key > b[j].Key:
			j++
		default:
			ie, je := i, j
			for ie < len(a) && a[ie].Key == a[i].Key {
				ie++
			}
			for je < len(b) && b[je].Key == b[j].Key {
				je++
			}
			for _, x := range a[i:ie] {
				for _, y := range b[j:je] {
					out = append(out, Seed{A: 0, B: 1, PA: x.Pos, PB: y.Pos})
				}
			}
			i, j = ie, je
		}
	}
	SortSeeds(out)
	return out
}
