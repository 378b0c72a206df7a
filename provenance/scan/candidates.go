package scan

import (
	"context"
	"math/bits"
	"slices"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/align"
	"github.com/copytrail/copytrail/provenance/index"
	"github.com/copytrail/copytrail/provenance/stage"
)

// chunkSize is the values of one chunk of a worker's bucket.
const chunkSize = 4096

// chunks holds one worker's values of one bucket (postings of a shard,
// seeds of a range of documents) in fixed-size chunks, so that growing it
// never copies what it holds and never holds twice its size.
type chunks[T any] [][]T

func (c *chunks[T]) add(v T) {
	if n := len(*c); n == 0 || len((*c)[n-1]) == chunkSize {
		*c = append(*c, make([]T, 0, chunkSize))
	}
	last := &(*c)[len(*c)-1]
	*last = append(*last, v)
}

func (c chunks[T]) len() int {
	n := 0
	for _, x := range c {
		n += len(x)
	}
	return n
}

// gatherGrouped concatenates bucket k of every worker grouped by groupOf
// (a counting sort: the values of group g are out[at[g]:at[g+1]], in the
// workers' order within it; a value whose group is negative is left out),
// and frees the chunks as it goes.
func gatherGrouped[T any](buckets [][]chunks[T], k, groups int, groupOf func(T) int) (out []T, at []int) {
	at = make([]int, groups+1)
	for w := range buckets {
		for _, c := range buckets[w][k] {
			for _, v := range c {
				if g := groupOf(v); g >= 0 {
					at[g+1]++
				}
			}
		}
	}
	for g := 1; g < len(at); g++ {
		at[g] += at[g-1]
	}
	out = make([]T, at[groups])
	next := slices.Clone(at[:groups])
	for w := range buckets {
		for i, c := range buckets[w][k] {
			for _, v := range c {
				if g := groupOf(v); g >= 0 {
					out[next[g]] = v
					next[g]++
				}
			}
			buckets[w][k][i] = nil
		}
		buckets[w][k] = nil
	}
	return out, at
}

// gatherShard concatenates shard k of every worker, duplicates left out,
// sorted by key, document and position as align.SortPostings leaves them:
// a counting sort by the key's next bits below the shard's, then each
// of those groups (about a hundred postings) sorted on its own, so the
// cost per posting does not grow with the collection. It frees the chunks
// as it goes.
func gatherShard(buckets [][]chunks[align.Posting], k int, dup []bool) []align.Posting {
	size := 0
	for w := range buckets {
		size += buckets[w][k].len()
	}
	sub := uint(min(12, bits.Len(uint(size/128))))
	shift, mask := 64-shardBits-sub, uint64(1)<<sub-1
	out, at := gatherGrouped(buckets, k, 1<<sub, func(p align.Posting) int {
		if dup[p.Doc] {
			return -1
		}
		return int(p.Key >> shift & mask)
	})
	for g := 0; g+1 < len(at); g++ {
		align.SortPostings(out[at[g]:at[g+1]])
	}
	return out
}

// seedRanges is how many ranges of documents (by the pair's first
// document) the seeds are bucketed into: each range is sorted, aligned and
// freed in turn, so the seeds are never held twice.
const seedRanges = 64

// seedBuckets are the candidate stage's seeds, per worker, per range of
// documents A.
type seedBuckets struct {
	byWorker [][]chunks[align.Seed]
	docs     int
}

func (sb *seedBuckets) rangeOf(a uint32) int {
	return int(uint64(a) * seedRanges / uint64(max(1, sb.docs)))
}

// firstDocs returns the documents A of range k: [lo, hi), the a with
// rangeOf(a) == k.
func (sb *seedBuckets) firstDocs(k int) (lo, hi uint32) {
	d := uint64(max(1, sb.docs))
	first := func(k int) uint32 { return uint32((uint64(k)*d + seedRanges - 1) / seedRanges) }
	return first(k), first(k + 1)
}

// gatherByFirst concatenates range k's seeds of every worker grouped by
// their first document (a counting sort: the seeds of document lo+i are
// seeds[at[i]:at[i+1]], in no order within), and frees the chunks as it
// goes. Each group is then sorted on its own (candidateGroups): a few hundred
// seeds a document instead of the whole range at once.
func (sb *seedBuckets) gatherByFirst(k int) (seeds []align.Seed, at []int) {
	lo, hi := sb.firstDocs(k)
	return gatherGrouped(sb.byWorker, k, int(hi-lo), func(sd align.Seed) int { return int(sd.A - lo) })
}

// pairCounts counts one worker's seeds by second document, for
// candidateGroups: a count is good for the group whose stamp it carries.
type pairCounts struct {
	stamp []uint32
	count []uint8
	group uint32
}

// newPairCounts returns a worker's counts of documents docs, or nil when
// every pair with a seed is a candidate (minSeeds <= 1) or when minSeeds
// is more than a count holds.
func newPairCounts(workers, docs, minSeeds int) []pairCounts {
	if minSeeds <= 1 || minSeeds > 255 {
		return nil
	}
	counts := make([]pairCounts, workerCount(workers))
	for w := range counts {
		counts[w] = pairCounts{stamp: make([]uint32, docs), count: make([]uint8, docs)}
	}
	return counts
}

// add counts a seed with second document b (up to 255).
func (c *pairCounts) add(b uint32) {
	if c.stamp[b] != c.group {
		c.stamp[b], c.count[b] = c.group, 0
	}
	if c.count[b] < 255 {
		c.count[b]++
	}
}

// candidateGroups keeps, in each group of seeds (seeds[at[i]:at[i+1]], all
// of one first document), the seeds of the pairs with at least minSeeds of
// them, the pairs stage.Candidate aligns (all of them when counts is nil:
// Candidate still decides), and sorts them by pair and position on the
// workers (counts has one per worker, from newPairCounts); it returns the
// seeds kept, together as stage.SortSeeds would leave them. Most pairs of
// a large collection share one n-gram (a stock phrase): they are dropped
// before the sort, not after it.
func candidateGroups(ctx context.Context, workers int, counts []pairCounts, seeds []align.Seed, at []int, minSeeds int) ([]align.Seed, error) {
	kept := make([]int, len(at)-1)
	err := parallel(ctx, len(at)-1, workers, "aligning", nil, func(w, i int) {
		g := seeds[at[i]:at[i+1]]
		if counts != nil {
			c := &counts[w]
			c.group++ // stamps start at 0: the first group is 1
			for _, sd := range g {
				c.add(sd.B)
			}
			n := 0
			for _, sd := range g {
				if int(c.count[sd.B]) >= minSeeds {
					g[n] = sd
					n++
				}
			}
			g = g[:n]
		}
		stage.SortSeeds(g)
		kept[i] = len(g)
	})
	if err != nil {
		return nil, err
	}
	out := seeds[:0]
	for i, n := range kept {
		out = append(out, seeds[at[i]:at[i]+n]...) // never ahead of what it copies
	}
	return out, nil
}

// findSeeds runs the candidate stage on each shard of the index (the
// workers' buckets of one shard together, duplicates left out), marks each
// document's common positions in ad[*].Common, and returns the seeds
// bucketed by range of their first document.
//
// When ix is not nil, each shard's sorted postings are also encoded into
// its buckets (ix.Bits >= shardBits, so a shard holds whole buckets).
func findSeeds(ctx context.Context, workers int, buckets [][]chunks[align.Posting], dup []bool, facts []align.DocFacts, limit int, ad []align.Doc, s provenance.Settings, ix *index.Index, progress func(provenance.Progress)) (*seedBuckets, error) {
	sb := &seedBuckets{byWorker: make([][]chunks[align.Seed], workers), docs: len(ad)}
	for w := range sb.byWorker {
		sb.byWorker[w] = make([]chunks[align.Seed], seedRanges)
	}
	family := make([][]align.Posting, shards)
	err := parallel(ctx, shards, workers, "matching", progress, func(w, k int) {
		postings := gatherShard(buckets, k, dup)
		if ix != nil {
			encodeShard(ix, postings)
		}
		out := sb.byWorker[w]
		emit := func(sd align.Seed) { out[sb.rangeOf(sd.A)].add(sd) }
		align.EachKey(postings, func(run []align.Posting) {
			if len(run) > 1 && stage.CandidatesForKey(run, facts, limit, emit) == align.KeyFamily {
				family[k] = append(family[k], run...)
			}
		})
	})
	if err != nil {
		return nil, err
	}
	famPos := make([][]int32, len(ad))
	for k, fs := range family {
		for i, p := range fs {
			famPos[p.Doc] = append(famPos[p.Doc], p.Pos)
			if ix != nil && (i == 0 || p.Key != fs[i-1].Key) {
				ix.Family = append(ix.Family, p.Key) // shards and keys in order
			}
		}
		family[k] = nil
	}
	err = parallel(ctx, len(ad), workers, "matching", nil, func(_, i int) {
		ad[i].Common = stage.CommonPositions(&ad[i].Words, famPos[i], s)
	})
	return sb, err
}

// alignSeeds takes the seeds range by range: sorted by pair, the pairs with
// enough seeds aligned on the workers, their passages and summaries added
// to r in pair order, the range freed before the next.
//
// With a checkpoint, each range finished is recorded, and a range an
// earlier run finished is read back instead of aligned.
func alignSeeds(ctx context.Context, workers int, sb *seedBuckets, ad []align.Doc, r *provenance.Result, s provenance.Settings, cp Checkpoint, progress func(provenance.Progress)) error {
	total := 0
	for w := range sb.byWorker {
		for k := range sb.byWorker[w] {
			total += sb.byWorker[w][k].len()
		}
	}
	done := 0
	counts := newPairCounts(workers, len(ad), s.MinSeeds)
	for k := 0; k < seedRanges; k++ {
		seeds, at := sb.gatherByFirst(k)
		if cp != nil {
			ps, prs, ok, err := cp.Range(k)
			if err != nil {
				return err
			}
			if ok {
				base := len(r.Passages)
				r.Passages = append(r.Passages, ps...)
				for _, p := range prs {
					for j := range p.Passages {
						p.Passages[j] += base
					}
					r.Pairs = append(r.Pairs, p)
				}
				done += len(seeds)
				continue
			}
		}
		firstPassage, firstPair := len(r.Passages), len(r.Pairs)
		aligned, err := candidateGroups(ctx, workers, counts, seeds, at, s.MinSeeds)
		if err != nil {
			return err
		}
		runs := align.PairRuns(aligned)
		kept := runs[:0]
		for _, run := range runs {
			if stage.Candidate(run, s) {
				kept = append(kept, run)
			}
		}
		found := make([][]provenance.Passage, len(kept))
		var report func(provenance.Progress)
		if progress != nil {
			base, n := done, len(seeds)
			report = func(p provenance.Progress) {
				at := base
				if p.Total > 0 {
					at += n * p.Done / p.Total
				}
				progress(provenance.Progress{Stage: "aligning", Done: at, Total: total, Note: "seeds"})
			}
		}
		err = parallel(ctx, len(kept), workers, "aligning", report, func(_, i int) {
			run := kept[i]
			found[i] = stage.AlignPair(&ad[run[0].A], &ad[run[0].B], run, s)
		})
		if err != nil {
			return err
		}
		done += len(seeds)
		for i, ps := range found {
			if len(ps) == 0 {
				continue
			}
			a, b := kept[i][0].A, kept[i][0].B
			idx := make([]int, len(ps))
			for j := range ps {
				idx[j] = len(r.Passages) + j
			}
			r.Passages = append(r.Passages, ps...)
			r.Pairs = append(r.Pairs, stage.Summarise(&ad[a], &ad[b], r.Documents[a].Words, r.Documents[b].Words, r.Passages, idx))
		}
		if cp != nil {
			pairs := make([]provenance.Pair, 0, len(r.Pairs)-firstPair)
			for _, p := range r.Pairs[firstPair:] {
				p.Passages = slices.Clone(p.Passages)
				for j := range p.Passages {
					p.Passages[j] -= firstPassage
				}
				pairs = append(pairs, p)
			}
			if err := cp.SaveRange(k, r.Passages[firstPassage:], pairs); err != nil {
				return err
			}
		}
	}
	return nil
}

// encodeShard writes one shard's postings (sorted by key, document and
// position) into the index's buckets.
func encodeShard(ix *index.Index, postings []align.Posting) {
	for i := 0; i < len(postings); {
		b := ix.Bucket(postings[i].Key)
		j := i
		for j < len(postings) && ix.Bucket(postings[j].Key) == b {
			j++
		}
		ix.Buckets[b] = index.Encode(postings[i:j])
		i = j
	}
}
