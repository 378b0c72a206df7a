package align

import (
	"fmt"
	"sort"

	"github.com/copytrail/copytrail/provenance/text"
)

// Incidental thresholds.
const (
	// NameShare: a passage whose shared content words are at least this
	// share names (capitals inside a sentence, acronyms, numbers) is
	// mostly a name.
	NameShare = 0.6
	// CommonShare: a passage at least this share inside n-grams over the DF
	// limit is built from collection-common text.
	CommonShare = 0.5
	// MinContentWords: a passage sharing fewer ordinary content words
	// (not function words, names, numbers, stock phrases or n-grams common
	// in the collection) is a stock phrase or a name.
	MinContentWords = 5
	// WidelySharedRun: a verbatim run of at least this many content words
	// is evidence however many documents carry it. A wire story in hundreds
	// of papers, a quote that went viral, a book passage quoted again and
	// again are what a collection is about, not noise.
	WidelySharedRun = 50
	// BoilerplateContentWords: collection-common text with fewer content
	// words than this says too little to be a sentence of a story.
	BoilerplateContentWords = 20
	// EdgeShare: boilerplate stands at the top (navigation, bylines) or the
	// bottom (footers, subscription pleas, disclaimers) of a page: within
	// this share of its words from either end, or touching either end.
	EdgeShare = 0.25
	// EdgeContentWords: at the top or bottom of both pages, collection-
	// common text with fewer content words than this is boilerplate; more
	// is a story carried by many (a lightly edited wire story).
	EdgeContentWords = 60
)

// incidental returns why span s of a pair, with its equal runs, is
// incidental, or "".
func incidental(a, b *Doc, s span, runs []run, p Params) string {
	n := s.a1 - s.a0
	if n <= 0 {
		return ""
	}
	common := commonMask(a.Common, s.a0, s.a1, p.NGram)
	c := 0
	for _, v := range common {
		if v {
			c++
		}
	}
	shaped := c > 0 && boilerplateShaped(a, b, s, runs)
	if float64(c) >= CommonShare*float64(n) && shaped {
		return fmt.Sprintf("built from n-grams common in the collection (%d of %d words), where boilerplate stands", c, n)
	}
	stock := text.StockMask(a.Words.Hash[s.a0:s.a1])
	names, ordinary := 0, 0
	for _, r := range runs {
		for k := 0; k < r.n; k++ {
			switch {
			case text.FunctionWord(a.Words.Hash[r.a+k]):
			case (shaped && common[r.a+k-s.a0]) || stock[r.a+k-s.a0]:
			case nameLike(a, r.a+k) || nameLike(b, r.b+k):
				names++
			default:
				ordinary++
			}
		}
	}
	switch {
	case ordinary < MinContentWords && names >= ordinary:
		return fmt.Sprintf("mostly proper names and numbers (%d of %d shared content words)", names, names+ordinary)
	case ordinary < MinContentWords:
		return fmt.Sprintf("stock phrase (only %d shared content words outside names and common phrases)", ordinary)
	case float64(names) >= NameShare*float64(names+ordinary):
		return fmt.Sprintf("mostly proper names (%d of %d shared content words)", names, names+ordinary)
	}
	return ""
}

// boilerplateShaped reports whether collection-common text looks like
// boilerplate rather than a widely carried story: no verbatim run of
// WidelySharedRun content words, and either few content words or a place
// at the top or bottom of both pages. Frequency alone never makes text
// incidental.
func boilerplateShaped(a, b *Doc, s span, runs []run) bool {
	content, longest := 0, 0
	for _, r := range runs {
		inRun := 0
		for k := 0; k < r.n; k++ {
			if !text.FunctionWord(a.Words.Hash[r.a+k]) {
				inRun++
			}
		}
		content += inRun
		longest = max(longest, inRun)
	}
	if longest >= WidelySharedRun {
		return false
	}
	if content < BoilerplateContentWords {
		return true
	}
	return content < EdgeContentWords && atEdge(len(a.Words.Hash), s.a0, s.a1) && atEdge(len(b.Words.Hash), s.b0, s.b1)
}

// atEdge reports whether words [lo,hi) of a text of n words lie within
// EdgeShare of its start or of its end, or touch either end.
func atEdge(n, lo, hi int) bool {
	edge := int(EdgeShare*float64(n) + 0.5)
	return hi <= edge || lo >= n-edge || lo <= 3 || hi >= n-3
}

// commonMask marks the words of [lo,hi) covered by an n-gram starting at a
// position in common (sorted).
func commonMask(common []int32, lo, hi, n int) []bool {
	mask := make([]bool, hi-lo)
	i := sort.Search(len(common), func(i int) bool { return int(common[i]) > lo-n })
	for ; i < len(common) && int(common[i]) < hi; i++ {
		for k := max(int(common[i]), lo); k < min(int(common[i])+n, hi); k++ {
			mask[k-lo] = true
		}
	}
	return mask
}

// commonWords counts words in [lo,hi) covered by an n-gram starting at a
// position in common (sorted).
func commonWords(common []int32, lo, hi, n int) int {
	if len(common) == 0 {
		return 0
	}
	i := sort.Search(len(common), func(i int) bool { return int(common[i]) > lo-n })
	count, coveredTo := 0, lo
	for ; i < len(common) && int(common[i]) < hi; i++ {
		from, to := max(int(common[i]), coveredTo), min(int(common[i])+n, hi)
		if to > from {
			count += to - from
			coveredTo = to
		}
	}
	return count
}

func nameLike(d *Doc, k int) bool {
	return text.NameLike(d.Text, int(d.Words.Start[k]), int(d.Words.End[k]))
}
