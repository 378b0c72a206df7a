package lineage

import (
	"fmt"
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// commonSourceEvidence weighs the explanation that both texts took from a
// text outside the collection: the same speaker quoted in each with words
// the other lacks, or shared text that is only a quotation.
func commonSourceEvidence(pv *pairView) {
	at, bt := pv.a.doc.Text, pv.b.doc.Text
	// Shared words inside quotation marks, on both sides.
	quoted, total := 0, 0
	speakers := map[string]bool{}
	for _, p := range pv.passages {
		for _, t := range pv.a.tokens(p.aSpan) {
			total++
			if insideQuote(pv.a.quotes, provenance.Span{Start: t.start, End: t.end}) {
				quoted++
			}
		}
		for _, side := range []struct {
			d    *docInfo
			span provenance.Span
		}{{pv.a, p.aSpan}, {pv.b, p.bSpan}} {
			for _, q := range side.d.quotes {
				if overlaps(q.inner, side.span) {
					if s := q.speaker; s != "" {
						speakers[s] = true
					}
				}
			}
		}
	}
	if total > 0 && float64(quoted) >= 0.8*float64(total) && total-quoted < 12 {
		pv.speakers = withAffiliations(pv, personNames(speakers))
		pv.common += 2
		pv.csWhy = append(pv.csWhy, "the text they share is a quotation; quoting the same statement is not copying one another")
	}
	// The same speaker quoted on each side in words the other lacks —
	// not counting, on one side, what follows the last text it shares with
	// a page cut off when saved (the other's quote may be in its lost end).
	ua := beforeCut(pv, pv.a, uniqueQuotes(pv.a, pv.passages, true, speakers))
	ub := beforeCut(pv, pv.b, uniqueQuotes(pv.b, pv.passages, false, speakers))
	if len(ua) > 0 && len(ub) > 0 {
		pv.speakers = withAffiliations(pv, personNames(speakers))
		pv.common += 2
		pv.csWhy = append(pv.csWhy, fmt.Sprintf(
			"each quotes %s in words the other lacks (%s in %s; %s in %s): both drew on a fuller source",
			strings.Join(sortedKeys(speakers), ", "), snippet(spanText(at, ua[0].inner), 6), pv.a.name(),
			snippet(spanText(bt, ub[0].inner), 6), pv.b.name()))
	}
}

// uniqueQuotes lists quotations (≥ 6 words) in d, by one of speakers, most
// of whose words lie outside the shared passages.
func uniqueQuotes(d *docInfo, ps []passageView, sideA bool, speakers map[string]bool) []quote {
	var out []quote
	for _, q := range d.quotes {
		if !fieldsAtLeast(spanText(d.doc.Text, q.inner), 6) {
			continue
		}
		// Unique when most of its words lie outside the shared passages.
		toks := d.tokens(q.inner)
		in := 0
		for _, t := range toks {
			for _, p := range ps {
				s := p.bSpan
				if sideA {
					s = p.aSpan
				}
				if s.Start <= t.start && t.end <= s.End {
					in++
					break
				}
			}
		}
		if 2*in >= len(toks) {
			continue
		}
		if speakers[q.speaker] || speakers[lastSpeaker(d, q)] {
			out = append(out, q)
		}
	}
	return out
}

// beforeCut drops from qs, quotations of d, those that lie after d's side
// of a passage that runs to the cut-off end of the other page of pv: what
// d has past the point where the other page's saved text stops says
// nothing of what that page held.
func beforeCut(pv *pairView, d *docInfo, qs []quote) []quote {
	o := other(pv, d)
	if !o.cut {
		return qs
	}
	limit := -1
	for _, p := range pv.passages {
		ds, os := p.aSpan, p.bSpan
		if d == pv.b {
			ds, os = p.bSpan, p.aSpan
		}
		if atCutEnd(o, os) && (limit < 0 || ds.End < limit) {
			limit = ds.End
		}
	}
	if limit < 0 {
		return qs
	}
	var out []quote
	for _, q := range qs {
		if q.inner.Start < limit {
			out = append(out, q)
		}
	}
	return out
}

// lastSpeaker is the speaker of the nearest attributed quote before q (a
// continuation quote has no attribution of its own).
func lastSpeaker(d *docInfo, q quote) string {
	name := ""
	for _, o := range d.quotes {
		if o.outer.Start >= q.outer.Start {
			break
		}
		if s := o.speaker; s != "" {
			name = s
		}
	}
	return name
}

func overlaps(a, b provenance.Span) bool { return a.Start < b.End && b.Start < a.End }

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sortStrings(out)
	return out
}

// notSurnames are capitalised words that open an attribution's sentence
// ("In a statement, …") and are no speaker's name.
var notSurnames = map[string]bool{
	"in": true, "on": true, "at": true, "as": true, "by": true, "for": true, "but": true, "and": true,
	"after": true, "when": true, "while": true, "if": true, "according": true, "also": true, "then": true,
	"now": true, "last": true, "asked": true, "speaking": true, "writing": true,
	"stating": true, "saying": true, "adding": true, "noting": true, "explaining": true, "arguing": true,
	"claiming": true, "warning": true, "insisting": true,
}

// personNames lists the speakers that read as surnames, sorted.
func personNames(speakers map[string]bool) []string {
	var out []string
	for _, s := range sortedKeys(speakers) {
		if len([]rune(s)) >= 3 && !notSurnames[strings.ToLower(s)] {
			out = append(out, s)
		}
	}
	return out
}
