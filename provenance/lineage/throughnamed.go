package lineage

import (
	"fmt"
	"sort"

	"github.com/copytrail/copytrail/provenance"
)

// namedText is the source a named common-source link names: source as
// credits name it ("Press Trust of India", "ISRO"), what as reasons say it
// ("Press Trust of India's", "ISRO’s press release").
type namedText struct {
	source, what string
	// release: the source is an organisation's release or statement.
	release bool
}

// nameThroughNamed turns an unknown link b – c into a named common source
// when b's link with a third text a names the source s of the text the two
// carry (a credit one gives and the other carries, or both give), and what
// c shares with b lies in those passages — MinVerbatimRun words or more of
// b's text that b shares with a: c carries s's text too, directly or
// through b. c must credit no other source, not read as a release or be of
// a more upstream genre or outlet role than b, and not be s; no text
// sharing their passages may be s; s is no aggregator (which carries what
// others issued); and when s is a wire or an outlet rather than an
// organisation's release, c must carry b's lede, as the carried credit
// asks (a text sharing only the sentences a wire kept may be the release
// it rewrote). It returns the links it named, with their names: the
// caller lets those naming an organisation's release name one step
// further (decideLinks); a wire's or an outlet's name goes no further.
func nameThroughNamed(decided map[[2]string]provenance.Link, views map[[2]string]*pairView, keys [][2]string, names map[[2]string]namedText) map[[2]string]namedText {
	more := map[[2]string]namedText{}
	inCollection := linkedPageFinder(views, keys)
	byDoc := map[*docInfo][][2]string{}
	for k := range names {
		pv := views[k]
		byDoc[pv.a] = append(byDoc[pv.a], k)
		byDoc[pv.b] = append(byDoc[pv.b], k)
	}
	for _, ks := range byDoc {
		sortKeys(ks)
	}
	eachUnknownSide(decided, views, keys, func(l provenance.Link, pv *pairView, b, c *docInfo) (provenance.Link, bool) {
		if !mayCarryNamed(c, b) {
			return l, false
		}
		shared := sideSpans(pv, b.doc.ID)
		for _, nk := range byDoc[b] {
			n := names[nk]
			nv := views[nk]
			a := other(nv, b)
			if a == c || inCollection(n.source, b, c) {
				continue
			}
			if is, _ := c.isSource(n.source); is {
				continue
			}
			if overlapWords(b, shared, sideSpans(nv, b.doc.ID)) < MinVerbatimRun {
				continue
			}
			if k := lookupKnown(n.source); k != nil && k.role == provenance.RoleAggregator {
				continue // an aggregator republishes what others issued
			}
			if !n.release && !sharesSentenceFrom(pv, b, 0) && !(reprintByRole(c) && sharesOwnSentence(pv, b)) && !reportsWhatBodiesSaid(pv, c, n.source) && !citesInShared(pv, c, n.source) {
				continue // c may be the release the wire rewrote
			}
			from := n.source
			if n.release {
				from = n.what // "ISRO’s press release", not ISRO
			}
			l.Kind = provenance.LinkCommonSource
			l.ToDecide = nil
			l.Confidence = round2(Calibrate(wNamedCommon))
			l.CommonSource = from
			more[viewKey(b.doc.ID, c.doc.ID)] = n
			l.Reasons = []string{
				fmt.Sprintf("%sthe text is %s: %s carries it (its link with %s names it), and %s carries the same passages of %s, naming no other source: both took it from %s, which is not in the collection (directly, or %s through %s)",
					NamedSourceReason, n.what, b.name(), a.name(), c.name(), b.name(), from, c.name(), b.name()),
				"shared passages: " + passageList(pv),
			}
			return l, true
		}
		return l, false
	})
	return more
}

// mayCarryNamed reports whether c may carry a source's text that b
// carries: c credits no source of its own, does not read as a release and
// is of no more upstream genre or outlet role than b.
func mayCarryNamed(c, b *docInfo) bool {
	if c.genre.genre > b.genre.genre || c.newswire != "" {
		return false
	}
	if rc, rb := roleRank(c.role.role), roleRank(b.role.role); rc > rb && rc >= 0 {
		return false
	}
	if like, _ := c.releaseLike(""); like {
		return false
	}
	return !c.creditsAny()
}

// overlapWords counts d's tokens inside both span lists.
func overlapWords(d *docInfo, x, y []provenance.Span) int {
	n := 0
	for _, s := range x {
		for _, t := range d.tokens(s) {
			if inside(y, t.start, t.end) {
				n++
			}
		}
	}
	return n
}

// sortKeys sorts view keys in their usual order.
func sortKeys(ks [][2]string) {
	sort.Slice(ks, func(i, j int) bool {
		if ks[i][0] != ks[j][0] {
			return ks[i][0] < ks[j][0]
		}
		return ks[i][1] < ks[j][1]
	})
}
