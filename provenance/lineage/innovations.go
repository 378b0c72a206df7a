package lineage

import (
	"fmt"
	"sort"

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
func innovationsOf(pv *pairView, src *docInfo) (map[innovation]bool, []provenance.Span) {
	inn := map[innovation]bool{}
	var cover []provenance.Span
	srcIsA := pv.a == src
	for _, p := range pv.passages {
		if srcIsA {
			cover = append(cover, p.aSpan)
		} else {
			cover = append(cover, p.bSpan)
		}
		for _, e := range p.edits {
			s, w := e.a, joinNorm(e.bTok)
			if !srcIsA {
				s, w = e.b, joinNorm(e.aTok)
			}
			if cosmeticOnly(e) {
				continue
			}
			inn[innovation{s.Start, s.End, w}] = true
		}
	}
	return inn, cover
}

// cosmeticOnly reports whether an edit only changes case or apostrophes; the
// word diff already ignores those, so every edit counts.
func cosmeticOnly(e edit) bool { return joinNorm(e.aTok) == joinNorm(e.bTok) }

// inside reports whether [s, e) lies within one of the spans.
func inside(spans []provenance.Span, s, e int) bool {
	for _, sp := range spans {
		if sp.Start <= s && e <= sp.End {
			return true
		}
	}
	return false
}

// triple compares two copies x and y of the same source z. It returns the
// innovations both carry and those only one carries, counting only places
// of z's text that both copies cover.
func triple(zx, zy *pairView, z *docInfo) (shared, onlyX, onlyY []innovation) {
	ix, cx := innovationsOf(zx, z)
	iy, cy := innovationsOf(zy, z)
	for k := range ix {
		if !inside(cy, k.start, k.end) {
			continue
		}
		if iy[k] {
			shared = append(shared, k)
		} else {
			onlyX = append(onlyX, k)
		}
	}
	for k := range iy {
		if inside(cx, k.start, k.end) && !ix[k] {
			onlyY = append(onlyY, k)
		}
	}
	for _, l := range [][]innovation{shared, onlyX, onlyY} {
		sort.Slice(l, func(i, j int) bool { return l[i].start < l[j].start })
	}
	return shared, onlyX, onlyY
}

// explainTriples applies the shared-innovation rule to every document z
// with two upstream-leaning links z → x, z → y whose copies x and y are also
// paired:
//   - x and y carry none of each other's changes to z's text: they copied z
//     independently, and the x–y pair is explained by z (no link);
//   - y carries all of x's changes and more of its own: x → y, and y's
//     resemblance to z came through x.
func explainTriples(views map[[2]string]*pairView, infos map[string]*docInfo, order []string) {
	neighbours := map[string][]*pairView{}
	for _, k := range sortedViewKeys(views) {
		pv := views[k]
		neighbours[pv.a.doc.ID] = append(neighbours[pv.a.doc.ID], pv)
		neighbours[pv.b.doc.ID] = append(neighbours[pv.b.doc.ID], pv)
	}
	const maxNeighbours = 40
	for _, zid := range order {
		z := infos[zid]
		ns := neighbours[zid]
		if len(ns) > maxNeighbours {
			ns = ns[:maxNeighbours]
		}
		for i := 0; i < len(ns); i++ {
			for j := i + 1; j < len(ns); j++ {
				zx, zy := ns[i], ns[j]
				x, y := other(zx, z), other(zy, z)
				xy := views[viewKey(x.doc.ID, y.doc.ID)]
				if xy == nil || xy.explainedBy != "" || upstream(zx, z) <= 0 || upstream(zy, z) <= 0 {
					continue
				}
				shared, onlyX, onlyY := triple(zx, zy, z)
				extra := textOutside(xy, x, zx, z)
				switch {
				case len(shared) == 0 && extra < 8:
					xy.explainedBy = zid
					xy.csWhy = append(xy.csWhy, fmt.Sprintf("both took the text from %s and neither carries the other's changes to it", z.name()))
				case len(shared) > 0 && len(onlyX) == 0 && len(onlyY) > 0:
					addInnovation(xy, x, y, z, shared)
					zy.via = append(zy.via, x.doc.ID)
				case len(shared) > 0 && len(onlyY) == 0 && len(onlyX) > 0:
					addInnovation(xy, y, x, z, shared)
					zx.via = append(zx.via, y.doc.ID)
				}
			}
		}
	}
}

// addInnovation records on xy that dst carries all of src's changes to z.
func addInnovation(xy *pairView, src, dst, z *docInfo, shared []innovation) {
	w := 2.5
	if xy.a != src {
		w = -w
	}
	ex := shared[0]
	xy.add(evInnovation, w, fmt.Sprintf(
		"shared innovations: %s carries %d of %s's own changes to %s's text (such as “%s” for “%s”) and makes further changes, so it copied %s, not %s",
		dst.name(), len(shared), src.name(), z.name(), ex.words, spanText(z.doc.Text, provenance.Span{Start: ex.start, End: ex.end}), src.name(), z.name()))
}

// textOutside counts words x shares with y that are not z's text (material x
// or y added and the other copied).
func textOutside(xy *pairView, x *docInfo, zx *pairView, z *docInfo) int {
	var zcover []provenance.Span
	for _, p := range zx.passages {
		if zx.a == z {
			zcover = append(zcover, p.bSpan)
		} else {
			zcover = append(zcover, p.aSpan)
		}
	}
	n := 0
	for _, p := range xy.passages {
		s := p.aSpan
		if xy.b == x {
			s = p.bSpan
		}
		for _, t := range tokenize(x.doc.Text, s) {
			if !inside(zcover, t.start, t.end) {
				n++
			}
		}
	}
	return n
}

// other is the document of pv that is not d.
func other(pv *pairView, d *docInfo) *docInfo {
	if pv.a == d {
		return pv.b
	}
	return pv.a
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
