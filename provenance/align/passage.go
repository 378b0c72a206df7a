package align

import (
	"github.com/copytrail/copytrail/provenance"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// AlignPair finds the passages documents a and b share, given their seeds
// (sorted by PA, PB). Each chain of seeds is aligned on its own (so moved
// paragraphs are found), close passages merge, and every passage gets its
// word diff, similarity and incidental verdict. Passages are ordered by
// their start in a.
func AlignPair(a, b *Doc, seeds []Seed, p Params) []provenance.Passage {
	if len(seeds) == 0 {
		return nil
	}
	margin := p.MaxGap + p.NGram
	// chains that overlap or follow closely in both documents are aligned
	// as one region; others (moved paragraphs) on their own
	var found []span
	for _, c := range mergeSpans(chainSeeds(seeds, p.NGram, margin), Params{MaxGap: margin}) {
		r := span{a0: max(0, c.a0-margin), a1: min(a.Words.Len(), c.a1+margin),
			b0: max(0, c.b0-margin), b1: min(b.Words.Len(), c.b1+margin)}
		found = append(found, alignRegion(a, b, r, p)...)
	}
	found = mergeSpans(found, p)
	var out []provenance.Passage
	for _, s := range found {
		if s.words() < p.MinPassageWords {
			continue
		}
		ps, ok := makePassage(a, b, s, p)
		if ok {
			out = append(out, ps)
		}
	}
	return out
}

// makePassage diffs a span, measures it and judges whether it is incidental.
//
// An incidental passage is summarised, not kept whole: its spans, length,
// similarity and reason, without the word diff (most passages of a large
// collection are incidental: names and stock phrases shared by articles on
// one story). DiffOf rebuilds the diff of any passage when it is shown.
func makePassage(a, b *Doc, s span, p Params) (provenance.Passage, bool) {
	ha, hb := a.Words.Hash[s.a0:s.a1], b.Words.Hash[s.b0:s.b1]
	matched := 0
	runs := lcsRuns(ha, hb, s.a0, s.b0)
	for _, r := range runs {
		matched += r.n
	}
	ps := provenance.Passage{
		A: a.ID, B: b.ID,
		AStart: int(a.Words.Start[s.a0]), AEnd: int(a.Words.End[s.a1-1]),
		BStart: int(b.Words.Start[s.b0]), BEnd: int(b.Words.End[s.b1-1]),
		Words:      s.words(),
		Similarity: float64(matched) / float64(s.words()),
	}
	if ps.Similarity < p.MinSimilarity || matched < p.MinPassageWords {
		return ps, false
	}
	s.matched = matched
	ps.IncidentalReason = incidental(a, b, s, runs, p)
	ps.Incidental = ps.IncidentalReason != ""
	if !ps.Incidental {
		ps.Diff = diffOps(a, b, s, wordDiff(ha, hb, true))
	}
	return ps, true
}

// DiffOf returns the word diff of passage p between a and b (p.A is a's
// ID): the diff AlignPair gives a passage it keeps whole, for passages
// summarised without one (incidental passages).
func DiffOf(a, b *Doc, p provenance.Passage) []provenance.DiffOp {
	s := span{a0: searchStart(a.Words.Start, p.AStart), b0: searchStart(b.Words.Start, p.BStart)}
	s.a1, s.b1 = searchStart(a.Words.Start, p.AEnd), searchStart(b.Words.Start, p.BEnd)
	if s.a0 >= s.a1 || s.b0 >= s.b1 {
		return nil
	}
	return diffOps(a, b, s, wordDiff(a.Words.Hash[s.a0:s.a1], b.Words.Hash[s.b0:s.b1], true))
}

// diffOps turns a word-rune diff of span s back into text runs. Each run's
// text reaches from its first word to the next word (so runs concatenate
// into readable text); equal runs show A's text.
func diffOps(a, b *Doc, s span, diffs []diffmatchpatch.Diff) []provenance.DiffOp {
	ops := make([]provenance.DiffOp, 0, len(diffs))
	ia, ib := s.a0, s.b0
	slice := func(d *Doc, from, to, limit int) string {
		start := int(d.Words.Start[from])
		end := int(d.Words.End[to-1])
		if to < limit {
			end = int(d.Words.Start[to])
		}
		return d.Text[start:end]
	}
	for _, d := range diffs {
		n := len([]rune(d.Text))
		if n == 0 {
			continue
		}
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			ops = append(ops, provenance.DiffOp{Op: provenance.OpEqual, Text: slice(a, ia, ia+n, s.a1)})
			ia += n
			ib += n
		case diffmatchpatch.DiffDelete:
			ops = append(ops, provenance.DiffOp{Op: provenance.OpDelete, Text: slice(a, ia, ia+n, s.a1)})
			ia += n
		case diffmatchpatch.DiffInsert:
			ops = append(ops, provenance.DiffOp{Op: provenance.OpInsert, Text: slice(b, ib, ib+n, s.b1)})
			ib += n
		}
	}
	return ops
}
