package lineage

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copytrail/copytrail/provenance"
)

// token is one word of a document with its byte offsets and a normalised
// form used for comparison (lower case, straight apostrophes).
type token struct {
	start, end int
	norm       string
}

// isWordRune reports whether r can be part of a word.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isJoiner reports whether r joins two word runes into one word
// (CIVIC’s, well-known, 1.2bn, 17,400).
func isJoiner(r rune) bool {
	switch r {
	case '\'', '’', '-', '.', ',':
		return true
	}
	return false
}

// tokenize splits text[span] into word tokens with byte offsets into text.
// ASCII is classed by a table, a byte at a time; the normal forms that differ
// from the word are written into one buffer and cut from it at the end, so a
// text costs two allocations, not one a capitalised word.
func tokenize(text string, span provenance.Span) []token {
	start, end := clampSpan(text, span)
	var toks []token
	if start < end { // (an inverted span can clamp to negative offsets)
		toks = make([]token, 0, wordStarts(text[start:end])+2)
	}
	var norms strings.Builder // the normal forms that are not the word itself
	var normEnds []int        // where each of them ends in norms
	i := start
	for i < end {
		c := text[i]
		if c < utf8.RuneSelf && asciiWord[c] == 0 {
			i++
			continue
		}
		r, w := rune(c), 1
		if c >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(text[i:])
			if !isWordRune(r) {
				i += w
				continue
			}
		}
		j, plain := wordEnd(text, i, i+w, end, c < utf8.RuneSelf && asciiWord[c] != 2)
		if plain {
			toks = append(toks, token{start: i, end: j, norm: text[i:j]})
		} else {
			writeNorm(&norms, text[i:j])
			toks = append(toks, token{start: i, end: j}) // norm filled below
			normEnds = append(normEnds, norms.Len())
		}
		i = j
	}
	if len(normEnds) > 0 {
		all, from, n := norms.String(), 0, 0
		for k := range toks {
			if toks[k].norm == "" { // a word is never empty, nor its normal form
				toks[k].norm = all[from:normEnds[n]]
				from = normEnds[n]
				n++
			}
		}
	}
	return toks
}

// wordStarts counts where a word can start in s: a letter, a digit or a
// byte outside ASCII after a byte that is none of them. Joined words count
// once a part, and any rune outside ASCII as a letter, so it is near the
// number of tokens and seldom below it (the list is allocated at its size
// once, not grown).
func wordStarts(s string) int {
	n, prev := 0, byte(0)
	for i := 0; i < len(s); i++ {
		w := wordByte[s[i]]
		n += int(w &^ prev)
		prev = w
	}
	return n
}

// wordByte is 1 for the bytes wordStarts counts as a word's: ASCII letters
// and digits and every byte outside ASCII.
var wordByte = func() (t [256]byte) {
	for c := range t {
		if c >= utf8.RuneSelf || asciiWord[c] != 0 {
			t[c] = 1
		}
	}
	return t
}()

// asciiWord classes the ASCII bytes: 1 for a lower-case letter or a digit,
// 2 for an upper-case letter, 0 for the rest.
var asciiWord = func() (t [utf8.RuneSelf]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = 1
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = 1
		t[c-'a'+'A'] = 2
	}
	return t
}()

// wordEnd returns the end of the word that starts at i and whose first rune
// ends at j, and whether the word is its own normal form (plain: so far no
// upper-case letter, no curly apostrophe, nothing outside ASCII).
func wordEnd(text string, i, j, end int, plain bool) (int, bool) {
	for j < end {
		c := text[j]
		r2, w2 := rune(c), 1
		if c < utf8.RuneSelf {
			if k := asciiWord[c]; k != 0 {
				plain = plain && k == 1
				j++
				continue
			}
		} else {
			r2, w2 = utf8.DecodeRuneInString(text[j:])
			if isWordRune(r2) {
				plain = false
				j += w2
				continue
			}
		}
		if isJoiner(r2) && j+w2 < end {
			r3, _ := utf8.DecodeRuneInString(text[j+w2:])
			prev, _ := utf8.DecodeLastRuneInString(text[i:j])
			numeric := unicode.IsDigit(prev) && unicode.IsDigit(r3)
			if (r2 == '.' || r2 == ',') && !numeric {
				break
			}
			if isWordRune(r3) {
				plain = plain && r2 != '’'
				j += w2
				continue
			}
		}
		break
	}
	return j, plain
}

// writeNorm writes normWord(w) to b, a rune at a time.
func writeNorm(b *strings.Builder, w string) {
	for _, r := range w {
		if r == '’' {
			r = '\''
		}
		b.WriteRune(unicode.ToLower(r))
	}
}

// normWord lower-cases a word and folds curly apostrophes.
func normWord(w string) string {
	return strings.ToLower(strings.ReplaceAll(w, "’", "'"))
}

// clampSpan keeps a span inside text.
func clampSpan(text string, s provenance.Span) (int, int) {
	start, end := s.Start, s.End
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	if start > end {
		start = end
	}
	return start, end
}

// edit is one difference between side A and side B of a passage: words only
// in A (a non-empty A span), only in B, or replaced. Spans are byte offsets;
// an empty span marks the position of an insertion.
type edit struct {
	a, b       provenance.Span
	aTok, bTok []token
}

// aText and bText return the words each side has.
func (e edit) aText(text string) string { return spanText(text, e.a) }
func (e edit) bText(text string) string { return spanText(text, e.b) }

func spanText(text string, s provenance.Span) string {
	a, b := clampSpan(text, s)
	return text[a:b]
}

func joinNorm(toks []token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.norm
	}
	return strings.Join(parts, " ")
}

// maxDiffCells bounds the dynamic-programming table of one word diff.
const maxDiffCells = 4_000_000

// diffTokens aligns two word lists and returns the edits with byte spans in
// both texts. Long, very different regions that would need a table over
// maxDiffCells are reported as one replacement.
func diffTokens(at, bt []token) (edits []edit, matched int) {
	// Common prefix and suffix first: most passages are nearly verbatim.
	p := 0
	for p < len(at) && p < len(bt) && at[p].norm == bt[p].norm {
		p++
	}
	s := 0
	for s < len(at)-p && s < len(bt)-p && at[len(at)-1-s].norm == bt[len(bt)-1-s].norm {
		s++
	}
	matched = p + s
	am, bm := at[p:len(at)-s], bt[p:len(bt)-s]
	if len(am) == 0 && len(bm) == 0 {
		return nil, matched
	}
	if len(am)*len(bm) > maxDiffCells || len(am) == 0 || len(bm) == 0 {
		return []edit{makeEdit(at, bt, p, p+len(am), p, p+len(bm))}, matched
	}
	n, m := len(am), len(bm)
	// lcs[i][j] = LCS length of am[i:], bm[j:].
	lcs := make([]int32, (n+1)*(m+1))
	w := m + 1
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if am[i].norm == bm[j].norm {
				lcs[i*w+j] = lcs[(i+1)*w+j+1] + 1
			} else if lcs[(i+1)*w+j] >= lcs[i*w+j+1] {
				lcs[i*w+j] = lcs[(i+1)*w+j]
			} else {
				lcs[i*w+j] = lcs[i*w+j+1]
			}
		}
	}
	i, j := 0, 0
	ei, ej := -1, -1 // start of the open edit, -1 when none
	flush := func() {
		if ei >= 0 {
			edits = append(edits, makeEdit(at, bt, p+ei, p+i, p+ej, p+j))
			ei, ej = -1, -1
		}
	}
	for i < n || j < m {
		switch {
		case i < n && j < m && am[i].norm == bm[j].norm:
			flush()
			matched++
			i++
			j++
		case j < m && (i == n || lcs[i*w+j+1] >= lcs[(i+1)*w+j]):
			if ei < 0 {
				ei, ej = i, j
			}
			j++
		default:
			if ei < 0 {
				ei, ej = i, j
			}
			i++
		}
	}
	flush()
	return edits, matched
}

// makeEdit builds an edit from token index ranges [ai, aj) and [bi, bj).
func makeEdit(at, bt []token, ai, aj, bi, bj int) edit {
	e := edit{aTok: at[ai:aj], bTok: bt[bi:bj]}
	e.a = tokRangeSpan(at, ai, aj)
	e.b = tokRangeSpan(bt, bi, bj)
	return e
}

// tokRangeSpan is the byte span of tokens [i, j); for an empty range, the
// position just after token i-1 (or before token i).
func tokRangeSpan(t []token, i, j int) provenance.Span {
	if i < j {
		return provenance.Span{Start: t[i].start, End: t[j-1].end}
	}
	switch {
	case i > 0:
		return provenance.Span{Start: t[i-1].end, End: t[i-1].end}
	case i < len(t):
		return provenance.Span{Start: t[i].start, End: t[i].start}
	}
	return provenance.Span{}
}
