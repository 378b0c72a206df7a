package lineage

import (
	"fmt"
	"math"
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// reduceChains settles a link z – y (copy or unknown) beside a chain of
// copies z → … → x → y when all of z's text that y has is also in x. When
// something shows y took it from x — a direct clue on x → y, or text y
// shares with x that z lacks — y got it through x and z – y is dropped.
// Otherwise x is only a sibling reprint of z's text: z → y stays and
// x → y claims no direction. Decided on the links as they stand, then
// applied together.
func reduceChains(decided map[[2]string]provenance.Link, views map[[2]string]*pairView, keys [][2]string, minConf float64) {
	targets := map[string][]string{}
	for _, k := range keys {
		if l, ok := decided[k]; ok && l.Kind == provenance.LinkCopy {
			targets[l.Source] = append(targets[l.Source], l.Target)
		}
	}
	isCopy := func(src, dst string) bool {
		l, ok := decided[viewKey(src, dst)]
		return ok && l.Kind == provenance.LinkCopy && l.Source == src
	}
	var drop [][2]string
	hold := map[[2]string]string{}
	for _, k := range keys {
		l, ok := decided[k]
		if !ok || l.Kind == provenance.LinkCommonSource {
			continue
		}
		ends := [][2]string{{l.Source, l.Target}}
		if l.Kind == provenance.LinkUnknown {
			ends = append(ends, [2]string{l.Target, l.Source})
		}
	search:
		for _, zy := range ends {
			z, y := zy[0], zy[1]
			for _, x := range reachable(targets, z) {
				if x == y || !isCopy(x, y) || views[viewKey(z, x)] == nil {
					continue
				}
				zx, xy := views[viewKey(z, x)], views[viewKey(x, y)]
				if !within(sideSpans(views[k], z), sideSpans(zx, z), views[k].side(z)) {
					continue
				}
				if l.Kind == provenance.LinkCopy && !tookFromIntermediary(xy, views[k], x, z) {
					hold[viewKey(x, y)] = fmt.Sprintf("%s's text is also in %s, which %s copied, and nothing shows %s took it from %s rather than from %s",
						xy.side(y).name(), views[k].side(z).name(), xy.side(x).name(), xy.side(y).name(), xy.side(x).name(), views[k].side(z).name())
					continue
				}
				drop = append(drop, k)
				break search
			}
		}
	}
	for _, k := range drop {
		delete(decided, k)
	}
	for k, why := range hold {
		if _, dropped := decided[k]; dropped {
			decided[k] = decideOne(views[k], minConf, why)
		}
	}
}

// tookFromIntermediary reports whether the target of xy shows it copied x
// rather than z, x's own source: a direct clue on the pair, or text it
// shares with x that z lacks.
func tookFromIntermediary(xy, zy *pairView, x, z string) bool {
	if xy == nil {
		return false
	}
	if directClues(xy) >= 2.5 {
		return true
	}
	xi, zi := xy.side(x), zy.side(z)
	y := other(xy, xi)
	return textOutside(xy, y, zy, zi) >= minExtra
}

// directClues is the weight of the clues that show one text copied the
// other itself: credits, shared innovations, first-party quotes and genre.
// Dates, roles and trims only order texts that may both descend from a third.
func directClues(pv *pairView) float64 {
	w := 0.0
	for _, e := range pv.evidence {
		switch e.kind {
		case evCredit, evInnovation, evFirstParty, evGenre:
			w += math.Abs(e.weight)
		case evSubset:
			w += math.Abs(e.weight) / 2
		}
	}
	return w
}

// maxReach bounds the chain search from one document in large collections.
const maxReach = 200

// dropSiblings removes a link x – y whose only clue is the dates (or none)
// when one document w was copied by both and x and y share nothing beyond w's
// text: two outlets that reprinted the same story did not copy each other.
func dropSiblings(decided map[[2]string]provenance.Link, views map[[2]string]*pairView, keys [][2]string) {
	sources := map[string][]string{} // target → sources of copy links
	for _, k := range keys {
		if l, ok := decided[k]; ok && l.Kind == provenance.LinkCopy {
			sources[l.Target] = append(sources[l.Target], l.Source)
		}
	}
	var drop [][2]string
	for _, k := range keys {
		l, ok := decided[k]
		pv := views[k]
		if !ok || l.Kind == provenance.LinkCommonSource || textClues(pv) >= 1 {
			continue
		}
		x, y := pv.a, pv.b
		for _, w := range sources[x.doc.ID] {
			wy := views[viewKey(w, y.doc.ID)]
			if l2, ok := decided[viewKey(w, y.doc.ID)]; !ok || l2.Kind != provenance.LinkCopy || l2.Source != w || wy == nil {
				continue
			}
			if textOutside(pv, x, views[viewKey(w, x.doc.ID)], wy.side(w)) < minExtra {
				drop = append(drop, k)
				break
			}
		}
	}
	for _, k := range drop {
		delete(decided, k)
	}
}

// weakOnly returns why a pair may claim no direction when every clue for
// its winning direction is one that on real pages separates two reprints
// of one source as often as a source and its copy: edits each makes on its
// own (a trimmed quote or sentence, a dropped hedge, a tense shift, a
// shortened attribution, a quotation), and publication dates (reprints of
// one story appear days apart). "" when a stronger clue takes part: a
// genre, a credit, a role, a first-party quote, shared innovations, or the
// shorter selection (the two share text of their own, so they are related
// directly; it is not read off pages cut off when saved).
func weakOnly(pv *pairView) string {
	total, _, _ := pv.score()
	if total == 0 {
		return ""
	}
	dated, subset := false, false
	for _, e := range pv.evidence {
		if e.weight == 0 || (e.weight > 0) != (total > 0) {
			continue
		}
		switch e.kind {
		case evDate:
			dated = true
		case evSubset:
			subset = true
		case evTrim, evHedge, evAttrib, evShape, evReported:
		default:
			return "" // a genre, credit, role, first-party quote or shared innovations
		}
	}
	switch {
	case subset:
		return "" // related directly (text of their own in common), the shorter selection is the copy
	case dated:
		return "only the publication dates (and edits any reprint makes) order them: two reprints of one story often appear days apart, and nothing in the texts shows one copied the other"
	}
	return "its only clues are edits that two reprints of one source make on their own (trimmed quotes or sentences, a dropped hedge, a tense shift, a shortened attribution, a quotation)"
}

// coveredBy reports whether all that d shares in pv, but for fewer than
// MinLinkWords words, lies in d's passages with z, leaving out what z's
// saved page may only have lost (savedLimits).
func coveredBy(pv *pairView, d *docInfo, dz *pairView, z *docInfo) bool {
	outer := sideSpans(dz, d.doc.ID)
	headEnd, cutoff := savedLimits(d, dz, z)
	outside := 0
	for _, s := range sideSpans(pv, d.doc.ID) {
		for _, t := range d.tokens(s) {
			if t.start < headEnd {
				continue
			}
			if t.start < cutoff && !inside(outer, t.start, t.end) {
				outside++
			}
		}
	}
	return outside < MinLinkWords
}

// savedLimits bounds the part of d that z's saved page can be held to
// account for: when z's page was cut off, d's text after the last of z's
// text it holds may be the rest of z's (cutoff); when z's saved text opens
// with what it shares, or with a dateline before it, d's headline above
// that may be z's too, pages being often saved without it (headEnd, or -1).
func savedLimits(d *docInfo, dz *pairView, z *docInfo) (headEnd, cutoff int) {
	cutoff = len(d.doc.Text) + 1
	zEnd, zStart := -1, len(z.doc.Text)
	headEnd = -1
	for _, p := range dz.passages {
		ds, zs := p.aSpan, p.bSpan
		if dz.a == z {
			ds, zs = p.bSpan, p.aSpan
		}
		if z.cut && zs.End > zEnd {
			zEnd, cutoff = zs.End, ds.End
		}
		if zs.Start < zStart {
			zStart, headEnd = zs.Start, ds.Start
		}
	}
	lead := strings.TrimSpace(z.doc.Text[:zStart])
	if len(strings.Fields(lead)) > 12 || strings.Contains(lead, "\n") {
		return -1, cutoff // z has text of its own above what it shares (more than a dateline)
	}
	if headEnd > 0 && len(strings.Fields(d.doc.Text[:headEnd])) > 30 {
		return -1, cutoff // more than a headline
	}
	return headEnd, cutoff
}

// plausibleSource reports whether z could be where d's text came from: z
// is not dated after d, z is not of a more downstream genre than d (an
// article is not the source of a press release), and z's outlet does not
// sit downstream of d's (a reprint is not the source of a press office's
// release or a wire's story).
func plausibleSource(z, d *docInfo) bool {
	if z.dated && d.dated && z.when.After(d.when) {
		return false
	}
	if rz, rd := roleRank(z.role.role), roleRank(d.role.role); rz >= 0 && rd > rz {
		return false
	}
	return z.genre.genre >= d.genre.genre
}

// genreWeight is the weight of a pair's genre clue.
func genreWeight(pv *pairView) float64 {
	w := 0.0
	for _, e := range pv.evidence {
		if e.kind == evGenre {
			w += math.Abs(e.weight)
		}
	}
	return w
}

// creditedUpstream returns why a pair may claim no direction from its side
// that credits another source: a text that names X as its source is not
// the origin of what it shares, so without a direct clue (a credit naming
// the other text, shared innovations, a first-party quote) its earlier
// date, upstream role or genre says nothing about the other text — a
// university's news item that reposts its professor's article from The
// Conversation reads as a press release, and is still not where the
// article's republications took it from. "" when the rule does not apply.
func creditedUpstream(pv *pairView) string {
	total, _, _ := pv.score()
	if total == 0 || directClues(pv)-genreWeight(pv) >= 2.5 {
		return ""
	}
	src, dst := pv.a, pv.b
	if total < 0 {
		src, dst = dst, src
	}
	c, ok := src.creditElsewhere(dst, true)
	if !ok {
		return ""
	}
	what := "a release or statement"
	if c.source != "" {
		what = c.source
	}
	return fmt.Sprintf("%s credits %s for its text (%s), so it is not the origin, and nothing shows %s took it from %s rather than from %s",
		src.name(), what, c.marker, dst.name(), src.name(), what)
}

// holdExplainedSiblings withholds the direction of a copy link x → y that
// rests only on weak clues (dates, roles, trims) when a third text z holds
// what x and y share and is not shown to be a copy of either: x and y may
// be sibling reprints of z's text.
// neighbours is neighbourLists(keys).
func holdExplainedSiblings(decided map[[2]string]provenance.Link, views map[[2]string]*pairView, keys [][2]string, neighbours map[string][]string, minConf float64) {
	// z is shown to be a copy of x only by a copy link with a direct clue:
	// an earlier date alone does not make x the source of a reprint z.
	copied := func(src, dst string) bool {
		k := viewKey(src, dst)
		l, ok := decided[k]
		return ok && l.Kind == provenance.LinkCopy && l.Source == src && directClues(views[k]) >= 2.5
	}
	hold := map[[2]string]string{}
	for _, k := range keys {
		l, ok := decided[k]
		pv := views[k]
		if !ok || l.Kind != provenance.LinkCopy || directClues(pv)-genreWeight(pv) >= 2.5 {
			continue // a credit, shared innovations or a first-party quote
		}
		x, y := l.Source, l.Target
		for _, z := range neighbours[x] {
			if z == y || copied(x, z) || copied(y, z) {
				continue
			}
			if zi := views[viewKey(x, z)].side(z); !plausibleSource(zi, pv.side(x)) || !plausibleSource(zi, pv.side(y)) {
				continue
			}
			xz, yz := views[viewKey(x, z)], views[viewKey(y, z)]
			if xz == nil || yz == nil {
				continue
			}
			// A genre difference orders x before y, but it does not prefer x
			// to a z of x's genre (two reprints of one release).
			if pv.side(x).genre.genre > xz.side(z).genre.genre && directClues(pv) >= 2.5 {
				continue
			}
			zi := xz.side(z)
			if coveredBy(pv, pv.side(y), yz, zi) && coveredBy(pv, pv.side(x), xz, zi) &&
				textOutside(pv, pv.side(x), xz, zi) < minExtra {
				hold[k] = fmt.Sprintf("all they share is also in %s, which neither is shown to have copied: they may both have taken it from there", xz.side(z).name())
				break
			}
		}
	}
	for k, why := range hold {
		decided[k] = decideOne(views[k], minConf, why)
	}
}

// holdRivalReleases withholds the direction of a copy link src → dst that
// rests on the release credit (dst quotes "a press release" and src reads
// as that release) when another text z of the collection reads as that
// release as well and holds all that dst shares with src, and nothing but
// the release itself orders src and z (no copy link src → z): two pages
// carrying the release word for word — the university's own and a
// verbatim repost under its institution line — are both "the release" by
// that clue, and an arrow to one of them would call a sibling reprint the
// story's source. A link z → src makes src a copy of z: held too.
// neighbours is neighbourLists(keys).
func holdRivalReleases(decided map[[2]string]provenance.Link, views map[[2]string]*pairView, keys [][2]string, neighbours map[string][]string, minConf float64) {
	hold := map[[2]string]string{}
	for _, k := range keys {
		l, ok := decided[k]
		pv := views[k]
		if !ok || l.Kind != provenance.LinkCopy || pv.relCopy == nil || ordersBeyondRelease(pv) {
			continue
		}
		dst := pv.relCopy
		src := other(pv, dst)
		if l.Source != src.doc.ID {
			continue
		}
		for _, zid := range neighbours[dst.doc.ID] {
			if zid == src.doc.ID {
				continue
			}
			sz, dz := views[viewKey(src.doc.ID, zid)], views[viewKey(dst.doc.ID, zid)]
			if sz == nil || dz == nil {
				continue
			}
			if sl, ok := decided[viewKey(src.doc.ID, zid)]; ok && sl.Kind == provenance.LinkCopy && sl.Source == src.doc.ID {
				continue // z is a copy of src
			}
			z := dz.side(zid)
			if like, _ := z.releaseLike(pv.relCredit.source); !like || !coveredBy(pv, dst, dz, z) {
				continue
			}
			hold[k] = fmt.Sprintf("%s and %s both read as the release %s quotes (%s) and both hold what it shares: nothing shows which of the two it took the text from",
				src.name(), z.name(), dst.name(), pv.relCredit.marker)
			break
		}
	}
	for k, why := range hold {
		decided[k] = decideOne(views[k], minConf, why)
	}
}

// partialExtra is the run of words two texts must share outside a third
// for holdPartialSources: more than an aggregator's reworded headline,
// which its reprints carry instead of the release's (8 words on the real
// families: "Spring forest flowers likely key to bumblebee survival"),
// where a yearbook's condensed version lacked runs of 12 and 33 words.
const partialExtra = minExtra + 2

// holdPartialSources withholds the direction of a copy link src → dst
// that no direct clue carries (no credit, genre, first-party quote or
// shared innovation: only roles, dates or edits) when dst shares with a
// third text y, which shares text with src too, a run of words that src
// does not hold: dst and y drew on a fuller text than src, so src is not
// shown to be where dst took its text. On real pages: an institute's
// yearbook, a press office's page by role, reusing sentences of the
// release its reprints carry whole.
func holdPartialSources(decided map[[2]string]provenance.Link, views map[[2]string]*pairView, keys [][2]string, neighbours map[string][]string, minConf float64) {
	hold := map[[2]string]string{}
	for _, k := range keys {
		l, ok := decided[k]
		pv := views[k]
		if !ok || l.Kind != provenance.LinkCopy || directClues(pv) >= 1 {
			continue
		}
		src, dst := pv.side(l.Source), pv.side(l.Target)
		for _, yid := range neighbours[dst.doc.ID] {
			if yid == src.doc.ID {
				continue
			}
			dy, sy := views[viewKey(dst.doc.ID, yid)], views[viewKey(src.doc.ID, yid)]
			if dy == nil || sy == nil {
				continue
			}
			if textOutside(dy, dst, pv, src) >= partialExtra {
				hold[k] = fmt.Sprintf("%s shares with %s text that %s lacks: both drew on a fuller text than %s, so nothing shows %s took its text from it",
					dst.name(), dy.side(yid).name(), src.name(), src.name(), dst.name())
				break
			}
		}
	}
	for k, why := range hold {
		decided[k] = decideOne(views[k], minConf, why)
	}
}
