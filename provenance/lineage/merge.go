package lineage

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"

	"github.com/copytrail/copytrail/provenance"
)

// Analyze only relates documents that share non-incidental passages, so
// the documents of one connected group (documents joined by such pairs)
// can be analysed apart from the rest: a distributed runner analyses each
// group on its own worker and merges the groups with the functions below,
// which give the order Analyze gives on the whole collection (a test checks
// that the merge equals the whole).

// RankFamilies orders families widest first (members, then words, then
// the first member's document and start) and numbers them F1, F2, … .
func RankFamilies(fams []provenance.Family) {
	sort.Slice(fams, func(i, j int) bool {
		if len(fams[i].Members) != len(fams[j].Members) {
			return len(fams[i].Members) > len(fams[j].Members)
		}
		if fams[i].Words != fams[j].Words {
			return fams[i].Words > fams[j].Words
		}
		a, b := fams[i].Members[0], fams[j].Members[0]
		return a.Doc < b.Doc || (a.Doc == b.Doc && a.Start < b.Start)
	})
	for i := range fams {
		fams[i].ID = fmt.Sprintf("F%d", i+1)
	}
}

// pairOrder compares two document pairs as Analyze orders links.
func pairOrder(a1, b1, a2, b2 string) int {
	k1, k2 := viewKey(a1, b1), viewKey(a2, b2)
	return cmp.Or(cmp.Compare(k1[0], k2[0]), cmp.Compare(k1[1], k2[1]))
}

// MergeLinks orders the links of several groups as Analyze orders links.
func MergeLinks(links []provenance.Link) {
	slices.SortStableFunc(links, func(x, y provenance.Link) int { return pairOrder(x.Source, x.Target, y.Source, y.Target) })
}

// MergeMutations orders the mutations of several groups as Analyze does
// (by their link, in MergeLinks order); each group's mutations must come
// in the order its Analyze gave them.
func MergeMutations(ms []provenance.Mutation) {
	slices.SortStableFunc(ms, func(x, y provenance.Mutation) int { return pairOrder(x.Source, x.Target, y.Source, y.Target) })
}

// MergeOutletEdges adds up the outlet edges of several groups (passages,
// words and articles summed, the highest confidence kept) and orders them
// as Analyze does.
func MergeOutletEdges(edges []provenance.OutletEdge) []provenance.OutletEdge {
	byPair := map[[2]string]int{}
	var out []provenance.OutletEdge
	for _, e := range edges {
		k := [2]string{e.Source, e.Target}
		i, ok := byPair[k]
		if !ok {
			byPair[k] = len(out)
			out = append(out, e)
			continue
		}
		o := &out[i]
		o.Passages += e.Passages
		o.Words += e.Words
		o.Articles += e.Articles
		o.Confidence = max(o.Confidence, e.Confidence)
	}
	sortOutletEdges(out)
	return out
}

// AnalyzeGroup runs Analyze on one connected group of documents: docs in
// collection order, the group's pairs with their passages given by their
// index in the whole collection (passages holds every passage those pairs
// list). The result's Links and Mutations refer to passages by those
// collection indexes, so groups merge (MergeLinks, MergeMutations,
// RankFamilies, MergeOutletEdges) into what Analyze gives on the whole.
func AnalyzeGroup(ctx context.Context, s provenance.Settings, docs []provenance.Document, pairs []provenance.Pair, passages map[int]provenance.Passage) (*provenance.Result, error) {
	global := make([]int, 0, len(passages))
	for i := range passages {
		global = append(global, i)
	}
	slices.Sort(global)
	local := make(map[int]int, len(global))
	r := &provenance.Result{Version: provenance.ContractVersion, Settings: s, Documents: docs,
		Passages: make([]provenance.Passage, len(global)), Pairs: make([]provenance.Pair, len(pairs))}
	for k, i := range global {
		local[i] = k
		r.Passages[k] = passages[i]
	}
	for j, p := range pairs {
		p.Passages = slices.Clone(p.Passages)
		for k, i := range p.Passages {
			l, ok := local[i]
			if !ok {
				return nil, fmt.Errorf("lineage group: pair %s–%s lists passage %d, which was not given", p.A, p.B, i)
			}
			p.Passages[k] = l
		}
		r.Pairs[j] = p
	}
	if err := Analyze(ctx, r); err != nil {
		return nil, err
	}
	for i := range r.Links {
		for k, l := range r.Links[i].Passages {
			r.Links[i].Passages[k] = global[l]
		}
	}
	for i := range r.Mutations {
		if l := r.Mutations[i].Passage; l >= 0 && l < len(global) {
			r.Mutations[i].Passage = global[l]
		}
	}
	return r, nil
}
