package lineage

import (
	"fmt"
	"github.com/copytrail/copytrail/provenance/fastre"
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// The shape of rewriting is itself direction evidence: a newspaper writing
// from agency copy shortens "said Dr Jane Smith, a professor at X" to
// "Smith said" (full first mentions are on the source side), and a copy
// puts its source's own words in quotation marks.

// titleBefore matches a title or a capitalised first name just before a
// surname ("Dr ", "Professor ", "Jane ").
var titleBefore = fastre.MustCompile(`(?:\b(?:Dr|Dr\.|Prof|Prof\.|Professor|Mr|Mr\.|Mrs|Mrs\.|Ms|Ms\.|Sir|Dame)|\b[A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)?)\s+$`)

// fullMention reports whether the first mention of surname in text comes
// with a first name or a title; found is false when text never names it.
func fullMention(text, surname string) (full, found bool) {
	for i := 0; ; {
		j := strings.Index(text[i:], surname)
		if j < 0 {
			return false, false
		}
		s := i + j
		e := s + len(surname)
		if (s == 0 || !isWordByte(text[s-1])) && (e == len(text) || !isWordByte(text[e])) {
			head := text[max(0, s-30):s]
			return titleBefore.MatchString(head), true
		}
		i = e
	}
}

func isWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b >= 0x80
}

// shapeEvidence weighs the shape of rewriting on a pair: who introduces the
// speakers of the shared quotations in full, and who quotes what the other
// says in its own voice.
func shapeEvidence(pv *pairView) {
	var score float64
	var example string
	seen := map[string]bool{}
	for _, side := range []struct {
		d    *docInfo
		span func(passageView) provenance.Span
	}{{pv.a, func(p passageView) provenance.Span { return p.aSpan }}, {pv.b, func(p passageView) provenance.Span { return p.bSpan }}} {
		for _, p := range pv.passages {
			q, ok := quoteAt(side.d.quotes, side.span(p))
			if !ok || q.speaker == "" || seen[q.speaker] || len(q.speaker) < 3 {
				continue
			}
			seen[q.speaker] = true
			fa, okA := fullMention(pv.a.doc.Text, q.speaker)
			fb, okB := fullMention(pv.b.doc.Text, q.speaker)
			if !okA || !okB || fa == fb {
				continue
			}
			if fa {
				score++
			} else {
				score--
			}
			if example == "" {
				example = q.speaker
			}
		}
	}
	// A text that puts in quotation marks what the other says in its own
	// voice quotes it: "Oxfam said: “Eight men own …”" (on real pages this
	// is far more common than a rewrite turning quotes into reported
	// speech word for word).
	quoting := 0.0
	for _, p := range pv.passages {
		inA, inB := quotedShare(pv.a, p.aSpan), quotedShare(pv.b, p.bSpan)
		switch {
		case inB >= 0.8 && inA < 0.2:
			quoting++
		case inA >= 0.8 && inB < 0.2:
			quoting--
		}
	}
	if score != 0 {
		s, t := pv.a.name(), pv.b.name()
		if score < 0 {
			s, t = t, s
		}
		pv.add(evShape, capSigned(score, 1, 1.5), fmt.Sprintf("rewrite shape: %s introduces %s in full (first name or title) where %s gives the surname alone: full first mentions are the source's", s, example, t))
	}
	if quoting != 0 {
		s, t := pv.a.name(), pv.b.name()
		if quoting < 0 {
			s, t = t, s
		}
		pv.add(evReported, capSigned(quoting, 0.75, 1.5), fmt.Sprintf("quoting: %s puts in quotation marks what %s says in its own voice: a copy quotes its source", t, s))
	}
}

// quotedShare is the share of the words of span s inside quotation marks.
func quotedShare(d *docInfo, s provenance.Span) float64 {
	toks := d.tokens(s)
	if len(toks) == 0 {
		return 0
	}
	in := 0
	for _, t := range toks {
		if insideQuote(d.quotes, provenance.Span{Start: t.start, End: t.end}) {
			in++
		}
	}
	return float64(in) / float64(len(toks))
}
