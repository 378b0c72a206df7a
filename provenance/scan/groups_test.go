package scan_test

import (
	"context"
	"reflect"
	"testing"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/gen"
	"github.com/copytrail/copytrail/provenance/gen/lineages"
	"github.com/copytrail/copytrail/provenance/lineage"
	"github.com/copytrail/copytrail/provenance/scan"
)

// groups splits a result's documents into connected groups: documents
// joined by pairs that share a non-incidental passage.
func groups(r *provenance.Result) map[string][]int {
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		if p, ok := parent[x]; ok && p != x {
			parent[x] = find(p)
			return parent[x]
		}
		parent[x] = x
		return x
	}
	out := map[string][]int{}
	for _, p := range r.Pairs {
		for _, i := range p.Passages {
			if !r.Passages[i].Incidental {
				parent[find(p.A)] = find(p.B)
				break
			}
		}
	}
	for j, p := range r.Pairs {
		if _, ok := parent[p.A]; ok {
			out[find(p.A)] = append(out[find(p.A)], j)
		}
	}
	return out
}

// Analysing each connected group apart and merging gives what Analyze gives
// on the whole collection: the same links (with the same passages), the
// same mutations in the same order, the same families and outlet edges.
func TestAnalyzeGroupsMergeToTheWhole(t *testing.T) {
	var docs []provenance.Document
	modes := []lineages.DateMode{lineages.AllDates, lineages.SomeDates, lineages.NoDates}
	for seed := int64(1); seed <= 6; seed++ {
		docs = append(docs, lineages.Generate(seed, modes[seed%3], seed == 4).Docs...)
	}
	docs = append(docs, gen.Corpus(60, 300, 3)...)
	ctx := context.Background()
	whole, err := scan.Run(ctx, docs, scan.DefaultSettings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(whole.Links) < 20 || len(whole.Mutations) == 0 || len(whole.Families) < 10 {
		t.Fatalf("collection too poor to test: %d links, %d mutations, %d families", len(whole.Links), len(whole.Mutations), len(whole.Families))
	}
	gs := groups(whole)
	t.Logf("%d documents, %d groups, %d links, %d mutations, %d families, %d outlet edges", len(docs), len(gs), len(whole.Links), len(whole.Mutations), len(whole.Families), len(whole.OutletEdges))
	if len(gs) < 5 {
		t.Fatalf("only %d groups: the split is not tested", len(gs))
	}
	var links []provenance.Link
	var muts []provenance.Mutation
	var fams []provenance.Family
	var outlets []provenance.OutletEdge
	for _, pairIdx := range gs {
		in := map[string]bool{}
		passages := map[int]provenance.Passage{}
		var pairs []provenance.Pair
		for _, j := range pairIdx {
			p := whole.Pairs[j]
			in[p.A], in[p.B] = true, true
			for _, i := range p.Passages {
				passages[i] = whole.Passages[i]
			}
			pairs = append(pairs, p)
		}
		var gdocs []provenance.Document
		for _, d := range whole.Documents {
			if in[d.ID] {
				gdocs = append(gdocs, d)
			}
		}
		g, err := lineage.AnalyzeGroup(ctx, whole.Settings, gdocs, pairs, passages)
		if err != nil {
			t.Fatal(err)
		}
		links = append(links, g.Links...)
		muts = append(muts, g.Mutations...)
		fams = append(fams, g.Families...)
		outlets = append(outlets, g.OutletEdges...)
	}
	lineage.MergeLinks(links)
	lineage.MergeMutations(muts)
	lineage.RankFamilies(fams)
	outlets = lineage.MergeOutletEdges(outlets)
	for _, c := range []struct {
		kind      string
		got, want any
	}{{"links", links, whole.Links}, {"mutations", muts, whole.Mutations}, {"families", fams, whole.Families}, {"outlet edges", outlets, whole.OutletEdges}} {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: merged groups differ from the whole:\n got %+v\nwant %+v", c.kind, c.got, c.want)
		}
	}
}
