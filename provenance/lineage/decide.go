package lineage

import (
	"fmt"
	"math"
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// calibrationPoint maps an evidence margin to the share of directed links
// that were right at that margin in the evaluation (docs/lineage.md).
type calibrationPoint struct{ margin, confidence float64 }

// calibration is measured with `make lineage-eval` on generated lineages
// and on labelled families of real pages (docs/lineage.md); confidence
// between points is interpolated. A margin of 0 is a coin toss. The top is
// held below the generated lineages' near-perfect record: on real pages
// the strongest claims were right 12 times in 14.
var calibration = []calibrationPoint{
	{0, 0.5},
	{1, 0.62},
	{2, 0.75},
	{3, 0.85},
	{4.5, 0.9},
	{6, 0.93},
	{9, 0.95},
}

// Calibrate turns an evidence margin into a confidence.
func Calibrate(margin float64) float64 {
	if margin <= 0 {
		return calibration[0].confidence
	}
	for i := 1; i < len(calibration); i++ {
		p, q := calibration[i-1], calibration[i]
		if margin <= q.margin {
			return p.confidence + (q.confidence-p.confidence)*(margin-p.margin)/(q.margin-p.margin)
		}
	}
	return calibration[len(calibration)-1].confidence
}

// margin is the net evidence for the winning direction, less half of the
// evidence against it (conflicting clues lower confidence), less a penalty
// when the shared text is short.
func (pv *pairView) margin() (m float64, thin bool) {
	total, pos, neg := pv.score()
	m = math.Abs(total) - 0.5*math.Min(pos, neg)
	if pv.sharedWords < 20 {
		m -= 1
		thin = true
	}
	return m, thin
}

// NamedSourceReason opens the first reason of a common-source link that
// names the text both took from ("both took from a release by University
// of X, which is not in the collection").
const NamedSourceReason = "common source named: "

// decideLinks turns every pair view into a link (or none when a third
// document explains the shared text); docs are all the collection's
// documents (collectionDocs).
func decideLinks(views map[[2]string]*pairView, docs []*docInfo, minConf float64) []provenance.Link {
	links := []provenance.Link{}
	decided := map[[2]string]provenance.Link{}
	keys := sortedViewKeys(views)
	neighbours := neighbourLists(keys)
	names := map[[2]string]namedText{}
	for _, k := range keys {
		pv := views[k]
		if pv.explainedBy != "" || pv.longest < MinLinkWords || pv.longestRun < MinVerbatimRun {
			continue
		}
		hold := creditedUpstream(pv)
		if hold == "" {
			hold = weakOnly(pv)
		}
		decided[k] = decideOne(pv, minConf, hold)
		if l := decided[k]; l.Kind == provenance.LinkCommonSource && pv.named != "" && named(l) {
			names[k] = namedText{source: pv.named, what: pv.named + "'s"}
		}
	}
	nameReleaseVariants(decided, views, keys, neighbours)
	// A link z → y is dropped when y is shown to have copied x, which copied z.
	for _, k := range keys {
		pv := views[k]
		l, ok := decided[k]
		if !ok || l.Kind != provenance.LinkCopy {
			continue
		}
		for _, via := range pv.via {
			vl, ok := decided[viewKey(via, l.Target)]
			if ok && vl.Kind == provenance.LinkCopy && vl.Source == via && vl.Target == l.Target {
				delete(decided, k)
				break
			}
		}
	}
	dropSiblings(decided, views, keys)
	reduceChains(decided, views, keys, minConf)
	holdExplainedSiblings(decided, views, keys, neighbours, minConf)
	holdRivalReleases(decided, views, keys, neighbours, minConf)
	holdPartialSources(decided, views, keys, neighbours, minConf)
	nameReleaseVersions(decided, views, keys, neighbours)
	nameCarriedSources(decided, views, keys, names)
	nameCitedOutlets(decided, views, keys, names)
	nameReleaseIssuers(decided, views, keys, docs, names)
	// A release's text reaches one carrier further: a link named through
	// an organisation's release names the next (a wire's or an outlet's
	// name stops after one step, at the text that keeps its lede). Two
	// steps only: a third named, on the held-out set, a copy and the page
	// it copied.
	more := nameThroughNamed(decided, views, keys, names)
	for k, n := range more {
		if !n.release {
			delete(more, k)
		}
	}
	nameThroughNamed(decided, views, keys, more)
	// An organisation's document the shared text attributes itself to
	// reaches one carrier further, as a release named on a page does.
	attributed := map[[2]string]namedText{}
	nameAttributedOrgs(decided, views, keys, docs, attributed)
	nameThroughNamed(decided, views, keys, nameThroughNamed(decided, views, keys, attributed))
	for _, k := range keys {
		if l, ok := decided[k]; ok {
			if l.Kind != provenance.LinkCommonSource {
				l.CommonSource = "" // only a common-source link names one
			}
			links = append(links, l)
		}
	}
	unifySourceNames(links)
	return links
}

// reachable lists the documents a chain of copy links leads to from z, in
// the order found.
func reachable(targets map[string][]string, z string) []string {
	seen := map[string]bool{z: true}
	var out []string
	queue := []string{z}
	for len(queue) > 0 && len(out) < maxReach {
		n := queue[0]
		queue = queue[1:]
		for _, t := range targets[n] {
			if !seen[t] {
				seen[t] = true
				out = append(out, t)
				queue = append(queue, t)
			}
		}
	}
	return out
}

// side returns the docInfo of pv with the given ID.
func (pv *pairView) side(id string) *docInfo {
	if pv.a.doc.ID == id {
		return pv.a
	}
	return pv.b
}

// sideSpans lists the spans of pv's passages in document id.
func sideSpans(pv *pairView, id string) []provenance.Span {
	var out []provenance.Span
	if pv == nil {
		return out
	}
	for _, p := range pv.passages {
		if pv.a.doc.ID == id {
			out = append(out, p.aSpan)
		} else {
			out = append(out, p.bSpan)
		}
	}
	return out
}

// decideOne weighs one pair. hold, when not empty, says why no direction
// may be claimed whatever the clues say (the link is then unknown).
func decideOne(pv *pairView, minConf float64, hold string) provenance.Link {
	total, _, _ := pv.score()
	m, thin := pv.margin()
	conf := Calibrate(m)
	l := provenance.Link{Source: pv.a.doc.ID, Target: pv.b.doc.ID}
	for _, p := range pv.passages {
		l.Passages = append(l.Passages, p.index)
	}
	var reasons []string
	// Direction-free clues (dates, genre, first-party quotes) against which
	// a common-source explanation is weighed.
	strong := 0.0
	for _, e := range pv.evidence {
		if e.kind == evFirstParty || e.kind == evGenre || e.kind == evInnovation || e.kind == evCredit {
			strong += math.Abs(e.weight)
		}
	}
	if pv.common >= 2 && strong < 2.5 {
		l.Kind = provenance.LinkCommonSource
		l.Confidence = Calibrate(pv.common + 1)
		switch {
		case pv.named != "":
			l.CommonSource = pv.named
			reasons = append(reasons, fmt.Sprintf("%sboth took from %s, which is not in the collection; neither copied the other", NamedSourceReason, pv.named))
		case len(pv.speakers) > 0 && len(pv.speakers) <= 2:
			l.CommonSource = "a statement by " + strings.Join(pv.speakers, " and ")
			reasons = append(reasons, fmt.Sprintf("%sboth quote %s: they took from a statement by %s (a release, a report or an interview) that is not in the collection; neither copied the other",
				NamedSourceReason, strings.Join(pv.speakers, " and "), strings.Join(pv.speakers, " and ")))
		default:
			reasons = append(reasons, "common source: neither copied the other; both took from a text that is not in the collection")
		}
		reasons = append(reasons, pv.csWhy...)
		reasons = append(reasons, "shared passages: "+passageList(pv))
		l.Reasons = reasons
		return l
	}
	if total < 0 {
		l.Source, l.Target = pv.b.doc.ID, pv.a.doc.ID
	}
	switch {
	case conf >= minConf && total != 0 && hold != "":
		l.Kind = provenance.LinkUnknown
		l.Source, l.Target = pv.a.doc.ID, pv.b.doc.ID
		reasons = append(reasons, fmt.Sprintf("the two share %d words in %s, but %s: no direction is claimed", pv.sharedWords, passagesPhrase(len(pv.passages)), hold))
	case conf >= minConf && total != 0:
		l.Kind = provenance.LinkCopy
		src, dst := pv.a, pv.b
		if total < 0 {
			src, dst = dst, src
		}
		reasons = append(reasons, fmt.Sprintf("%s reused text from %s (%d shared words in %s)", dst.name(), src.name(), pv.sharedWords, passagesPhrase(len(pv.passages))))
	default:
		l.Kind = provenance.LinkUnknown
		l.Source, l.Target = pv.a.doc.ID, pv.b.doc.ID
		why := "the evidence is thin"
		if _, pos, neg := pv.score(); pos > 0 && neg > 0 {
			why = "the evidence conflicts"
		}
		reasons = append(reasons, fmt.Sprintf("the two share %d words in %s, but %s: no direction is claimed", pv.sharedWords, passagesPhrase(len(pv.passages)), why))
	}
	l.Confidence = round2(conf)
	for _, e := range pv.evidence {
		if e.reason == "" {
			continue
		}
		tag := ""
		if l.Kind == provenance.LinkCopy && e.weight != 0 && (e.weight > 0) != (l.Source == pv.a.doc.ID) {
			tag = "against: "
		}
		reasons = append(reasons, tag+e.reason)
	}
	if thin {
		reasons = append(reasons, "the shared text is short, so confidence is lowered")
	}
	if _, pos, neg := pv.score(); pos > 0 && neg > 0 && l.Kind == provenance.LinkCopy {
		reasons = append(reasons, "some clues point the other way, so confidence is lowered")
	}
	l.Reasons = reasons
	if l.Kind == provenance.LinkUnknown {
		l.ToDecide = toDecide(pv, hold)
	}
	return l
}

// passageList names a pair's passages by their first words.
func passageList(pv *pairView) string {
	var parts []string
	for i, p := range pv.passages {
		if i == 4 {
			parts = append(parts, fmt.Sprintf("and %d more", len(pv.passages)-4))
			break
		}
		parts = append(parts, snippet(spanText(pv.a.doc.Text, p.aSpan), 7))
	}
	return strings.Join(parts, "; ")
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// passagesPhrase is "1 passage" or "n passages".
func passagesPhrase(n int) string {
	if n == 1 {
		return "1 passage"
	}
	return fmt.Sprintf("%d passages", n)
}
