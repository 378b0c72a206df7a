package lineage

import (
	"context"
	"testing"

	"github.com/copytrail/copytrail/provenance"
)

// FuzzAnalyze feeds arbitrary texts and passage spans (in range or not):
// Analyze must not panic, and every mutation's spans must cut its texts.
func FuzzAnalyze(f *testing.F) {
	f.Add(releaseEN, articleEN, 10, 200, 5, 190)
	f.Add("“a b c d” says X.", "“a b c e” said X.", 0, 17, 0, 17)
	f.Add("", "x", -3, 99, 4, 2)
	f.Fuzz(func(t *testing.T, a, b string, as, ae, bs, be int) {
		r := &provenance.Result{
			Documents: []provenance.Document{{ID: "a", Text: a}, {ID: "b", Text: b}},
			Passages:  []provenance.Passage{{A: "a", B: "b", AStart: as, AEnd: ae, BStart: bs, BEnd: be, Words: 30}},
			Pairs:     []provenance.Pair{{A: "a", B: "b", Passages: []int{0, 7}}},
		}
		if err := Analyze(context.Background(), r); err != nil {
			t.Fatal(err)
		}
		for _, m := range r.Mutations {
			src, dst := r.Doc(m.Source).Text, r.Doc(m.Target).Text
			if m.SourceStart < 0 || m.SourceEnd > len(src) || m.SourceStart > m.SourceEnd ||
				m.TargetStart < 0 || m.TargetEnd > len(dst) || m.TargetStart > m.TargetEnd {
				t.Fatalf("mutation spans outside the texts: %+v", m)
			}
			if src[m.SourceStart:m.SourceEnd] != m.SourceText || dst[m.TargetStart:m.TargetEnd] != m.TargetText {
				t.Fatalf("mutation texts do not match their spans: %+v", m)
			}
		}
	})
}
