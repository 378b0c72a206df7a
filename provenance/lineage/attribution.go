package lineage

import (
	"fmt"
	"github.com/copytrail/copytrail/provenance/fastre"
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// capWord finds capitalised words and acronyms in an attribution.
var capWord = fastre.MustCompile(`\b[A-ZÀ-Ý][\p{L}]*(?:['’][sS])?`)

// attributionMutations compares who each shared quotation is attributed to
// on both sides; the attribution often sits just outside the aligned span.
func attributionMutations(src, dst *docInfo, p passageView) []provenance.Mutation {
	st, dt := src.doc.Text, dst.doc.Text
	var out []provenance.Mutation
	for _, qs := range src.quotes {
		if !overlaps(qs.inner, p.aSpan) {
			continue
		}
		qd, ok := matchingQuote(dst, p, qs, src)
		if !ok {
			continue
		}
		sEnt := attributionEntities(src, qs)
		dEnt := entityList(dt, qd)
		sAtt, dAtt := trimAttribution(st, qs.attribution), trimAttribution(dt, qd.attribution)
		srcSpeaker := qs.speaker
		if srcSpeaker == "" {
			srcSpeaker = lastSpeaker(src, qs)
		}
		switch {
		case srcSpeaker != "" && len(dEnt) == 0 && qd.verb == "" && lastSpeaker(dst, qd) == "" && !namedNear(dt, qd, srcSpeaker):
			out = append(out, mutation(provenance.MutationAttribution, src, dst, p, sAtt, provenance.Span{Start: qd.outer.End, End: qd.outer.End},
				fmt.Sprintf("the quotation %s is attributed to %s in the source; the copy drops the attribution", snippet(spanText(st, qs.inner), 6), srcSpeaker)))
		case len(dEnt) > 0:
			for _, e := range dEnt {
				if mentionsOrg(st, e) || sEnt[strings.ToLower(e)] {
					continue
				}
				was, note := srcSpeaker, ""
				if org := src.speaker[srcSpeaker]; org != "" {
					was = srcSpeaker + " of " + org
					if strings.HasPrefix(e, org) || strings.HasPrefix(org, e) {
						note = fmt.Sprintf(" (%s is not %s: it names a different organisation)", e, org)
					}
				}
				if was == "" {
					was = "another speaker"
				}
				out = append(out, mutation(provenance.MutationAttribution, src, dst, p, sAtt, dAtt,
					fmt.Sprintf("the quotation %s is attributed to %s in the source but to “%s” in the copy%s", snippet(spanText(st, qs.inner), 6), was, spanText(dt, dAtt), note)))
				break
			}
		}
	}
	return out
}

// mutation builds one mutation record.
func mutation(kind provenance.MutationKind, src, dst *docInfo, p passageView, s, d provenance.Span, why string) provenance.Mutation {
	return provenance.Mutation{
		Kind: kind, Source: src.doc.ID, Target: dst.doc.ID,
		SourceText: spanText(src.doc.Text, s), TargetText: spanText(dst.doc.Text, d),
		SourceStart: s.Start, SourceEnd: s.End, TargetStart: d.Start, TargetEnd: d.End,
		Passage: p.index, Explanation: why,
	}
}

// matchingQuote finds the quote of dst that shares words with qs inside the passage.
func matchingQuote(dst *docInfo, p passageView, qs quote, src *docInfo) (quote, bool) {
	want := map[string]bool{}
	for _, t := range tokenize(src.doc.Text, qs.inner) {
		want[t.norm] = true
	}
	best, bestN := quote{}, 0
	for _, q := range dst.quotes {
		if !overlaps(q.inner, p.bSpan) {
			continue
		}
		n := 0
		for _, t := range tokenize(dst.doc.Text, q.inner) {
			if want[t.norm] {
				n++
			}
		}
		if n > bestN {
			best, bestN = q, n
		}
	}
	return best, bestN >= 3
}

// attributionEntities are the capitalised names in a quote's attribution,
// lower-cased, without possessive 's and without sentence-initial words.
func attributionEntities(d *docInfo, q quote) map[string]bool {
	out := map[string]bool{}
	for _, e := range entityList(d.doc.Text, q) {
		out[strings.ToLower(e)] = true
	}
	return out
}

func entityList(text string, q quote) []string {
	if q.verb == "" {
		return nil
	}
	var out []string
	att := q.attribution
	for _, m := range capWord.FindAllStringIndex(text[att.Start:att.End], -1) {
		w := text[att.Start+m[0] : att.Start+m[1]]
		w = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s"), "’S")
		if stopSubjects[strings.ToLower(w)] || sentenceInitial(text, att.Start+m[0]) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// trimAttribution strips the punctuation around an attribution span.
func trimAttribution(text string, s provenance.Span) provenance.Span {
	t := spanText(text, s)
	l := len(t) - len(strings.TrimLeft(t, " ,:;–—-\n"))
	r := len(t) - len(strings.TrimRight(t, " .,:;\n"))
	if l+r >= len(t) {
		return provenance.Span{Start: s.Start, End: s.Start}
	}
	return provenance.Span{Start: s.Start + l, End: s.End - r}
}

// namedNear reports whether name appears in the sentence before, around or
// after the quotation (a lead-in such as "credited to its director X:").
func namedNear(text string, q quote, name string) bool {
	start := sentenceStart(text, sentenceStart(text, q.outer.Start, 300)-1, 300)
	if start < 0 {
		start = 0
	}
	end := sentenceEnd(text, q.outer.End, 300)
	return strings.Contains(text[start:end], name)
}
