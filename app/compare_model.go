package app

import (
	"sort"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/stage"
)

// sharedPassage is one passage of a comparison, oriented so that side A is
// the left document.
type sharedPassage struct {
	Index      int // into Result.Passages
	N          int // 1-based number shown beside the text
	A, B       provenance.Span
	Words      int
	Similarity float64
	Incidental bool
	Reason     string
	Diff       []provenance.DiffOp // A -> B
	// EqualFromB: the equal runs of Diff hold B's text (the engine's
	// passage had the two the other way round); else A's.
	EqualFromB bool
}

// comparison is everything the compare screen shows about two documents,
// taken from a finished Result (the UI never recomputes it).
type comparison struct {
	A, B      *provenance.Document
	Pair      *provenance.Pair
	ACoverage float64 // share of A's words shared with B
	BCoverage float64
	Passages  []sharedPassage
	Link      *provenance.Link // nil when the engine drew none
	Mutations []provenance.Mutation
	// Shared is Result.Shared for the pair: the counts every screen shows.
	Shared provenance.SharedCounts
	// Others are the result's documents, for naming a third article a
	// reason mentions.
	Others []provenance.Document
	// wordsA and wordsB are the spans of the engine's words of A and B,
	// which the passages' diffs count in (filled when first needed).
	wordsA, wordsB []provenance.Span
}

// newComparison orients the pair a, b of r. It returns nil when a document
// is missing.
func newComparison(r *provenance.Result, a, b string) *comparison {
	da, db := r.Doc(a), r.Doc(b)
	if da == nil || db == nil {
		return nil
	}
	c := &comparison{A: da, B: db, Pair: r.PairOf(a, b), Shared: r.Shared(a, b), Others: r.Documents}
	if c.Pair != nil {
		c.ACoverage, c.BCoverage = c.Pair.ACoverage, c.Pair.BCoverage
		if c.Pair.A != a {
			c.ACoverage, c.BCoverage = c.BCoverage, c.ACoverage
		}
	}
	for i, p := range r.Passages {
		if (p.A == a && p.B == b) || (p.A == b && p.B == a) {
			// an incidental passage is kept without its diff: rebuilt here
			p.Diff = stage.PassageDiff(r.Doc(p.A), r.Doc(p.B), p, r.Settings)
		}
		switch {
		case p.A == a && p.B == b:
			c.Passages = append(c.Passages, sharedPassage{Index: i, A: p.ASpan(), B: p.BSpan(), Diff: p.Diff})
		case p.A == b && p.B == a:
			c.Passages = append(c.Passages, sharedPassage{Index: i, A: p.BSpan(), B: p.ASpan(), Diff: invertDiff(p.Diff), EqualFromB: true})
		default:
			continue
		}
		sp := &c.Passages[len(c.Passages)-1]
		sp.Words, sp.Similarity, sp.Incidental, sp.Reason = p.Words, p.Similarity, p.Incidental, p.IncidentalReason
	}
	sort.SliceStable(c.Passages, func(i, j int) bool { return c.Passages[i].A.Start < c.Passages[j].A.Start })
	for i := range c.Passages {
		c.Passages[i].N = i + 1
	}
	for i := range r.Links {
		l := &r.Links[i]
		if (l.Source == a && l.Target == b) || (l.Source == b && l.Target == a) {
			c.Link = l
			break
		}
	}
	for _, m := range r.Mutations {
		if (m.Source == a && m.Target == b) || (m.Source == b && m.Target == a) {
			c.Mutations = append(c.Mutations, m)
		}
	}
	return c
}

// invertDiff turns an A->B diff into a B->A diff.
func invertDiff(ops []provenance.DiffOp) []provenance.DiffOp {
	out := make([]provenance.DiffOp, len(ops))
	for i, o := range ops {
		switch o.Op {
		case provenance.OpDelete:
			o.Op = provenance.OpInsert
		case provenance.OpInsert:
			o.Op = provenance.OpDelete
		}
		out[i] = o
	}
	return out
}

// passageOfIndex returns the comparison's passage for a Result.Passages
// index, or nil.
func (c *comparison) passageOfIndex(idx int) *sharedPassage {
	for i := range c.Passages {
		if c.Passages[i].Index == idx {
			return &c.Passages[i]
		}
	}
	return nil
}

// mutationSpans returns the mutation spans on the side showing doc.
func (c *comparison) mutationSpans(doc string) []provenance.Span {
	var out []provenance.Span
	for _, m := range c.Mutations {
		switch doc {
		case m.Source:
			out = append(out, provenance.Span{Start: m.SourceStart, End: m.SourceEnd})
		case m.Target:
			out = append(out, provenance.Span{Start: m.TargetStart, End: m.TargetEnd})
		}
	}
	return out
}

// reuseByDoc is each document's largest coverage over all its pairs: the
// library's "62% reused" badge.
func reuseByDoc(r *provenance.Result) map[string]float64 {
	m := make(map[string]float64, len(r.Documents))
	for _, p := range r.Pairs {
		if p.ACoverage > m[p.A] {
			m[p.A] = p.ACoverage
		}
		if p.BCoverage > m[p.B] {
			m[p.B] = p.BCoverage
		}
	}
	return m
}

// bestPartner is the document sharing the largest share of id's words, or "".
func bestPartner(r *provenance.Result, id string) string {
	best, cov := "", 0.0
	for _, p := range r.Pairs {
		switch {
		case p.A == id && p.ACoverage > cov:
			best, cov = p.B, p.ACoverage
		case p.B == id && p.BCoverage > cov:
			best, cov = p.A, p.BCoverage
		}
	}
	return best
}

// passagesOrNil returns c's passages, nil for a nil comparison.
func (c *comparison) passagesOrNil() []sharedPassage {
	if c == nil {
		return nil
	}
	return c.Passages
}
