package fastre

import (
	"regexp/syntax"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxLits bounds the literal sets built while reading a pattern, and
// maxClass the characters of a class read as literals.
const (
	maxLits  = 64
	maxClass = 64
)

// lit is a string a match can start with; fold: matched case-insensitively
// (then it is ASCII).
type lit struct {
	s    string
	fold bool
}

// startSet is where a match can start: at a line start (bol: the start of
// the text or after a newline), or where one of lits occurs.
type startSet struct {
	bol  bool
	lits []lit
	// bytes marks the first byte of the single-byte literals (both cases
	// when folded); multi holds the longer ones.
	bytes   [256]bool
	anyByte bool
	few     []byte // the marked bytes when there are few of them
	multi   []lit
	scan    *litScan // multi in one pass, when they are many
	// wordStart: a match starts on a word character after a non-word one
	// (a leading \b before literals that begin with a letter or digit).
	wordStart bool
}

// startsOf derives the start set of a parsed pattern; ok is false when a
// match could start anywhere (or the set is too large to be of use).
func startsOf(re *syntax.Regexp) (startSet, bool) {
	var st startSet
	lits, bol, empty, ok := starts(re)
	if !ok || empty || len(lits) > maxLits {
		return st, false
	}
	st.bol = bol
	st.lits = lits
	st.wordStart = !bol && leadingWordBoundary(re)
	for _, l := range lits {
		if l.s == "" {
			return st, false
		}
		if l.fold {
			l.s = strings.ToLower(l.s)
		}
		if len(l.s) == 1 {
			st.bytes[l.s[0]] = true
			if l.fold {
				st.bytes[upper(l.s[0])] = true
			}
		} else {
			st.multi = append(st.multi, l)
		}
	}
	for _, l := range lits {
		st.wordStart = st.wordStart && isWordByte(l.s[0])
	}
	for b := range st.bytes {
		if st.bytes[b] {
			st.anyByte = true
			st.few = append(st.few, byte(b))
		}
	}
	if len(st.few) > 8 {
		st.few = nil // one pass with the table
	}
	if len(st.multi) >= minScanLits {
		st.scan = newLitScan(st.multi)
	}
	return st, true
}

func lower(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

func upper(b byte) byte {
	if 'a' <= b && b <= 'z' {
		return b - ('a' - 'A')
	}
	return b
}

// foldsOf lists the non-ASCII letters that case-fold to a folded literal's
// letters (K for k, ſ for s), which the ASCII search would miss.
func foldsOf(sets ...[]lit) []string {
	var out []string
	seen := map[rune]bool{}
	for _, ls := range sets {
		for _, l := range ls {
			if !l.fold {
				continue
			}
			for _, r := range l.s {
				for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
					if f >= utf8.RuneSelf && !seen[f] {
						seen[f] = true
						out = append(out, string(f))
					}
				}
			}
		}
	}
	return out
}

// find lists the candidate starts in text in order, or nil when there are
// more than limit (a standard search is then cheaper).
func (st *startSet) find(text string, limit int) []int {
	cands := make([]int, 0, 16)
	// add keeps a candidate; false when there are too many.
	add := func(i int) bool {
		if st.wordStart && i > 0 && isWordByte(text[i-1]) {
			return true // \b before a word character needs a non-word one before
		}
		cands = append(cands, i)
		return len(cands) <= limit
	}
	if st.bol {
		cands = append(cands, 0)
		if !occurrences(text, "\n", func(i int) bool { return add(i + 1) }) {
			return nil
		}
	}
	for _, b := range st.few {
		if !occurrences(text, string(b), add) {
			return nil
		}
	}
	if st.few == nil && st.anyByte {
		for i := 0; i < len(text); i++ {
			if st.bytes[text[i]] && !add(i) {
				return nil
			}
		}
	}
	if st.scan != nil {
		if !st.scan.each(text, add) {
			return nil
		}
	} else {
		for _, l := range st.multi {
			if !findLit(text, l, add) {
				return nil
			}
		}
	}
	slices.Sort(cands)
	return slices.Compact(cands)
}

// findLit calls add with each offset of the multi-byte literal l in text
// (both cases when folded); false when add said there are too many.
func findLit(text string, l lit, add func(i int) bool) bool {
	if !l.fold {
		return occurrences(text, l.s, add)
	}
	folded := func(i int) bool { return !hasPrefixFold(text[i:], l.s) || add(i) }
	return occurrences(text, l.s[:1], folded) &&
		(upper(l.s[0]) == l.s[0] || occurrences(text, string(upper(l.s[0])), folded))
}

// occurrences calls keep with each offset of sub in text, in order, until
// it returns false; it returns false then.
func occurrences(text, sub string, keep func(i int) bool) bool {
	for i := 0; ; i++ {
		j := strings.Index(text[i:], sub)
		if j < 0 {
			return true
		}
		i += j
		if !keep(i) {
			return false
		}
	}
}

// leadingWordBoundary reports whether every match of re starts at a \b.
func leadingWordBoundary(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpWordBoundary:
		return true
	case syntax.OpConcat:
		return len(re.Sub) > 0 && leadingWordBoundary(re.Sub[0])
	case syntax.OpCapture:
		return leadingWordBoundary(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if !leadingWordBoundary(sub) {
				return false
			}
		}
		return true
	}
	return false
}

// isWordByte reports whether b is an ASCII word character, as \b reads it.
func isWordByte(b byte) bool {
	return b == '_' || '0' <= b && b <= '9' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}

// hasPrefixFold reports whether s begins with the lower-case ASCII lit,
// ASCII letters in either case.
func hasPrefixFold(s, lit string) bool {
	if len(s) < len(lit) {
		return false
	}
	for i := 0; i < len(lit); i++ {
		if lower(s[i]) != lit[i] {
			return false
		}
	}
	return true
}

// contains reports whether text holds one of lits (the folded ones in
// either case).
func contains(text string, lits []lit) bool {
	for _, l := range lits {
		if !findLit(text, l, func(int) bool { return false }) {
			return true // found: findLit stops at the first offset
		}
	}
	return false
}

// starts reads the ways a match of re can begin: lits it starts with, or
// bol (at a line start); empty: re can also match the empty string with no
// such constraint, so what follows it decides. ok false: anywhere.
func starts(re *syntax.Regexp) (lits []lit, bol, empty, ok bool) {
	if e, ok := exact(re); ok {
		for _, l := range e {
			if l.s == "" {
				empty = true
			} else {
				lits = append(lits, l)
			}
		}
		return lits, false, empty, true
	}
	switch re.Op {
	case syntax.OpBeginLine, syntax.OpBeginText:
		return nil, true, false, true
	case syntax.OpLiteral:
		// A case-folded literal with non-ASCII letters: its first
		// letter's fold orbit, matched as written.
		r := re.Rune[0]
		lits = append(lits, lit{s: string(r)})
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			lits = append(lits, lit{s: string(f)})
		}
		return lits, false, false, true
	case syntax.OpCapture:
		return starts(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		lits, bol, _, ok = starts(re.Sub[0])
		return lits, bol, true, ok
	case syntax.OpRepeat:
		lits, bol, empty, ok = starts(re.Sub[0])
		return lits, bol, empty || re.Min == 0, ok
	case syntax.OpPlus:
		return starts(re.Sub[0])
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			l, b, e, k := starts(sub)
			if !k {
				return nil, false, false, false
			}
			lits, bol, empty = append(lits, l...), bol || b, empty || e
		}
		return lits, bol, empty, len(lits) <= maxLits
	case syntax.OpConcat:
		return startsOfConcat(re.Sub)
	}
	return nil, false, false, false
}

// startsOfConcat: the exact leading parts give the literals a match begins
// with; where they can all be empty, the parts after them add theirs.
func startsOfConcat(subs []*syntax.Regexp) (lits []lit, bol, empty, ok bool) {
	prefixes := []lit{{}}
	i := 0
	for ; i < len(subs); i++ {
		e, ok := exact(subs[i])
		if !ok {
			// x+ (or x{n,} with n ≥ 1) begins with one x: its exact
			// strings still lengthen the prefixes ("  +" is "  ", not
			// " ", which is every space of a text), then nothing after.
			if x := subs[i]; x.Op == syntax.OpPlus || x.Op == syntax.OpRepeat && x.Min >= 1 {
				if e, ok := exact(x.Sub[0]); ok && !hasEmpty(e) {
					if p, ok := cross(prefixes, e); ok {
						prefixes = p
						i = len(subs) // no prefix empty: what follows is not read
					}
				}
			}
			break
		}
		p, ok := cross(prefixes, e)
		if !ok {
			break
		}
		prefixes = p
	}
	empty = false
	for _, p := range prefixes {
		if p.s == "" {
			empty = true
		} else {
			lits = append(lits, p)
		}
	}
	if !empty {
		return lits, false, false, true
	}
	for ; i < len(subs); i++ {
		l, b, e, k := starts(subs[i])
		if !k {
			return nil, false, false, false
		}
		lits, bol = append(lits, l...), bol || b
		if !e {
			return lits, bol, false, len(lits) <= maxLits
		}
	}
	return lits, bol, true, len(lits) <= maxLits
}

// exact is the finite set of strings re matches (zero-width assertions
// match ""), when it is small and each folded string is ASCII.
func exact(re *syntax.Regexp) ([]lit, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary,
		syntax.OpEndLine, syntax.OpEndText:
		return []lit{{}}, true
	case syntax.OpLiteral:
		fold := re.Flags&syntax.FoldCase != 0
		s := string(re.Rune)
		if fold && !isASCII(s) {
			return nil, false
		}
		return []lit{{s: s, fold: fold}}, true
	case syntax.OpCharClass:
		n := 0
		for i := 0; i+1 < len(re.Rune); i += 2 {
			n += int(re.Rune[i+1]-re.Rune[i]) + 1
			if n > maxClass {
				return nil, false
			}
		}
		var out []lit
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				out = append(out, lit{s: string(r)})
			}
		}
		return out, true
	case syntax.OpCapture:
		return exact(re.Sub[0])
	case syntax.OpAlternate:
		return union(re.Sub, exact)
	case syntax.OpConcat:
		out := []lit{{}}
		for _, sub := range re.Sub {
			e, ok := exact(sub)
			if !ok {
				return nil, false
			}
			if out, ok = cross(out, e); !ok {
				return nil, false
			}
		}
		return out, true
	}
	return nil, false
}

// cross is every a followed by every b, when the set stays small and each
// folded string ASCII.
func cross(as, bs []lit) ([]lit, bool) {
	if len(as)*len(bs) > maxLits {
		return nil, false
	}
	out := make([]lit, 0, len(as)*len(bs))
	for _, a := range as {
		for _, b := range bs {
			l := lit{s: a.s + b.s, fold: a.fold || b.fold}
			if l.fold && !isASCII(l.s) {
				return nil, false
			}
			out = append(out, l)
		}
	}
	return out, true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// required is a set of literals one of which every match of re contains,
// when one can be read from the pattern: a text without any cannot match.
func required(re *syntax.Regexp) ([]lit, bool) {
	if e, ok := exact(re); ok {
		for _, l := range e {
			if l.s == "" {
				return nil, false
			}
		}
		return e, true
	}
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpAlternate:
		return union(re.Sub, required)
	case syntax.OpConcat:
		var best []lit
		for _, sub := range re.Sub {
			if r, ok := required(sub); ok && rarer(r, best) {
				best = r
			}
		}
		return best, best != nil
	}
	return nil, false
}

// rarer reports whether the literal set a is likely rarer in text than b
// (nil): its shortest literal is longer.
func rarer(a, b []lit) bool {
	if b == nil {
		return true
	}
	return shortest(a) > shortest(b) || shortest(a) == shortest(b) && len(a) < len(b)
}

func shortest(ls []lit) int {
	n := -1
	for _, l := range ls {
		if n < 0 || len(l.s) < n {
			n = len(l.s)
		}
	}
	return n
}

// foldLower lower-cases the folded literals, as contains wants them.
func foldLower(ls []lit) []lit {
	out := make([]lit, len(ls))
	for i, l := range ls {
		if l.fold {
			l.s = strings.ToLower(l.s)
		}
		out[i] = l
	}
	return out
}

// union is the literals of of every alternative, when each has a set and
// they stay few.
func union(subs []*syntax.Regexp, of func(*syntax.Regexp) ([]lit, bool)) ([]lit, bool) {
	var out []lit
	for _, sub := range subs {
		ls, ok := of(sub)
		if !ok || len(out)+len(ls) > maxLits {
			return nil, false
		}
		out = append(out, ls...)
	}
	return out, true
}

// hasEmpty reports whether lits holds the empty string.
func hasEmpty(lits []lit) bool {
	for _, l := range lits {
		if l.s == "" {
			return true
		}
	}
	return false
}
