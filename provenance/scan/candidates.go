package scan

import (
	"context"
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

// gather concatenates bucket k of every worker, keeping the values keep
// accepts, and frees the chunks as it goes.
func gather[T any](buckets [][]chunks[T], k int, keep func(T) bool) []T {
	size := 0
	for w := range buckets {
		size += buckets[w][k].len()
	}
	out := make([]T, 0, size)
	for w := range buckets {
		for i, c := range buckets[w][k] {
			for _, v := range c {
				if keep == nil || keep(v) {
					out = append(out, v)
				}
			}
			buckets[w][k][i] = nil
		}
		buckets[w][k] = nil
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
		postings := gather(buckets, k, func(p align.Posting) bool { return !dup[p.Doc] })
		align.SortPostings(postings)
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
	for k := 0; k < seedRanges; k++ {
		seeds := gather(sb.byWorker, k, nil)
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
		stage.SortSeeds(seeds)
		runs := align.PairRuns(seeds)
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
		err := parallel(ctx, len(kept), workers, "aligning", report, func(_, i int) {
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
