package lineage

import (
	"fmt"
	"sort"
	"strings"

	"github.com/copytrail/copytrail/provenance"
)

// An innovation is one change a copy made to its source's text: the source
// span it replaced and the words it put there. Two copies that carry the
// same innovations did not copy the source independently (stemmatology's
// shared-error rule).
type innovation struct {
	start, end int // span in the source text
	words      string
}

// innovationsOf lists the changes the document at the far end of pv made to
// src's text, and the parts of src's text that pv covers.
// When two passages hold the same stretch of src's text (the engine also
// aligned a copy's own sentence with src words it resembles), only the
// stronger alignment says what the copy did there: the weaker one's edits
// are not the copy's changes.
func innovationsOf(pv *pairView, src *docInfo) (map[innovation]bool, []provenance.Span) {
	inn := map[innovation]bool{}
	var cover []provenance.Span
	srcIsA := pv.a == src
	order := make([]int, len(pv.passages))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return pv.passages[order[i]].matched > pv.passages[order[j]].matched })
	var stronger []provenance.Span
	for _, i := range order {
		p := pv.passages[i]
		span := p.aSpan
		if !srcIsA {
			span = p.bSpan
		}
		cover = append(cover, span)
		moved := movedEdits(p.edits)
		for i, e := range p.edits {
			s, w := e.a, joinNorm(e.bTok)
			if !srcIsA {
				s, w = e.b, joinNorm(e.aTok)
			}
			if cosmeticOnly(e) || moved[i] || inside(stronger, s.Start, s.End) {
				continue
			}
			inn[innovation{s.Start, s.End, w}] = true
		}
		stronger = append(stronger, span)
	}
	return inn, cover
}

// movedEdits marks pure insertions and deletions of the same words a few
// words apart: a transposition ("1 July" → "July 1"). The word diff may
// split a transposition differently in different pairs, so it is no
// reliable innovation.
func movedEdits(edits []edit) map[int]bool {
	moved := map[int]bool{}
	for i, e := range edits {
		if len(e.aTok) > 0 && len(e.bTok) > 0 || moved[i] {
			continue
		}
		for j := i + 1; j < len(edits) && j <= i+3; j++ {
			f := edits[j]
			if len(f.aTok) > 0 && len(f.bTok) > 0 || moved[j] {
				continue
			}
			ins1, del1 := joinNorm(e.bTok), joinNorm(e.aTok)
			ins2, del2 := joinNorm(f.bTok), joinNorm(f.aTok)
			if (ins1 != "" && ins1 == del2) || (del1 != "" && del1 == ins2) {
				if f.a.Start-e.a.End < 60 {
					moved[i], moved[j] = true, true
					break
				}
			}
		}
	}
	return moved
}

// cosmeticOnly reports whether an edit only changes case, apostrophes or
// the spacing of the same letters ("onlimited evidencethat" for "on limited
// evidence that": text extracted from a PDF, not an editor's change).
func cosmeticOnly(e edit) bool {
	a, b := joinNorm(e.aTok), joinNorm(e.bTok)
	if a == b {
		return true
	}
	squeeze := func(s string) string { return strings.NewReplacer(" ", "", "-", "").Replace(s) }
	return a != "" && b != "" && squeeze(a) == squeeze(b)
}

// inside reports whether [s, e) lies within one of the spans.
func inside(spans []provenance.Span, s, e int) bool {
	for _, sp := range spans {
		if sp.Start <= s && e <= sp.End {
			return true
		}
	}
	return false
}

// upstreamOfBoth reports whether another copy of z looks upstream of both
// x and y: then the text x and y share beyond z's may be that copy's.
func upstreamOfBoth(copies []copyOfZ, x, y *docInfo, views map[[2]string]*pairView) bool {
	for _, w := range copies {
		if w.doc == x || w.doc == y {
			continue
		}
		wx, wy := views[viewKey(w.doc.doc.ID, x.doc.ID)], views[viewKey(w.doc.doc.ID, y.doc.ID)]
		if wx != nil && wy != nil && upstream(wx, w.doc) > 0 && upstream(wy, w.doc) > 0 {
			return true
		}
	}
	return false
}

// within reports whether the part of z's text covered by inner lies, but
// for fewer than MinLinkWords words, inside outer: a copy that took nothing
// from z beyond what an intermediary carries.
func within(inner, outer []provenance.Span, z *docInfo) bool {
	outside := 0
	for _, s := range inner {
		for _, t := range z.tokens(s) {
			if !inside(outer, t.start, t.end) {
				outside++
			}
		}
	}
	return outside < MinLinkWords
}

// changedNear reports whether inn has a change touching k's place in z's
// text: there the copy has its own reading, which may overwrite another.
func changedNear(inn map[innovation]bool, k innovation) bool {
	for o := range inn {
		if o.start <= k.end+1 && k.start <= o.end+1 {
			return true
		}
	}
	return false
}

// minUpstream is the least direction score for z to count as the source of
// a copy in the triple rules: one real clue (a genre difference, a date), not
// a faint lean.
const minUpstream = 1.5

// minExtra is the shortest run of shared words outside z's text that shows
// two copies of z are related directly.
const minExtra = 8

// copyOfZ is one neighbour of z with the changes it made to z's text.
type copyOfZ struct {
	view  *pairView
	doc   *docInfo
	inn   map[innovation]bool
	cover []provenance.Span
}

// compare returns the innovations x and y both carry and those only one
// carries, counting only places of z's text that both copies cover.
// Innovations that a third copy w also carries, when w looks upstream of
// both x and y, are left out: x and y may each have them from w; so are
// those w carries when no firm clue shows w took them from x or y (three
// copies agreeing against z have z's earlier reading, or a lost
// intermediary's).
func compare(x, y copyOfZ, others []copyOfZ, views map[[2]string]*pairView) (shared, onlyX, onlyY []innovation, inherited int) {
	for k := range x.inn {
		if !inside(y.cover, k.start, k.end) {
			continue
		}
		if !y.inn[k] {
			if !changedNear(y.inn, k) {
				onlyX = append(onlyX, k)
			}
			continue
		}
		fromW, witnessed := false, false
		for _, w := range others {
			if w.doc == x.doc || w.doc == y.doc || !w.inn[k] {
				continue
			}
			wx, wy := views[viewKey(w.doc.doc.ID, x.doc.doc.ID)], views[viewKey(w.doc.doc.ID, y.doc.doc.ID)]
			if wx != nil && wy != nil && upstream(wx, w.doc) > 0 && upstream(wy, w.doc) > 0 {
				fromW = true
				break
			}
			if wx != nil && wy != nil && upstreamFirm(wx, x.doc) < minUpstream && upstreamFirm(wy, y.doc) < minUpstream {
				// A third copy of z with the same reading that nothing shows
				// took it from x or y: all three have it from z's earlier
				// text (a correction made after they copied) or a lost
				// intermediary, not one from another.
				witnessed = true
			}
		}
		switch {
		case fromW:
			inherited++
		case !witnessed:
			shared = append(shared, k)
		}
	}
	for k := range y.inn {
		if inside(x.cover, k.start, k.end) && !x.inn[k] && !changedNear(x.inn, k) {
			onlyY = append(onlyY, k)
		}
	}
	for _, l := range [][]innovation{shared, onlyX, onlyY} {
		sort.Slice(l, func(i, j int) bool { return l[i].start < l[j].start })
	}
	return shared, onlyX, onlyY, inherited
}

// changes counts the editorial changes among innovations sorted by their
// place in z's text: edits at most one word apart are one change ("a
// doublé le tarif informel" → "a ajouté le responsable" is one rewording,
// which the word diff splits in two).
func changes(inn []innovation, z *docInfo) int {
	n := 0
	for i, k := range inn {
		if i > 0 && len(z.tokens(provenance.Span{Start: inn[i-1].end, End: k.start})) <= 1 {
			continue
		}
		n++
	}
	return n
}

// explainTriples applies the shared-innovation rule to every document z
// with two upstream-leaning links z → x, z → y whose copies x and y are also
// paired:
//   - x and y carry none of each other's changes to z's text: they copied z
//     independently, and the x–y pair is explained by z (no link);
//   - y carries all of x's changes and at least two more of its own (one
//     could be an editor restoring z's reading): x → y, and y's
//     resemblance to z came through x.
func explainTriples(views map[[2]string]*pairView, infos map[string]*docInfo, order []string) {
	neighbours := map[string][]*pairView{}
	for _, k := range sortedViewKeys(views) {
		pv := views[k]
		neighbours[pv.a.doc.ID] = append(neighbours[pv.a.doc.ID], pv)
		neighbours[pv.b.doc.ID] = append(neighbours[pv.b.doc.ID], pv)
	}
	const maxNeighbours = 40
	verdicts := map[*pairView]*tripleVerdict{}
	for _, zid := range order {
		z := infos[zid]
		var copies []copyOfZ
		for _, pv := range neighbours[zid] {
			if upstreamFirm(pv, z) < minUpstream {
				continue
			}
			inn, cover := innovationsOf(pv, z)
			copies = append(copies, copyOfZ{pv, other(pv, z), inn, cover})
			if len(copies) == maxNeighbours {
				break
			}
		}
		for i := 0; i < len(copies); i++ {
			for j := i + 1; j < len(copies); j++ {
				cx, cy := copies[i], copies[j]
				x, y := cx.doc, cy.doc
				xy := views[viewKey(x.doc.ID, y.doc.ID)]
				if xy == nil {
					continue
				}
				shared, onlyX, onlyY, inherited := compare(cx, cy, copies, views)
				nShared := changes(shared, z)
				extra := textOutside(xy, x, cx.view, z)
				v := verdicts[xy]
				if v == nil {
					v = &tripleVerdict{}
					verdicts[xy] = v
				}
				switch {
				case extra < minExtra && inherited == 0 &&
					(len(shared) == 0 || len(onlyX) > 0 && len(onlyY) > 0 || nShared <= 2 && textClues(xy) < 1):
					// Neither carries all of the other's changes, or they share
					// at most two (coincidences two editors easily make), no
					// text of their own and nothing else marks one as the
					// source: nothing shows one copied the other.
					v.explainers = append(v.explainers, z)
				case (nShared >= 3 || nShared >= 2 && extra >= minExtra) && len(onlyX) == 0 && len(onlyY) >= 2:
					v.directions = append(v.directions, tripleDirection{x, y, z, shared, cy.view})
				case (nShared >= 3 || nShared >= 2 && extra >= minExtra) && len(onlyY) == 0 && len(onlyX) >= 2:
					v.directions = append(v.directions, tripleDirection{y, x, z, shared, cx.view})
				}
				// x and y share text z lacks: they are related directly, so
				// whichever copied the other may have z's text through it.
				if extra >= minExtra && !upstreamOfBoth(copies, x, y, views) {
					yInX, xInY := within(cy.cover, cx.cover, z), within(cx.cover, cy.cover, z)
					if yInX {
						cy.view.via = append(cy.view.via, x.doc.ID)
					}
					if xInY {
						cx.view.via = append(cx.view.via, y.doc.ID)
					}
					// The copy of a copy holds no more of z's text than its source
					// (unless a page was cut off when saved: what it lacks may
					// only be missing).
					switch {
					case z.cut:
						// z's page was cut off when saved: what it "lacks" may
						// only be missing, so the selection says nothing.
					case yInX && !xInY && !y.cut:
						v.subsets = append(v.subsets, tripleDirection{x, y, z, shared, cy.view})
					case xInY && !yInX && !x.cut:
						v.subsets = append(v.subsets, tripleDirection{y, x, z, shared, cx.view})
					}
				}
			}
		}
	}
	for _, k := range sortedViewKeys(views) {
		xy := views[k]
		v := verdicts[xy]
		if v == nil {
			continue
		}
		if d, ok := consistent(v.directions); ok {
			addInnovation(xy, d.src, d.dst, d.z, d.shared)
			for _, o := range v.directions {
				if o.src == d.src {
					o.zDst.via = append(o.zDst.via, d.src.doc.ID)
				}
			}
			continue
		}
		if d, ok := consistent(v.subsets); ok && len(v.directions) == 0 {
			w := 1.5
			if xy.a != d.src {
				w = -w
			}
			xy.add(evSubset, w, fmt.Sprintf(
				"%s and %s share text that %s lacks, and %s holds all of %s's text that %s has and more: the shorter selection is the later copy",
				d.src.name(), d.dst.name(), d.z.name(), d.src.name(), d.z.name(), d.dst.name()))
			continue
		}
		if len(v.explainers) > 0 && len(v.directions) == 0 {
			z := v.explainers[0]
			xy.explainedBy = z.doc.ID
			xy.csWhy = append(xy.csWhy, fmt.Sprintf("both took the text from %s and neither carries the other's changes to it", z.name()))
		}
	}
}

// tripleDirection is one shared-innovation verdict: dst carries src's
// changes to z's text; zDst is the z–dst pair.
type tripleDirection struct {
	src, dst, z *docInfo
	shared      []innovation
	zDst        *pairView
}

// tripleVerdict gathers what every third document says about one pair.
type tripleVerdict struct {
	explainers []*docInfo
	directions []tripleDirection
	subsets    []tripleDirection // weaker: the shorter selection of z's text is the copy
}

// consistent returns the verdict when all agree.
func consistent(ds []tripleDirection) (tripleDirection, bool) {
	if len(ds) == 0 {
		return tripleDirection{}, false
	}
	d := ds[0]
	for _, o := range ds[1:] {
		if o.src != d.src {
			return tripleDirection{}, false
		}
		if len(o.shared) > len(d.shared) {
			d = o
		}
	}
	return d, true
}

// addInnovation records on xy that dst carries all of src's changes to z.
func addInnovation(xy *pairView, src, dst, z *docInfo, shared []innovation) {
	w := 2.5
	if xy.a != src {
		w = -w
	}
	ex := shared[0]
	for _, k := range shared {
		if k.words != "" && k.end > k.start {
			ex = k
			break
		}
	}
	was := spanText(z.doc.Text, provenance.Span{Start: ex.start, End: ex.end})
	change := fmt.Sprintf("“%s” for “%s”", ex.words, was)
	switch {
	case ex.words == "":
		change = fmt.Sprintf("“%s” left out", was)
	case was == "":
		change = fmt.Sprintf("“%s” added", ex.words)
	}
	xy.add(evInnovation, w, fmt.Sprintf(
		"shared innovations: %s carries %d of %s's own changes to %s's text (such as %s) and makes further changes, so it copied %s, not %s",
		dst.name(), len(shared), src.name(), z.name(), change, src.name(), z.name()))
}

// other is the document of pv that is not d.
func other(pv *pairView, d *docInfo) *docInfo {
	if pv.a == d {
		return pv.b
	}
	return pv.a
}

// upstreamFirm is pv's direction score seen from d counting only the clues
// that place a text first on their own (dates, genre, credits, first-party
// quotes): the triple rules compare copies against z's text, which is
// only meaningful when z is firmly their source, not a reprint among
// reprints (roles and edits place siblings as easily).
func upstreamFirm(pv *pairView, d *docInfo) float64 {
	s := 0.0
	for _, e := range pv.evidence {
		switch e.kind {
		case evDate, evGenre, evCredit, evFirstParty:
			s += e.weight
		}
	}
	if pv.a == d {
		return s
	}
	return -s
}

// upstream is pv's direction score seen from d: > 0 when d looks like the source.
func upstream(pv *pairView, d *docInfo) float64 {
	s, _, _ := pv.score()
	if pv.a == d {
		return s
	}
	return -s
}

func viewKey(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}

func sortedViewKeys(m map[[2]string]*pairView) [][2]string {
	keys := make([][2]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	return keys
}

func sortStrings(s []string) { sort.Strings(s) }

// textClues is the weight of a pair's direction clues other than dates.
func textClues(pv *pairView) float64 {
	w := 0.0
	for _, e := range pv.evidence {
		if e.kind != evDate {
			w += e.weight
		}
	}
	if w < 0 {
		return -w
	}
	return w
}
