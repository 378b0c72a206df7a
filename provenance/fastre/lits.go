package fastre

import "strings"

// minScanLits is the number of literals from which one pass over a text
// that checks them all at each byte beats a substring search per literal.
// A search per literal is fast (the runtime's vector byte search) but
// restarts at every occurrence of the literal's first byte, and a
// pattern's start set or required words often hold a dozen literals
// ("says", "déclare", "affirme", …), most beginning with common letters.
const minScanLits = 3

// litScan finds, in one pass over a text, where any of a set of
// literals of two bytes or more begins. Each literal's first two bytes
// (lower-cased for a folded one) are marked in a table of byte pairs, so
// most bytes are passed over with one lookup and only the literals whose
// two bytes stand there are compared.
type litScan struct {
	lits []lit
	keys []uint16 // each literal's first two bytes, as the tables index them
	// first marks the bytes a literal can start with (both cases when
	// folded); exact and fold mark the byte pairs of the exact and of the
	// folded literals.
	first       [256]bool
	exact, fold [1 << 16 / 64]uint64
}

// newLitScan builds the scan of lits, or nil when one is shorter than two
// bytes (those are searched as before).
func newLitScan(lits []lit) *litScan {
	ls := &litScan{lits: lits}
	for _, l := range lits {
		if len(l.s) < 2 {
			return nil
		}
		k := pairKey(l.s[0], l.s[1])
		if l.fold {
			k = pairKey(lower(l.s[0]), lower(l.s[1]))
			ls.fold[k/64] |= 1 << (k % 64)
			ls.first[lower(l.s[0])], ls.first[upper(l.s[0])] = true, true
		} else {
			ls.exact[k/64] |= 1 << (k % 64)
			ls.first[l.s[0]] = true
		}
		ls.keys = append(ls.keys, k)
	}
	return ls
}

func pairKey(a, b byte) uint16 { return uint16(a)<<8 | uint16(b) }

// each calls fn with each offset of text at which one of the literals
// begins, in increasing order and once per offset, until fn returns
// false; it returns false then.
func (ls *litScan) each(text string, fn func(i int) bool) bool {
	for i := 0; i+1 < len(text); i++ {
		c := text[i]
		if !ls.first[c] {
			continue
		}
		d := text[i+1]
		ke, kf := pairKey(c, d), pairKey(lower(c), lower(d))
		if ls.exact[ke/64]&(1<<(ke%64)) == 0 && ls.fold[kf/64]&(1<<(kf%64)) == 0 {
			continue
		}
		if ls.at(text[i:], ke, kf) && !fn(i) {
			return false
		}
	}
	return true
}

// at reports whether one of the literals begins s, whose first two bytes
// give the keys ke (as written) and kf (lower-cased).
func (ls *litScan) at(s string, ke, kf uint16) bool {
	for j, l := range ls.lits {
		if l.fold {
			if ls.keys[j] == kf && hasPrefixFold(s, l.s) {
				return true
			}
		} else if ls.keys[j] == ke && strings.HasPrefix(s, l.s) {
			return true
		}
	}
	return false
}

// contains reports whether one of the literals occurs in text.
func (ls *litScan) contains(text string) bool {
	return !ls.each(text, func(int) bool { return false })
}
