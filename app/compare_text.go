package app

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/text"
)

// wordStyle is how one word of a compared document is drawn.
type wordStyle struct {
	Passage  int  // passage number N (1-based), 0 outside passages
	Op       byte // '-' only on this side and struck through, '+' only on this side and underlined, 0 shared
	Grey     bool // boilerplate or skipped text
	Mutation bool // inside a flagged mutation span
	Weak     bool // incidental passage: not evidence
	Redacted bool // an outlet name or date blacked out while they are hidden
}

// styledWord is one word with its style; Badge > 0 puts the passage number
// in front of it.
type styledWord struct {
	Start, End int
	Breaks     int // newlines before the word
	Style      wordStyle
	Badge      int
}

// styledDoc is a document split into styled words, computed once per
// comparison; wrapping it to a width is then cheap.
type styledDoc struct {
	Text  string
	Words []styledWord
}

// buildStyledDoc styles doc's words for one side of c. left says whether
// doc is side A; the words overlapping redact are blacked out.
func buildStyledDoc(c *comparison, doc *provenance.Document, left bool, redact []provenance.Span) *styledDoc {
	text := doc.Text
	sd := &styledDoc{Text: text, Words: make([]styledWord, 0, doc.Words+16)}
	skip := sortedSpans(doc.Skip)
	breaks := 0
	for i := 0; i < len(text); {
		if len(skip) > 0 && i >= skip[0].Start {
			// front matter and other non-article text are left out
			if i < skip[0].End {
				i = skip[0].End
			}
			skip = skip[1:]
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			if r == '\n' {
				breaks++
			}
			i += n
			continue
		}
		j := i + n
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if unicode.IsSpace(r2) {
				break
			}
			j += n2
		}
		sd.Words = append(sd.Words, styledWord{Start: i, End: j, Breaks: breaks})
		breaks = 0
		i = j
	}
	markSpans(sd.Words, doc.Boilerplate, func(w *styledWord) { w.Style.Grey = true })
	markSpans(sd.Words, c.mutationSpans(doc.ID), func(w *styledWord) { w.Style.Mutation = true })
	markSpans(sd.Words, redact, func(w *styledWord) { w.Style.Redacted = true })
	for _, p := range c.Passages {
		span, own := p.B, provenance.OpInsert
		if left {
			span, own = p.A, provenance.OpDelete
		}
		lo, hi := wordRange(sd.Words, span)
		if lo < hi {
			sd.Words[lo].Badge = p.N
		}
		onlyA, onlyB := c.ownWords(p)
		only := onlyB
		if left {
			only = onlyA
		}
		for k := lo; k < hi; k++ {
			w := &sd.Words[k]
			if w.Style.Passage == 0 {
				w.Style.Passage, w.Style.Weak = p.N, p.Incidental
			}
		}
		markSpans(sd.Words[lo:hi], only, func(w *styledWord) { w.Style.Op = own[0] })
	}
	return sd
}

// ownWords finds, for passage p, the engine's words found only in A and
// only in B, as byte spans. A diff run holds the text of its side from its
// first word to the next word; runs are counted in the engine's words of
// that side (text.AnalyzeDocument), so a run that ends inside a word as
// the eye splits them ("(" and "WHO)") or that writes the other side's
// spelling of equal words cannot shift the marks onto the words after it.
func (c *comparison) ownWords(p sharedPassage) (onlyA, onlyB []provenance.Span) {
	if c.wordsA == nil {
		c.wordsA, c.wordsB = text.WordSpans(c.A), text.WordSpans(c.B)
	}
	wa, wb := c.wordsA, c.wordsB
	first := func(w []provenance.Span, off int) int {
		return sort.Search(len(w), func(i int) bool { return w[i].Start >= off })
	}
	ka, kb := first(wa, p.A.Start), first(wb, p.B.Start)
	// count is how many of w's words from k start inside a run of n bytes.
	count := func(w []provenance.Span, k, n int) int {
		if k >= len(w) {
			return 0
		}
		end, m := w[k].Start+n, 0
		for k+m < len(w) && w[k+m].Start < end {
			m++
		}
		return m
	}
	span := func(w []provenance.Span, k, n int) provenance.Span {
		return provenance.Span{Start: w[k].Start, End: w[k+n-1].End}
	}
	for _, op := range p.Diff {
		switch op.Op {
		case provenance.OpDelete:
			if n := count(wa, ka, len(op.Text)); n > 0 {
				onlyA = append(onlyA, span(wa, ka, n))
				ka += n
			}
		case provenance.OpInsert:
			if n := count(wb, kb, len(op.Text)); n > 0 {
				onlyB = append(onlyB, span(wb, kb, n))
				kb += n
			}
		default:
			n := count(wa, ka, len(op.Text))
			if p.EqualFromB {
				n = count(wb, kb, len(op.Text))
			}
			ka, kb = min(ka+n, len(wa)), min(kb+n, len(wb))
		}
	}
	return onlyA, onlyB
}

// sortedSpans returns the spans ordered by start.
func sortedSpans(spans []provenance.Span) []provenance.Span {
	out := append([]provenance.Span(nil), spans...)
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// wordRange returns the index range of the words overlapping span.
func wordRange(words []styledWord, span provenance.Span) (lo, hi int) {
	lo = sort.Search(len(words), func(i int) bool { return words[i].End > span.Start })
	hi = sort.Search(len(words), func(i int) bool { return words[i].Start >= span.End })
	return lo, hi
}

// markSpans calls set on every word overlapping one of spans.
func markSpans(words []styledWord, spans []provenance.Span, set func(*styledWord)) {
	for _, s := range spans {
		lo, hi := wordRange(words, s)
		for k := lo; k < hi; k++ {
			set(&words[k])
		}
	}
}

// textRun is a stretch of one line drawn in one style.
type textRun struct {
	Text  string
	X, W  float32
	Style wordStyle
	Badge int // > 0: this run is the badge of that passage number
	Start int // byte offset of the run's first word
}

// textLine is one wrapped line.
type textLine struct {
	Runs  []textRun
	Start int // byte offset of the first word, or of the next word for blank lines
}

// measureFunc gives the width of a string in the pane's font.
type measureFunc func(s string) float32

// wrapStyled breaks sd into lines no wider than width. Paragraph breaks
// (a blank line in the text) become an empty line.
func wrapStyled(sd *styledDoc, width float32, measure measureFunc) []textLine {
	space := measure(" ")
	badgeW := func(n int) float32 { return measure(itoa(n)) + 2*badgePad }
	lines := make([]textLine, 0, len(sd.Words)/8+1)
	var cur textLine
	x := float32(0)
	flush := func(start int) {
		lines = append(lines, cur)
		cur = textLine{Start: start}
		x = 0
	}
	for i := range sd.Words {
		w := &sd.Words[i]
		if i == 0 {
			cur.Start = w.Start
		}
		if i > 0 && w.Breaks > 0 {
			flush(w.Start)
			if w.Breaks > 1 {
				flush(w.Start)
			}
		}
		word := sd.Text[w.Start:w.End]
		ww := measure(word)
		bw := float32(0)
		if w.Badge > 0 {
			bw = badgeW(w.Badge) + space/2
		}
		gap := space
		if len(cur.Runs) == 0 {
			gap = 0
		}
		if len(cur.Runs) > 0 && x+gap+bw+ww > width {
			flush(w.Start)
			gap = 0
		}
		if w.Badge > 0 {
			cur.Runs = append(cur.Runs, textRun{Text: itoa(w.Badge), X: x + gap, W: bw - space/2, Badge: w.Badge, Style: w.Style, Start: w.Start})
			x += gap + bw
			gap = 0
		}
		if n := len(cur.Runs); n > 0 && cur.Runs[n-1].Badge == 0 && cur.Runs[n-1].Style == w.Style {
			r := &cur.Runs[n-1]
			r.Text += " " + word
			r.W += gap + ww
		} else {
			cur.Runs = append(cur.Runs, textRun{Text: word, X: x + gap, W: ww, Style: w.Style, Start: w.Start})
		}
		x += gap + ww
	}
	lines = append(lines, cur)
	return lines
}

// lineOf returns the index of the line holding byte offset off.
func lineOf(lines []textLine, off int) int {
	i := sort.Search(len(lines), func(i int) bool { return lines[i].Start > off })
	if i > 0 {
		i--
	}
	return i
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
