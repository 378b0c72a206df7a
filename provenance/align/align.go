// Package align finds the passages two documents share and aligns them word
// by word. Its heavy stages are plain functions over plain values, so any
// runner can call them (provenance/scan runs them on a worker per core):
//
//   - Shingles: one document's hashed word n-grams.
//   - CandidatesForKey: one n-gram key's postings -> seeds of candidate
//     pairs (every pair of a key's documents up to FamilyLimit; beyond it
//     the members of the family against its representatives, so a text
//     carried by thousands of documents is neither dropped nor all pairs).
//   - AlignPair: one pair's seeds -> chained, aligned, merged passages with
//     word diffs and the incidental flag.
//   - Summarise: passages -> pair summaries (coverage, shared words).
package align

import (
	"slices"
	"sync"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/text"
)

// Params are the matching parameters, taken from provenance.Settings.
type Params struct {
	NGram           int
	MinPassageWords int
	MaxGap          int
	MinSimilarity   float64
	MergeRatio      float64
}

// ParamsOf reads the matching parameters of s, with safe lower bounds.
func ParamsOf(s provenance.Settings) Params {
	p := Params{NGram: s.NGram, MinPassageWords: s.MinPassageWords, MaxGap: s.MaxGap,
		MinSimilarity: s.MinSimilarity, MergeRatio: s.MergeRatio}
	p.NGram = max(p.NGram, 2)
	p.MinPassageWords = max(p.MinPassageWords, p.NGram)
	p.MaxGap = max(p.MaxGap, 0)
	return p
}

// Shingle is one hashed word n-gram of a document starting at word Pos.
type Shingle struct {
	Key uint64
	Pos int32
}

// MaxPerKey is how many occurrences of one n-gram in one document are
// indexed; repeats beyond it (a word said 100,000 times) add nothing.
const MaxPerKey = 3

// Shingles returns the hashed n-grams of one document's words, sorted by key,
// at most MaxPerKey per key (the first ones). N-grams made only of weak
// words (function words, names, numbers) are left out: they cannot anchor
// evidence of copying, and names shared by every article on a story would
// otherwise make most same-story pairs candidates.
func Shingles(w text.Words, n int) []Shingle {
	words := w.Hash
	if n < 1 || len(words) < n {
		return nil
	}
	out := make([]Shingle, 0, len(words)-n+1)
	lastStrong := -1 << 30 // position of the latest non-weak word
	for i := 0; i < len(words); i++ {
		if len(w.Weak) != len(words) || !w.Weak[i] {
			lastStrong = i
		}
		if s := i - n + 1; s >= 0 && lastStrong >= s {
			out = append(out, Shingle{Key: NGramKey(words[s : i+1]), Pos: int32(s)})
		}
	}
	sortShingles(out)
	kept := 0
	for i := range out {
		if kept >= MaxPerKey && out[kept-MaxPerKey].Key == out[i].Key {
			continue
		}
		out[kept] = out[i]
		kept++
	}
	return out[:kept]
}

// sortShingles orders shingles by key, then position: spread over 256
// buckets by the key's top byte (keys are hashes, so a document's few
// hundred fall a few a bucket), then each bucket sorted. The same order as
// one comparison sort on (key, position), at a fraction of its cost.
func sortShingles(s []Shingle) {
	if len(s) < 64 {
		slices.SortFunc(s, cmpShingle)
		return
	}
	var start [257]int32 // bucket b is [start[b], start[b+1])
	for _, x := range s {
		start[x.Key>>56+1]++
	}
	for b := 1; b < len(start); b++ {
		start[b] += start[b-1]
	}
	bufp := shingleBufs.Get().(*[]Shingle)
	if cap(*bufp) < len(s) {
		*bufp = make([]Shingle, len(s))
	}
	buf := (*bufp)[:len(s)]
	at := start
	for _, x := range s {
		b := x.Key >> 56
		buf[at[b]] = x
		at[b]++
	}
	for b := range 256 {
		bucket := buf[start[b]:start[b+1]]
		if len(bucket) <= 8 {
			for i := 1; i < len(bucket); i++ { // insertion sort of a few
				for j := i; j > 0 && cmpShingle(bucket[j-1], bucket[j]) > 0; j-- {
					bucket[j-1], bucket[j] = bucket[j], bucket[j-1]
				}
			}
			continue
		}
		slices.SortFunc(bucket, cmpShingle)
	}
	copy(s, buf)
	shingleBufs.Put(bufp)
}

// cmpShingle orders shingles by key, then position.
func cmpShingle(a, b Shingle) int {
	if a.Key != b.Key {
		if a.Key < b.Key {
			return -1
		}
		return 1
	}
	return int(a.Pos - b.Pos)
}

// shingleBufs recycles sortShingles' second buffer.
var shingleBufs = sync.Pool{New: func() any { return new([]Shingle) }}

// NGramKey hashes a run of word hashes.
func NGramKey(ws []uint64) uint64 {
	k := uint64(0x9E3779B97F4A7C15)
	for _, h := range ws {
		k ^= h
		k *= 0xBF58476D1CE4E5B9
		k ^= k >> 31
	}
	return k
}

// Doc is what alignment needs of one document: its text and words.
type Doc struct {
	ID    string
	Text  string
	Words text.Words
	// Common marks word positions starting an n-gram of common text
	// (sorted; nil when none): a family n-gram (in more documents than
	// FamilyLimit) outside any long stretch of family n-grams, see
	// CommonPositions.
	Common []int32
}
