package lineage

import (
	"sort"

	"github.com/copytrail/copytrail/provenance"
)

// unknownOutlet groups documents whose outlet is not known.
const unknownOutlet = "unknown outlet"

// outletGraph aggregates directed copy links by outlet: the passages and
// words behind them, how many document links, and the highest confidence.
// Common-source and unknown links draw no arrow and are left out.
func outletGraph(r *provenance.Result) []provenance.OutletEdge {
	idx := r.DocIndex()
	outlet := func(id string) string {
		if i, ok := idx[id]; ok && r.Documents[i].Meta.Outlet.Known() {
			return r.Documents[i].Meta.Outlet.Value
		}
		return unknownOutlet
	}
	edges := map[[2]string]*provenance.OutletEdge{}
	for _, l := range r.Links {
		if l.Kind != provenance.LinkCopy {
			continue
		}
		k := [2]string{outlet(l.Source), outlet(l.Target)}
		e := edges[k]
		if e == nil {
			e = &provenance.OutletEdge{Source: k[0], Target: k[1]}
			edges[k] = e
		}
		e.Articles++
		e.Passages += len(l.Passages)
		for _, pi := range l.Passages {
			if pi >= 0 && pi < len(r.Passages) {
				e.Words += r.Passages[pi].Words
			}
		}
		if l.Confidence > e.Confidence {
			e.Confidence = l.Confidence
		}
	}
	out := make([]provenance.OutletEdge, 0, len(edges))
	for _, e := range edges {
		out = append(out, *e)
	}
	sortOutletEdges(out)
	return out
}

// sortOutletEdges orders outlet edges by words, then source and target.
func sortOutletEdges(out []provenance.OutletEdge) {
	sort.Slice(out, func(i, j int) bool {
		if out[i].Words != out[j].Words {
			return out[i].Words > out[j].Words
		}
		if out[i].Source != out[j].Source {
			return out[i].Source < out[j].Source
		}
		return out[i].Target < out[j].Target
	})
}

// OutletGraph aggregates r's copy links by outlet, as Analyze fills
// r.OutletEdges (for a runner that updates r.Links itself: an incremental
// add or remove of one article).
func OutletGraph(r *provenance.Result) []provenance.OutletEdge { return outletGraph(r) }
