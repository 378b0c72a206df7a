package lineage

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The pre-filters of the genre markers and the credit patterns ask whether
// a document's lower-cased text holds any of a few words; with some fifty
// words in all, asking strings.Contains for each took more CPU than the
// patterns they spare. needleSet reads them all in one pass over the text
// (an Aho–Corasick automaton over bytes), giving the same answers.

// needleAutomaton is the automaton of every registered needle.
type needleAutomaton struct {
	ids   map[string]int // needle → its number
	next  [][256]int32   // the complete transition table
	found [][]int32      // needles ending at each state (via fall-backs too)
	// The table needlesIn walks: bytes in classes (class 0: the bytes no
	// needle holds, which lead every state back to the start), one row of
	// classes a state, so that it stays in the processor's cache (the
	// full table is a kilobyte a state). A state is named by where its row
	// starts (no multiplication on the walk); hit, indexed the same way,
	// marks the states where a needle ends.
	class   [256]uint8
	classes int
	step    []uint32
	hit     []bool
}

var (
	needlesOnce sync.Once
	needles     *needleAutomaton
)

// allNeedles lists the needles of the genre markers and credit patterns.
func allNeedles() []string {
	out := append([]string(nil), saysWords...)
	for _, m := range releaseMarkers {
		out = append(out, m.needles...)
	}
	for _, m := range wireMarkers {
		out = append(out, m.needles...)
	}
	for _, p := range creditPatterns {
		out = append(out, p.needles...)
	}
	return out
}

// buildNeedles makes the automaton of words (empty words left out).
func buildNeedles(words []string) *needleAutomaton {
	a := &needleAutomaton{ids: map[string]int{}}
	a.next = append(a.next, [256]int32{})
	a.found = append(a.found, nil)
	// The trie; -1 marks a missing edge until the fall-backs fill it.
	for b := range a.next[0] {
		a.next[0][b] = -1
	}
	for _, w := range words {
		if _, ok := a.ids[w]; ok || w == "" {
			continue
		}
		id := len(a.ids)
		a.ids[w] = id
		s := int32(0)
		for i := 0; i < len(w); i++ {
			if a.next[s][w[i]] < 0 {
				var row [256]int32
				for b := range row {
					row[b] = -1
				}
				a.next = append(a.next, row)
				a.found = append(a.found, nil)
				a.next[s][w[i]] = int32(len(a.next) - 1)
			}
			s = a.next[s][w[i]]
		}
		a.found[s] = append(a.found[s], int32(id))
	}
	// Breadth first: each state's missing edges go where its fall-back's go.
	fail := make([]int32, len(a.next))
	var queue []int32
	for b := range a.next[0] {
		if t := a.next[0][b]; t < 0 {
			a.next[0][b] = 0
		} else {
			fail[t] = 0
			queue = append(queue, t)
		}
	}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		a.found[s] = append(a.found[s], a.found[fail[s]]...)
		for b := range a.next[s] {
			if t := a.next[s][b]; t < 0 {
				a.next[s][b] = a.next[fail[s]][b]
			} else {
				fail[t] = a.next[fail[s]][b]
				queue = append(queue, t)
			}
		}
	}
	a.compact(words)
	return a
}

// compact makes the class table needlesIn walks from the full one.
func (a *needleAutomaton) compact(words []string) {
	byClass := []byte{0} // a byte of each class; class 0's is never read
	for _, w := range words {
		for i := 0; i < len(w); i++ {
			if a.class[w[i]] == 0 {
				a.class[w[i]] = uint8(len(byClass))
				byClass = append(byClass, w[i])
			}
		}
	}
	if len(byClass) > 256 {
		panic("unreachable: at most 255 byte classes")
	}
	a.classes = len(byClass)
	a.step = make([]uint32, len(a.next)*a.classes)
	a.hit = make([]bool, len(a.step))
	for s := range a.next {
		for c := 1; c < a.classes; c++ {
			a.step[s*a.classes+c] = uint32(int(a.next[s][byClass[c]]) * a.classes)
		}
		a.hit[s*a.classes] = len(a.found[s]) > 0
	}
}

// needleSet is which registered needles one text holds.
type needleSet struct {
	text string
	has  []bool
}

// lowerText is strings.ToLower(s) (invalid bytes become U+FFFD, as there)
// copying the runs a rune does not change at once, without a call of
// unicode.ToLower for each ASCII byte: texts with curly quotes or accents
// otherwise go through strings.Map a rune at a time.
func lowerText(s string) string {
	var b strings.Builder
	b.Grow(len(s) + utf8.UTFMax)
	from := 0 // start of the bytes not yet written, unchanged by lower-casing
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				b.WriteString(s[from:i])
				b.WriteByte(c + 'a' - 'A')
				from = i + 1
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if l := unicode.ToLower(r); l != r || r == utf8.RuneError && w == 1 {
			b.WriteString(s[from:i])
			b.WriteRune(l)
			from = i + w
		}
		i += w
	}
	b.WriteString(s[from:])
	return b.String()
}

// needlesIn reads which registered needles text holds.
func needlesIn(text string) needleSet {
	needlesOnce.Do(func() { needles = buildNeedles(allNeedles()) })
	a := needles
	has := make([]bool, len(a.ids))
	row := uint32(0) // the state's row in step
	for i := 0; i < len(text); i++ {
		row = a.step[row+uint32(a.class[text[i]])]
		if a.hit[row] {
			for _, id := range a.found[int(row)/a.classes] {
				has[id] = true
			}
		}
	}
	return needleSet{text: text, has: has}
}

// any reports whether the text holds one of words (containsAny); a word
// not registered is looked for in the text.
func (n needleSet) any(words ...string) bool {
	for _, w := range words {
		if id, ok := needles.ids[w]; ok {
			if n.has[id] {
				return true
			}
		} else if strings.Contains(n.text, w) {
			return true
		}
	}
	return false
}
