package align

import (
	"math/bits"
	"sync"
)

// maxLCSCells bounds the dynamic-programming table of lcsRuns; larger
// regions are aligned with go-diff's Myers diff instead.
const maxLCSCells = 1 << 18

// lcsRuns aligns word-hash sequences a and b (starting at word positions a0
// and b0 of their documents) and returns the equal runs of a longest common
// subsequence. Small regions, the common case, use a plain LCS table (no
// allocation beyond it, no string conversion); large ones go-diff.
func lcsRuns(a, b []uint64, a0, b0 int) []run {
	var out []run
	// common prefix and suffix
	p := 0
	for p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	if p > 0 {
		out = append(out, run{a: a0, b: b0, n: p})
	}
	s := 0
	for s < len(a)-p && s < len(b)-p && a[len(a)-1-s] == b[len(b)-1-s] {
		s++
	}
	ma, mb := a[p:len(a)-s], b[p:len(b)-s]
	switch {
	case len(ma) == 0 || len(mb) == 0:
	case len(ma)*len(mb) > maxLCSCells:
		out = appendRuns(out, equalRuns(wordDiff(ma, mb, false), a0+p, b0+p))
	case len(mb) <= 64:
		out = appendRuns(out, bitRuns(ma, mb, a0+p, b0+p))
	default:
		out = appendRuns(out, tableRuns(ma, mb, a0+p, b0+p))
	}
	if s > 0 {
		out = appendRuns(out, []run{{a: a0 + len(a) - s, b: b0 + len(b) - s, n: s}})
	}
	return out
}

// appendRuns appends runs, joining a run that continues the last one.
func appendRuns(out, more []run) []run {
	for _, r := range more {
		out = extendRun(out, r)
	}
	return out
}

// extendRun appends r, or lengthens the last run when r continues it.
func extendRun(out []run, r run) []run {
	if n := len(out); n > 0 {
		if l := &out[n-1]; l.a+l.n == r.a && l.b+l.n == r.b {
			l.n += r.n
			return out
		}
	}
	return append(out, r)
}

// tablePool recycles LCS tables between calls.
var tablePool = sync.Pool{New: func() any { return new([]uint16) }}

// tableRuns is the LCS by a suffix table, read forwards.
func tableRuns(a, b []uint64, a0, b0 int) []run {
	n, m := len(a), len(b)
	w := m + 1
	buf := tablePool.Get().(*[]uint16)
	defer tablePool.Put(buf)
	if cap(*buf) < (n+1)*w {
		*buf = make([]uint16, (n+1)*w)
	}
	L := (*buf)[:(n+1)*w]
	clear(L[n*w:])
	for i := n - 1; i >= 0; i-- {
		row, next := L[i*w:(i+1)*w], L[(i+1)*w:(i+2)*w]
		row[m] = 0
		ai := a[i]
		for j := m - 1; j >= 0; j-- {
			switch {
			case ai == b[j]:
				row[j] = next[j+1] + 1
			case next[j] >= row[j+1]:
				row[j] = next[j]
			default:
				row[j] = row[j+1]
			}
		}
	}
	var out []run
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			out = extendRun(out, run{a: a0 + i, b: b0 + j, n: 1})
			i++
			j++
		case L[(i+1)*w+j] >= L[i*w+j+1]:
			i++
		default:
			j++
		}
	}
	return out
}

// bitRuns is tableRuns for b of at most 64 words, by the bit-parallel LCS
// (Allison and Dix; Hyyrö's formulation): a row of the suffix table is one
// 64-bit word, computed from the next in a few operations instead of a
// cell at a time, and read back by popcounts. The walk forwards and its
// choices are tableRuns' own, so the runs are the same.
//
// Row i's word w[i] has bit k set where the table drops by one between
// columns m-1-k and m-k: LCS(a[i:], b[j:]) is the number of bits of w[i]
// below m-j.
func bitRuns(a, b []uint64, a0, b0 int) []run {
	n, m := len(a), len(b)
	var masks matchMasks
	for k := 0; k < m; k++ {
		masks.set(b[m-1-k], k)
	}
	full := ^uint64(0) >> (64 - m)
	buf := wordPool.Get().(*[]uint64)
	defer wordPool.Put(buf)
	if cap(*buf) < n+1 {
		*buf = make([]uint64, n+1)
	}
	w := (*buf)[:n+1]
	w[n] = 0
	v := full
	for i := n - 1; i >= 0; i-- {
		u := v & masks.get(a[i])
		v = ((v + u) | (v - u)) & full
		w[i] = ^v & full
	}
	below := func(x uint64, k int) int { // set bits of x under bit k
		if k >= 64 {
			return bits.OnesCount64(x)
		}
		return bits.OnesCount64(x & (1<<uint(k) - 1))
	}
	var out []run
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case a[i] == b[j]:
			out = extendRun(out, run{a: a0 + i, b: b0 + j, n: 1})
			i++
			j++
		case below(w[i+1], m-j) >= below(w[i], m-j-1):
			i++
		default:
			j++
		}
	}
	return out
}

// wordPool recycles bitRuns' rows between calls.
var wordPool = sync.Pool{New: func() any { return new([]uint64) }}

// matchMasks maps a word hash to the bit mask of its places in a text of at
// most 64 words: an open-addressing table of 128 slots, on the stack.
type matchMasks struct {
	keys  [128]uint64
	masks [128]uint64
	used  [128]bool
}

func (mm *matchMasks) set(key uint64, k int) {
	for s := key & 127; ; s = (s + 1) & 127 {
		if !mm.used[s] {
			mm.used[s], mm.keys[s] = true, key
			mm.masks[s] = 1 << uint(k)
			return
		}
		if mm.keys[s] == key {
			mm.masks[s] |= 1 << uint(k)
			return
		}
	}
}

func (mm *matchMasks) get(key uint64) uint64 {
	for s := key & 127; mm.used[s]; s = (s + 1) & 127 {
		if mm.keys[s] == key {
			return mm.masks[s]
		}
	}
	return 0
}
