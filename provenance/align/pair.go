package align

import (
	"slices"
	"time"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// span is a candidate passage in word positions: A[a0,a1) ~ B[b0,b1),
// matched words aligned inside.
type span struct {
	a0, a1, b0, b1 int
	matched        int
}

func (s span) words() int { return max(s.a1-s.a0, s.b1-s.b0) }

// run is a stretch of equal words: A[a,a+n) = B[b,b+n).
type run struct{ a, b, n int }

// maxOpenChains bounds the chains a seed is compared with (repetitive text).
const maxOpenChains = 64

// chainSeeds groups seeds (sorted by PA, PB) that advance together in both
// documents, at most gap words apart, into regions.
func chainSeeds(seeds []Seed, n, gap int) []span {
	type chain struct {
		span
		lastA, lastB int
	}
	var done []span
	var open []chain
	for _, s := range seeds {
		pa, pb := int(s.PA), int(s.PB)
		// retire chains left behind
		w := 0
		for _, c := range open {
			if pa-c.lastA > gap {
				done = append(done, c.span)
				continue
			}
			open[w] = c
			w++
		}
		open = open[:w]
		best, bestCost := -1, 0
		lo := max(0, len(open)-maxOpenChains)
		for i := lo; i < len(open); i++ {
			c := &open[i]
			da, db := pa-c.lastA, pb-c.lastB
			if da < 0 || db < 0 || da > gap || db > gap || (da == 0 && db == 0) {
				continue
			}
			if cost := da + db + abs(da-db); best < 0 || cost < bestCost {
				best, bestCost = i, cost
			}
		}
		if best < 0 {
			open = append(open, chain{span: span{a0: pa, a1: pa + n, b0: pb, b1: pb + n}, lastA: pa, lastB: pb})
			continue
		}
		c := &open[best]
		c.lastA, c.lastB = pa, pb
		c.a1, c.b1 = max(c.a1, pa+n), max(c.b1, pb+n)
	}
	for _, c := range open {
		done = append(done, c.span)
	}
	return done
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// runeMap maps word hashes to runes for go-diff, skipping surrogates.
type runeMap struct {
	m    map[uint64]rune
	next rune
}

func newRuneMap() *runeMap { return &runeMap{m: map[uint64]rune{}, next: 0x100} }

func (rm *runeMap) runes(hs []uint64) []rune {
	out := make([]rune, len(hs))
	for i, h := range hs {
		r, ok := rm.m[h]
		if !ok {
			r = rm.next
			rm.next++
			if rm.next == 0xD800 {
				rm.next = 0xE000
			}
			rm.m[h] = r
		}
		out[i] = r
	}
	return out
}

// DiffTimeout bounds one word diff; a timed-out diff is valid, just coarser.
const DiffTimeout = 250 * time.Millisecond

// wordDiff diffs two word-hash sequences with go-diff, words mapped to runes.
func wordDiff(a, b []uint64, semantic bool) []diffmatchpatch.Diff {
	rm := newRuneMap()
	ra, rb := rm.runes(a), rm.runes(b)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = DiffTimeout
	diffs := dmp.DiffMainRunes(ra, rb, false)
	if semantic {
		diffs = dmp.DiffCleanupSemantic(diffs)
	}
	return diffs
}

// equalRuns lists the equal stretches of a diff between A[a0:] and B[b0:].
func equalRuns(diffs []diffmatchpatch.Diff, a0, b0 int) []run {
	var out []run
	ia, ib := a0, b0
	for _, d := range diffs {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			out = append(out, run{a: ia, b: ib, n: n})
			ia += n
			ib += n
		case diffmatchpatch.DiffDelete:
			ia += n
		case diffmatchpatch.DiffInsert:
			ib += n
		}
	}
	return out
}

// groupRuns splits equal runs where either side has more than gap unmatched
// words, trims short stray runs at a group's edges, and keeps groups
// holding a run of at least n words (a real shared n-gram).
func groupRuns(runs []run, gap, n int) []span {
	var out []span
	flush := func(g []run) {
		// a run of one or two words at an edge, further from the rest than
		// it is long, is a chance match
		for len(g) > 1 && g[0].n < 3 && runGap(g[0], g[1]) > g[0].n {
			g = g[1:]
		}
		for k := len(g) - 1; k > 0 && g[k].n < 3 && runGap(g[k-1], g[k]) > g[k].n; k-- {
			g = g[:k]
		}
		anchored := false
		s := span{a0: g[0].a, b0: g[0].b}
		for _, r := range g {
			s.matched += r.n
			anchored = anchored || r.n >= n
		}
		last := g[len(g)-1]
		s.a1, s.b1 = last.a+last.n, last.b+last.n
		if anchored {
			out = append(out, s)
		}
	}
	start := 0
	for i := 1; i <= len(runs); i++ {
		if i == len(runs) {
			flush(runs[start:i])
			break
		}
		p, r := runs[i-1], runs[i]
		if !gapOK(r.a-(p.a+p.n), r.b-(p.b+p.n), gap) {
			flush(runs[start:i])
			start = i
		}
	}
	return out
}

// runGap is the larger number of unmatched words between runs p and r.
func runGap(p, r run) int { return max(r.a-(p.a+p.n), r.b-(p.b+p.n)) }

// alignRegion aligns A[a0,a1) with B[b0,b1) word by word and returns the
// passages found in it.
func alignRegion(a, b *Doc, r span, p Params) []span {
	runs := lcsRuns(a.Words.Hash[r.a0:r.a1], b.Words.Hash[r.b0:r.b1], r.a0, r.b0)
	if len(runs) == 0 {
		return nil
	}
	return groupRuns(runs, p.MaxGap, p.NGram)
}

// mergeable reports whether q follows p closely enough in both documents
// (or overlaps it in both) to be one passage.
func mergeable(p, q span, par Params) bool {
	overlapA := q.a0 < p.a1 && p.a0 < q.a1
	overlapB := q.b0 < p.b1 && p.b0 < q.b1
	if overlapA && overlapB {
		return true
	}
	if q.a0 < p.a0 {
		p, q = q, p
	}
	ga, gb := q.a0-p.a1, q.b0-p.b1
	if ga < 0 || gb < 0 {
		return false
	}
	g := max(ga, gb)
	return gapOK(ga, gb, par.MaxGap) || (g <= 3*par.MaxGap && float64(g) <= par.MergeRatio*float64(p.words()+q.words())/2)
}

// gapOK reports whether ga unmatched words in A and gb in B may be bridged
// under limit: a replacement up to limit words, a pure insertion or
// deletion (nothing on the other side) up to twice that.
func gapOK(ga, gb, limit int) bool {
	if min(ga, gb) == 0 {
		return max(ga, gb) <= 2*limit
	}
	return max(ga, gb) <= limit
}

// mergeSpans merges overlapping and close passages until none can merge.
func mergeSpans(ss []span, par Params) []span {
	slices.SortFunc(ss, func(x, y span) int { return x.a0 - y.a0 })
	for changed := true; changed; {
		changed = false
		for i := 0; i < len(ss) && !changed; i++ {
			hi := min(len(ss), i+32)
			for j := i + 1; j < hi; j++ {
				if !mergeable(ss[i], ss[j], par) {
					continue
				}
				m := span{a0: min(ss[i].a0, ss[j].a0), a1: max(ss[i].a1, ss[j].a1),
					b0: min(ss[i].b0, ss[j].b0), b1: max(ss[i].b1, ss[j].b1)}
				ss[i] = m
				ss = slices.Delete(ss, j, j+1)
				changed = true
				break
			}
		}
	}
	return ss
}
