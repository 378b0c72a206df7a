package lineage

import (
	"fmt"
	"math"
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// evidence is one clue about direction. A positive weight says side A is the
// source, a negative one side B; reason says why in plain words.
type evidence struct {
	kind   string
	weight float64
	reason string
}

// Evidence kinds, used by the evaluation to report which clues fire.
const (
	evDate       = "date"
	evGenre      = "genre"
	evFirstParty = "first-party quote"
	evAttrib     = "attribution shift"
	evTrim       = "trimmed text"
	evHedge      = "hedge"
	evInnovation = "shared innovation"
	evCredit     = "credit"
	evRole       = "role"
	evShape      = "rewrite shape"
	evReported   = "quoting"
	evSubset     = "shorter selection"
)

// passageView is one non-incidental passage of a pair with its word edits.
type passageView struct {
	index   int
	p       provenance.Passage
	aSpan   provenance.Span // span in pairView.a (sides may be swapped from the passage)
	bSpan   provenance.Span
	edits   []edit
	matched int
	words   int
}

// pairView is one pair of documents with its evidence.
type pairView struct {
	a, b     *docInfo
	pair     *provenance.Pair
	passages []passageView
	evidence []evidence
	// common is the strength of the common-source explanation, csWhy its reasons.
	common float64
	csWhy  []string
	// named is the source both name when neither is it ("" for none).
	named string
	// speakers are the people whose quotations make the common-source
	// explanation (surnames), nil for none.
	speakers []string
	// explainedBy is set when a third document accounts for the shared text.
	explainedBy string
	// via lists documents through which the far side of this pair may have
	// received the text (shared innovations); the link is dropped when the
	// copy through one of them is confirmed.
	via []string
	// sharedWords counts the matched words of the non-incidental passages,
	// longest those of the longest one.
	sharedWords, longest int
	// longestRun is the longest stretch of identical words in one passage.
	longestRun int
	// relCredit is the credit to "a press release" by which relCopy, one
	// side of the pair, was found to quote the other side's release (the
	// release-credit clue); relCopy is nil when that clue did not fire.
	relCredit credit
	relCopy   *docInfo
}

// score sums the evidence: >0 favours A → B.
func (pv *pairView) score() (total, pos, neg float64) {
	for _, e := range pv.evidence {
		total += e.weight
		if e.weight > 0 {
			pos += e.weight
		} else {
			neg -= e.weight
		}
	}
	return total, pos, neg
}

// add records a clue, capping repeats of the same kind so that one habit
// seen in many passages does not outweigh everything else.
func (pv *pairView) add(kind string, weight float64, reason string) {
	if weight == 0 && reason == "" {
		return
	}
	pv.evidence = append(pv.evidence, evidence{kind: kind, weight: weight, reason: reason})
}

// dateEvidence compares publication times.
func dateEvidence(pv *pairView) {
	a, b := pv.a, pv.b
	switch {
	case !a.dated && !b.dated:
		pv.add(evDate, 0, "neither text has a publication date, so the direction rests on the texts alone")
		return
	case !a.dated:
		pv.add(evDate, 0, fmt.Sprintf("%s has no publication date", a.name()))
		return
	case !b.dated:
		pv.add(evDate, 0, fmt.Sprintf("%s has no publication date", b.name()))
		return
	}
	dateOnly := func(d *docInfo) bool { return !strings.Contains(d.doc.Meta.Published.Value, "T") }
	var gap float64
	if dateOnly(a) || dateOnly(b) {
		da, db := a.when.Truncate(24*3600e9), b.when.Truncate(24*3600e9)
		if da.Equal(db) {
			pv.add(evDate, 0, "both were published the same day, so the dates do not tell")
			return
		}
		gap = db.Sub(da).Hours()
	} else {
		gap = b.when.Sub(a.when).Hours()
		if math.Abs(gap) < 1.0/60 {
			return
		}
	}
	w := 3.0
	note := ""
	for _, d := range []*docInfo{a, b} {
		if d.inferred {
			w = 1.5
			det := d.doc.Meta.Published.Detail
			if det == "" {
				det = "its text"
			}
			note += fmt.Sprintf(" (%s's date was inferred from %s, so it may be wrong)", d.name(), det)
		}
	}
	first, second := a, b
	if gap < 0 {
		w, first, second = -w, b, a
	}
	pv.add(evDate, w, fmt.Sprintf("%s was published %s before %s%s", first.name(), humanGap(math.Abs(gap)), second.name(), note))
}

// humanGap says a gap in hours in words.
func humanGap(h float64) string {
	switch {
	case h < 1:
		return fmt.Sprintf("%.0f minutes", h*60)
	case h < 48:
		return fmt.Sprintf("%.0f hours", h)
	}
	return fmt.Sprintf("%.0f days", h/24)
}

// genreEvidence: press releases come before wire stories, wire stories
// before the articles that reprint them.
func genreEvidence(pv *pairView) {
	ga, gb := pv.a.genre, pv.b.genre
	if ga.genre == gb.genre {
		return
	}
	w := 2.5
	switch {
	case ga.genre == GenreRelease && gb.genre == GenreWire, gb.genre == GenreRelease && ga.genre == GenreWire:
		w = 2
	case ga.genre == GenreWire || gb.genre == GenreWire:
		w = 1.5
	}
	up, down := pv.a, pv.b
	if gb.genre > ga.genre {
		w, up, down = -w, pv.b, pv.a
	}
	if _, ok := up.creditsOther(down); ok {
		return // its text is someone else's, so its genre says nothing of who wrote it first
	}
	if up.genre.genre == GenreRelease && up.genre.score-1 < 2 && len(up.genre.voice) > 0 {
		// Its "we found" is what made it a release: when the other text
		// carries that voice too (inside their shared passages), it says
		// nothing of which wrote it.
		shared := sideSpans(pv, up.doc.ID)
		all := true
		for _, v := range up.genre.voice {
			all = all && inside(shared, v.Start, v.End)
		}
		if all {
			return
		}
	}
	pv.add(evGenre, w, fmt.Sprintf("%s reads as %s %s; %s reads as %s %s", up.name(), article(up.genre.genre), up.genre.describe(), down.name(), article(down.genre.genre), down.genre.genre.String()))
}

// firstPartyEvidence: a statement by a speaker of organisation X is original
// in X's own text.
func firstPartyEvidence(pv *pairView) {
	for _, side := range []struct {
		self, other *docInfo
		sign        float64
		span, far   func(passageView) provenance.Span
	}{
		{pv.a, pv.b, 1, func(p passageView) provenance.Span { return p.aSpan }, func(p passageView) provenance.Span { return p.bSpan }},
		{pv.b, pv.a, -1, func(p passageView) provenance.Span { return p.bSpan }, func(p passageView) provenance.Span { return p.aSpan }},
	} {
		if _, ok := side.self.creditsOther(side.other); ok {
			continue // a page carrying X's text is not where its quotes originate
		}
		for _, p := range pv.passages {
			q, ok := quoteAt(side.self.quotes, side.span(p))
			if !ok {
				continue
			}
			// The other text quotes it too when its side of the passage
			// holds a quotation or a quotation mark (a passage cut inside a
			// quotation keeps only one of its marks).
			far := side.far(p)
			_, quoted := quoteAt(side.other.quotes, far)
			quoted = quoted || strings.ContainsAny(side.other.doc.Text[far.Start:far.End], "“”\"«»„")
			if !sharesStatement(side.self.doc.Text, q, side.span(p), quoted) {
				continue
			}
			org := side.self.quoteOrg(q)
			if org == "" || side.other.speaksFor(org) {
				continue
			}
			if side.self.genre.genre != GenreRelease && !side.self.namesAsItself(org) && mentionsOutside(side.other, sideSpans(pv, side.other.doc.ID), org) {
				// Both write about the organisation in their own words
				// ("IBM will purchase…" beside a blog's "IBM is
				// planning…"): a text that is no release, whose outlet or
				// "About" section is not the organisation, and only keeps
				// it as its subject, reports on it as the other does, and
				// its quote of X's chief is no sign that it is X's own
				// text.
				continue
			}
			who := q.speaker
			if who == "" {
				who = "a speaker"
			}
			pv.add(evFirstParty, side.sign*2.5, fmt.Sprintf(
				"first-party quote: %s of %s is quoted (%s) and %s is %s's own text, where its statements originate",
				who, org, snippet(spanText(side.self.doc.Text, q.inner), 8), side.self.name(), org))
			break
		}
	}
}

// sharesStatement: the passage holds enough of the quotation to be the
// statement itself, not a stock phrase the quotation happens to contain (on
// real pages: a release's headline figure, which a reprint states in its
// own voice, repeated inside an affiliate's own quote). When the other text
// quotes it too, half the quotation (at least 8 words) or 15 words will do;
// when the other text says it in its own voice, two thirds.
func sharesStatement(text string, q quote, span provenance.Span, quotedToo bool) bool {
	start, end := max(q.inner.Start, span.Start), min(q.inner.End, span.End)
	if end <= start {
		return false
	}
	n := len(strings.Fields(text[start:end]))
	all := len(strings.Fields(text[q.inner.Start:q.inner.End]))
	if !quotedToo {
		return n >= 8 && 3*n >= 2*all
	}
	return n >= 15 || n >= 8 && 2*n >= all
}

// snippet is the first n words of s in quotation marks, with an ellipsis.
func snippet(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		return "“" + strings.Join(f[:n], " ") + " …”"
	}
	return "“" + strings.Join(f, " ") + "”"
}

// article is "a" or "an" before a genre name.
func article(g Genre) string {
	if g == GenreArticle {
		return "an"
	}
	return "a"
}

// mentionsOutside reports whether d names org as a whole word outside the
// spans it shares with another text.
func mentionsOutside(d *docInfo, shared []provenance.Span, org string) bool {
	return mentionWhere(d.doc.Text, org, func(s, e int) bool { return !inside(shared, s, e) })
}

// namesAsItself reports whether d is org's own by name: its outlet (not
// one inferred from the text) or the organisation of its "About" section.
func (di *docInfo) namesAsItself(org string) bool {
	key := outletKey(org)
	if m := di.doc.Meta.Outlet; m.Known() && m.Origin != provenance.OriginInferred && sameOrgKey(outletKey(m.Value), key) {
		return true
	}
	for _, m := range aboutOrg.FindAllStringSubmatch(di.doc.Text, -1) {
		if sameOrgKey(outletKey(strings.TrimSpace(m[1])), key) {
			return true
		}
	}
	return false
}
