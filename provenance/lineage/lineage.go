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
	"runtime"
	"sort"
	"sync"

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
	views, infos, err := weigh(ctx, r)
	if err != nil {
		return err
	}
	minConf := r.Settings.Lineage.MinConfidence
	if minConf <= 0 {
		minConf = DefaultMinConfidence
	}
	r.Links = decideLinks(views, collectionDocs(r, infos), minConf)
	r.Mutations = findMutations(r, views)
	r.Families = buildFamilies(r, infos)
	r.OutletEdges = outletGraph(r)
	return ctx.Err()
}

// Clue is one direction clue on a pair: Weight > 0 says A is the source.
type Clue struct {
	Kind   string
	Weight float64
	Reason string
}

// PairClues are the direction clues weighed on one pair of documents.
type PairClues struct {
	A, B  string
	Clues []Clue
}

// Clues weighs every pair of r as Analyze does and returns the clues, for
// measuring how often each fires and is right (provenance/eval). It does
// not change r.
func Clues(ctx context.Context, r *provenance.Result) ([]PairClues, error) {
	views, _, err := weigh(ctx, r)
	if err != nil {
		return nil, err
	}
	var out []PairClues
	for _, k := range sortedViewKeys(views) {
		pv := views[k]
		pc := PairClues{A: pv.a.doc.ID, B: pv.b.doc.ID}
		for _, e := range pv.evidence {
			pc.Clues = append(pc.Clues, Clue{Kind: e.kind, Weight: e.weight, Reason: e.reason})
		}
		out = append(out, pc)
	}
	return out, nil
}

// weigh reads every document that shares text and weighs every pair:
// the pair views with their evidence, after the triple rules.
func weigh(ctx context.Context, r *provenance.Result) (map[[2]string]*pairView, map[string]*docInfo, error) {
	if r == nil {
		return nil, nil, fmt.Errorf("lineage: no result to analyse")
	}
	// Each document that shares text is read once, and each pair weighed, by
	// a worker per core. Documents in no pair need no reading.
	paired := map[string]bool{}
	byPair := map[[2]string][]int{} // passages by pair, for pairs that do not list theirs
	for i, p := range r.Passages {
		if !p.Incidental {
			paired[p.A], paired[p.B] = true, true
		}
		k := viewKey(p.A, p.B)
		byPair[k] = append(byPair[k], i)
	}
	order := make([]string, 0, len(paired))
	first := map[string]int{}
	for i := range r.Documents {
		id := r.Documents[i].ID
		if _, dup := first[id]; !dup && paired[id] {
			first[id] = i
			order = append(order, id)
		}
	}
	list := make([]*docInfo, len(order))
	if err := parallel(ctx, len(order), func(i int) {
		list[i] = newDocInfo(&r.Documents[first[order[i]]])
	}); err != nil {
		return nil, nil, err
	}
	infos := make(map[string]*docInfo, len(order))
	for i, id := range order {
		infos[id] = list[i]
	}
	tellApart(r, infos, order)
	markOwnPages(r, infos, byPair)
	pvs := make([]*pairView, len(r.Pairs))
	if err := parallel(ctx, len(r.Pairs), func(i int) {
		pv := buildView(r, &r.Pairs[i], infos, byPair)
		if pv == nil {
			return
		}
		dateEvidence(pv)
		genreEvidence(pv)
		firstPartyEvidence(pv)
		sourceEvidence(pv)
		textEvidence(pv)
		shapeEvidence(pv)
		commonSourceEvidence(pv)
		pvs[i] = pv
	}); err != nil {
		return nil, nil, err
	}
	views := map[[2]string]*pairView{}
	for _, pv := range pvs {
		if pv != nil {
			views[viewKey(pv.a.doc.ID, pv.b.doc.ID)] = pv
		}
	}
	explainTriples(views, infos, order)
	return views, infos, nil
}

// buildView gathers a pair's non-incidental passages, oriented A→B as the
// pair is, with their word edits. It returns nil when nothing counts.
func buildView(r *provenance.Result, pair *provenance.Pair, infos map[string]*docInfo, byPair map[[2]string][]int) *pairView {
	a, b := infos[pair.A], infos[pair.B]
	if a == nil || b == nil || pair.A == pair.B {
		return nil
	}
	pv := &pairView{a: a, b: b, pair: pair}
	for _, i := range pairPassages(pair, byPair) {
		if i < 0 || i >= len(r.Passages) {
			continue
		}
		p := r.Passages[i]
		if p.Incidental || !validSpans(p, r, infos) {
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

// pairPassages lists the indexes of a pair's passages: the pair's own
// list, or those byPair found for a pair that lists none.
func pairPassages(pair *provenance.Pair, byPair map[[2]string][]int) []int {
	if len(pair.Passages) > 0 {
		return pair.Passages
	}
	return byPair[viewKey(pair.A, pair.B)]
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

// parallel calls fn(0..n-1) on a worker per core and stops early when ctx
// is cancelled. fn must only write to its own index.
func parallel(ctx context.Context, n int, fn func(i int)) error {
	workers := min(runtime.GOMAXPROCS(0), n)
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	var err error
	for i := 0; i < n; i++ {
		if i%64 == 0 {
			if err = ctx.Err(); err != nil {
				break
			}
		}
		next <- i
	}
	close(next)
	wg.Wait()
	if err != nil {
		return fmt.Errorf("lineage: %w", err)
	}
	return nil
}

// validSpans reports whether a passage's spans lie inside its documents'
// texts; a malformed passage is ignored rather than trusted.
func validSpans(p provenance.Passage, r *provenance.Result, infos map[string]*docInfo) bool {
	a, b := infos[p.A], infos[p.B]
	return a != nil && b != nil &&
		0 <= p.AStart && p.AStart <= p.AEnd && p.AEnd <= len(a.doc.Text) &&
		0 <= p.BStart && p.BStart <= p.BEnd && p.BEnd <= len(b.doc.Text)
}
