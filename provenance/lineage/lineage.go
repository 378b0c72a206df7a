// Package lineage decides who copied whom: directed links with a calibrated
// confidence and their reasons, reuse families, mutations and the outlet graph.
//
// Each pair of documents that shares non-incidental passages is weighed on
// independent clues — publication times, genre (press release, wire story,
// article), first-party quotes, attribution shifts, trimmed sentences and
// quotes, dropped hedges, containment and shared innovations — each kept as
// a reason in plain words. The sum of the clues maps to a confidence through
// a calibration table measured on generated lineages (see calibrate.go and
// docs/lineage.md). Below Settings.Lineage.MinConfidence no arrow is drawn.
package lineage

import (
	"context"
	"fmt"
	"sort"

	"github.com/copytrail/copytrail/provenance"
)

// MinVerbatimRun is the longest run of identical words a pair must share
// (besides MinLinkWords matched words): genuine reuse keeps at least one
// stretch word for word, while texts built on the same pattern only echo
// each other's scaffolding.
const MinVerbatimRun = 8

// MinLinkWords is the fewest matched words the longest non-incidental
// passage of a pair must have before any link is claimed: a short sentence
// in common (a stock phrase, a fact everyone reports) or a few loosely
// matching fragments are not evidence of a relation.
const MinLinkWords = 15

// DefaultMinConfidence is used when Settings.Lineage.MinConfidence is unset.
const DefaultMinConfidence = 0.6

// Analyze fills r.Links, r.Families, r.Mutations and r.OutletEdges from
// r.Documents, r.Passages and r.Pairs, using r.Settings.Lineage.
func Analyze(ctx context.Context, r *provenance.Result) error {
	if r == nil {
		return fmt.Errorf("lineage: no result to analyse")
	}
	infos := map[string]*docInfo{}
	order := make([]string, 0, len(r.Documents))
	for i := range r.Documents {
		d := &r.Documents[i]
		if _, dup := infos[d.ID]; dup {
			continue
		}
		infos[d.ID] = newDocInfo(d)
		order = append(order, d.ID)
	}
	views := map[[2]string]*pairView{}
	for i := range r.Pairs {
		if i%64 == 0 {
			if err := ctx.Err(); err != nil {
				return fmt.Errorf("lineage: %w", err)
			}
		}
		pv := buildView(r, &r.Pairs[i], infos)
		if pv == nil {
			continue
		}
		dateEvidence(pv)
		genreEvidence(pv)
		firstPartyEvidence(pv)
		textEvidence(pv)
		commonSourceEvidence(pv)
		views[viewKey(pv.a.doc.ID, pv.b.doc.ID)] = pv
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("lineage: %w", err)
	}
	explainTriples(views, infos, order)
	minConf := r.Settings.Lineage.MinConfidence
	if minConf <= 0 {
		minConf = DefaultMinConfidence
	}
	r.Links = decideLinks(views, minConf)
	r.Mutations = findMutations(r, views)
	r.Families = buildFamilies(r, infos)
	r.OutletEdges = outletGraph(r)
	return ctx.Err()
}

// buildView gathers a pair's non-incidental passages, oriented A→B as the
// pair is, with their word edits. It returns nil when nothing counts.
func buildView(r *provenance.Result, pair *provenance.Pair, infos map[string]*docInfo) *pairView {
	a, b := infos[pair.A], infos[pair.B]
	if a == nil || b == nil || pair.A == pair.B {
		return nil
	}
	idx := pair.Passages
	if len(idx) == 0 {
		for i, p := range r.Passages {
			if (p.A == pair.A && p.B == pair.B) || (p.A == pair.B && p.B == pair.A) {
				idx = append(idx, i)
			}
		}
	}
	pv := &pairView{a: a, b: b, pair: pair}
	for _, i := range idx {
		if i < 0 || i >= len(r.Passages) {
			continue
		}
		p := r.Passages[i]
		if p.Incidental {
			continue
		}
		v := passageView{index: i, p: p, aSpan: p.ASpan(), bSpan: p.BSpan()}
		if p.A == pair.B {
			v.aSpan, v.bSpan = v.bSpan, v.aSpan
		} else if p.A != pair.A {
			continue
		}
		v.edits, v.matched = diffTokens(a.tokens(v.aSpan), b.tokens(v.bSpan))
		v.words = p.Words
		pv.sharedWords += v.matched
		if v.matched > pv.longest {
			pv.longest = v.matched
		}
		if run := verbatimRun(a.tokens(v.aSpan), v.edits); run > pv.longestRun {
			pv.longestRun = run
		}
		pv.passages = append(pv.passages, v)
	}
	if len(pv.passages) == 0 {
		return nil
	}
	sort.Slice(pv.passages, func(i, j int) bool { return pv.passages[i].aSpan.Start < pv.passages[j].aSpan.Start })
	return pv
}

// verbatimRun is the longest run of side-A words untouched by edits.
func verbatimRun(toks []token, edits []edit) int {
	best, run := 0, 0
	k := 0 // next edit
	for _, t := range toks {
		broken := false
		for k < len(edits) && edits[k].a.End <= t.start {
			broken = true // an edit lies between the previous word and this one
			k++
		}
		if k < len(edits) && edits[k].a.Start <= t.start && t.end <= edits[k].a.End && edits[k].a.Len() > 0 {
			run = 0
			continue
		}
		if broken {
			run = 0
		}
		run++
		best = max(best, run)
	}
	return best
}
