package store

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/copytrail/copytrail/provenance"
)

// goldenV1 is the workspace saved in testdata/v1.copytrail, the first file
// format. Every later Copytrail must still open that file to exactly this
// (through its migrations). The file is frozen: this Copytrail writes a
// later version, so it can no longer be regenerated, and goldenV1 must
// keep describing it (fields added later stay empty here).
func goldenV1() *Workspace {
	text := "Le ministère a annoncé mardi que le prix de l’eau augmentera de 12 %.\n\n" +
		"«Nous n’avons pas le choix», a déclaré la porte-parole. 北京 a réagi. 🙂\n"
	copyText := "BAMAKO – Le ministère a annoncé que le prix de l’eau augmentera de 15 %.\n\n" +
		"«Nous n’avons pas le choix», a déclaré un porte-parole.\n"
	a := provenance.Document{ID: "a1", Path: "/articles/source.txt", Format: "txt", Text: text,
		Meta: provenance.Metadata{
			Title:     provenance.Field{Value: "Prix de l’eau", Origin: provenance.OriginFrontMatter},
			Outlet:    provenance.Field{Value: "Agence Exemple", Origin: provenance.OriginSidecar, Detail: "metadata.csv row 2"},
			Published: provenance.Field{Value: "2026-03-01", Origin: provenance.OriginInferred, Detail: "dateline"},
		},
		Skip: []provenance.Span{{Start: 0, End: 0}}, Words: 27, ContentHash: "h-a1"}
	b := provenance.Document{ID: "b2", Path: "/articles/copy.html", Format: "html", Text: copyText,
		Meta: provenance.Metadata{
			Title:  provenance.Field{Value: "L’eau plus chère", Origin: provenance.OriginMeta},
			Author: provenance.Field{Value: "R. Exemple", Origin: provenance.OriginJSONLD},
			URL:    provenance.Field{Value: "https://example.org/eau", Origin: provenance.OriginHTTP},
		},
		Boilerplate: []provenance.Span{{Start: 0, End: 9}}, Words: 22, ContentHash: "h-b2"}
	settings := provenance.Settings{Preset: "balanced", NGram: 5, MinPassageWords: 12, MaxGap: 4,
		DFCap: 0.2, DFCapMin: 3, MinSimilarity: 0.6, MaxDocBytes: 1 << 20,
		Lineage: provenance.LineageSettings{MinConfidence: 0.6}}
	res := &provenance.Result{
		Version: 1, Settings: settings, Documents: []provenance.Document{a, b},
		Passages: []provenance.Passage{{A: "a1", B: "b2", AStart: 0, AEnd: 70, BStart: 10, BEnd: 80, Words: 14,
			Similarity: 0.93, Diff: []provenance.DiffOp{{Op: "=", Text: "Le ministère a annoncé"},
				{Op: "-", Text: "mardi"}, {Op: "=", Text: "que le prix de l’eau augmentera de"},
				{Op: "-", Text: "12"}, {Op: "+", Text: "15"}, {Op: "=", Text: "%."}}}},
		Pairs: []provenance.Pair{{A: "a1", B: "b2", ACoverage: 0.52, BCoverage: 0.64, SharedWords: 14,
			LongestPassage: 14, Passages: []int{0}}},
		Links: []provenance.Link{{Source: "a1", Target: "b2", Kind: provenance.LinkCopy, Confidence: 0.81,
			Reasons: []string{"a1 is dated earlier", "b2 changed a number"}, Passages: []int{0}}},
		Families: []provenance.Family{{ID: "f1", Members: []provenance.FamilyMember{{Doc: "a1", Start: 0, End: 70},
			{Doc: "b2", Start: 10, End: 80}}, Origin: "a1", Edges: []provenance.FamilyEdge{{Source: "a1", Target: "b2"}},
			Words: 14, Snippet: "Le ministère a annoncé…"}},
		Mutations: []provenance.Mutation{{Kind: provenance.MutationNumber, Source: "a1", Target: "b2",
			SourceText: "12", TargetText: "15", SourceStart: 63, SourceEnd: 65, TargetStart: 70, TargetEnd: 72,
			Explanation: "12 % became 15 %"}},
		OutletEdges: []provenance.OutletEdge{{Source: "Agence Exemple", Target: "unknown outlet", Passages: 1,
			Words: 14, Articles: 1, Confidence: 0.81}},
		Duplicates: []provenance.Duplicate{{Doc: "c3", Original: "a1", Reason: "identical text"}},
		Errors:     []provenance.FileError{{Path: "/articles/broken.pdf", Reason: "no text layer"}},
	}
	return &Workspace{
		Documents: []provenance.Document{a, b},
		Settings:  settings,
		Result:    res,
		Decisions: map[LinkKey]Decision{{Source: "a1", Target: "b2"}: {Verdict: VerdictConfirmed,
			Note: "vérifié auprès de l’agence", At: time.Date(2026, 11, 23, 4, 5, 6, 0, time.UTC)}},
		Notes: map[string]string{"b2": "chiffre modifié"},
		View:  map[string]string{"screen": "compare", "pair": "a1|b2", "scroll": "120"},
	}
}

func TestOpensFormatV1(t *testing.T) {
	path := filepath.Join("testdata", "v1.copytrail")
	got, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	assertEqual(t, got, goldenV1())
}

// TestOpensFormatV2: testdata/v2.copytrail is goldenV1's workspace saved
// in format 2 (with a link's "to decide" line), before links named their
// common source; it opens whole, the links naming none.
func TestOpensFormatV2(t *testing.T) {
	got, err := Open(filepath.Join("testdata", "v2.copytrail"))
	if err != nil {
		t.Fatal(err)
	}
	want := goldenV1()
	want.Result.Links[0].ToDecide = []string{"no publication dates: add them in the library"}
	assertEqual(t, got, want)
}
