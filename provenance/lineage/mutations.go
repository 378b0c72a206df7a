package lineage

import (
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/copytrail/copytrail/provenance"
)

// findMutations lists the substantive changes made along every copy link: quotes
// altered, numbers and dates changed, names changed, quotes given to another
// speaker or stripped of their attribution, hedges dropped. Cosmetic edits
// (punctuation, spelling variants, reporting-verb tense) are left out.
func findMutations(r *provenance.Result, views map[[2]string]*pairView) []provenance.Mutation {
	out := []provenance.Mutation{}
	for _, l := range r.Links {
		pv := views[viewKey(l.Source, l.Target)]
		if pv == nil || l.Kind != provenance.LinkCopy {
			// Without a direction, a difference is not a change made by one side.
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
	// A number just outside the aligned span ("Some 4,200 | households").
	for _, c := range edgeValues(st, p.aSpan, dt, p.bSpan) {
		add(provenance.MutationNumber, c[0].span, c[1].span,
			fmt.Sprintf("%s “%s” became “%s”, next to the shared passage", c[0].kind, spanText(st, c[0].span), spanText(dt, c[1].span)))
	}
	for _, e := range p.edits {
		if len(e.aTok) == 0 && len(e.bTok) == 0 || cosmetic(e) || hasValue(e) {
			continue
		}
		sq, inSrcQuote := quoteAround(src.quotes, e.a)
		_, inDstQuote := quoteAround(dst.quotes, e.b)
		switch {
		case hasAny(e.aTok, hedges) && !hasAny(e.bTok, hedges):
			where := ""
			if inSrcQuote {
				where = ", inside a quotation"
			}
			add(provenance.MutationHedge, e.a, e.b, fmt.Sprintf("the hedge “%s” became “%s”%s", e.aText(st), orDash(e.bText(dt)), where))
		case inSrcQuote && inDstQuote && !(len(e.bTok) == 0 && trimmedEnd(sq, e.a, st)):
			add(provenance.MutationQuote, e.a, e.b, fmt.Sprintf("the quotation reads “%s” in the source and “%s” in the copy", orDash(e.aText(st)), orDash(e.bText(dt))))
		case inSrcQuote && len(e.bTok) == 0 && trimmedEnd(sq, e.a, st) && atQuoteEdge(dst.quotes, e.b.Start, dt):
			add(provenance.MutationQuote, e.a, e.b, fmt.Sprintf("the quotation is cut short inside its quotation marks: “%s” is left out", snippet(e.aText(st), 10)))
		case nameChanged(e, st, dt):
			add(provenance.MutationName, e.a, e.b, fmt.Sprintf("“%s” became “%s”: a different name", e.aText(st), e.bText(dt)))
		case len(e.aTok) == 0 && len(capitalised(e.bTok, dt)) == len(e.bTok):
			// A name extended: "Ombra Watch" → "Ombra Watch International".
			if ns, nd, ok := extendedName(st, p.aSpan, e, dt); ok {
				add(provenance.MutationName, ns, nd, fmt.Sprintf("“%s” became “%s”: a different name", spanText(st, ns), spanText(dt, nd)))
			}
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

// nameChanged reports an edit that swaps one capitalised name for another,
// not for the same one abbreviated or spelt out (see sameEntity).
func nameChanged(e edit, st, dt string) bool {
	ca, cb := capitalised(e.aTok, st), capitalised(e.bTok, dt)
	if len(ca) == 0 || len(cb) == 0 {
		return false
	}
	if spellingKey(strings.Join(ca, " ")) == spellingKey(strings.Join(cb, " ")) {
		return false
	}
	return !sameEntity(rawWords(e.aTok, st), rawWords(e.bTok, dt), st, dt)
}

// rawWords are the tokens as written, a possessive "'s" dropped.
func rawWords(toks []token, text string) []string {
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		w := text[t.start:t.end]
		for _, s := range []string{"'s", "’s", "'", "’"} {
			w = strings.TrimSuffix(w, s)
		}
		out = append(out, w)
	}
	return out
}

// expansionFillers are the small words an acronym skips: "Center for
// Civilians in Conflict", "Organisation des Nations unies".
var expansionFillers = map[string]bool{"of": true, "the": true, "for": true, "and": true, "in": true, "on": true,
	"de": true, "des": true, "du": true, "la": true, "le": true, "et": true, "y": true, "del": true, "für": true, "und": true}

// sameEntity reports whether two names stand for one organisation: an
// acronym and its expansion ("UN" and "United Nations", "WHO" and "World
// Health Organization", "U.N." too), or an abbreviation one of the texts
// defines ("Center for Civilians in Conflict (CIVIC)", "CIVIC (Center for
// Civilians in Conflict)").
func sameEntity(a, b []string, texts ...string) bool {
	short, long := a, b
	if len(strings.Join(a, "")) > len(strings.Join(b, "")) {
		short, long = b, a
	}
	acr := strings.Join(short, "")
	if len(long) < 2 || utf8.RuneCountInString(acr) < 2 || strings.ToUpper(acr) != acr {
		return false
	}
	var initials strings.Builder
	for _, w := range long {
		if expansionFillers[strings.ToLower(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		initials.WriteRune(unicode.ToUpper(r))
	}
	if initials.String() == acr {
		return true
	}
	full := strings.Join(long, " ")
	for _, t := range texts {
		if defines(t, full, acr) {
			return true
		}
	}
	return false
}

// defines reports whether text writes "long (SHORT)" or "SHORT (long)".
func defines(text, long, short string) bool {
	for _, pair := range [][2]string{{long, short}, {short, long}} {
		for from := 0; ; {
			i := strings.Index(text[from:], pair[0])
			if i < 0 {
				break
			}
			rest := strings.TrimLeft(text[from+i+len(pair[0]):], " \u00a0")
			if strings.HasPrefix(rest, "("+pair[1]+")") {
				return true
			}
			from += i + len(pair[0])
		}
	}
	return false
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

// atQuoteEdge reports whether pos sits at the start or end of a quotation
// (give or take its punctuation).
func atQuoteEdge(qs []quote, pos int, text string) bool {
	for _, q := range qs {
		if pos >= q.inner.Start-1 && pos <= q.inner.Start+1 {
			return true
		}
		if pos <= q.inner.End && pos >= q.inner.End-3 && len(tokenize(text, provenance.Span{Start: pos, End: q.inner.End})) == 0 {
			return true
		}
	}
	return false
}

// extendedName returns the source name just before an inserted run of
// capitalised words, and the longer name in the copy.
func extendedName(st string, aSpan provenance.Span, e edit, dt string) (provenance.Span, provenance.Span, bool) {
	toks := tokenize(st, aSpan)
	end := e.a.Start
	i := len(toks) - 1
	for i >= 0 && toks[i].end > end {
		i--
	}
	if i < 0 || toks[i].end != end {
		return provenance.Span{}, provenance.Span{}, false
	}
	if !startsUpper(st[toks[i].start:toks[i].end]) {
		return provenance.Span{}, provenance.Span{}, false
	}
	j := i // the name runs back over capitalised words within its sentence
	for j > 0 && startsUpper(st[toks[j-1].start:toks[j-1].end]) && !sentenceInitial(st, toks[j].start) {
		j--
	}
	ns := provenance.Span{Start: toks[j].start, End: toks[i].end}
	nameLen := ns.Len()
	nd := provenance.Span{Start: e.b.Start - nameLen - 1, End: e.b.End}
	if nd.Start < 0 || !strings.HasPrefix(dt[nd.Start:], st[ns.Start:ns.End]) {
		return provenance.Span{}, provenance.Span{}, false
	}
	return ns, nd, true
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// edgeWords is how many words beside a passage are read for numbers.
const edgeWords = 3

// edgeValues compares the few words just before and just after a passage on
// both sides, within their sentences: where they are the same words around
// different numbers, the number was changed.
func edgeValues(st string, a provenance.Span, dt string, b provenance.Span) [][2]value {
	var out [][2]value
	for _, before := range []bool{true, false} {
		ta, tb := edgeTokens(st, a, before), edgeTokens(dt, b, before)
		va, vb := readValues(ta), readValues(tb)
		if len(va) == 0 || len(vb) == 0 {
			continue
		}
		// The value nearest the passage on each side, and the words between.
		x, y := va[len(va)-1], vb[len(vb)-1]
		between := func(toks []token, v value) []string {
			var w []string
			for _, t := range toks {
				if (before && t.start >= v.span.End) || (!before && t.end <= v.span.Start) {
					w = append(w, t.norm)
				}
			}
			return w
		}
		if !before {
			x, y = va[0], vb[0]
		}
		if x.kind != y.kind || sameValue(x, y) || strings.Join(between(ta, x), " ") != strings.Join(between(tb, y), " ") {
			continue
		}
		out = append(out, [2]value{x, y})
	}
	return out
}

// edgeTokens returns up to edgeWords tokens just before (or after) span,
// not crossing a sentence end or a line break.
func edgeTokens(text string, s provenance.Span, before bool) []token {
	if before {
		start := sentenceStart(text, s.Start, 80)
		toks := tokenize(text, provenance.Span{Start: start, End: s.Start})
		if len(toks) > edgeWords {
			toks = toks[len(toks)-edgeWords:]
		}
		return toks
	}
	end := sentenceEnd(text, s.End, 80)
	toks := tokenize(text, provenance.Span{Start: s.End, End: end})
	if len(toks) > edgeWords {
		toks = toks[:edgeWords]
	}
	return toks
}
