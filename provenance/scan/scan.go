// Package scan runs the passage engine over a collection: it tokenizes and
// shingles every document, builds the n-gram index, finds candidate pairs,
// aligns them, summarises each pair and hands the result to the lineage
// layer. The heavy stages are the plain functions of provenance/text and
// provenance/align; this package is the small in-process runner that calls
// them on a worker per core, reports progress and honours cancellation.
package scan

import (
	"context"
	"fmt"
	"slices"

	"github.com/copytrail/copytrail/provenance"
	"github.com/copytrail/copytrail/provenance/align"
	"github.com/copytrail/copytrail/provenance/stage"
)

// shardBits: the index is cut into 1<<shardBits shards by key.
const shardBits = 8

const shards = 1 << shardBits

// Scanner runs scans. The zero value works: a worker per core, no cache.
type Scanner struct {
	// Workers is the number of goroutines (<= 0: one per core).
	Workers int
	// Cache, when set, keeps words and shingles between scans.
	Cache *Cache
	// Decided, when set, is called from Run's goroutine as each stage's
	// values are decided, with the result as it stands, so a writer can
	// stream them (copytrail scan --jsonl): "documents" (Documents with
	// their word counts and hashes, and Duplicates), "passages" (Passages
	// and Pairs), "lineage" (Links, Families, Mutations, OutletEdges).
	Decided func(stage string, r *provenance.Result)
}

func (sc *Scanner) decided(stage string, r *provenance.Result) {
	if sc.Decided != nil {
		sc.Decided(stage, r)
	}
}

// Run scans docs with settings s using a fresh Scanner (see Scanner.Run).
func Run(ctx context.Context, docs []provenance.Document, s provenance.Settings, progress func(provenance.Progress)) (*provenance.Result, error) {
	return (&Scanner{}).Run(ctx, docs, s, progress)
}

// Run finds the passages docs share and returns the result with Words,
// Passages and Pairs filled, then lineage.Analyze's links, families and
// mutations. Documents with the same text (same ContentHash, or the same
// words when it is empty) are recorded in Duplicates and not matched with
// each other or anything else. progress may be nil; it is called from one
// goroutine and never waited for by the workers.
func (sc *Scanner) Run(ctx context.Context, docs []provenance.Document, s provenance.Settings, progress func(provenance.Progress)) (*provenance.Result, error) {
	if err := Validate(s); err != nil {
		return nil, fmt.Errorf("scan settings: %w", err)
	}
	r := &provenance.Result{Version: provenance.ContractVersion, Settings: s,
		Documents: slices.Clone(docs)}
	n := len(r.Documents)
	ad := make([]align.Doc, n)
	workers := workerCount(sc.Workers)
	// Stage 1 on the workers: each document's words stay (alignment needs
	// them); its shingles go straight into the worker's shard buckets.
	buckets := make([][][]align.Posting, workers)
	for w := range buckets {
		buckets[w] = make([][]align.Posting, shards)
	}
	err := parallel(ctx, n, workers, "indexing", progress, func(w, i int) {
		d := &r.Documents[i]
		key := cacheKey(d, s)
		e, ok := sc.Cache.get(key)
		if !ok {
			e = stage.ShingleDocument(d, s)
			sc.Cache.put(key, e)
		}
		d.Words = e.WordCount
		d.ContentHash = e.ContentHash
		ad[i] = align.Doc{ID: d.ID, Text: d.Text, Words: e.Words}
		b := buckets[w]
		stage.Postings(uint32(i), e.Shingles, func(p align.Posting) {
			k := align.Shard(p.Key, shardBits)
			b[k] = append(b[k], p)
		})
	})
	if err != nil {
		return nil, err
	}
	var dup []bool
	r.Duplicates, dup = markDuplicates(r.Documents)
	words := make([]int, n)
	for i := range r.Documents {
		words[i] = r.Documents[i].Words
	}
	sc.decided("documents", r)
	facts := stage.Facts(r.Documents, words)
	seeds, err := findSeeds(ctx, workers, buckets, dup, facts, stage.FamilyLimit(s, n-len(r.Duplicates)), ad, s, progress)
	if err != nil {
		return nil, err
	}
	runs := align.PairRuns(seeds)
	runs = slices.DeleteFunc(runs, func(r []align.Seed) bool { return !stage.Candidate(r, s) })
	found := make([][]provenance.Passage, len(runs))
	err = parallel(ctx, len(runs), workers, "aligning", progress, func(_, i int) {
		run := runs[i]
		found[i] = stage.AlignPair(&ad[run[0].A], &ad[run[0].B], run, s)
	})
	if err != nil {
		return nil, err
	}
	for i, ps := range found {
		if len(ps) == 0 {
			continue
		}
		a, b := runs[i][0].A, runs[i][0].B
		idx := make([]int, len(ps))
		for k := range ps {
			idx[k] = len(r.Passages) + k
		}
		r.Passages = append(r.Passages, ps...)
		r.Pairs = append(r.Pairs, stage.Summarise(&ad[a], &ad[b], r.Documents[a].Words, r.Documents[b].Words, r.Passages, idx))
	}
	sc.decided("passages", r)
	if progress != nil {
		progress(provenance.Progress{Stage: "linking"})
	}
	if err := stage.Lineage(ctx, r); err != nil {
		return r, fmt.Errorf("lineage: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return r, err
	}
	sc.decided("lineage", r)
	return r, nil
}

// markDuplicates records documents whose ContentHash repeats an earlier one;
// dup marks them, so they match nothing.
func markDuplicates(docs []provenance.Document) ([]provenance.Duplicate, []bool) {
	var dups []provenance.Duplicate
	dup := make([]bool, len(docs))
	first := map[string]int{}
	for i := range docs {
		h := docs[i].ContentHash
		if j, ok := first[h]; ok && docs[i].Words > 0 {
			dups = append(dups, provenance.Duplicate{Doc: docs[i].ID, Original: docs[j].ID, Reason: "identical text"})
			dup[i] = true
			continue
		}
		first[h] = i
	}
	return dups, dup
}

// findSeeds runs the candidate stage on each shard of the index (the
// workers' buckets of one shard together, duplicates left out), marks each
// document's common positions in ad[*].Common, and returns the seeds sorted
// by pair.
func findSeeds(ctx context.Context, workers int, buckets [][][]align.Posting, dup []bool, facts []align.DocFacts, limit int, ad []align.Doc, s provenance.Settings, progress func(provenance.Progress)) ([]align.Seed, error) {
	seeds := make([][]align.Seed, shards)
	family := make([][]align.Posting, shards)
	err := parallel(ctx, shards, workers, "matching", progress, func(_, k int) {
		size := 0
		for w := range buckets {
			size += len(buckets[w][k])
		}
		postings := make([]align.Posting, 0, size)
		for w := range buckets {
			for _, p := range buckets[w][k] {
				if !dup[p.Doc] {
					postings = append(postings, p)
				}
			}
			buckets[w][k] = nil
		}
		align.SortPostings(postings)
		emit := func(sd align.Seed) { seeds[k] = append(seeds[k], sd) }
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
	for _, fs := range family {
		for _, p := range fs {
			famPos[p.Doc] = append(famPos[p.Doc], p.Pos)
		}
	}
	err = parallel(ctx, len(ad), workers, "matching", nil, func(_, i int) {
		ad[i].Common = stage.CommonPositions(&ad[i].Words, famPos[i], s)
	})
	if err != nil {
		return nil, err
	}
	// Counting sort by document A, then each A's seeds sorted on a worker:
	// the result is ordered as align.SortSeeds orders it.
	starts := make([]int, len(ad)+1)
	for _, ss := range seeds {
		for _, s := range ss {
			starts[s.A+1]++
		}
	}
	for i := 1; i < len(starts); i++ {
		starts[i] += starts[i-1]
	}
	all := make([]align.Seed, starts[len(ad)])
	next := slices.Clone(starts[:len(ad)])
	for k, ss := range seeds {
		for _, s := range ss {
			all[next[s.A]] = s
			next[s.A]++
		}
		seeds[k] = nil
	}
	err = parallel(ctx, len(ad), workers, "matching", nil, func(_, a int) {
		stage.SortSeeds(all[starts[a]:starts[a+1]])
	})
	return all, err
}
