// Package fastre runs Go regular expressions faster on long texts without
// changing a single match. Go's regexp has no DFA: an unanchored search
// steps every thread of the pattern over every byte of the text, about a
// microsecond per ten bytes for the patterns the lineage layer reads
// articles with. Most of those patterns can only start a match at a few
// places — at the start of a line, or on one of a few words ("says",
// "contact", "(AP)") — so a Regexp here works out at compile time where a
// match can start (from the pattern's syntax tree), finds those places in
// the text with plain substring search, and tries the pattern anchored at
// each in order. The matches are the ones regexp's leftmost-first search
// returns, in the same order (the loop of FindAll is regexp's own); where
// no start set can be derived, or the text is not valid UTF-8, or a
// pattern's case-folded word could be spelt with a non-ASCII letter the
// text holds (K for k, ſ for s), the standard search runs instead.
package fastre

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Regexp is a regexp.Regexp whose Find and Match methods of strings try it
// only where a match can start. The methods it does not redefine are
// regexp's own.
type Regexp struct {
	*regexp.Regexp
	starts startSet
	// need: every match holds one of these literals (needOK: known).
	need     []lit
	needOK   bool
	needScan *litScan // need in one pass, when they are many
	// folds: a text holding one of these letters is searched the standard
	// way (see foldsOf).
	folds []string
	// first is the pattern anchored at the start of the text; after is it
	// anchored after one rune of context (the rune before a candidate, so
	// that ^, \b and \B see what the whole text has there).
	first, after *regexp.Regexp
	// cons is the set of runes a match can take in (see window.go).
	cons *consumed
	// custom lists the candidates instead of starts (WithStarts).
	custom func(text string) []int
}

// MustCompile is regexp.MustCompile returning a Regexp. Each is also kept
// in the list Compiled returns.
func MustCompile(expr string) *Regexp {
	re, err := Compile(expr)
	if err != nil {
		panic("fastre: Compile(" + expr + "): " + err.Error())
	}
	compiledMu.Lock()
	compiled = append(compiled, re)
	compiledMu.Unlock()
	return re
}

var (
	compiledMu sync.Mutex
	compiled   []*Regexp
)

// Compiled lists every Regexp made by MustCompile so far (the patterns of
// the packages loaded), for tests that check them on real texts (Check).
func Compiled() []*Regexp {
	compiledMu.Lock()
	defer compiledMu.Unlock()
	return slices.Clone(compiled)
}

// Compile is regexp.Compile returning a Regexp.
func Compile(expr string) (*Regexp, error) {
	std, err := regexp.Compile(expr)
	if err != nil {
		return nil, err
	}
	re := &Regexp{Regexp: std}
	tree, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return re, nil // cannot happen: regexp.Compile parsed it
	}
	if need, ok := required(tree); ok {
		re.need, re.needOK = foldLower(need), true
		if len(re.need) >= minScanLits {
			re.needScan = newLitScan(re.need)
		}
		re.folds = foldsOf(re.need)
	}
	st, ok := startsOf(tree)
	if !ok {
		return re, nil
	}
	if !re.anchored(tree) {
		return re, nil
	}
	re.starts = st
	re.folds = foldsOf(st.lits, re.need)
	return re, nil
}

// anchored compiles the pattern anchored at a candidate (first, after)
// and its window set; false for a pattern that does not nest (an
// unterminated \Q), searched the standard way.
func (re *Regexp) anchored(tree *syntax.Regexp) bool {
	expr := re.String()
	first, err1 := regexp.Compile(`\A(?:` + expr + `)`)
	after, err2 := regexp.Compile(`\A(?s:.)(?:` + expr + `)`)
	n := re.NumSubexp()
	if err1 != nil || err2 != nil || first.NumSubexp() != n || after.NumSubexp() != n {
		return false
	}
	re.first, re.after = first, after
	re.cons = consumedOf(tree)
	return true
}

// WithStarts makes re try its pattern only at the offsets starts lists
// and returns re: for a pattern that can start on many bytes (any
// capital) but whose matches need a word a few words on ("CIVIC calls"),
// where a hand-made scan finds the few places a match can start. starts
// must list, in increasing order, every offset of text at which a match
// of re can start (more offsets are only slower; one missing is a missed
// match, so a package's tests hold it to regexp on real texts with
// Check). Called once, where re is declared, before any search.
func (re *Regexp) WithStarts(starts func(text string) []int) *Regexp {
	tree, err := syntax.Parse(re.String(), syntax.Perl)
	if err != nil || re.first == nil && !re.anchored(tree) {
		return re // searched as before
	}
	re.custom = starts
	return re
}

// maxCandidateShare: when candidates are denser than one in this many
// bytes, one standard search is cheaper than trying each.
const maxCandidateShare = 12

// candidates returns where in text a match can start, in order, or ok
// false when the standard search must run.
func (re *Regexp) candidates(text string) (cands []int, ok bool) {
	if !utf8.ValidString(text) || unsafeFold(text, re.folds) {
		return nil, false
	}
	if re.custom != nil {
		// A hand-made finder looks for what the pattern needs itself:
		// searching the text for the required literals first was a second
		// pass that seldom found them missing.
		return re.custom(text), true
	}
	if re.needOK && !re.holdsNeed(text) {
		return nil, true // no match
	}
	if re.first == nil {
		return nil, false
	}
	cands = re.starts.find(text, len(text)/maxCandidateShare+8)
	return cands, cands != nil
}

// holdsNeed reports whether text holds one of the literals every match
// holds.
func (re *Regexp) holdsNeed(text string) bool {
	if re.needScan != nil {
		return re.needScan.contains(text)
	}
	return contains(text, re.need)
}

// anchoredAt is the pattern anchored at c and the text it reads there, with
// the offset of that text in text: first on text[:end] at the start,
// after on text[c-w:end] past it (w: the rune before c, which ^, \b and \B
// look at).
func (re *Regexp) anchoredAt(text string, c, end int) (*regexp.Regexp, string, int) {
	if c == 0 {
		return re.first, text[:end], 0
	}
	_, w := utf8.DecodeLastRuneInString(text[:c])
	return re.after, text[c-w : end], c - w
}

// at is the leftmost-first match starting exactly at c (submatch indices
// into text), or nil; end is where the text it can see ends (window.end).
func (re *Regexp) at(text string, c, end int) []int {
	if !re.matchAt(text, c, end) {
		return nil // most candidates fail: cheaper without submatches
	}
	rx, in, off := re.anchoredAt(text, c, end)
	m := rx.FindStringSubmatchIndex(in)
	if m == nil {
		return nil
	}
	for i := range m {
		if m[i] >= 0 {
			m[i] += off
		}
	}
	m[0] = c
	return m
}

// spanAt is at without the groups: the leftmost-first match starting
// exactly at c as [start, end], or nil. One search, not a test and then a
// search for the groups: Go's regexp finds the same match with or without
// them, and a test fails as slowly as a search.
func (re *Regexp) spanAt(text string, c, end int) []int {
	rx, in, off := re.anchoredAt(text, c, end)
	m := rx.FindStringIndex(in)
	if m == nil {
		return nil
	}
	return []int{c, m[1] + off}
}

// matchAt reports whether a match starts exactly at c, the text seen
// ending at end.
func (re *Regexp) matchAt(text string, c, end int) bool {
	rx, in, _ := re.anchoredAt(text, c, end)
	return rx.MatchString(in)
}

// windowOf is the window of text for re's candidates.
func (re *Regexp) windowOf(text string) window { return window{c: re.cons, text: text} }

// wanted is what a search needs of a match at a candidate.
type wanted int

const (
	anyMatch   wanted = iota // whether there is one ([c, c] for a match)
	spanOnly                 // where it starts and ends
	withGroups               // and where each group does
)

// tryAt is matchAt, spanAt or at, as w asks, for the candidates of one
// search, each tried on its window.
func (re *Regexp) tryAt(text string, c int, win *window, w wanted) []int {
	end := win.end(c)
	switch w {
	case anyMatch:
		if re.matchAt(text, c, end) {
			return []int{c, c}
		}
		return nil
	case spanOnly:
		return re.spanAt(text, c, end)
	}
	return re.at(text, c, end)
}

// MatchString is regexp's MatchString.
func (re *Regexp) MatchString(s string) bool {
	cands, ok := re.candidates(s)
	if !ok {
		return re.Regexp.MatchString(s)
	}
	win := re.windowOf(s)
	for _, c := range cands {
		if re.tryAt(s, c, &win, anyMatch) != nil {
			return true
		}
	}
	return false
}

// allMatches is regexp's allMatches over the candidates: the leftmost
// match at or after pos, the same rules for empty matches, at most n.
func (re *Regexp) allMatches(s string, cands []int, n int, w wanted, deliver func([]int)) {
	if n < 0 {
		n = len(s) + 1
	}
	next := 0 // first candidate not yet passed
	win := re.windowOf(s)
	exec := func(pos int) []int {
		for next < len(cands) && cands[next] < pos {
			next++
		}
		for ; next < len(cands); next++ {
			if m := re.tryAt(s, cands[next], &win, w); m != nil {
				return m
			}
		}
		return nil
	}
	end := len(s)
	for pos, i, prevMatchEnd := 0, 0, -1; i < n && pos <= end; {
		matches := exec(pos)
		if len(matches) == 0 {
			break
		}
		accept := true
		if matches[1] == pos {
			if matches[0] == prevMatchEnd {
				accept = false // no empty match right after a match
			}
			width := 0
			if pos < end {
				_, width = utf8.DecodeRuneInString(s[pos:])
			}
			if width > 0 {
				pos += width
			} else {
				pos = end + 1
			}
		} else {
			pos = matches[1]
		}
		prevMatchEnd = matches[1]
		if accept {
			deliver(matches)
			i++
		}
	}
}

// FindAllStringSubmatchIndex is regexp's FindAllStringSubmatchIndex.
func (re *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	cands, ok := re.candidates(s)
	if !ok {
		return re.Regexp.FindAllStringSubmatchIndex(s, n)
	}
	var out [][]int
	re.allMatches(s, cands, n, withGroups, func(m []int) { out = append(out, m) })
	return out
}

// FindAllStringIndex is regexp's FindAllStringIndex.
func (re *Regexp) FindAllStringIndex(s string, n int) [][]int {
	cands, ok := re.candidates(s)
	if !ok {
		return re.Regexp.FindAllStringIndex(s, n)
	}
	var out [][]int
	re.allMatches(s, cands, n, spanOnly, func(m []int) { out = append(out, m[:2:2]) })
	return out
}

// FindAllStringSubmatch is regexp's FindAllStringSubmatch.
func (re *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	cands, ok := re.candidates(s)
	if !ok {
		return re.Regexp.FindAllStringSubmatch(s, n)
	}
	var out [][]string
	re.allMatches(s, cands, n, withGroups, func(m []int) { out = append(out, submatches(s, m)) })
	return out
}

// FindAllString is regexp's FindAllString.
func (re *Regexp) FindAllString(s string, n int) []string {
	cands, ok := re.candidates(s)
	if !ok {
		return re.Regexp.FindAllString(s, n)
	}
	var out []string
	re.allMatches(s, cands, n, spanOnly, func(m []int) { out = append(out, s[m[0]:m[1]]) })
	return out
}

// firstMatch is the leftmost-first match's submatch indices (only its
// span for spanOnly), searched by candidates; ok false when the standard
// search must run.
func (re *Regexp) firstMatch(s string, w wanted) (m []int, ok bool) {
	cands, ok := re.candidates(s)
	if !ok {
		return nil, false
	}
	win := re.windowOf(s)
	for _, c := range cands {
		if m := re.tryAt(s, c, &win, w); m != nil {
			return m, true
		}
	}
	return nil, true
}

// FindStringSubmatchIndex is regexp's FindStringSubmatchIndex.
func (re *Regexp) FindStringSubmatchIndex(s string) []int {
	m, ok := re.firstMatch(s, withGroups)
	if !ok {
		return re.Regexp.FindStringSubmatchIndex(s)
	}
	return m
}

// FindStringSubmatch is regexp's FindStringSubmatch.
func (re *Regexp) FindStringSubmatch(s string) []string {
	m, ok := re.firstMatch(s, withGroups)
	if !ok {
		return re.Regexp.FindStringSubmatch(s)
	}
	if m == nil {
		return nil
	}
	return submatches(s, m)
}

// FindStringIndex is regexp's FindStringIndex.
func (re *Regexp) FindStringIndex(s string) []int {
	m, ok := re.firstMatch(s, spanOnly)
	if !ok {
		return re.Regexp.FindStringIndex(s)
	}
	if m == nil {
		return nil
	}
	return m[:2:2]
}

// FindString is regexp's FindString.
func (re *Regexp) FindString(s string) string {
	if m := re.FindStringIndex(s); m != nil {
		return s[m[0]:m[1]]
	}
	return ""
}

// submatches turns submatch indices into strings ("" for a group that did
// not take part), as regexp does.
func submatches(s string, m []int) []string {
	out := make([]string, len(m)/2)
	for i := range out {
		if m[2*i] >= 0 {
			out[i] = s[m[2*i]:m[2*i+1]]
		}
	}
	return out
}

// unsafeFold reports whether text holds one of folds.
func unsafeFold(text string, folds []string) bool {
	for _, f := range folds {
		if strings.Contains(text, f) {
			return true
		}
	}
	return false
}
