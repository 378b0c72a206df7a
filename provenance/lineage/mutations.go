package lineage

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copytrail/copytrail/provenance"
)

// findMutations lists the substantive changes made along every link: quotes
// altered, numbers and dates changed, names changed, quotes given to another
// speaker or stripped of their attribution, hedges dropped. Cosmetic edits
// (punctuation, spelling variants, reporting-verb tense) are left out.
func findMutations(r *provenance.Result, views map[[2]string]*pairView) []provenance.Mutation {
	out := []provenance.Mutation{}
	for _, l := range r.Links {
		pv := views[viewKey(l.Source, l.Target)]
		if pv == nil {
			continue
		}
		src, dst := pv.a, pv.b
		if pv.a.doc.ID != l.Source {
			src, dst = pv.b, pv.a
		}
		for _, p := range pv.passages {
			sv := orient(p, pv.a == src)
			out = append(out, passageMutations(src, dst, sv)...)
		}
	}
	return out
}

// orient returns the passage seen from the source side.
func orient(p passageView, aIsSource bool) passageView {
	if aIsSource {
		return p
	}
	q := p
	q.aSpan, q.bSpan = p.bSpan, p.aSpan
	q.edits = make([]edit, len(p.edits))
	for i, e := range p.edits {
		q.edits[i] = edit{a: e.b, b: e.a, aTok: e.bTok, bTok: e.aTok}
	}
	return q
}

// passageMutations finds the mutations of one passage, source side first.
func passageMutations(src, dst *docInfo, p passageView) []provenance.Mutation {
	st, dt := src.doc.Text, dst.doc.Text
	var out []provenance.Mutation
	add := func(kind provenance.MutationKind, s, d provenance.Span, why string) {
		out = append(out, provenance.Mutation{
			Kind: kind, Source: src.doc.ID, Target: dst.doc.ID,
			SourceText: spanText(st, s), TargetText: spanText(dt, d),
			SourceStart: s.Start, SourceEnd: s.End, TargetStart: d.Start, TargetEnd: d.End,
			Passage: p.index, Explanation: why,
		})
	}
	// Numbers, amounts and dates, compared as values.
	for _, c := range changedValues(readValues(tokenize(st, p.aSpan)), readValues(tokenize(dt, p.bSpan))) {
		ra := relPos(p.aSpan, c[0].span.Start)
		rb := relPos(p.bSpan, c[1].span.Start)
		if math.Abs(ra-rb) > 0.2 || !touchesEdit(p.edits, c[0].span, c[1].span) {
			continue
		}
		add(provenance.MutationNumber, c[0].span, c[1].span,
			fmt.Sprintf("%s “%s” became “%s”", c[0].kind, spanText(st, c[0].span), spanText(dt, c[1].span)))
	}
	for _, e := range p.edits {
		if len(e.aTok) == 0 && len(e.bTok) == 0 || cosmetic(e) || hasValue(e) {
			continue
		}
		sq, inSrcQuote := quoteAround(src.quotes, e.a)
		_, inDstQuote := quoteAround(dst.quotes, e.b)
		switch {
		case inSrcQuote && inDstQuote && !(len(e.bTok) == 0 && trimmedEnd(sq, e.a, st)):
			add(provenance.MutationQuote, e.a, e.b, fmt.Sprintf("the quotation reads “%s” in the source and “%s” in the copy", orDash(e.aText(st)), orDash(e.bText(dt))))
		case hasAny(e.aTok, hedges) && !hasAny(e.bTok, hedges):
			add(provenance.MutationHedge, e.a, e.b, fmt.Sprintf("the hedge “%s” became “%s”", e.aText(st), orDash(e.bText(dt))))
		case nameChanged(e, st, dt):
			add(provenance.MutationName, e.a, e.b, fmt.Sprintf("“%s” became “%s”: a different name", e.aText(st), e.bText(dt)))
		}
	}
	out = append(out, attributionMutations(src, dst, p)...)
	return out
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// relPos is where pos falls in span, 0..1.
func relPos(s provenance.Span, pos int) float64 {
	if s.Len() <= 0 {
		return 0
	}
	return float64(pos-s.Start) / float64(s.Len())
}

// touchesEdit reports whether both value spans overlap or touch an edit.
func touchesEdit(edits []edit, a, b provenance.Span) bool {
	for _, e := range edits {
		if near(e.a, a) && near(e.b, b) {
			return true
		}
	}
	return false
}

func near(x, y provenance.Span) bool { return x.Start <= y.End+1 && y.Start <= x.End+1 }

// hasValue reports whether an edit involves a number (handled as values).
func hasValue(e edit) bool {
	for _, toks := range [][]token{e.aTok, e.bTok} {
		for _, t := range toks {
			if _, ok := parseNumber(t.norm); ok {
				return true
			}
			if _, ok := months[t.norm]; ok && t.norm != "may" { // "may" is mostly the verb
				return true
			}
		}
	}
	return false
}

// cosmetic reports edits that do not change meaning: reporting-verb tense
// ("says" → "said") and spelling variants ("organisation" → "organization").
func cosmetic(e edit) bool {
	an, bn := joinNorm(e.aTok), joinNorm(e.bTok)
	if tenseShift(an, bn) != 0 && len(e.aTok) == len(e.bTok) && len(e.aTok) <= 2 {
		return true
	}
	if len(e.aTok) != len(e.bTok) {
		return false
	}
	for i := range e.aTok {
		if spellingKey(e.aTok[i].norm) != spellingKey(e.bTok[i].norm) {
			return false
		}
	}
	return true
}

// spellingKey folds British/American spelling variants and diacritics.
func spellingKey(w string) string {
	w = foldAccents(w)
	for _, r := range [][2]string{{"isation", "ization"}, {"ise", "ize"}, {"ising", "izing"}, {"our", "or"}, {"tre", "ter"}, {"ll", "l"}, {"yse", "yze"}, {"ence", "ense"}, {"ogue", "og"}} {
		w = strings.ReplaceAll(w, r[0], r[1])
	}
	return w
}

// foldAccents drops the common Latin diacritics.
func foldAccents(s string) string {
	return strings.NewReplacer("é", "e", "è", "e", "ê", "e", "ë", "e", "à", "a", "â", "a", "ä", "a",
		"î", "i", "ï", "i", "ô", "o", "ö", "o", "ù", "u", "û", "u", "ü", "u", "ç", "c", "ñ", "n").Replace(s)
}

// quoteAround returns the quote whose inner text holds span (an empty span
// counts when it sits strictly inside).
func quoteAround(qs []quote, s provenance.Span) (quote, bool) {
	for _, q := range qs {
		if q.inner.Start <= s.Start && s.End <= q.inner.End && (s.Len() > 0 || (s.Start > q.inner.Start && s.End < q.inner.End)) {
			return q, true
		}
	}
	return quote{}, false
}

// trimmedEnd reports whether a deletion reaches the start or end of the
// quotation: a shortened quote, not an altered one.
func trimmedEnd(q quote, s provenance.Span, text string) bool {
	return len(tokenize(text, provenance.Span{Start: q.inner.Start, End: s.Start})) == 0 ||
		len(tokenize(text, provenance.Span{Start: s.End, End: q.inner.End})) == 0
}

// nameChanged reports an edit that swaps one capitalised name for another.
func nameChanged(e edit, st, dt string) bool {
	ca, cb := capitalised(e.aTok, st), capitalised(e.bTok, dt)
	if len(ca) == 0 || len(cb) == 0 {
		return false
	}
	return spellingKey(strings.Join(ca, " ")) != spellingKey(strings.Join(cb, " "))
}

// capitalised lists the tokens that look like names: capitalised and not
// the first word of a sentence.
func capitalised(toks []token, text string) []string {
	var out []string
	for _, t := range toks {
		r, _ := utf8.DecodeRuneInString(text[t.start:])
		if !unicode.IsUpper(r) || sentenceInitial(text, t.start) {
			continue
		}
		out = append(out, t.norm)
	}
	return out
}

// sentenceInitial reports whether pos starts a sentence, a line or a quotation.
func sentenceInitial(text string, pos int) bool {
	i := pos
	for i > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:i])
		switch {
		case r == ' ' || r == '\t':
			i -= w
			continue
		case r == '.' || r == '!' || r == '?' || r == '\n' || r == '“' || r == '"' || r == '«' || r == ':':
			return true
		}
		return false
	}
	return true
}
