package lineage

import "github.com/copytrail/copytrail/provenance"

// textOutside is the longest run of words x shares with y that is not z's
// text (material x or y added and the other copied). Runs, not totals, so
// that passage ends placed a few words apart do not add up. When z's saved
// page was cut off, x's text after the last of z's text it holds may be
// the rest of z's text and does not count, nor does a headline z's saved
// page may have lost (savedLimits).
func textOutside(xy *pairView, x *docInfo, zx *pairView, z *docInfo) int {
	var zcover []provenance.Span
	for _, p := range zx.passages {
		xs := p.aSpan
		if zx.a == z {
			xs = p.bSpan
		}
		zcover = append(zcover, xs)
	}
	headEnd, cutoff := savedLimits(x, zx, z)
	grams := z.grams()
	best := 0
	for _, p := range xy.passages {
		s := p.aSpan
		if xy.b == x {
			s = p.bSpan
		}
		var changed []provenance.Span // x's words the other side does not share
		for _, e := range p.edits {
			if xy.b == x {
				changed = append(changed, e.b)
			} else {
				changed = append(changed, e.a)
			}
		}
		run := 0
		toks := x.tokens(s)
		hashes := tokenHashes(toks)
		for i, t := range toks {
			if t.start >= cutoff {
				break
			}
			if t.start < headEnd || inside(changed, t.start, t.end) {
				continue
			}
			// z's text even where the passages missed it.
			if inside(zcover, t.start, t.end) || inGrams(grams, hashes, i) {
				run = 0
				continue
			}
			run++
			if run > best {
				best = run
			}
		}
	}
	return best
}

// gramSize is the n-gram length used to recognise z's text directly.
const gramSize = 5

// grams returns the document's hashed word n-grams (computed once).
func (di *docInfo) grams() map[uint64]bool {
	if di.gramSet == nil {
		h := tokenHashes(di.tokens(provenance.Span{Start: 0, End: len(di.doc.Text)}))
		di.gramSet = map[uint64]bool{}
		for i := 0; i+gramSize <= len(h); i++ {
			di.gramSet[gramHash(h[i:i+gramSize])] = true
		}
	}
	return di.gramSet
}

// tokenHashes hashes each token's normalised form (FNV-1a).
func tokenHashes(toks []token) []uint64 {
	out := make([]uint64, len(toks))
	for i, t := range toks {
		h := uint64(14695981039346656037)
		for j := 0; j < len(t.norm); j++ {
			h ^= uint64(t.norm[j])
			h *= 1099511628211
		}
		out[i] = h
	}
	return out
}

// gramHash combines token hashes in order.
func gramHash(h []uint64) uint64 {
	g := uint64(0)
	for _, x := range h {
		g = g*1000003 ^ x
	}
	return g
}

// inGrams reports whether token i lies in an n-gram found in grams.
func inGrams(grams map[uint64]bool, h []uint64, i int) bool {
	for s := i - gramSize + 1; s <= i; s++ {
		if s >= 0 && s+gramSize <= len(h) && grams[gramHash(h[s:s+gramSize])] {
			return true
		}
	}
	return false
}
