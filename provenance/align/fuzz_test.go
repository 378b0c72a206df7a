package align

import (
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// FuzzAlignPair aligns a text with an edited copy of itself (the fuzzer
// picks both) and checks the passages' invariants: spans inside both texts
// on word boundaries, similarity in 0..1, and a diff whose "=" and "-" runs
// rebuild side A exactly.
func FuzzAlignPair(f *testing.F) {
	f.Add("The council approved the long delayed plan to rebuild the bridge before the rains, says the mayor.",
		"The council approved a long delayed plan to rebuild the northern bridge before the rains, said the mayor.")
	f.Add("Миссия ООН в Мали завершит вывод войск к первому января заявил представитель", "Миссия ООН в Мали завершила вывод войск к первому января, заявил представитель")
	f.Add(strings.Repeat("word ", 50), strings.Repeat("word ", 49)+"end")
	f.Add("联合国维和部队将于明年一月一日前完成撤离马里的全部工作", "联合国维和部队将于明年一月一日前完成撤离的全部工作")
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 4000 || len(b) > 4000 {
			return
		}
		p := Params{NGram: 3, MinPassageWords: 4, MaxGap: 4, MinSimilarity: 0.5, MergeRatio: 0.5}
		ps := alignFuzz(a, b, p)
		da, db := doc("a", a), doc("b", b)
		for _, x := range ps {
			if x.AStart < 0 || x.AEnd > len(a) || x.AStart >= x.AEnd || x.BStart < 0 || x.BEnd > len(b) || x.BStart >= x.BEnd {
				t.Fatalf("passage out of bounds: %+v", x)
			}
			if x.Similarity < 0 || x.Similarity > 1 || x.Words < p.MinPassageWords {
				t.Fatalf("passage measures: %+v", x)
			}
			diff := x.Diff
			if x.Incidental { // summarised without its diff: DiffOf gives it
				diff = DiffOf(da, db, x)
			}
			var sa strings.Builder
			for _, op := range diff {
				if op.Op != provenance.OpInsert {
					sa.WriteString(op.Text)
				}
			}
			if sa.String() != a[x.AStart:x.AEnd] {
				t.Fatalf("diff does not rebuild A: %q vs %q", sa.String(), a[x.AStart:x.AEnd])
			}
		}
	})
}

func alignFuzz(a, b string, p Params) []provenance.Passage {
	da, db := doc("a", a), doc("b", b)
	seeds := SeedsBetween(Shingles(da.Words, p.NGram), Shingles(db.Words, p.NGram))
	return AlignPair(da, db, seeds, p)
}

// FuzzWordDiff checks the word diff on any two word sequences: the ops
// consume both sequences exactly.
func FuzzWordDiff(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4}, []byte{1, 3, 4, 5})
	f.Fuzz(func(t *testing.T, x, y []byte) {
		a, b := make([]uint64, len(x)), make([]uint64, len(y))
		for i, v := range x {
			a[i] = uint64(v % 16)
		}
		for i, v := range y {
			b[i] = uint64(v % 16)
		}
		na, nb := 0, 0
		for _, d := range wordDiff(a, b, true) {
			n := len([]rune(d.Text))
			switch d.Type {
			case diffmatchpatch.DiffDelete:
				na += n
			case diffmatchpatch.DiffInsert:
				nb += n
			default:
				na += n
				nb += n
			}
		}
		if na != len(a) || nb != len(b) {
			t.Fatalf("diff consumed %d/%d of %d/%d words", na, nb, len(a), len(b))
		}
		matched := 0
		for _, r := range lcsRuns(a, b, 0, 0) {
			for k := 0; k < r.n; k++ {
				if a[r.a+k] != b[r.b+k] {
					t.Fatalf("run %+v matches unequal words", r)
				}
			}
			matched += r.n
		}
		if matched > min(len(a), len(b)) {
			t.Fatalf("matched %d words", matched)
		}
	})
}
