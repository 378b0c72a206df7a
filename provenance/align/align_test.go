package align

import (
	"reflect"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/text"
)

func doc(id, s string) *Doc {
	d := &provenance.Document{ID: id, Text: s}
	return &Doc{ID: id, Text: s, Words: text.AnalyzeDocument(d, 0)}
}

func balanced() Params {
	return Params{NGram: 5, MinPassageWords: 10, MaxGap: 6, MinSimilarity: 0.6, MergeRatio: 0.5}
}

func alignTexts(t *testing.T, a, b string, p Params) (*Doc, *Doc, []provenance.Passage) {
	t.Helper()
	da, db := doc("a", a), doc("b", b)
	seeds := SeedsBetween(Shingles(da.Words, p.NGram), Shingles(db.Words, p.NGram))
	return da, db, AlignPair(da, db, seeds, p)
}

const filler = "Weather in the valley stayed dry while farmers counted their losses. "

// An edited sentence (changed word, says→said, inserted clause, dropped
// words) is one passage, not fragments.
func TestEditedSentenceIsOnePassage(t *testing.T) {
	src := "The regional council approved a long delayed plan to rebuild the northern bridge and repair the coastal road before the rainy season begins, says Marta Velin, the council's spokesperson for transport."
	edits := map[string]string{
		"changed word":    strings.Replace(src, "northern", "southern", 1),
		"says to said":    strings.Replace(src, "says", "said", 1),
		"inserted clause": strings.Replace(src, "bridge and", "bridge, after weeks of difficult talks with donors, and", 1),
		"dropped words":   strings.Replace(src, "long delayed ", "", 1),
	}
	for name, tgt := range edits {
		t.Run(name, func(t *testing.T) {
			a := strings.Repeat(filler, 3) + src + " " + strings.Repeat(filler, 2)
			b := "Opening words of another story about something else entirely. " + tgt + " Closing remarks differ here too."
			_, _, ps := alignTexts(t, a, b, balanced())
			if len(ps) != 1 {
				t.Fatalf("got %d passages, want 1: %+v", len(ps), ps)
			}
			p := ps[0]
			got := a[p.AStart:p.AEnd]
			if len(got) < len(src)*9/10 {
				t.Fatalf("passage covers %q, want most of the sentence", got)
			}
			if p.Incidental || p.Similarity < 0.6 || p.Similarity > 1 {
				t.Fatalf("passage similarity %.2f incidental %v", p.Similarity, p.Incidental)
			}
			// "=" and "-" runs rebuild A's side exactly.
			var sb strings.Builder
			for _, op := range p.Diff {
				if op.Op != provenance.OpInsert {
					sb.WriteString(op.Text)
				}
			}
			if sb.String() != got {
				t.Fatalf("diff A side %q != passage %q", sb.String(), got)
			}
		})
	}
}

func TestMovedParagraphsFound(t *testing.T) {
	p1 := "The water ministry announced an emergency fund for villages hit by the drought in the eastern districts this spring."
	p2 := "Teachers in the capital walked out on Tuesday demanding unpaid wages and safer school buildings for their pupils."
	a := p1 + "\n\n" + filler + "\n\n" + p2
	b := p2 + "\n\nSomething unrelated happened in the harbour overnight.\n\n" + p1
	_, _, ps := alignTexts(t, a, b, balanced())
	if len(ps) != 2 {
		t.Fatalf("got %d passages, want both moved paragraphs: %+v", len(ps), ps)
	}
	for _, p := range ps {
		if p.Similarity != 1 || a[p.AStart:p.AEnd] != b[p.BStart:p.BEnd] {
			t.Fatalf("moved paragraph not aligned verbatim: %q vs %q", a[p.AStart:p.AEnd], b[p.BStart:p.BEnd])
		}
	}
}

func TestUnrelatedTextsShareNothing(t *testing.T) {
	a := "The harbour authority closed two piers after a storm damaged the northern breakwater overnight."
	b := "Parliament debated the new tax on imported fuel for a third day without reaching a vote."
	if _, _, ps := alignTexts(t, a, b, balanced()); len(ps) != 0 {
		t.Fatalf("unrelated texts gave passages %+v", ps)
	}
}

func TestNamesAreIncidental(t *testing.T) {
	// Names alone never seed; a name with a lowercase word or two around it
	// is found but incidental.
	name := "the United Nations Multidimensional Integrated Stabilization Mission in Mali (MINUSMA) and the African Union Commission"
	a := "Reporters asked about " + name + " yesterday."
	b := "Nothing was said by " + name + " on the matter."
	if _, _, ps := alignTexts(t, a, b, balanced()); len(ps) != 0 {
		t.Fatalf("a bare shared name gave passages %+v", ps)
	}
	name = "the peacekeeping mission of the United Nations Multidimensional Integrated Stabilization Mission in Mali (MINUSMA) and the African Union"
	_, _, ps := alignTexts(t, "Reporters asked about "+name+" yesterday.", "Nothing was said by "+name+" on the matter.", balanced())
	if len(ps) != 1 || !ps[0].Incidental || !strings.Contains(ps[0].IncidentalReason, "names") {
		t.Fatalf("a shared name should be one incidental passage, got %+v", ps)
	}
}

func TestWordDiffNonASCII(t *testing.T) {
	a := "Миссия ООН в Мали завершит вывод войск к первому января, заявил представитель миссии в Бамако."
	b := "Миссия ООН в Мали завершила вывод войск к первому января, заявил представитель миссии в Бамако."
	_, _, ps := alignTexts(t, a, b, balanced())
	if len(ps) != 1 {
		t.Fatalf("got %d passages", len(ps))
	}
	var del, ins string
	for _, op := range ps[0].Diff {
		switch op.Op {
		case provenance.OpDelete:
			del += op.Text
		case provenance.OpInsert:
			ins += op.Text
		}
	}
	if strings.TrimSpace(del) != "завершит" || strings.TrimSpace(ins) != "завершила" {
		t.Fatalf("diff -%q +%q, want the changed verb only", del, ins)
	}
}

func TestCandidatesForKeyPairsAndFamilies(t *testing.T) {
	var ps []Posting
	facts := make([]DocFacts, 10)
	for d := 0; d < 10; d++ {
		ps = append(ps, Posting{Key: 7, Doc: uint32(d), Pos: 1})
		// document 6 is the earliest, document 3 the longest
		facts[d] = DocFacts{Order: uint32(10 - d), Words: 100}
	}
	facts[6].Order, facts[9].Order = 0, 4
	facts[3].Words = 900
	pairs := map[[2]uint32]int{}
	emit := func(s Seed) {
		if s.A >= s.B {
			t.Fatalf("seed not ordered: %+v", s)
		}
		pairs[[2]uint32{s.A, s.B}]++
	}
	if k := CandidatesForKey(ps, facts, 10, emit); k != KeyPairs || len(pairs) != 45 {
		t.Fatalf("key in 10 docs under limit 10: %v, %d pairs, want every one of 45", k, len(pairs))
	}
	clear(pairs)
	if k := CandidatesForKey(ps, facts, 5, emit); k != KeyFamily {
		t.Fatalf("key in 10 docs over limit 5: %v, want a family", k)
	}
	// every member with both representatives, the representatives with
	// each other, once; no other pair
	if len(pairs) != 9+8 {
		t.Fatalf("family of 10 gave %d pairs, want 17: %v", len(pairs), pairs)
	}
	for p, n := range pairs {
		if n != 1 {
			t.Fatalf("pair %v seeded %d times", p, n)
		}
		if p[0] != 6 && p[1] != 6 && p[0] != 3 && p[1] != 3 {
			t.Fatalf("pair %v has no representative", p)
		}
	}
	if _, ok := pairs[[2]uint32{3, 6}]; !ok {
		t.Fatal("the representatives are not paired with each other")
	}
	if k := CandidatesForKey(ps[:1], facts, 5, emit); k != KeySingle {
		t.Fatalf("key in one document: %v", k)
	}
}

func TestCommonPositionsKeepsLongSharedStretches(t *testing.T) {
	// 200 distinct content words; family n-grams cover 0..29 (short: common)
	// and 100..199 (a long shared stretch: not common)
	w := text.Words{Hash: make([]uint64, 200)}
	for i := range w.Hash {
		w.Hash[i] = uint64(1000 + i)
	}
	var fam []int32
	for p := int32(0); p+5 <= 30; p++ {
		fam = append(fam, p)
	}
	for p := int32(100); p+5 <= 200; p++ {
		fam = append(fam, p, p) // repeats are allowed
	}
	got := CommonPositions(&w, fam, 5)
	if len(got) != 26 || got[0] != 0 || got[len(got)-1] != 25 {
		t.Fatalf("common positions %v, want 0..25 only", got)
	}
}

func TestShinglesCapRepeats(t *testing.T) {
	words := make([]uint64, 1000)
	for i := range words {
		words[i] = 42
	}
	if s := Shingles(text.Words{Hash: words}, 5); len(s) != MaxPerKey {
		t.Fatalf("1000 equal words gave %d shingles, want %d", len(s), MaxPerKey)
	}
}

// An incidental passage is kept without its diff; DiffOf rebuilds any
// passage's diff exactly as AlignPair gives it.
func TestDiffOfRebuildsThePassageDiff(t *testing.T) {
	da, db, ps := alignTexts(t,
		"The committee said on Tuesday that the new bridge across the northern river would open to traffic in March after two years of delays and rising costs.",
		"Officials said on Tuesday that the new bridge across the northern river would finally open to traffic in March after two years of delays and costs.", balanced())
	if len(ps) == 0 || ps[0].Incidental || len(ps[0].Diff) == 0 {
		t.Fatalf("passages %+v: want one kept whole", ps)
	}
	if got := DiffOf(da, db, ps[0]); !reflect.DeepEqual(got, ps[0].Diff) {
		t.Fatalf("DiffOf %+v\nwant %+v", got, ps[0].Diff)
	}
}
