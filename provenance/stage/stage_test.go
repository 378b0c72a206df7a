package stage_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/align"
	"github.com/copytrail/copytrail/provenance/gen"
	"github.com/copytrail/copytrail/provenance/scan"
	"github.com/copytrail/copytrail/provenance/stage"
)

// serialRun is the smallest runner made of the stage functions alone, the
// way a distributed runner chains them: map documents to postings, group by
// key, map keys to seeds, group by pair, map pairs to passages, then the
// lineage stage once.
func serialRun(t *testing.T, docs []provenance.Document, s provenance.Settings) *provenance.Result {
	t.Helper()
	r := &provenance.Result{Version: provenance.ContractVersion, Settings: s, Documents: append([]provenance.Document(nil), docs...)}
	ad := make([]align.Doc, len(docs))
	byKey := map[uint64][]align.Posting{}
	words := make([]int, len(docs))
	seen := map[string]bool{}
	for i := range r.Documents {
		d := &r.Documents[i]
		sh := stage.ShingleDocument(d, s)
		d.Words, d.ContentHash, words[i] = sh.WordCount, sh.ContentHash, sh.WordCount
		ad[i] = align.Doc{ID: d.ID, Text: d.Text, Words: sh.Words}
		if seen[sh.ContentHash] {
			t.Fatalf("the test collection has duplicates")
		}
		seen[sh.ContentHash] = true
		stage.Postings(uint32(i), sh.Shingles, func(p align.Posting) { byKey[p.Key] = append(byKey[p.Key], p) })
	}
	facts := stage.Facts(r.Documents, words)
	limit := stage.FamilyLimit(s, len(docs))
	byPair := map[[2]uint32][]align.Seed{}
	family := make([][]int32, len(docs))
	for _, ps := range byKey {
		stage.SortKey(ps)
		kind := stage.CandidatesForKey(ps, facts, limit, func(sd align.Seed) {
			byPair[[2]uint32{sd.A, sd.B}] = append(byPair[[2]uint32{sd.A, sd.B}], sd)
		})
		if kind == align.KeyFamily {
			for _, p := range ps {
				family[p.Doc] = append(family[p.Doc], p.Pos)
			}
		}
	}
	for i := range ad {
		ad[i].Common = stage.CommonPositions(&ad[i].Words, family[i], s)
	}
	for a := range docs {
		for b := a + 1; b < len(docs); b++ {
			seeds := byPair[[2]uint32{uint32(a), uint32(b)}]
			stage.SortSeeds(seeds)
			if !stage.Candidate(seeds, s) {
				continue
			}
			ps := stage.AlignPair(&ad[a], &ad[b], seeds, s)
			if len(ps) == 0 {
				continue
			}
			var idx []int
			for k := range ps {
				idx = append(idx, len(r.Passages)+k)
			}
			r.Passages = append(r.Passages, ps...)
			r.Pairs = append(r.Pairs, stage.Summarise(&ad[a], &ad[b], words[a], words[b], r.Passages, idx))
		}
	}
	if err := stage.Lineage(context.Background(), r); err != nil {
		t.Fatal(err)
	}
	return r
}

// The in-process runner calls exactly the stage functions: a runner built
// from them alone gives the same passages, pairs, links and families, on a
// collection with ordinary reuse and a family over the limit.
func TestStagesAloneGiveTheScanResult(t *testing.T) {
	c := gen.WireCollection(300, 80, 120, 5)
	s := scan.DefaultSettings()
	s.DFCapMin = 20 // the wire story's 80 carriers are a family
	want, err := scan.Run(context.Background(), c.Docs, s, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := serialRun(t, c.Docs, s)
	if len(want.Passages) == 0 || len(want.Families) == 0 {
		t.Fatalf("the collection gave %d passages and %d families: the test is void", len(want.Passages), len(want.Families))
	}
	for _, f := range []struct {
		name      string
		got, want any
	}{
		{"passages", got.Passages, want.Passages},
		{"pairs", got.Pairs, want.Pairs},
		{"links", got.Links, want.Links},
		{"families", got.Families, want.Families},
	} {
		if !reflect.DeepEqual(f.got, f.want) {
			t.Errorf("%s differ between the stage functions alone and scan.Run", f.name)
		}
	}
}

func TestFactsOrderEarliestFirst(t *testing.T) {
	docs := []provenance.Document{
		{ID: "undated"},
		{ID: "late", Meta: provenance.Metadata{Published: provenance.Field{Value: "2025-03-02"}}},
		{ID: "early", Meta: provenance.Metadata{Published: provenance.Field{Value: "2025-03-01T08:00:00Z"}}},
		{ID: "undated2"},
	}
	f := stage.Facts(docs, []int{10, 20, 30, 40})
	order := []uint32{f[0].Order, f[1].Order, f[2].Order, f[3].Order}
	if !reflect.DeepEqual(order, []uint32{2, 1, 0, 3}) || f[3].Words != 40 {
		t.Fatalf("facts %+v: want early, late, then undated in collection order", f)
	}
}
