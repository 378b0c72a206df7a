package pipeline

import (
	"context"
	"fmt"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/align"
	"github.com/copytrail/copytrail/provenance/lineage"
)

// Numbering: the local runner lists pairs by (A, B) and their passages in
// that order, so a pair's place is the number of pairs before it and its
// first passage's index the number of passages before it. One worker sorts
// the pairs' keys and counts (16 bytes a pair with passages).

func countOf(key uint64, p PairOut) PairCount { return PairCount{Key: key, N: len(p.Passages)} }

// place numbers every pair and its passages in (A, B) order and emits the
// totals as a side output.
func place(_ []byte, counts func(*PairCount) bool, table []align.DocFacts, emit func(uint64, Place), totals func(Totals)) {
	var all []PairCount
	var c PairCount
	for counts(&c) {
		all = append(all, c)
	}
	slices.SortFunc(all, func(x, y PairCount) int {
		switch {
		case x.Key < y.Key:
			return -1
		case x.Key > y.Key:
			return 1
		}
		return 0
	})
	first := 0
	for i, c := range all {
		emit(c.Key, Place{Index: i, First: first})
		first += c.N
	}
	totals(Totals{Documents: len(table), Pairs: len(all), Passages: first})
}

// placed gives a pair its place: its index, and its passages' indexes.
func placed(_ uint64, pairs func(*PairOut) bool, places func(*Place) bool, emit func(PairOut)) {
	var p PairOut
	var pl Place
	if !pairs(&p) || !places(&pl) {
		return
	}
	p.Index, p.First = pl.Index, pl.First
	p.Pair.Passages = make([]int, len(p.Passages))
	for k := range p.Passages {
		p.Pair.Passages[k] = pl.First + k
	}
	emit(p)
}

// Lineage runs per connected group: documents joined by pairs that share a
// non-incidental passage (lineage.AnalyzeGroup gives on a group what the
// whole analysis gives on its documents; see lineage/merge.go). Grouping
// needs every edge once: one worker runs a union-find over the document
// indexes (4 bytes a document) while the edges stream past.

func edgeOf(p PairOut, emit func(Edge)) {
	for _, q := range p.Passages {
		if !q.Passage.Incidental {
			emit(Edge{A: p.A, B: p.B})
			return
		}
	}
}

// components labels every document that has an edge with its group: the
// group's smallest document index.
func components(_ []byte, edges func(*Edge) bool, emit func(uint32, uint32)) {
	parent := map[uint32]uint32{}
	var find func(uint32) uint32
	find = func(x uint32) uint32 {
		p, ok := parent[x]
		if !ok {
			parent[x] = x
			return x
		}
		if p != x {
			p = find(p)
			parent[x] = p
		}
		return p
	}
	var e Edge
	for edges(&e) {
		a, b := find(e.A), find(e.B)
		if a != b {
			parent[max(a, b)] = min(a, b) // the root is the smallest index
		}
	}
	for d := range parent {
		emit(d, find(d))
	}
}

func pairByA(p PairOut) (uint32, PairOut) { return p.A, p }

func hasEdge(p PairOut) bool {
	for _, q := range p.Passages {
		if !q.Passage.Incidental {
			return true
		}
	}
	return false
}

// toGroup keys a document's pairs (those with an edge) and the document
// itself by the document's group; documents in no group go nowhere.
func toGroup(_ uint32, group func(*uint32) bool, docs func(*ADoc) bool, pairs func(*PairOut) bool, doc func(uint32, IDoc), pair func(uint32, PairOut)) {
	var g uint32
	if !group(&g) {
		return
	}
	var d ADoc
	if docs(&d) {
		doc(g, IDoc{Index: d.Index, Doc: d.Doc})
	}
	var p PairOut
	for pairs(&p) {
		if hasEdge(p) {
			pair(g, p)
		}
	}
}

// lineageFn runs the lineage stage on one group (lineage.AnalyzeGroup).
// The group's documents and pairs are held together: its size bounds the
// worker's memory (see docs/SCALE.md).
type lineageFn struct {
	Settings provenance.Settings
}

func (f *lineageFn) ProcessElement(ctx context.Context, g uint32, docs func(*IDoc) bool, pairs func(*PairOut) bool, emit func(Lineage)) error {
	defer meterLineage.start(ctx)()
	var ds []IDoc
	var d IDoc
	for docs(&d) {
		ds = append(ds, d)
	}
	slices.SortFunc(ds, func(x, y IDoc) int { return int(x.Index) - int(y.Index) })
	var ps []PairOut
	var p PairOut
	for pairs(&p) {
		ps = append(ps, p)
	}
	slices.SortFunc(ps, func(x, y PairOut) int { return x.Index - y.Index })
	group := make([]provenance.Document, len(ds))
	for i, d := range ds {
		group[i] = d.Doc
	}
	pairList := make([]provenance.Pair, len(ps))
	passages := map[int]provenance.Passage{}
	for i, p := range ps {
		pairList[i] = p.Pair
		for k, q := range p.Passages {
			passages[p.First+k] = q.Passage
		}
	}
	r, err := lineage.AnalyzeGroup(ctx, f.Settings, group, pairList, passages)
	if err != nil {
		return fmt.Errorf("lineage of the group of document %d: %w", g, err)
	}
	emit(Lineage{Links: r.Links, Mutations: r.Mutations, Families: r.Families, OutletEdges: r.OutletEdges})
	return nil
}

func init() {
	register.Function2x1(countOf)
	register.Function5x0(place)
	register.Function4x0(placed)
	register.Function2x0(edgeOf)
	register.Function3x0(components)
	register.Function1x2(pairByA)
	register.Function6x0(toGroup)
	register.DoFn5x1[context.Context, uint32, func(*IDoc) bool, func(*PairOut) bool, func(Lineage), error](&lineageFn{})
	register.Iter1[PairCount]()
	register.Iter1[PairOut]()
	register.Iter1[Place]()
	register.Iter1[Edge]()
	register.Iter1[uint32]()
	register.Emitter2[uint64, Place]()
	register.Emitter1[Totals]()
	register.Emitter1[PairOut]()
	register.Emitter1[Edge]()
	register.Emitter2[uint32, uint32]()
	register.Emitter2[uint32, PairOut]()
	register.Emitter1[Lineage]()
}

// linkPairs numbers the aligned pairs and their passages and runs the
// lineage stage per group. It returns the numbered pairs, the groups'
// lineage and the totals (pairs and passages, a singleton).
func linkPairs(s beam.Scope, aligned, adocs, table beam.PCollection, st provenance.Settings) (pairs, groups, totals beam.PCollection) {
	s = s.Scope("lineage")
	counts := beam.ParDo(s, countOf, aligned)
	places, totals := beam.ParDo2(s, place, beam.Impulse(s), beam.SideInput{Input: counts}, beam.SideInput{Input: table})
	pairs = beam.ParDo(s, placed, beam.CoGroupByKey(s, aligned, places))
	edges := beam.ParDo(s, edgeOf, pairs)
	group := beam.ParDo(s, components, beam.Impulse(s), beam.SideInput{Input: edges})
	docsIn, pairsIn := beam.ParDo2(s, toGroup, beam.CoGroupByKey(s, group, adocs, beam.ParDo(s, pairByA, pairs)))
	groups = beam.ParDo(s, &lineageFn{Settings: st}, beam.CoGroupByKey(s, docsIn, pairsIn))
	return pairs, groups, totals
}
