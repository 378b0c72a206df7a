package fastre

import (
	"regexp/syntax"
	"sort"
	"unicode"
	"unicode/utf8"
)

// A match can only take in the characters its pattern's literals and
// classes hold. So a match that starts at a candidate ends before the first
// character after it that the pattern can never take in (a stop), and the
// anchored try there needs the text only up to and including that stop:
// every assertion the match can meet (^, $, \b, \B) sees the same runes on
// both sides as in the whole text, so the window gives the same match.
// Trying a pattern on a window of a sentence rather than on the rest of a
// long text is what makes it cheap: regexp's backtracker clears a bit per
// instruction and input byte before each try.

// consumed is the set of runes a pattern can take in (all: any rune).
type consumed struct {
	all bool
	// stopASCII marks the ASCII bytes the pattern never takes in.
	stopASCII [utf8.RuneSelf]bool
	// ranges are the non-ASCII runes it can take in, as sorted, merged
	// [lo, hi] pairs.
	ranges [][2]rune
}

// consumedOf derives the runes re can take in.
func consumedOf(re *syntax.Regexp) *consumed {
	var rs [][2]rune
	all := false
	var walk func(re *syntax.Regexp)
	walk = func(re *syntax.Regexp) {
		switch re.Op {
		case syntax.OpAnyChar:
			all = true
		case syntax.OpAnyCharNotNL:
			rs = append(rs, [2]rune{0, '\n' - 1}, [2]rune{'\n' + 1, unicode.MaxRune})
		case syntax.OpLiteral:
			for _, r := range re.Rune {
				rs = append(rs, [2]rune{r, r})
				if re.Flags&syntax.FoldCase != 0 {
					for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
						rs = append(rs, [2]rune{f, f})
					}
				}
			}
		case syntax.OpCharClass:
			for i := 0; i+1 < len(re.Rune); i += 2 {
				rs = append(rs, [2]rune{re.Rune[i], re.Rune[i+1]})
			}
		}
		for _, s := range re.Sub {
			walk(s)
		}
	}
	walk(re)
	c := &consumed{all: all}
	if all {
		return c
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i][0] < rs[j][0] })
	var merged [][2]rune
	for _, r := range rs {
		if n := len(merged); n > 0 && r[0] <= merged[n-1][1]+1 {
			merged[n-1][1] = max(merged[n-1][1], r[1])
			continue
		}
		merged = append(merged, r)
	}
	for b := range c.stopASCII {
		c.stopASCII[b] = !inRanges(merged, rune(b))
	}
	for _, r := range merged {
		if r[1] >= utf8.RuneSelf {
			c.ranges = append(c.ranges, [2]rune{max(r[0], utf8.RuneSelf), r[1]})
		}
	}
	return c
}

// inRanges reports whether r lies in one of the sorted ranges rs.
func inRanges(rs [][2]rune, r rune) bool {
	i := sort.Search(len(rs), func(i int) bool { return rs[i][1] >= r })
	return i < len(rs) && rs[i][0] <= r
}

// window finds, for candidates in increasing order, where the text an
// anchored try needs ends. One window serves one text; it is not shared.
type window struct {
	c    *consumed
	text string
	stop int // the end of the last window found (its stop rune included)
	from int // the candidate it was found for
}

// end is the end of the text a match starting at start can see: just past
// the first stop at or after start, or the end of the text.
func (w *window) end(start int) int {
	if w.c == nil || w.c.all {
		return len(w.text)
	}
	if w.stop > 0 && start >= w.from && start < w.stop {
		return w.stop // the same stop lies ahead
	}
	t := w.text
	i := start
	for i < len(t) {
		b := t[i]
		if b < utf8.RuneSelf {
			if w.c.stopASCII[b] {
				w.from, w.stop = start, i+1
				return w.stop
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(t[i:])
		if !inRanges(w.c.ranges, r) {
			w.from, w.stop = start, i+n
			return w.stop
		}
		i += n
	}
	w.from, w.stop = start, len(t)
	return len(t)
}
