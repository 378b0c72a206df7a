package gen

import (
	"math"
	"strings"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

func sp(a, b int) provenance.Span { return provenance.Span{Start: a, End: b} }

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestScorePerfectDetection(t *testing.T) {
	S := []Case{{Source: "s", Target: "t", Src: sp(0, 100), Tgt: sp(50, 150)}}
	// reported the other way round: order of the pair does not matter
	R := []Detection{{A: "t", B: "s", AS: sp(50, 150), BS: sp(0, 100)}}
	sc := Score(S, R)
	if !near(sc.Precision, 1) || !near(sc.Recall, 1) || !near(sc.Granularity, 1) || !near(sc.Plagdet, 1) {
		t.Fatalf("perfect detection scored %+v", sc)
	}
}

func TestScoreSplitAndOverlong(t *testing.T) {
	S := []Case{{Source: "s", Target: "t", Src: sp(0, 100), Tgt: sp(0, 100)}}
	// two halves: recall 1, granularity 2, plagdet 1/log2(3)
	R := []Detection{{A: "s", B: "t", AS: sp(0, 50), BS: sp(0, 50)}, {A: "s", B: "t", AS: sp(50, 100), BS: sp(50, 100)}}
	sc := Score(S, R)
	if !near(sc.Recall, 1) || !near(sc.Granularity, 2) || !near(sc.Plagdet, 1/math.Log2(3)) {
		t.Fatalf("split detection scored %+v", sc)
	}
	// a detection twice the case: precision 0.5, recall 1
	R = []Detection{{A: "s", B: "t", AS: sp(0, 200), BS: sp(0, 200)}}
	sc = Score(S, R)
	if !near(sc.Precision, 0.5) || !near(sc.Recall, 1) || !near(sc.Plagdet, 2*0.5/1.5) {
		t.Fatalf("overlong detection scored %+v", sc)
	}
	// overlapping only one document is no detection
	R = []Detection{{A: "s", B: "t", AS: sp(0, 100), BS: sp(300, 400)}}
	if sc = Score(S, R); sc.Recall != 0 || sc.Precision != 0 || sc.Plagdet != 0 {
		t.Fatalf("one-sided overlap scored %+v", sc)
	}
	// a detection on another pair detects nothing
	R = []Detection{{A: "s", B: "x", AS: sp(0, 100), BS: sp(0, 100)}}
	if sc = Score(S, R); sc.Recall != 0 {
		t.Fatalf("detection of another pair scored %+v", sc)
	}
	if sc = Score(nil, nil); sc.Precision != 1 || sc.Recall != 1 {
		t.Fatalf("nothing to find, nothing found: %+v", sc)
	}
}

func TestCollectionGroundTruth(t *testing.T) {
	c := Build(3, 2)
	if len(c.Negatives) != 2 {
		t.Fatalf("%d negative pairs", len(c.Negatives))
	}
	byID := map[string]string{}
	for _, d := range c.Docs {
		byID[d.ID] = d.Text
	}
	types := map[string]int{}
	for _, cs := range c.Cases {
		types[cs.Type]++
		src, tgt := byID[cs.Source], byID[cs.Target]
		if cs.Src.Start < 0 || cs.Src.End > len(src) || cs.Tgt.End > len(tgt) || cs.Src.Len() <= 0 || cs.Tgt.Len() <= 0 {
			t.Fatalf("case %+v out of its documents", cs)
		}
		if cs.Type == Verbatim && strings.Join(strings.Fields(src[cs.Src.Start:cs.Src.End]), " ") != strings.Join(strings.Fields(tgt[cs.Tgt.Start:cs.Tgt.End]), " ") {
			t.Fatalf("verbatim case differs:\n%q\n%q", src[cs.Src.Start:cs.Src.End], tgt[cs.Tgt.Start:cs.Tgt.End])
		}
		if cs.Type == TrimmedQuote && src[cs.Src.Start:cs.Src.End] != tgt[cs.Tgt.Start:cs.Tgt.End] {
			t.Fatalf("trimmed quote is not the source's words")
		}
	}
	for _, typ := range EditTypes {
		if typ != Negative && types[typ] == 0 {
			t.Fatalf("no %s cases", typ)
		}
	}
}
