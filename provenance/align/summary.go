package align

import (
	"github.com/copytrail/copytrail/provenance"
)

// Summarise builds the pair summary of two documents from their passages
// (indexes into all). Coverage and shared words count only non-incidental
// passages; wordsA and wordsB are the documents' word counts, and startsA /
// startsB their words' byte starts (to count words inside spans).
func Summarise(a, b *Doc, wordsA, wordsB int, all []provenance.Passage, idx []int) provenance.Pair {
	pr := provenance.Pair{A: a.ID, B: b.ID, Passages: idx}
	var sa, sb []provenance.Span
	for _, i := range idx {
		p := all[i]
		pr.LongestPassage = max(pr.LongestPassage, p.Words)
		if p.Incidental {
			continue
		}
		sa = append(sa, p.ASpan())
		sb = append(sb, p.BSpan())
	}
	ca, cb := wordsIn(a, sa), wordsIn(b, sb)
	pr.SharedWords = ca
	if wordsA > 0 {
		pr.ACoverage = min(1, float64(ca)/float64(wordsA))
	}
	if wordsB > 0 {
		pr.BCoverage = min(1, float64(cb)/float64(wordsB))
	}
	return pr
}

// wordsIn counts d's words that start inside any of spans (a union).
func wordsIn(d *Doc, spans []provenance.Span) int {
	if len(spans) == 0 {
		return 0
	}
	in := make([]bool, d.Words.Len())
	for _, s := range spans {
		lo := searchStart(d.Words.Start, s.Start)
		for k := lo; k < len(in) && int(d.Words.Start[k]) < s.End; k++ {
			in[k] = true
		}
	}
	n := 0
	for _, v := range in {
		if v {
			n++
		}
	}
	return n
}

func searchStart(starts []int32, off int) int {
	lo, hi := 0, len(starts)
	for lo < hi {
		m := (lo + hi) / 2
		if int(starts[m]) < off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
