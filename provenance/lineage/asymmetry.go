package lineage

import (
	"fmt"
	"github.com/copytrail/copytrail/provenance/fastre"
	"math"
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// pastOf maps a present-tense reporting verb to its past forms.
var pastOf = map[string][]string{
	"says": {"said"}, "adds": {"added"}, "notes": {"noted"}, "explains": {"explained"},
	"warns": {"warned"}, "insists": {"insisted"}, "stresses": {"stressed"}, "tells": {"told"},
	"déclare": {"déclaré"}, "affirme": {"affirmé"}, "explique": {"expliqué"}, "ajoute": {"ajouté"},
	"souligne": {"souligné"}, "estime": {"estimé"}, "indique": {"indiqué"}, "précise": {"précisé"},
}

// addedAttribution is an attribution a copier adds when it splits a quote
// off its speaker ("the official said", "the envoy added", "a-t-il déclaré").
// Only generic attributions count: "Smith said" beside a quote the other
// side gives bare is as often dropped by the copy as added by it.
var addedAttribution = fastre.MustCompile(`(?i)^(the|a|an|le|la|l'|l’)\s+\S+(\s+\S+)?\s+(said|added|noted|told|a déclaré|a ajouté|a souligné)$|^(he|she|they|it|il|elle)\s+(said|added|noted)$|^(said|added) (the|a)\b|^a-t-(il|elle) (déclaré|ajouté|souligné)$`)

// hedges are words that soften a claim; copies drop them far more often
// than they add them.
var hedges = map[string]bool{
	"may": true, "might": true, "could": true, "possibly": true, "reportedly": true,
	"allegedly": true, "likely": true, "feared": true, "expected": true, "appears": true,
	"peut": true, "pourrait": true, "pourraient": true, "peuvent": true, "probablement": true,
	"possible": true, "risque": true,
}

// firmer are the words that replace a hedge ("will cause", "causes").
var firmer = map[string]bool{"will": true, "would": true, "is": true, "are": true, "does": true, "va": true, "vont": true, "doit": true}

// textEvidence reads the clues inside the passages: attribution shifts,
// trimmed sentences and quotes, dropped hedges, and containment.
func textEvidence(pv *pairView) {
	var tense, added, trim, qtrim, hedge float64
	var tenseEx, trimEx string
	at, bt := pv.a.doc.Text, pv.b.doc.Text
	for _, p := range pv.passages {
		for _, e := range p.edits {
			an, bn := joinNorm(e.aTok), joinNorm(e.bTok)
			// Reporting verb tense: "says" → "said".
			if s := tenseShift(an, bn); s != 0 && (inAttribution(pv.a.quotes, e.a) || inAttribution(pv.b.quotes, e.b)) {
				tense += s
				if tenseEx == "" {
					tenseEx = fmt.Sprintf("“%s” became “%s”", e.aText(at), e.bText(bt))
					if s < 0 {
						tenseEx = fmt.Sprintf("“%s” became “%s”", e.bText(bt), e.aText(at))
					}
				}
			}
			// An attribution added on one side only.
			if len(e.aTok) == 0 && addedAttribution.MatchString(bn) {
				added++
			} else if len(e.bTok) == 0 && addedAttribution.MatchString(an) {
				added--
			}
			// Hedge dropped: "may cause" → "will cause".
			if hasAny(e.aTok, hedges) && !hasAny(e.bTok, hedges) && (len(e.bTok) == 0 || hasAny(e.bTok, firmer)) {
				hedge++
			} else if hasAny(e.bTok, hedges) && !hasAny(e.aTok, hedges) && (len(e.aTok) == 0 || hasAny(e.aTok, firmer)) {
				hedge--
			}
			// Words dropped from inside a quotation: quotes get trimmed, not padded.
			if len(e.bTok) == 0 && len(e.aTok) > 0 && insideQuote(pv.a.quotes, e.a) {
				qtrim++
			} else if len(e.aTok) == 0 && len(e.bTok) > 0 && insideQuote(pv.b.quotes, e.b) {
				qtrim--
			}
		}
		// A complete sentence on one side, a trimmed one on the other (not
		// the last sentence of a page that was cut off when saved).
		fa := sentenceShare(pv.a, p.aSpan)
		fb := sentenceShare(pv.b, p.bSpan)
		if atCutEnd(pv.a, p.aSpan) || atCutEnd(pv.b, p.bSpan) {
			fa, fb = 1, 1
		}
		if fb >= 0.9 && fa <= 0.75 {
			trim++
			if trimEx == "" {
				trimEx = snippet(spanText(at, p.aSpan), 8)
			}
		} else if fa >= 0.9 && fb <= 0.75 {
			trim--
			if trimEx == "" {
				trimEx = snippet(spanText(bt, p.bSpan), 8)
			}
		}
	}
	an, bn := pv.a.name(), pv.b.name()
	src := func(v float64) (string, string) {
		if v > 0 {
			return an, bn
		}
		return bn, an
	}
	if tense != 0 {
		s, t := src(tense)
		pv.add(evAttrib, capSigned(tense, 1, 1.5), fmt.Sprintf("attribution shift: the present-tense “says” of %s is past tense in %s (%s), the usual change when a release is reported", s, t, tenseEx))
	}
	if added != 0 {
		s, t := src(added)
		pv.add(evAttrib, capSigned(added, 0.75, 1.5), fmt.Sprintf("%s adds an attribution (such as “the official said”) to a quote that %s gives without one", t, s))
	}
	if hedge != 0 {
		s, t := src(hedge)
		pv.add(evHedge, capSigned(hedge, 0.5, 1), fmt.Sprintf("%s drops a hedge that %s has (“may” → “will”); copies harden claims more often than they soften them", t, s))
	}
	if qtrim != 0 {
		s, t := src(qtrim)
		pv.add(evTrim, capSigned(qtrim, 0.75, 1.5), fmt.Sprintf("%s's quotation is a trimmed version of the longer one in %s", t, s))
	}
	if trim != 0 {
		s, t := src(trim)
		pv.add(evTrim, capSigned(trim, 0.5, 1.5), fmt.Sprintf("%s has the complete sentence(s) and %s a trimmed version (%s)", s, t, trimEx))
	}
}

// atCutEnd reports whether span s ends near the end of a page that was
// cut off when saved: what follows is missing, not trimmed.
func atCutEnd(d *docInfo, s provenance.Span) bool {
	return d.cut && len(d.doc.Text)-s.End < 300
}

// tenseShift is +1 when a present reporting verb in a became past in b, -1
// for the reverse, 0 otherwise.
func tenseShift(a, b string) float64 {
	for _, w := range strings.Fields(a) {
		for _, past := range pastOf[w] {
			if containsWord(b, past) {
				return 1
			}
		}
	}
	for _, w := range strings.Fields(b) {
		for _, past := range pastOf[w] {
			if containsWord(a, past) {
				return -1
			}
		}
	}
	return 0
}

func containsWord(s, w string) bool {
	for _, f := range strings.Fields(s) {
		if f == w {
			return true
		}
	}
	return false
}

func hasAny(toks []token, set map[string]bool) bool {
	for _, t := range toks {
		if set[t.norm] {
			return true
		}
	}
	return false
}

// capSigned turns a signed count into a weight: per-unit weight, capped.
func capSigned(n, unit, max float64) float64 {
	w := math.Min(math.Abs(n)*unit, max)
	if n < 0 {
		return -w
	}
	return w
}

// insideQuote reports whether span lies inside a quotation's marks.
func insideQuote(qs []quote, s provenance.Span) bool {
	for _, q := range qs {
		if q.inner.Start <= s.Start && s.End <= q.inner.End {
			return true
		}
	}
	return false
}

// sentenceShare is the share of the words of the sentences around span that
// lie inside span.
func sentenceShare(d *docInfo, s provenance.Span) float64 {
	text := d.doc.Text
	start := sentenceStart(text, s.Start, 400)
	end := sentenceEnd(text, max(s.End-1, s.Start), 400)
	all := len(d.tokens(provenance.Span{Start: start, End: end}))
	in := len(d.tokens(s))
	if all == 0 {
		return 1
	}
	return float64(in) / float64(all)
}

// inAttribution reports whether span lies in the attribution of a quote
// ("says X" beside the quotation), not in reported speech elsewhere.
func inAttribution(qs []quote, s provenance.Span) bool {
	for _, q := range qs {
		if q.verb != "" && q.attribution.Start <= s.Start && s.End <= q.attribution.End {
			return true
		}
	}
	return false
}
